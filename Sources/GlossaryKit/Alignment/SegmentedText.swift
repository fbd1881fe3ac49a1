/// A file seen as a sequence of segments (made by the bilingual readers, or from a text's
/// paragraphs), with the text they are matched in and the way back to the file's positions.
///
/// For plain text and Markdown the matched text *is* the file and segments are its paragraphs.
/// For bilingual formats (XLIFF, PO, TMX, …) the readers extract each source and target string —
/// markup and inline codes removed, escapes decoded — into a text of their own, one segment per
/// string separated by blank lines, and record for every extracted byte the file byte it came
/// from (`fileOffsets`). A finding's byte range is translated through that table, so its line and
/// column are the file's.
public struct SegmentedText: Sendable {
    /// The text that is tokenized and matched.
    public let text: SourceText
    /// The file as read, for positions and quoted lines.
    public let file: SourceText
    /// For each byte of `text` (and one past the end), the offset of the file byte it came from;
    /// nil when `text` is the file.
    public let fileOffsets: [Int]?
    /// The segments, in the text's order.
    public var segments: [Segment]
    /// The file format, for messages: `XLIFF 1.2`, `PO`, `plain text`.
    public var format: String
    /// How a text that is the file is read (`--markup`); nil chooses by the file name.
    package var markup: Tokenizer.Markup?
    /// The regions of `text` that hold suppression directives the masker leaves as text (a
    /// plain text's `# glossary-ignore …` lines), sorted: not counted in alignment lengths.
    package var directiveRanges: [Range<Int>] = []

    /// A segmented text whose matched text is the file itself.
    public init(file: SourceText, segments: [Segment], format: String) {
        self.init(file: file, segments: segments, format: format, markup: nil)
    }

    /// A segmented text whose matched text is the file itself, read with `markup` (nil: by the
    /// file name).
    package init(file: SourceText, segments: [Segment], format: String, markup: Tokenizer.Markup?) {
        text = file
        self.file = file
        fileOffsets = nil
        self.segments = segments
        self.format = format
        self.markup = markup
    }

    /// A segmented text over extracted strings; `fileOffsets` has `text.bytes.count + 1` entries.
    public init(text: SourceText, file: SourceText, fileOffsets: [Int], segments: [Segment], format: String) {
        precondition(fileOffsets.count == text.bytes.count + 1, "one file offset per byte, plus the end")
        self.text = text
        self.file = file
        self.fileOffsets = fileOffsets
        self.segments = segments
        self.format = format
    }

    /// The markup `text` is read in, as the analyzer reads it: the file's own, or plain text for
    /// strings extracted from a bilingual file (their markup is already removed).
    package var alignmentMarkup: Tokenizer.Markup {
        fileOffsets == nil ? markup ?? Tokenizer.Markup(path: path) : .plain
    }

    /// The path of the file the segments come from.
    public var path: String { file.path }

    /// The file byte range of a range of `text`.
    ///
    /// Exact for text copied verbatim; a character decoded from an escape or entity maps to the
    /// escape's first byte.
    /// - Complexity: O(1).
    public func fileRange(_ range: Range<Int>) -> Range<Int> {
        guard let offsets = fileOffsets else { return range }
        let start = offsets[range.lowerBound]
        guard range.upperBound > range.lowerBound else { return start..<start }
        // Past the last byte of the range: after its source byte (and the rest of its scalar).
        var end = offsets[range.upperBound - 1] + 1
        while end < file.bytes.count && file.bytes[end] & 0xC0 == 0x80 { end += 1 }
        return start..<max(start, end)
    }

    /// `finding` moved from `text` positions to the file's.
    public func inFile(_ finding: Finding) -> Finding {
        guard fileOffsets != nil else { return finding }
        var moved = finding
        let range = fileRange(finding.byteRange)
        let start = file.position(of: range.lowerBound)
        let end = file.position(of: range.upperBound)
        moved.byteRange = range
        moved.location = SourceLocation(file: path, line: start.line, column: start.column)
        moved.endLocation = SourceLocation(file: path, line: end.line, column: end.column)
        return moved
    }

    /// The file location where a segment starts.
    public func location(of segment: Segment) -> SourceLocation {
        let start = file.position(of: fileRange(segment.bytes).lowerBound)
        return SourceLocation(file: path, line: start.line, column: start.column)
    }

    /// The segment's text as matched.
    public func string(of segment: Segment) -> String {
        text.text(segment.bytes)
    }
}

/// Collects extracted strings and where each of their bytes came from, then builds a
/// `SegmentedText`.
///
/// Readers append a segment's pieces with `append(_:at:)` (verbatim text starting at a file
/// offset), `append(decoded:at:)` (a character decoded from an escape, mapped to the escape) and
/// close it with `endSegment`. Segments are separated by a blank line so that no term spans two.
package struct SegmentedTextBuilder {
    package let file: SourceText
    package let format: String
    private var bytes: [UInt8] = []
    private var offsets: [Int] = []
    private var segments: [Segment] = []
    private var segmentStart: Int?

    package init(file: SourceText, format: String) {
        self.file = file
        self.format = format
    }

    /// Appends `text`, copied verbatim from the file starting at byte `fileOffset`.
    package mutating func append(_ text: some StringProtocol, at fileOffset: Int) {
        begin()
        var offset = fileOffset
        for byte in text.utf8 {
            bytes.append(byte)
            offsets.append(offset)
            offset += 1
        }
    }

    /// Appends `text` that stands for the file bytes starting at `fileOffset` without being a
    /// copy of them (a decoded escape, an entity): every byte maps to `fileOffset`.
    package mutating func append(decoded text: some StringProtocol, at fileOffset: Int) {
        begin()
        for byte in text.utf8 {
            bytes.append(byte)
            offsets.append(fileOffset)
        }
    }

    /// Ends the current segment; an empty one (no text at all) is dropped.
    package mutating func endSegment(id: String, language: LanguageTag?, role: SegmentRole) -> Int? {
        defer { segmentStart = nil }
        guard let start = segmentStart, start < bytes.count else { return nil }
        segments.append(Segment(id: id, language: language, role: role, bytes: start..<bytes.count))
        return segments.count - 1
    }

    private mutating func begin() {
        guard segmentStart == nil else { return }
        if !bytes.isEmpty {
            let separatorOffset = offsets.last ?? 0
            for byte in "\n\n".utf8 {
                bytes.append(byte)
                offsets.append(separatorOffset)
            }
        }
        segmentStart = bytes.count
    }

    /// The segmented text.
    package func build() -> SegmentedText {
        let text = SourceText(path: file.path, string: String(decoding: bytes, as: UTF8.self))
        return SegmentedText(
            text: text, file: file, fileOffsets: offsets + [offsets.last.map { $0 + 1 } ?? 0],
            segments: segments, format: format)
    }
}
