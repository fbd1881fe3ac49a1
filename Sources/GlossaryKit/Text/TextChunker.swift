/// Cuts a text into chunks of whole paragraphs, each validated as UTF-8 and masked on its own:
/// the chunking and masking stages of the pipeline.
///
/// Only the masked regions (code, URLs, comments) are computed for the whole text; every chunk
/// is copied and masked when it is reached, so a long text is never held twice and its words
/// never all exist at once. Whether the bytes are an array or a mapped file, the chunks are the
/// same.
struct TextChunker {
    /// One chunk of the text.
    struct Chunk {
        /// The offset of the chunk's first byte in the whole text.
        let offset: Int
        /// The line and column of that byte.
        let position: TextPosition
        /// The chunk's bytes as written, as a validated text of their own (offsets from the
        /// chunk's first byte; a leading EF BB BF is the character U+FEFF, not a byte order mark).
        let source: SourceText
        /// The same bytes with the masked regions blanked: what the scanner reads.
        let masked: [UInt8]

        /// The offset just past the chunk in the whole text.
        var end: Int { offset + source.bytes.count }
    }

    private let path: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private let size: Int
    private let maskedRanges: [MaskedRange]
    /// The first masked range that may reach into the next chunk.
    private var rangeIndex = 0
    /// Where the next chunk starts, and its line and column.
    private var offset: Int
    private var position = TextPosition(line: 1, column: 1)

    /// A chunker over `bytes`, whose content starts at `contentStart` (after a byte order mark),
    /// in chunks of about `size` bytes. `passed(offset)` is called with offsets the masking will
    /// not read below again, so that a mapped file's pages can be given back.
    ///
    /// - Complexity: O(*n*) in the text's length, to find the masked regions.
    init(path: String, bytes: UnsafeBufferPointer<UInt8>, contentStart: Int, size: Int, markdown: Bool, passed: (Int) -> Void) {
        self.path = path
        self.bytes = bytes
        self.size = size
        offset = contentStart
        maskedRanges = MarkdownMasker.maskedRanges(bytes, markdown: markdown, passed: passed)
    }

    /// The next chunk, or nil at the end of the text. `finish(_:endingAt:)` must be called with
    /// each chunk before the next is asked for.
    ///
    /// - Throws: `TextError.invalidUTF8` at the first bad byte of the chunk (line and offset in
    ///   the whole text).
    /// - Complexity: O(*c*) in the chunk's length.
    mutating func next() throws(TextError) -> Chunk? {
        guard offset < bytes.count else { return nil }
        let end = Self.chunkEnd(bytes, from: offset, size: size)
        let raw = Array(bytes[offset..<end])
        let source: SourceText
        do {
            source = try SourceText(path: path, bytes: raw, allowsByteOrderMark: false)
        } catch {
            guard case let .invalidUTF8(line, byteOffset, byte) = error else { throw error }
            throw .invalidUTF8(line: position.line + line - 1, byteOffset: offset + byteOffset, byte: byte)
        }
        var masked = raw
        while rangeIndex < maskedRanges.count && maskedRanges[rangeIndex].upperBound <= offset { rangeIndex += 1 }
        let relevant = maskedRanges[rangeIndex...].prefix { $0.lowerBound < end }
        if !relevant.isEmpty {
            MarkdownMasker.apply(relevant, to: &masked, original: raw, offset: offset)
        }
        return Chunk(offset: offset, position: position, source: source, masked: masked)
    }

    /// Moves past `chunk`, whose end is at line and column `end` (the positions stage has
    /// walked the chunk and knows it, so the chunker does not walk it again).
    mutating func finish(_ chunk: Chunk, endingAt end: TextPosition) {
        offset = chunk.end
        position = end
    }

    /// Where the chunk that starts at `start` ends: at the first blank line after `size` bytes
    /// (so no paragraph, and no term, is cut), else at a line break, else at the end.
    ///
    /// A chunk grows to a blank line up to `max(4 × size, longestParagraph)` bytes: how long a
    /// paragraph may be before it is cut does not depend on the chunk size the tool uses.
    static func chunkEnd(_ bytes: [UInt8], from start: Int, size: Int) -> Int {
        bytes.withUnsafeBufferPointer { chunkEnd($0, from: start, size: size) }
    }

    /// The longest paragraph (text without a blank line) a chunk holds whole, whatever its size:
    /// the limit of the 1 MiB chunks the tool used until 2026-12-07, kept when they became
    /// 128 KiB so that no paragraph the tool read whole is now cut.
    static let longestParagraph = 4 << 20

    /// `chunkEnd` over a buffer.
    ///
    /// - Complexity: O(`size` + `longestParagraph`): it reads at most that far and 256 bytes
    ///   ahead.
    static func chunkEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, size: Int) -> Int {
        // A size below 0 (`CheckOptions.chunkSize` is the caller's) reads as 0: a chunk of the
        // first paragraph, never a read before `start`.
        let size = max(size, 0)
        guard bytes.count - start > size else { return bytes.count }
        var index = start + size
        let limit = min(bytes.count, start + max(size * 4, longestParagraph))
        var newlineAt: Int?
        while index < limit {
            if bytes[index] == 0x0A {
                if let previous = newlineAt, bytes[(previous + 1)..<index].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }),
                    !endsWithShortParagraph(bytes, before: previous, from: start)
                {
                    return index + 1
                }
                newlineAt = index
            }
            index += 1
        }
        // A paragraph longer than the limit: cut it at a line break (a term that crosses that
        // very line break is not found), or where the limit falls between two characters.
        if let newlineAt { return newlineAt + 1 }
        var cut = limit
        while cut < bytes.count && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
        while cut < bytes.count && bytes[cut] != 0x20 && bytes[cut] != 0x0A && cut < limit + 256 { cut += 1 }
        return cut
    }

    /// The most words a paragraph may have to be taken for a section heading (`ABSTRACT`,
    /// `RINGKESAN`, `Kata kunci`).
    static let headingWordLimit = 3

    /// Whether the paragraph that ends at `end` (a line break) is short enough to be a section
    /// heading (at most `headingWordLimit` words, found within 160 bytes after a blank line or
    /// `start`). A chunk does not end after such a paragraph, so that the heading and the
    /// paragraph it introduces are detected together (`LanguageDetector.languages(from:languages:previous:)`).
    static func endsWithShortParagraph(_ bytes: [UInt8], before end: Int, from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { endsWithShortParagraph($0, before: end, from: start) }
    }

    /// `endsWithShortParagraph` over a buffer.
    static func endsWithShortParagraph(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, from start: Int) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var index = end
        var words = 0
        var inWord = false
        while index > start {
            let byte = bytes[index - 1]
            if byte == 0x0A {
                // A line that holds only white space before this one ends the paragraph.
                var back = index - 1
                while back > start, isSpace(bytes[back - 1]) { back -= 1 }
                if back == start || bytes[back - 1] == 0x0A { break }
            }
            let space = isSpace(byte) || byte == 0x0A
            if !space && !inWord { words += 1 }
            inWord = !space
            if words > headingWordLimit || end - index > 160 { return false }
            index -= 1
        }
        return words > 0
    }
}
