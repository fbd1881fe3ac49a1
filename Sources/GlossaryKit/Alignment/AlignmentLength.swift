/// How long a segment is for the length-based alignment (`GaleChurch`, and the confidence of
/// sets paired paragraph by paragraph): the characters of prose a reader reads in it.
///
/// Translations of a text have prose of proportional length, but not necessarily the same
/// markup: one version carries a suppression directive, a link to a long address, an image or
/// an emphasised word that the other lacks. Counted, such markup makes a true pair look
/// mismatched and silences the checks that need a reliable alignment. So a segment is measured
/// on its text as the scanner reads it — `MarkdownMasker`'s regions blanked, opaque and
/// transparent alike (`MaskedRange.Kind`) — and the Markdown delimiters the masker leaves in
/// place are skipped as well. What counts and what does not:
///
/// - Counted: every character of prose that is not white space, including punctuation, link
///   text, the text inside HTML tags, emphasised and struck-through text, a footnote's text, the
///   numbers of an ordered list, a character escaped with a backslash.
/// - Not counted, as masked (in Markdown): HTML comments, so `<!-- glossary-ignore … -->`
///   directives; HTML tags themselves; inline code spans and fenced code blocks; link
///   destinations with their titles; autolinks and bare URLs. In plain text the masker hides
///   URLs only.
/// - Not counted, as delimiters (in Markdown): `*`, `_` and `~` (emphasis, strike-through, a
///   `*` bullet); the brackets of a link's text (`[text](…)`, `[text][label]`) with its
///   reference label, and a footnote reference's `[^`, `]` (brackets that open no link, as in
///   `[sic]`, are read as written); the backslash of an escape or a hard line break; heading `#`s, blockquote `>`s and `-` or `+`
///   bullets at the start of a line; an image whole (`![alt](…)`, `![alt][ref]`: a reader sees a
///   picture, not its alternative text); a link reference definition whole
///   (`[label]: https://… "title"`, which a reader never sees).
///
/// A plain text's suppression directives (`# glossary-ignore …` to the end of its line,
/// `Suppressions.directiveRanges`) are not counted either: the callers add them to the masked
/// regions. Character references (`&amp;`) count as written. Plain text with no URL and no
/// directive, and text extracted from a bilingual file (read as plain text), count every
/// character that is not white space.
enum AlignmentLength {
    /// The length of the bytes `range` of `bytes`, whose masked regions (sorted) are `masked`
    /// (`MarkdownMasker.maskedRanges`), read as Markdown or plain text.
    ///
    /// - Complexity: O(*r* + log *m*) for the *r* bytes of the range (and the few bytes of markup
    ///   before it on its line, `readingStart(of:in:)`) and the *m* masked regions.
    static func length(
        of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, masked: [MaskedRange], markdown: Bool
    ) -> Int {
        guard !range.isEmpty else { return 0 }
        let start = markdown ? readingStart(of: range.lowerBound, in: bytes) : range.lowerBound
        WorkMeter.record(range.lowerBound - start)
        var copy = Array(bytes[start..<range.upperBound])
        var low = 0
        var high = masked.count
        while low < high {
            let middle = (low + high) / 2
            if masked[middle].upperBound <= start { low = middle + 1 } else { high = middle }
        }
        let relevant = masked[low...].prefix { $0.lowerBound < range.upperBound }
        if !relevant.isEmpty {
            MarkdownMasker.apply(relevant, to: &copy, original: bytes[start..<range.upperBound], offset: start)
        }
        let startsLine = isLineStart(start, in: bytes)
        return copy.withUnsafeBufferPointer {
            count(masked: $0, from: range.lowerBound - start, startsLine: startsLine, markdown: markdown)
        }
    }

