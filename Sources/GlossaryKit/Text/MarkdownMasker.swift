/// Hides the parts of a text that are not prose, so that no term is looked for in them.
///
/// Masking keeps every byte offset. It knows two kinds of region (`MaskedRange.Kind`):
///
/// - *Opaque* regions are text a reader does not read as prose: their bytes become spaces (line
///   breaks stay), and the first one becomes `MarkdownMasker.mark`, so that no multi-word term is
///   matched across them. In Markdown: fenced code blocks (```` ``` ```` and `~~~`), inline code
///   spans, HTML comments, HTML tags other than phrasing ones (not their content), autolinks,
///   bare URLs and the destination of an image. In plain text: bare URLs only.
/// - *Transparent* regions are inline markup a reader does not see as text, around or inside
///   prose: every byte but a line break becomes `MarkdownMasker.ignored`, which splits words but
///   counts for nothing between them, so markup neither hides a term (`_TKI_`) nor keeps its
///   words apart (`*guest* worker`). In Markdown only: emphasis, strong emphasis and
///   strike-through delimiter runs (`*`, `_`, `~`; see `delimiterRunIsMarkup`), and the opening
///   bracket and the `](destination "title")` of an inline link (`[guest](https://…) worker`),
///   the opening bracket and the `][label]` of a full or collapsed reference link
///   (`[guest][ref] worker`), and the tags of phrasing HTML elements (`<em>guest</em> worker`,
///   `phrasingElements`).
///
/// Plain text has no transparent regions: its `*` and `_` are read as written (a `.txt` file
/// may hold identifiers, and a writer who uses Markdown emphasis can check the file as
/// Markdown).
enum MarkdownMasker {
    /// The byte that marks the start of an opaque region (ASCII unit separator).
    static let mark: UInt8 = 0x1F

    /// The byte every byte of a transparent region becomes (ASCII record separator): a word
    /// ends at it, and the gap between two words leaves it out (`Gap.signature`).
    static let ignored: UInt8 = 0x1E

