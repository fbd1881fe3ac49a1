/// The line and column of every byte of an input, counted the plain way, to hold the library's
/// positions to.
///
/// The rules are `SourceText`'s: lines end at `\n`; a column counts Unicode scalars (bytes that
/// are not UTF-8 continuation bytes) from the line's start, 1-based; a UTF-8 byte order mark is
/// not part of the first line. Written independently of the library on purpose: a position the
/// library gets wrong must not be checked against itself.
public struct TextPositions {
    public let bytes: [UInt8]
    private let contentStart: Int
    /// Offset of the start of every line.
    private let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The number of lines (a text ending in `\n` has an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line and column of byte `offset` (0...count).
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var line = lineStarts.count
        // Binary search for the last line start at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        line = low + 1
        let start = line == 1 ? min(max(lineStarts[0], contentStart), offset) : lineStarts[low]
        var column = 1
        for index in start..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// The number of columns of 1-based `line`, without its line ending (`\n`, or `\r\n`). A
    /// `\r` that no `\n` follows, at the end of the text, is a column like any other.
    public func columns(ofLine line: Int) -> Int {
        var start = lineStarts[line - 1]
        if line == 1 { start = max(start, min(contentStart, bytes.count)) }
        let endsWithNewline = line < lineStarts.count
        var end = endsWithNewline ? lineStarts[line] - 1 : bytes.count
        if endsWithNewline && end > start && bytes[end - 1] == 0x0D { end -= 1 }
        var count = 0
        for index in start..<max(start, end) where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether `offset` is at the start of a Unicode scalar (or at the end), not inside one.
    public func isScalarBoundary(_ offset: Int) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }
}
