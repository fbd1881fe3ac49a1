/// A document's text as UTF-8 bytes with its line index, and the conversions between byte
/// offsets, LSP positions and the CLI's lines and columns.
///
/// The bytes are what the checker reads and what findings point into, so they are kept as they
/// are; positions are computed from them on demand, in whichever encoding was negotiated.
package struct DocumentText: Equatable, Sendable {
    package private(set) var bytes: [UInt8]
    package private(set) var lines: LineIndex

    /// The text of `string`.
    package init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// The text of `bytes`, which must be valid UTF-8 (the JSON reader guarantees it for every
    /// text that comes from a client).
    package init(bytes: [UInt8]) {
        self.bytes = bytes
        lines = LineIndex(bytes)
    }

    package var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Replaces the bytes in `range` with `replacement`.
    ///
    /// - Returns: the range the new bytes occupy.
    /// - Complexity: O(*n*) to move the bytes after the edit, O(*l*) to shift the line starts.
    @discardableResult
    package mutating func replace(_ range: Range<Int>, with replacement: some Collection<UInt8>) -> Range<Int> {
        let count = replacement.count
        bytes.replaceSubrange(range, with: replacement)
        lines.replace(range, count: count, in: bytes)
        return range.lowerBound..<(range.lowerBound + count)
    }

    // MARK: LSP positions

    /// The byte offset where line `line`'s content ends: before its line ending.
    func contentEnd(ofLine line: Int) -> Int {
        let start = lines.starts[line]
        var end = line + 1 < lines.lineCount ? lines.starts[line + 1] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The byte offset of `position`, counted in `encoding`.
    ///
    /// As the specification says, a `character` past the end of its line means the end of the
    /// line (before its line ending); a `line` past the last line means the end of the text. A
    /// position inside a character (between the two UTF-16 units of an emoji, or inside a
    /// UTF-8 sequence) means the start of that character, so that an edit never splits one.
    ///
    /// - Complexity: O(*c*) for the *c* bytes before the position on its line; O(1) in UTF-8.
    package func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line < lines.lineCount else { return bytes.count }
        let start = lines.starts[position.line]
        let end = contentEnd(ofLine: position.line)
        if encoding == .utf8 {
            var offset = min(start + position.character, end)
            while offset > start, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        }
        var offset = start
        var units = 0
        while offset < end {
            let length = Self.scalarLength(lead: bytes[offset])
            let next = units + encoding.units(forScalarOf: length)
            guard next <= position.character else { break }
            units = next
            offset += length
        }
        return offset
    }

    /// The LSP position of byte `offset`, counted in `encoding`.
    ///
    /// An offset inside a line ending (between CR and LF) is placed at the end of the line's
    /// content; one inside a UTF-8 sequence at the start of its character; one past the end at
    /// the end.
    ///
    /// - Complexity: O(log *l* + *c*) for *l* lines and the *c* bytes before it on its line.
    package func position(of offset: Int, encoding: PositionEncoding) -> Position {
        let offset = min(max(offset, 0), bytes.count)
        let line = lines.line(containing: offset)
        let start = lines.starts[line]
        var target = min(offset, contentEnd(ofLine: line))
        while target > start, target < bytes.count, bytes[target] & 0xC0 == 0x80 { target -= 1 }
        if encoding == .utf8 { return Position(line: line, character: target - start) }
        var units = 0
        var index = start
        while index < target {
            let length = Self.scalarLength(lead: bytes[index])
            units += encoding.units(forScalarOf: length)
            index += length
        }
        return Position(line: line, character: units)
    }

    /// The byte range of `range`, in `encoding`; nil when its end comes before its start.
    package func byteRange(of range: TextRange, encoding: PositionEncoding) -> Range<Int>? {
        let lower = offset(of: range.start, encoding: encoding)
        let upper = offset(of: range.end, encoding: encoding)
        return lower <= upper ? lower..<upper : nil
    }

    /// The LSP range of the bytes `range`, in `encoding`.
    package func range(of range: Range<Int>, encoding: PositionEncoding) -> TextRange {
        TextRange(
            start: position(of: range.lowerBound, encoding: encoding), end: position(of: range.upperBound, encoding: encoding))
    }

    /// The length of the UTF-8 sequence that starts with `lead`.
    @inline(__always)
    static func scalarLength(lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xF0...: 4
        case 0xE0...: 3
        default: 2
        }
    }

    // MARK: The CLI's lines and columns

    /// Where the content starts: after a UTF-8 byte order mark, which the CLI does not count as
    /// a column.
    var contentStart: Int { bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

    /// The byte offset of a 1-based line and column as the CLI reports them (`SourceLocation`):
    /// lines end at LF only, and columns count Unicode scalars. A column past the end of the
    /// line means the end of the line (before its LF); a line past the last means the end.
    ///
    /// - Complexity: O(*n*) up to the position: the CLI's lines are not indexed, since they are
    ///   needed only for the rare error that carries no byte offset.
    package func offset(cliLine line: Int, column: Int) -> Int {
        var offset = contentStart
        var current = 1
        while current < line {
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { return bytes.count }
            offset = newline + 1
            current += 1
        }
        var scalars = 1
        while scalars < column, offset < bytes.count, bytes[offset] != 0x0A {
            offset += Self.scalarLength(lead: bytes[offset])
            scalars += 1
        }
        return offset
    }

    /// The 1-based CLI line and column (LF-ended lines, columns in Unicode scalars) of byte `offset`.
    ///
    /// - Complexity: O(*n*) up to the offset.
    package func cliPosition(of offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = contentStart
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[min(lineStart, offset)..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }
}
