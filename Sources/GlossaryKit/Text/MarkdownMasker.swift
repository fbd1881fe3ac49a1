/// Hides the parts of a text that are not prose, so that no term is looked for in them.
///
/// Masking keeps every byte offset: masked bytes become spaces (line breaks stay), and the first
/// masked byte of each region becomes `MarkdownMasker.mark`, so that no multi-word term is matched
/// across a masked region.
///
/// In Markdown it masks fenced code blocks (```` ``` ```` and `~~~`), inline code spans, HTML
/// comments, HTML tags (not their content), autolinks, link destinations and bare URLs. In plain
/// text it masks bare URLs and e-mail-like addresses only.
enum MarkdownMasker {
    /// The byte that marks the start of a masked region (ASCII unit separator).
    static let mark: UInt8 = 0x1F

    /// Returns a copy of `bytes` with non-prose regions masked.
    ///
    /// - Complexity: O(*n*); plain text is searched for URL schemes from their rare `:` and `.`
    ///   rather than letter by letter.
    static func mask(_ bytes: [UInt8], markdown: Bool) -> [UInt8] {
        let ranges = maskedRanges(bytes, markdown: markdown)
        guard !ranges.isEmpty else { return bytes }
        var output = bytes
        apply(ranges, to: &output, original: bytes[...], offset: 0)
        return output
    }