    /// Returns a copy of `bytes` with non-prose regions masked and transparent markup blanked.
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
    static func maskedRanges(_ bytes: [UInt8], markdown: Bool) -> [MaskedRange] {
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
    ) -> [MaskedRange] {
        guard markdown else { return urlRanges(bytes, passed: passed).map { MaskedRange($0, .opaque) } }
        let blocks = fencedCodeBlocks(bytes, passed: passed)
        let ranges = blocks.map { MaskedRange($0, .opaque) } + inlineRanges(bytes, skipping: blocks, passed: passed)
        return ranges.filter { !$0.range.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// How many bytes a pass reads between two calls of its `passed` callback.
    private static let passedInterval = 1 << 22

    /// Masks the parts of `ranges` that fall in a chunk: `chunk` holds `original`'s bytes, whose
    /// first byte is at `offset` in the whole text.
    static func apply<Original: RandomAccessCollection<UInt8>>(
        _ ranges: some Collection<MaskedRange>, to chunk: inout [UInt8], original: Original, offset: Int
    ) where Original.Index == Int {
        let chunkRange = offset..<(offset + chunk.count)
        for masked in ranges where masked.range.overlaps(chunkRange) {
            let clipped = masked.range.clamped(to: chunkRange)
            let blank: UInt8 = masked.kind == .transparent ? ignored : 0x20
            for position in clipped where chunk[position - offset] != 0x0A && chunk[position - offset] != 0x0D {
                chunk[position - offset] = blank
            }
            guard masked.kind == .opaque else { continue }
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

    /// Inline code, HTML comments and tags, link destinations and URLs (opaque), and emphasis
    /// delimiters, links' brackets and destinations or labels and phrasing tags (transparent),
    /// in Markdown, outside the blocks already masked.
    ///
    /// - Complexity: O(*n*). No search runs again over text an earlier one has read: a link
    ///   destination's `)` is remembered until it is passed, a code span's closing run is looked
    ///   up in an index of the paragraph's backtick runs (`CodeSpanParagraph`), a delimiter run
    ///   is read once and judged by its two neighbours alone, and each `[` is pushed on and
    ///   popped off the open brackets once.
    private static func inlineRanges(_ bytes: UnsafeBufferPointer<UInt8>, skipping blocked: [Range<Int>], passed: (Int) -> Void)
        -> [MaskedRange]
    {
        var inline: [MaskedRange] = []
        var index = 0
        var blockIndex = 0
        let urls = urlRanges(bytes, passed: passed)
        var urlIndex = 0
        var report = passedInterval
        var steps = 0
        // The last search for a link destination's end: the first ')' or line feed at or after
        // `from` is at `stop`, so a search from anywhere in between ends there too.
        var destination = (from: 0, stop: -1)
        var paragraph: CodeSpanParagraph?
        // The `[`s not yet closed in the current paragraph, innermost last.
        var openBrackets: [Int] = []
        // Whether the current line has had anything but white space (a blank line ends a
        // paragraph, and with it every open bracket).
        var lineHasText = false
        while index < bytes.count {
            steps += 1
            if index >= report { passed(index); report = index + passedInterval }
            if blockIndex < blocked.count, index >= blocked[blockIndex].lowerBound {
                index = max(index, blocked[blockIndex].upperBound)
                blockIndex += 1
                openBrackets.removeAll()
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
            switch byte {
            case 0x0A:
                if !lineHasText { openBrackets.removeAll() }
                lineHasText = false
                index += 1
                continue
            case 0x20, 0x09, 0x0D:
                index += 1
                continue
            default:
                lineHasText = true
            }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count,
                isDelimiter(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "[")
                    || bytes[index + 1] == UInt8(ascii: "]")
            {
                // An escaped delimiter or bracket is text, read as written.
                index += 2
                continue
            }
            if isDelimiter(byte) {
                var run = 1
                while index + run < bytes.count && bytes[index + run] == byte { run += 1 }
                steps += run
                if delimiterRunIsMarkup(bytes, index..<(index + run)) {
                    inline.append(MaskedRange(index..<(index + run), .transparent))
                }
                index += run
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
                steps += run
                let start = index + run
                if paragraph.map({ start >= $0.end }) ?? true {
                    paragraph = CodeSpanParagraph(bytes, from: start, steps: &steps)
                }
                if let close = paragraph?.closingRun(length: run, from: start, steps: &steps) {
                    inline.append(MaskedRange(index..<(close + run), .opaque))
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
                    inline.append(MaskedRange(index..<end, .opaque))
                    index = end
                    continue
                }
                if let end = htmlTagEnd(bytes, from: index, steps: &steps) {
                    // A phrasing tag (`<em>`, `</a>`) only styles the prose around it; any other
                    // tag is not prose, or parts it (`<br>`, `<p>`, `<code>`).
                    inline.append(MaskedRange(index..<end, isPhrasingTag(bytes, at: index) ? .transparent : .opaque))
                    index = end
                    continue
                }
            }
            if byte == UInt8(ascii: "]") {
                let opening = openBrackets.popLast()
                if let opening, opening == 0 || bytes[opening - 1] != UInt8(ascii: "!"),
                    let close = referenceLabelEnd(bytes, after: index, steps: &steps)
                {
                    // A full or collapsed reference link, `[text][label]` or `[text][]`: its
                    // brackets and label are not seen, as an inline link's destination.
                    inline.append(MaskedRange(opening..<(opening + 1), .transparent))
                    inline.append(MaskedRange(index..<(close + 1), .transparent))
                    index = close + 1
                    continue
                }
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                    let from = index + 2
                    if !(destination.from <= from && from <= destination.stop) {
                        var stop = from
                        while stop < bytes.count, bytes[stop] != UInt8(ascii: ")"), bytes[stop] != 0x0A { stop += 1 }
                        steps += stop - from
                        destination = (from, stop)
                    }
                    let close = destination.stop
                    if close < bytes.count, bytes[close] == UInt8(ascii: ")") {
                        // A link's text is prose, its brackets and destination are not seen: the
                        // link is transparent. An image's alternative text is not seen either,
                        // so its destination stays opaque.
                        if let opening, opening == 0 || bytes[opening - 1] != UInt8(ascii: "!") {
                            inline.append(MaskedRange(opening..<(opening + 1), .transparent))
                            inline.append(MaskedRange((index)..<(close + 1), .transparent))
                        } else {
                            inline.append(MaskedRange((index + 1)..<(close + 1), .opaque))
                        }
                        index = close + 1
                        continue
                    }
                }
            }
            index += 1
        }
        WorkMeter.record(steps)
        return inline
    }

    /// Whether `byte` makes emphasis or strike-through delimiter runs: `*`, `_`, `~`.
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    /// Whether the delimiter run `run` (of `*`, `_` or `~`) can open or close emphasis or
    /// strike-through by CommonMark's flanking rules, and so is markup, not text.
    ///
    /// A run is left-flanking when the character after it is not white space, and is not
    /// punctuation or the character before is white space or punctuation; right-flanking
    /// mirrored. A `*` or `~` run that flanks either way is markup (`*guest*`, `guest*worker*`);
    /// a `_` run only when it can open (left-flanking, and not right-flanking or after
    /// punctuation) or close (mirrored), so an underscore inside a word (`TKI_2020`,
    /// `snake_case`) is text. A run between spaces (`guest * worker`) is text. A `~` run of three
    /// or more is text (GitHub strike-through takes one or two). The run is judged alone, not
    /// paired: an unclosed `_TKI` is read as `TKI`, as the words a reader reads. The text's
    /// start and end, and line breaks, count as white space; every character beyond ASCII as a
    /// letter (the ASCII punctuation is what Markdown writers put next to delimiters).
    ///
    /// - Complexity: O(1).
    static func delimiterRunIsMarkup(_ bytes: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Bool {
        let delimiter = bytes[run.lowerBound]
        if delimiter == UInt8(ascii: "~") && run.count > 2 { return false }
        let before: UInt8 = run.lowerBound > 0 ? bytes[run.lowerBound - 1] : 0x20
        let after: UInt8 = run.upperBound < bytes.count ? bytes[run.upperBound] : 0x20
        let spaceBefore = isWhiteSpace(before), spaceAfter = isWhiteSpace(after)
        let punctuationBefore = isPunctuation(before), punctuationAfter = isPunctuation(after)
        let leftFlanking = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
        let rightFlanking = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
        guard delimiter == UInt8(ascii: "_") else { return leftFlanking || rightFlanking }
        let canOpen = leftFlanking && (!rightFlanking || punctuationBefore)
        let canClose = rightFlanking && (!leftFlanking || punctuationAfter)
        return canOpen || canClose
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
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
    ///
    /// A `>` inside an attribute value quoted after `=` (`<a title="a>b">`) does not end the tag.
    /// The tag ends before the next `<` or blank line at the latest, so that no byte is read by
    /// two searches.
    private static func htmlTagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, steps: inout Int) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        let next = bytes[index + 1]
        let startsTag = (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
        guard startsTag else { return nil }
        var end = index + 1
        var quote: UInt8?
        defer { steps += end - index }
        while end < bytes.count {
            let byte = bytes[end]
            if byte == 0x0A && end + 1 < bytes.count && bytes[end + 1] == 0x0A { return nil }
            if byte == UInt8(ascii: "<") { return nil }
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: ">") {
                break
            } else if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && bytes[end - 1] == UInt8(ascii: "=") {
                quote = byte
            }
            end += 1
        }
        return end < bytes.count ? end + 1 : nil
    }

    /// The HTML elements that only style or annotate the prose they hold, whose tags a reader
    /// does not see: a term may run through them (`<em>guest</em> worker`).
    ///
    /// Left out: `code`, `kbd`, `samp`, `var` (not prose), `q` (shown with quotation marks),
    /// `br`, `wbr` and every block or embedded element.
    static let phrasingElements: Set<String> = [
        "a", "abbr", "b", "cite", "del", "dfn", "em", "i", "ins", "mark", "s", "small", "span", "strong",
        "sub", "sup", "u",
    ]

    /// Whether the tag at `index` (an opening or closing tag, its end already found) is one of
    /// `phrasingElements`: its name, in any case, is followed by white space, `/` or `>`, so
    /// `<embed>` is not `<em>`.
    ///
    /// - Complexity: O(1): names longer than the longest phrasing name are not read to the end.
    static func isPhrasingTag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var start = index + 1
        if start < bytes.count, bytes[start] == UInt8(ascii: "/") { start += 1 }
        var end = start
        while end < bytes.count, end - start <= 6, bytes[end] | 0x20 >= 0x61, bytes[end] | 0x20 <= 0x7A { end += 1 }
        guard end > start, end - start <= 6, end < bytes.count else { return false }
        let after = bytes[end]
        guard after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || isWhiteSpace(after) else { return false }
        let name = String(decoding: bytes[start..<end].map { $0 | 0x20 }, as: UTF8.self)
        return phrasingElements.contains(name)
    }

    /// The `]` that closes a reference label opened right after the `]` at `index`
    /// (`][label]`, or `[]`), or nil. A label holds no unescaped bracket and no line break.
    ///
    /// - Complexity: O(*l*) in the label; the search stops at the next bracket, which the
    ///   caller reads next, so no byte is read by two searches.
    static func referenceLabelEnd(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int, steps: inout Int) -> Int? {
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") else { return nil }
        var end = index + 2
        defer { steps += end - index }
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "]"): return end
            case UInt8(ascii: "["), 0x0A: return nil
            case UInt8(ascii: "\\"): end += 2
            default: end += 1
            }
        }
        return nil
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

/// A region of a text that `MarkdownMasker` blanks, and how.
struct MaskedRange: Equatable, Sendable {
    /// How a region is blanked.
    enum Kind: Equatable, Sendable {
        /// Not prose (code, a URL, a tag): blanked to spaces behind `MarkdownMasker.mark`, so
        /// that no term spans it.
        case opaque
        /// Markup inside prose (emphasis delimiters, a link's brackets and destination or label,
        /// a phrasing HTML tag):
        /// blanked to `MarkdownMasker.ignored`, so that it neither hides a term nor joins or
        /// parts words.
        case transparent
    }

    var range: Range<Int>
    var kind: Kind

    init(_ range: Range<Int>, _ kind: Kind) {
        self.range = range
        self.kind = kind
    }

    var lowerBound: Int { range.lowerBound }
    var upperBound: Int { range.upperBound }
}
