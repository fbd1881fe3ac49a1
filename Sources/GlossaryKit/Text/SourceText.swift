import Foundation

/// One input text held whole, as read: its bytes, validated as UTF-8, with the means to turn
/// byte offsets into 1-based lines and columns. (A file too large to hold is a `MappedFile`.)
///
/// A leading UTF-8 byte order mark is accepted and skipped: it is not part of the first line's
/// columns. Columns count Unicode scalar values from the start of the line.
public struct SourceText: Sendable {
    /// The name used in diagnostics (a path, or `<stdin>`).
    public let path: String
    /// The file's bytes, exactly as read (BOM included).
    public let bytes: [UInt8]
    /// Offset of the first byte after a BOM (0 or 3).
    public let contentStart: Int
    /// Byte offset of the start of every line.
    private let lineStarts: [Int]
    /// The column of every `columnStride`-th byte of the long lines, made when a position on a
    /// long line is first asked: most texts (and every chunk the checker scans) never ask.
    private let columnMarks = ColumnMarks()

    /// How far apart the column marks of a long line are: `position(of:)` counts at most this
    /// many bytes, whatever the line's length.
    static let columnStride = 256

    /// Validates `bytes` as UTF-8.
    ///
    /// - Throws: `TextError.invalidUTF8` naming the first bad byte's line and offset.
    /// - Complexity: O(*n*).
    public init(path: String, bytes: [UInt8]) throws(TextError) {
        try self.init(path: path, bytes: bytes, allowsByteOrderMark: true)
    }

    /// Validates `bytes`; `allowsByteOrderMark` false reads leading EF BB BF as the character
    /// U+FEFF (for a piece cut from the middle of a text, where it is no byte order mark).
    ///
    /// - Throws: `TextError.invalidUTF8` naming the first bad byte's line and offset in `bytes`.
    /// - Complexity: O(*n*).
    init(path: String, bytes: [UInt8], allowsByteOrderMark: Bool) throws(TextError) {
        self.path = path
        self.bytes = bytes
        let contentStart = allowsByteOrderMark && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.contentStart = contentStart
        // The fast check first (C, eight ASCII bytes at a time); the loop below, which names
        // the line of the bad byte, runs only when there is one.
        let fast: [Int]? = bytes.withUnsafeBufferPointer { buffer in
            let content = UnsafeBufferPointer(rebasing: buffer[contentStart...])
            guard ByteSearch.firstInvalidUTF8(in: content) == nil else { return nil }
            return [0] + ByteSearch.lineStarts(in: buffer, from: contentStart)
        }
        if let fast {
            lineStarts = fast
            return
        }
        var starts = [0]
        try bytes.withUnsafeBufferPointer { buffer throws(TextError) in
            var index = contentStart
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte < 0x80 {
                    if byte == 0x0A { starts.append(index + 1) }
                    index += 1
                    continue
                }
                let length: Int
                let minimum: UInt32
                var scalar: UInt32
                switch byte {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
                default: throw .invalidUTF8(line: starts.count, byteOffset: index, byte: byte)
                }
                guard index + length <= count else {
                    throw .invalidUTF8(line: starts.count, byteOffset: index, byte: byte)
                }
                for next in 1..<length {
                    let continuation = buffer[index + next]
                    guard continuation & 0xC0 == 0x80 else {
                        throw .invalidUTF8(line: starts.count, byteOffset: index, byte: byte)
                    }
                    scalar = scalar << 6 | UInt32(continuation & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    throw .invalidUTF8(line: starts.count, byteOffset: index, byte: byte)
                }
                index += length
            }
        }
        lineStarts = starts
    }

    /// Creates a text from a string (always valid).
    public init(path: String, string: String) {
        // A Swift string is valid UTF-8 by construction.
        try! self.init(path: path, bytes: Array(string.utf8))
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line that contains byte `offset`.
    ///
    /// - Complexity: O(log *l*) in the number of lines.
    public func line(containing offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    ///
    /// On a long line the count starts from the nearest column mark before `offset`, so that
    /// placing every match of a line of a megabyte costs no more per match than on a short line.
    ///
    /// - Complexity: O(log *l* + `columnStride`).
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let line = line(containing: offset)
        var start = lineStarts[line - 1]
        if line == 1 { start = max(start, contentStart) }
        var column = 1
        if offset - start >= Self.columnStride {
            // Mark k (from 1) is the column of byte `start + k * columnStride`; the line has a
            // mark for every such byte before its end.
            let end = line < lineStarts.count ? lineStarts[line] : bytes.count
            let k = min((offset - start) / Self.columnStride, (end - 1 - start) / Self.columnStride)
            if k > 0 {
                column = columnMarks.column(atMark: k, ofLine: line - 1) {
                    ColumnMarks.marks(bytes, lineStarts: lineStarts, contentStart: contentStart)
                }
                start += k * Self.columnStride
            }
        }
        var index = start
        while index < offset && index < bytes.count {
            // Count scalars: every byte that is not a continuation byte starts one.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        WorkMeter.record(index - start)
        return (line, column)
    }

    /// The text of 1-based `line`, without its line ending.
    public func lineText(_ line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        var start = lineStarts[line - 1]
        if line == 1 { start = max(start, contentStart) }
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// The column marks of a text's long lines (see `SourceText.position(of:)`), made on first use.
///
/// A text is a value shared between threads; the marks are made once, under a lock, by
/// whichever thread first asks for a position on a long line.
private final class ColumnMarks: @unchecked Sendable {
    private let lock = NSLock()
    /// For each line longer than `SourceText.columnStride` bytes (by its index), where its
    /// marks begin in `marks`.
    private var longLines: [Int: Int] = [:]
    /// The column of every `columnStride`-th byte of the long lines.
    private var marks: [Int] = []
    private var isMade = false

    /// The column of mark `k` (from 1) of line `index` (from 0), which is longer than
    /// `k * columnStride` bytes; `make` makes the marks of the whole text the first time.
    func column(atMark k: Int, ofLine index: Int, make: () -> (longLines: [Int: Int], marks: [Int])) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if !isMade {
            (longLines, marks) = make()
            isMade = true
        }
        return marks[longLines[index]! + k - 1]
    }

    /// The marks of the lines longer than `SourceText.columnStride` bytes: for each, the column
    /// of every `columnStride`-th byte from the line's first column on, before its end.
    ///
    /// - Complexity: O(*n*) in the bytes of the long lines, in vector code.
    static func marks(_ bytes: [UInt8], lineStarts: [Int], contentStart: Int) -> (longLines: [Int: Int], marks: [Int]) {
        let stride = SourceText.columnStride
        var longLines: [Int: Int] = [:]
        var marks: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            for (index, lineStart) in lineStarts.enumerated() {
                let start = index == 0 ? max(lineStart, contentStart) : lineStart
                let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : buffer.count
                guard end - start > stride else { continue }
                longLines[index] = marks.count
                var position = TextPosition(line: index + 1, column: 1)
                var offset = start
                while offset + stride < end {
                    ByteSearch.advance(&position, in: buffer, from: offset, to: offset + stride)
                    offset += stride
                    marks.append(position.column)
                }
            }
        }
        return (longLines, marks)
    }
}