    /// Where the reading of a Markdown segment that starts at `start` begins: the start of its
    /// line when only white space and markup (`#`, `>`, `-`, `+`, `*`, `_`, `~`, `[`, `!`) stand
    /// before it there, so that a reference definition, a bullet or an image that opens the
    /// line is recognised; else `start`. (A segment starts at its first word, after such markup.)
    /// No more than `markupPrefixLimit` bytes are walked back.
    ///
    /// - Complexity: O(1): at most `markupPrefixLimit` bytes.
    static func readingStart(of start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        while !isLineStart(index, in: bytes) {
            guard start - index < markupPrefixLimit else { return start }
            switch bytes[index - 1] {
            case 0x20, 0x09, UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "["), UInt8(ascii: "!"):
                index -= 1
            default: return start
            }
        }
        return index
    }

    /// The most bytes of markup looked at before a segment on its line: more than any line's
    /// block markers and an opening image or link bracket (indentation, `> > - [`), so that
    /// segments on one long line of markup are not each read back to its start.
    static let markupPrefixLimit = 64

    /// Whether `position` starts a line: the text's start, after a line feed, or after the byte
    /// order mark that opens the text.
    private static func isLineStart(_ position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        position == 0 || bytes[position - 1] == 0x0A
            || (position == 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    }

    /// The length of masked bytes, counted from offset `from` (the bytes before it are the
    /// segment's line before its start, read only to recognise line-start markup).
    ///
    /// - Parameter startsLine: whether `masked` starts at the start of a line.
    /// - Complexity: O(*n*) in the bytes: an image's closing bracket is searched for once
    ///   whatever the number of `![` before it.
    static func count(masked bytes: UnsafeBufferPointer<UInt8>, from: Int, startsLine: Bool, markdown: Bool) -> Int {
        guard markdown else {
            var counted = 0
            for byte in bytes[from...] { counted &+= isCounted(byte) ? 1 : 0 }
            WorkMeter.record(bytes.count - from)
            return counted
        }
        var counted = 0
        var index = 0
        var steps = 0
        defer { WorkMeter.record(steps) }
        var atLineStart = startsLine
        // The `]` that ends the link text or footnote reference being read.
        var linkClose = -1
        // The last search for a `]`: the first one at or after `from` is at `stop`.
        var bracket = (from: 0, stop: -1)
        func closingBracket(after position: Int) -> Int {
            if !(bracket.from <= position && position <= bracket.stop) {
                var stop = position
                while stop < bytes.count && bytes[stop] != UInt8(ascii: "]") { stop += 1 }
                steps += stop - position
                bracket = (position, stop)
            }
            return bracket.stop
        }
        while index < bytes.count {
            steps += 1
            if atLineStart {
                atLineStart = false
                index = afterBlockMarkers(bytes, from: index, steps: &steps)
                continue
            }
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                atLineStart = true
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                break
            case UInt8(ascii: "[") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "^"):
                // A footnote reference: its label is read, its brackets and caret are not.
                linkClose = closingBracket(after: index + 2)
                index += 2
                continue
            case UInt8(ascii: "["):
                // Link text, when its `]` is followed by a masked destination or a reference;
                // else a bracket as written.
                let close = closingBracket(after: index + 1)
                if close + 1 < bytes.count, bytes[close + 1] == MarkdownMasker.mark || bytes[close + 1] == UInt8(ascii: "[") {
                    linkClose = close
                } else if index >= from {
                    counted += 1
                }
            case UInt8(ascii: "]")
            where index == linkClose || (index + 1 < bytes.count && bytes[index + 1] == MarkdownMasker.mark):
                // The end of link text; a reference label after it (`[text][label]`) is not read.
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                    let labelEnd = closingBracket(after: index + 2)
                    if labelEnd < bytes.count {
                        index = labelEnd + 1
                        continue
                    }
                }
            case UInt8(ascii: "\\") where index + 1 < bytes.count && isASCIIPunctuation(bytes[index + 1]):
                // The escaped character is read as itself.
                if index + 1 >= from { counted += 1 }
                index += 2
                continue
            case UInt8(ascii: "\\") where index + 1 < bytes.count && (bytes[index + 1] == 0x0A || bytes[index + 1] == 0x0D):
                // A hard line break.
                break
            case UInt8(ascii: "!") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "["):
                let close = closingBracket(after: index + 2)
                // An image: its alternative text is followed by a masked destination or a reference.
                if close + 1 < bytes.count, bytes[close + 1] == MarkdownMasker.mark || bytes[close + 1] == UInt8(ascii: "[") {
                    var end = close + 1
                    if bytes[end] == UInt8(ascii: "[") {
                        let referenceEnd = closingBracket(after: end + 1)
                        end = referenceEnd < bytes.count ? referenceEnd + 1 : end
                    }
                    index = end
                    continue
                }
                if index >= from { counted += 1 }
            default:
                if index >= from && isCounted(byte) { counted += 1 }
            }
            index += 1
        }
        return counted
    }

    /// The union of the masker's regions and a plain text's directives (both sorted), sorted
    /// and without overlaps, for `length`'s `masked` (they may overlap: a URL in a directive's
    /// reason). A directive is opaque, and so is a merged region with an opaque part.
    ///
    /// - Complexity: O(*a* + *b*).
    static func union(_ first: [MaskedRange], _ directives: [Range<Int>]) -> [MaskedRange] {
        let second = directives.map { MaskedRange($0, .opaque) }
        guard !second.isEmpty else { return first }
        guard !first.isEmpty else { return second }
        var result: [MaskedRange] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count || j < second.count {
            let next: MaskedRange
            if j == second.count || (i < first.count && first[i].lowerBound <= second[j].lowerBound) {
                next = first[i]
                i += 1
            } else {
                next = second[j]
                j += 1
            }
            if let last = result.last, next.lowerBound <= last.upperBound {
                result[result.count - 1] = MaskedRange(
                    last.lowerBound..<max(last.upperBound, next.upperBound),
                    last.kind == .opaque || next.kind == .opaque ? .opaque : .transparent)
            } else {
                result.append(next)
            }
        }
        return result
    }

    /// Whether a byte of masked text starts a character that counts: not white space, not a
    /// UTF-8 continuation byte, not the mark of an opaque region, not transparent markup.
    @inline(__always)
    private static func isCounted(_ byte: UInt8) -> Bool {
        // The kinds of byte not counted exclude each other: no branch per byte.
        ((byte == 0x20 ? 1 : 0) &+ (byte == 0x0A ? 1 : 0) &+ (byte == 0x09 ? 1 : 0) &+ (byte == 0x0D ? 1 : 0)
            &+ (byte & 0xC0 == 0x80 ? 1 : 0) &+ (byte == MarkdownMasker.mark ? 1 : 0)
            &+ (byte == MarkdownMasker.ignored ? 1 : 0)) == 0
    }

    /// Past the block markers at the start of a Markdown line at `start`: indentation,
    /// blockquote `>`s, a heading's `#`s and a `-`, `+` or `*` bullet (each followed by white
    /// space); past the whole line when it is a link reference definition (`[label]: …`).
    ///
    /// - Complexity: O(the line's length) at most.
    private static func afterBlockMarkers(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, steps: inout Int) -> Int {
        func isBlank(_ position: Int) -> Bool {
            position >= bytes.count || bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A
                || bytes[position] == 0x0D
        }
        var index = start
        scanning: while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D, UInt8(ascii: ">"):
                index += 1
            case UInt8(ascii: "#"):
                var end = index
                while end < bytes.count && bytes[end] == UInt8(ascii: "#") { end += 1 }
                guard isBlank(end) else { break scanning }
                index = end
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
                guard isBlank(index + 1), index + 1 < bytes.count else { break scanning }
                index += 1
            default:
                break scanning
            }
        }
        steps += index - start
        // A link reference definition: `[label]:` (not a footnote's `[^label]:`, whose text is read).
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "["), bytes[index + 1] != UInt8(ascii: "^") {
            var close = index + 1
            while close < bytes.count && bytes[close] != UInt8(ascii: "]") && bytes[close] != 0x0A { close += 1 }
            steps += close - index
            if close + 1 < bytes.count, bytes[close] == UInt8(ascii: "]"), bytes[close + 1] == UInt8(ascii: ":") {
                var end = close
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                steps += end - close
                return end
            }
        }
        return index
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }
}