    /// The regions `mask(_:markdown:)` hides, sorted, without copying the text.
    static func maskedRanges(_ bytes: [UInt8], markdown: Bool) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { maskedRanges($0, markdown: markdown) }
    }

    /// The regions `mask(_:markdown:)` hides in `bytes`, sorted.
    ///
    /// `passed(offset)` is called now and then during each forward pass over the text with an
    /// offset that pass will not read before again, so that a caller reading a mapped file can
    /// give back the pages behind it (see `MappedFile.release(_:)`).
    ///
    /// - Complexity: O(*n*).
    static func maskedRanges(
        _ bytes: UnsafeBufferPointer<UInt8>, markdown: Bool, passed: (Int) -> Void = { _ in }
    ) -> [Range<Int>] {
        var ranges: [Range<Int>] = markdown ? fencedCodeBlocks(bytes, passed: passed) : []
        ranges += markdown ? inlineRanges(bytes, skipping: ranges, passed: passed) : urlRanges(bytes, passed: passed)
        return ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// How many bytes a pass reads between two calls of its `passed` callback.
    private static let passedInterval = 1 << 22

    /// Masks the parts of `ranges` that fall in a chunk: `chunk` holds `original`'s bytes, whose
    /// first byte is at `offset` in the whole text.
    static func apply<Original: RandomAccessCollection<UInt8>>(
        _ ranges: some Collection<Range<Int>>, to chunk: inout [UInt8], original: Original, offset: Int
    ) where Original.Index == Int {
        let chunkRange = offset..<(offset + chunk.count)
        for range in ranges where range.overlaps(chunkRange) {
            let clipped = range.clamped(to: chunkRange)
            for position in clipped where chunk[position - offset] != 0x0A && chunk[position - offset] != 0x0D {
                chunk[position - offset] = 0x20
            }
            // The mark goes on the first byte that is not a line break.
            if let first = clipped.first(where: {
                original[$0 - offset + original.startIndex] != 0x0A && original[$0 - offset + original.startIndex] != 0x0D
            }) {
                chunk[first - offset] = mark
            }
        }
    }

    /// URLs in plain text: found from their `://` or `www.`, which are rare, rather than by
    /// looking at every letter.
    static func urlRanges(_ bytes: UnsafeBufferPointer<UInt8>, passed: (Int) -> Void = { _ in }) -> [Range<Int>] {
        // A URL starts with a scheme and "://" or with "www.": the C library finds those, and
        // only there is the scheme walked back over (a ':' or '.' elsewhere starts nothing).
        // Triggers are taken in text order, and one inside a URL already found is skipped.
        // The search goes window by window, telling `passed` how far it has come, so that a
        // mapped file's pages can be given back behind it.
        var triggers: [Int] = []
        var window = 0
        while window < bytes.count {
            let windowEnd = min(bytes.count, window + passedInterval)
            // Each trigger is found from its rarer byte: every ':' followed by "//", every '.'
            // after "www". (A search for the whole needle is slower: its bytes are common.)
            ByteSearch.forEach(UInt8(ascii: ":"), in: bytes, from: window, to: windowEnd) { index in
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") {
                    triggers.append(index)
                }
            }
            ByteSearch.forEach(UInt8(ascii: "."), in: bytes, from: window, to: windowEnd) { index in
                if index >= 3, bytes[index - 1] == UInt8(ascii: "w"), bytes[index - 2] == UInt8(ascii: "w"),
                    bytes[index - 3] == UInt8(ascii: "w")
                {
                    triggers.append(index)
                }
            }
            passed(windowEnd)
            window = windowEnd
        }
        triggers.sort()
        var ranges: [Range<Int>] = []
        var index = 0
        var steps = bytes.count / 8 + triggers.count
        for trigger in triggers where trigger >= index {
            if let found = url(at: trigger, in: bytes, after: ranges.last, steps: &steps) {
                ranges.append(found)
                index = found.upperBound
            }
        }
        WorkMeter.record(steps)
        return ranges
    }

    /// The URLs found byte by byte, trying every ':' and '.': the reference that the tests
    /// compare `urlRanges` with.
    static func urlRangesByteByByte(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var steps = 0
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "."),
                let end = url(at: index, in: bytes, after: ranges.last, steps: &steps)
            {
                ranges.append(end)
                index = end.upperBound
                continue
            }
            index += 1
        }
        return ranges
    }

    /// The URL whose scheme or "www" ends at `index` (a ':' or '.'), unless it overlaps `last`.
    /// `steps` counts the bytes walked (see `WorkMeter`).
    private static func url(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, after last: Range<Int>?, steps: inout Int)
        -> Range<Int>?
    {
        // Walk back over the scheme or the "www".
        var start = index
        while start > 0, bytes[start - 1] | 0x20 >= 0x61, bytes[start - 1] | 0x20 <= 0x7A { start -= 1 }
        steps += index - start
        guard start < index, start == 0 || !isWordByte(bytes[start - 1]),
            let end = urlEnd(bytes, from: start, steps: &steps), end > index
        else { return nil }
        if let last, last.upperBound > start { return nil }
        return start..<end
    }

    /// Inline code, HTML comments and tags, link destinations and URLs in Markdown, outside the
    /// blocks already masked.
    ///
    /// - Complexity: O(*n*). No search runs again over text an earlier one has read: a link
    ///   destination's `)` is remembered until it is passed, and a code span's closing run is
    ///   looked up in an index of the paragraph's backtick runs (`CodeSpanParagraph`).
    private static func inlineRanges(_ bytes: UnsafeBufferPointer<UInt8>, skipping blocks: [Range<Int>], passed: (Int) -> Void)
        -> [Range<Int>]
    {
        var inline: [Range<Int>] = []
        var index = 0
        let blocked = blocks.sorted { $0.lowerBound < $1.lowerBound }
        var blockIndex = 0
        let urls = urlRanges(bytes, passed: passed)
        var urlIndex = 0
        var report = passedInterval
        var steps = 0
        // The last search for a link destination's end: the first ')' or line feed at or after
        // `from` is at `stop`, so a search from anywhere in between ends there too.
        var destination = (from: 0, stop: -1)
        var paragraph: CodeSpanParagraph?
        while index < bytes.count {
            steps += 1
            if index >= report { passed(index); report = index + passedInterval }
            if blockIndex < blocked.count, index >= blocked[blockIndex].lowerBound {
                index = max(index, blocked[blockIndex].upperBound)
                blockIndex += 1
                continue
            }
            while urlIndex < urls.count, urls[urlIndex].upperBound <= index { urlIndex += 1 }
            if urlIndex < urls.count, urls[urlIndex].lowerBound == index {
                inline.append(urls[urlIndex])
                index = urls[urlIndex].upperBound
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                var run = 0
                while index + run < bytes.count && bytes[index + run] == UInt8(ascii: "`") { run += 1 }
                steps += run
                let start = index + run
                if paragraph.map({ start >= $0.end }) ?? true {
                    paragraph = CodeSpanParagraph(bytes, from: start, steps: &steps)
                }
                if let close = paragraph?.closingRun(length: run, from: start, steps: &steps) {
                    inline.append(index..<(close + run))
                    index = close + run
                    continue
                }
                index += run
                continue
            }
            if byte == UInt8(ascii: "<") {
                if startsWith(bytes, at: index, "<!--") {
                    let end = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                    steps += end - index
                    inline.append(index..<end)
                    index = end
                    continue
                }
                if let end = htmlTagEnd(bytes, from: index, steps: &steps) {
                    inline.append(index..<end)
                    index = end
                    continue
                }
            }
            if byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                let from = index + 2
                if !(destination.from <= from && from <= destination.stop) {
                    var stop = from
                    while stop < bytes.count, bytes[stop] != UInt8(ascii: ")"), bytes[stop] != 0x0A { stop += 1 }
                    steps += stop - from
                    destination = (from, stop)
                }
                let close = destination.stop
                if close < bytes.count, bytes[close] == UInt8(ascii: ")") {
                    inline.append((index + 1)..<(close + 1))
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
        WorkMeter.record(steps)
        return inline
    }

    /// The backtick runs of the paragraph a code span opens in, so that each opening run finds
    /// its closing run (the next run of the same length) without searching the paragraph again.
    ///
    /// A code span does not cross a blank line (two line feeds with only spaces, tabs or carriage
    /// returns between them), so the paragraph is read from the first opening run to its end
    /// once, and serves every opening run in it.
    private struct CodeSpanParagraph {
        /// The offset of the line feed that ends the blank line after the paragraph, or the end
        /// of the text.
        let end: Int
        /// The start of every run of backticks from the first opening run to `end`, by length.
        private var runs: [Int: [Int]] = [:]

        /// Reads the paragraph from `start`, just after an opening run.
        init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, steps: inout Int) {
            var index = start
            var newlineSeen = false
            var end = bytes.count
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    if newlineSeen { end = index; break }
                    newlineSeen = true
                } else if byte != 0x20 && byte != 0x0D && byte != 0x09 {
                    newlineSeen = false
                }
                if byte == UInt8(ascii: "`") {
                    var run = 0
                    while index + run < bytes.count && bytes[index + run] == UInt8(ascii: "`") { run += 1 }
                    runs[run, default: []].append(index)
                    index += run
                    continue
                }
                index += 1
            }
            steps += index - start
            self.end = end
        }

        /// The start of the first run of exactly `length` backticks at or after `start` in the
        /// paragraph, or nil.
        ///
        /// - Complexity: O(log *r*) in the runs of that length.
        func closingRun(length: Int, from start: Int, steps: inout Int) -> Int? {
            guard let starts = runs[length] else { return nil }
            var low = 0, high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < start { low = middle + 1 } else { high = middle }
                steps += 1
            }
            return low < starts.count ? starts[low] : nil
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { expected in
            for offset in 0..<count {
                let byte = bytes[index + offset]
                let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte + 32 : byte
                if lowered != expected[offset] { return false }
            }
            return true
        }
    }

    /// The first occurrence of `needle` at or after `start`, found by the C library.
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return needle.withUTF8Buffer { pattern in
            ByteSearch.find(pattern, in: UnsafeBufferPointer(rebasing: bytes[start...])).map { $0 + start }
        }
    }

    /// The end of a URL starting at `index` (`http://`, `https://`, `ftp://`, `www.`), or nil.
    private static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, steps: inout Int) -> Int? {
        guard
            startsWith(bytes, at: index, "https://") || startsWith(bytes, at: index, "http://")
                || startsWith(bytes, at: index, "ftp://") || startsWith(bytes, at: index, "www.")
        else { return nil }
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            if byte <= 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
            {
                break
            }
            end += 1
        }
        steps += end - index
        // Trailing sentence punctuation belongs to the sentence, not to the URL.
        while end > index,
            [
                UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
                UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "_"),
            ].contains(bytes[end - 1])
        {
            end -= 1
        }
        return end
    }

    /// Where an HTML tag or autolink starting at `index` ends, or nil when `<` starts no tag.
    private static func htmlTagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, steps: inout Int) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        let next = bytes[index + 1]
        let startsTag = (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
        guard startsTag else { return nil }
        var end = index + 1
        defer { steps += end - index }
        while end < bytes.count, bytes[end] != UInt8(ascii: ">") {
            if bytes[end] == 0x0A && end + 1 < bytes.count && bytes[end + 1] == 0x0A { return nil }
            if bytes[end] == UInt8(ascii: "<") { return nil }
            end += 1
        }
        return end < bytes.count ? end + 1 : nil
    }

    /// Fenced code blocks: from an opening fence line to the closing fence line (or the end).
    static func fencedCodeBlocks(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { fencedCodeBlocks($0) }
    }

    /// Fenced code blocks in `bytes`; `passed` as for `maskedRanges(_:markdown:passed:)`.
    static func fencedCodeBlocks(_ bytes: UnsafeBufferPointer<UInt8>, passed: (Int) -> Void = { _ in }) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var lineStart = 0
        var open: (start: Int, fence: UInt8, length: Int)?
        var report = passedInterval
        var steps = 0
        while lineStart < bytes.count {
            if lineStart >= report { passed(lineStart); report = lineStart + passedInterval }
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            steps += lineEnd - lineStart
            var index = lineStart
            var indent = 0
            while index < lineEnd && bytes[index] == 0x20 && indent < 4 { index += 1; indent += 1 }
            if indent < 4, index < lineEnd, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") {
                let fence = bytes[index]
                var run = 0
                while index + run < lineEnd && bytes[index + run] == fence { run += 1 }
                if run >= 3 {
                    if let current = open {
                        let rest = bytes[(index + run)..<lineEnd]
                        if fence == current.fence && run >= current.length
                            && rest.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
                        {
                            blocks.append(current.start..<lineEnd)
                            open = nil
                        }
                    } else {
                        open = (lineStart, fence, run)
                    }
                }
            }
            lineStart = lineEnd
        }
        if let current = open { blocks.append(current.start..<bytes.count) }
        WorkMeter.record(steps)
        return blocks
    }
}
