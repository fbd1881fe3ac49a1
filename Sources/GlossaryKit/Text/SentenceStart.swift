/// Whether a place in a text begins a sentence, for fixes that replace the first word of one.
///
/// A place begins a sentence when, skipping spaces and tabs before it, there is:
/// - the start of the text, or a line after a blank line (a paragraph's first line);
/// - the start of a Markdown heading, list item or block quote line (`# `, `- `, `* `, `+ `,
///   `> `, `1. `): the marker is skipped like the spaces;
/// - a sentence end: `.`, `!` or `?` (closing quotes and brackets after it are allowed)
///   followed by at least one space or a line break.
///
/// Opening emphasis, strike-through or link markup right before the place (`*`, `_`, `~`, `[`)
/// and opening phrasing HTML tags (`<em>`, `MarkdownMasker.phrasingElements`) are skipped
/// first: `*TKI* pulang.` and `<em>TKI</em> pulang.` begin a sentence as `TKI pulang.` does.
///
/// A line inside a paragraph that does not follow a sentence end continues the sentence. An
/// abbreviation's full stop (`e.g. TKI`) is taken for a sentence end.
enum SentenceStart {
    static func isSentenceStart(_ bytes: [UInt8], at offset: Int, contentStart: Int = 0) -> Bool {
        bytes.withUnsafeBufferPointer { isSentenceStart($0, at: offset, contentStart: contentStart) }
    }

    /// Whether the place at byte `offset` of `bytes` begins a sentence; the text starts at
    /// `contentStart` (after a byte order mark).
    ///
    /// - Complexity: O(the blanks and punctuation just before `offset`).
    static func isSentenceStart(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, contentStart: Int = 0) -> Bool {
        var index = min(offset, bytes.count)
        while index > contentStart {
            if isOpeningMarkup(bytes[index - 1]) {
                index -= 1
            } else if let tagStart = openingPhrasingTag(bytes, endingAt: index, contentStart: contentStart) {
                index = tagStart
            } else {
                break
            }
        }
        var sawSpace = false
        // Spaces and tabs before the place.
        while index > contentStart, isBlank(bytes[index - 1]) { index -= 1; sawSpace = true }
        if index == contentStart { return true }
        if bytes[index - 1] == UInt8(ascii: "\n") {
            return lineStartBeginsSentence(bytes, lineStart: index, contentStart: contentStart)
        }
        // A block marker at the start of its line: `# `, `- `, `> `, `12. `.
        guard sawSpace else { return false }
        return startsBlock(bytes, markerEnd: index, contentStart: contentStart)
            || endsSentence(bytes, before: index, contentStart: contentStart)
    }

    /// A line that starts at `lineStart` begins a sentence when it is the first of its paragraph
    /// or the previous line ends a sentence.
    private static func lineStartBeginsSentence(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, contentStart: Int) -> Bool {
        // `lineStart - 1` is the line break; look at the previous line without its trailing blanks.
        var index = lineStart - 1
        while index > contentStart, isBlank(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "\r") { index -= 1 }
        if index == contentStart || bytes[index - 1] == UInt8(ascii: "\n") { return true }
        return endsSentence(bytes, before: index, contentStart: contentStart)
    }

    /// Whether the text just before `end` is `.`, `!` or `?`, possibly followed by closing quotes
    /// or brackets.
    private static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, contentStart: Int) -> Bool {
        var index = end
        while index > contentStart {
            let byte = bytes[index - 1]
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "*"),
                UInt8(ascii: "_"):
                index -= 1
            default:
                // ” and ’ (E2 80 9D, E2 80 99) close a quotation too.
                if index - 3 >= contentStart, bytes[index - 3] == 0xE2, bytes[index - 2] == 0x80,
                    byte == 0x9D || byte == 0x99
                {
                    index -= 3
                } else {
                    return false
                }
            }
        }
        return false
    }

    /// Whether a Markdown block marker (`#`…, `-`, `*`, `+`, `>`, `12.`) ends at `markerEnd` with
    /// only blanks before it on its line.
    private static func startsBlock(_ bytes: UnsafeBufferPointer<UInt8>, markerEnd: Int, contentStart: Int) -> Bool {
        var index = markerEnd
        let last = bytes[index - 1]
        if last == UInt8(ascii: "-") || last == UInt8(ascii: "*") || last == UInt8(ascii: "+") || last == UInt8(ascii: ">") {
            index -= 1
        } else if last == UInt8(ascii: "#") {
            while index > contentStart, bytes[index - 1] == UInt8(ascii: "#") { index -= 1 }
        } else if last == UInt8(ascii: "."), index - 1 > contentStart, isDigit(bytes[index - 2]) {
            index -= 1
            while index > contentStart, isDigit(bytes[index - 1]) { index -= 1 }
        } else {
            return false
        }
        while index > contentStart, isBlank(bytes[index - 1]) { index -= 1 }
        return index == contentStart || bytes[index - 1] == UInt8(ascii: "\n")
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    private static func isOpeningMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "[")
    }
    /// The start of the opening phrasing tag (`<em>`, `<a href="…">`) that ends at `end`, or
    /// nil. No more than `tagLimit` bytes are walked back, and never across a line break.
    private static func openingPhrasingTag(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, contentStart: Int) -> Int? {
        guard bytes[end - 1] == UInt8(ascii: ">") else { return nil }
        var start = end - 1
        while start > contentStart, end - start < tagLimit, bytes[start] != UInt8(ascii: "<"), bytes[start] != 0x0A {
            start -= 1
        }
        guard bytes[start] == UInt8(ascii: "<"), start + 1 < end, bytes[start + 1] != UInt8(ascii: "/"),
            MarkdownMasker.isPhrasingTag(bytes, at: start)
        else { return nil }
        return start
    }

    /// How far back an opening tag is looked for: longer tags are rare before a term.
    private static let tagLimit = 256

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
