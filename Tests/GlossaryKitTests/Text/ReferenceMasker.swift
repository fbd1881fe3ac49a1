@testable import GlossaryKit

/// The Markdown masking rules read byte by byte, each search run afresh from where it starts:
/// slow on hostile input, but plain to check `MarkdownMasker`'s linear search against.
enum ReferenceMasker {
    /// The regions `MarkdownMasker.maskedRanges(_:markdown: true)` must give, sorted.
    static func maskedRanges(_ text: [UInt8]) -> [MaskedRange] {
        text.withUnsafeBufferPointer { bytes in
            let blocks = MarkdownMasker.fencedCodeBlocks(bytes)
            let ranges = blocks.map { MaskedRange($0, .opaque) } + inlineRanges(bytes, skipping: blocks)
            return ranges.filter { !$0.range.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        }
    }

    private static func inlineRanges(_ bytes: UnsafeBufferPointer<UInt8>, skipping blocks: [Range<Int>]) -> [MaskedRange] {
        var inline: [MaskedRange] = []
        var index = 0
        var blockIndex = 0
        let urls = MarkdownMasker.urlRangesByteByByte(bytes)
        var urlIndex = 0
        // The unclosed `[`s of the paragraph, and whether the line so far has text.
        var openBrackets: [Int] = []
        var lineHasText = false
        while index < bytes.count {
            if blockIndex < blocks.count, index >= blocks[blockIndex].lowerBound {
                index = max(index, blocks[blockIndex].upperBound)
                blockIndex += 1
                openBrackets = []
                lineHasText = false
                continue
            }
            while urlIndex < urls.count, urls[urlIndex].upperBound <= index { urlIndex += 1 }
            if urlIndex < urls.count, urls[urlIndex].lowerBound == index {
                inline.append(MaskedRange(urls[urlIndex], .opaque))
                index = urls[urlIndex].upperBound
                lineHasText = true
                continue
            }
            let byte = bytes[index]
            if byte == 0x0A {
                if !lineHasText { openBrackets = [] }
                lineHasText = false
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
                continue
            }
            lineHasText = true
            let delimiters = [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~")]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count,
                (delimiters + [UInt8(ascii: "["), UInt8(ascii: "]")]).contains(bytes[index + 1])
            {
                index += 2
                continue
            }
            if delimiters.contains(byte) {
                let end = bytes[index...].firstIndex { $0 != byte } ?? bytes.count
                if MarkdownMasker.delimiterRunIsMarkup(bytes, index..<end) {
                    inline.append(MaskedRange(index..<end, .transparent))
                }
                index = end
                continue
            }
            if byte == UInt8(ascii: "[") {
                openBrackets.append(index)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "`") {
                var run = 0
                while index + run < bytes.count && bytes[index + run] == UInt8(ascii: "`") { run += 1 }
                if let close = closingRun(bytes, from: index + run, length: run) {
                    inline.append(MaskedRange(index..<(close + run), .opaque))
                    index = close + run
                    continue
                }
                index += run
                continue
            }
            if byte == UInt8(ascii: "<") {
                if starts(bytes, at: index, "<!--") {
                    var end = bytes.count
                    for position in (index + 4)..<max(index + 4, bytes.count - 2) where starts(bytes, at: position, "-->") {
                        end = position + 3
                        break
                    }
                    inline.append(MaskedRange(index..<end, .opaque))
                    index = end
                    continue
                }
                if let end = tagEnd(bytes, from: index) {
                    inline.append(MaskedRange(index..<end, isPhrasing(bytes[index..<end]) ? .transparent : .opaque))
                    index = end
                    continue
                }
            }
            let opening = byte == UInt8(ascii: "]") ? openBrackets.popLast() : nil
            if let opening, opening == 0 || bytes[opening - 1] != UInt8(ascii: "!"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "["), let close = labelEnd(bytes, from: index + 2)
            {
                inline.append(MaskedRange(opening..<(opening + 1), .transparent))
                inline.append(MaskedRange(index..<(close + 1), .transparent))
                index = close + 1
                continue
            }
            if byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                if let close = bytes[(index + 2)...].firstIndex(where: { $0 == UInt8(ascii: ")") || $0 == 0x0A }),
                    bytes[close] == UInt8(ascii: ")")
                {
                    if let opening, opening == 0 || bytes[opening - 1] != UInt8(ascii: "!") {
                        inline.append(MaskedRange(opening..<(opening + 1), .transparent))
                        inline.append(MaskedRange(index..<(close + 1), .transparent))
                    } else {
                        inline.append(MaskedRange((index + 1)..<(close + 1), .opaque))
                    }
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
        return inline
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: String) -> Bool {
        let pattern = Array(literal.utf8)
        return index + pattern.count <= bytes.count && Array(bytes[index..<(index + pattern.count)]) == pattern
    }

    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        let next = bytes[index + 1]
        guard (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") else {
            return nil
        }
        var end = index + 1
        var quote: UInt8?
        while end < bytes.count, quote != nil || bytes[end] != UInt8(ascii: ">") {
            if bytes[end] == 0x0A && end + 1 < bytes.count && bytes[end + 1] == 0x0A { return nil }
            if bytes[end] == UInt8(ascii: "<") { return nil }
            if bytes[end] == quote {
                quote = nil
            } else if quote == nil, bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'"),
                bytes[end - 1] == UInt8(ascii: "=")
            {
                quote = bytes[end]
            }
            end += 1
        }
        return end < bytes.count ? end + 1 : nil
    }

    /// Whether `tag` (from `<` to `>`) opens or closes an element of
    /// `MarkdownMasker.phrasingElements`, read by its name up to white space, `/` or `>`.
    private static func isPhrasing(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let text = String(decoding: tag, as: UTF8.self).lowercased().dropFirst()
        let afterSlash = text.hasPrefix("/") ? text.dropFirst() : text
        let name = afterSlash.prefix { !" \t\n\r\u{0B}\u{0C}/>".contains($0) }
        return name.allSatisfy { $0.isASCII && $0.isLetter } && MarkdownMasker.phrasingElements.contains(String(name))
    }

    /// The `]` ending a reference label whose text starts at `start`, unless a `[` or a line
    /// break comes first; an escaped character is passed over.
    private static func labelEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "]") { return index }
            if bytes[index] == UInt8(ascii: "[") || bytes[index] == 0x0A { return nil }
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return nil
    }

    /// The start of the next run of exactly `length` backticks from `start`, unless a blank line
    /// comes first.
    private static func closingRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, length: Int) -> Int? {
        var index = start
        var newlineSeen = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                if newlineSeen { return nil }
                newlineSeen = true
            } else if byte != 0x20 && byte != 0x0D && byte != 0x09 {
                newlineSeen = false
            }
            if byte == UInt8(ascii: "`") {
                var run = 0
                while index + run < bytes.count && bytes[index + run] == UInt8(ascii: "`") { run += 1 }
                if run == length { return index }
                index += run
                continue
            }
            index += 1
        }
        return nil
    }
}
