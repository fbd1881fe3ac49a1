/// What every XML reader (TBX, XLIFF, TMX) checks before a parser sees a byte, and the limits
/// every XML tree builder keeps.
///
/// The parser (libxml2, through Foundation's `XMLParser`) is given only documents that are
/// UTF-8 without a signature of another encoding, and whose prolog `XMLPrologTokenizer` has read
/// without finding an entity declaration, and that hold no processing instruction without data
/// and no element of more attributes than the parser reads in bounded time
/// (`XMLMarkupScanner`). Invalid UTF-8 in a name once crashed the process inside Foundation, and
/// a UTF-16 document or a declared legacy encoding was decoded by the parser differently from
/// what had been checked. A file is checked as it is streamed
/// (`XMLCheckedFileStream`), a document in memory at once (`check(document:path:)`); the messages
/// are the same.
enum XMLInputCheck {
    /// How deep elements may nest. Real term bases and translation files nest a few dozen levels
    /// at most; the limit keeps the tree builders' memory and every walk over a tree bounded
    /// (documented in docs/cross-language.md, "XML input").
    static let maximumDepth = 1_000

    /// The message for an element nested deeper than `maximumDepth`.
    static let depthMessage =
        "elements are nested more than \(maximumDepth) levels deep; such a file is refused to keep reading bounded"

    /// The most bytes of prolog (declarations before the root element) read from a streamed file.
    static let prologLimit = 1 << 20

    /// Checks a whole document held in memory: encoding, UTF-8, prolog, processing instructions
    /// and attribute counts.
    ///
    /// - Throws: `InputError` at the first problem, with its line and column.
    /// - Complexity: O(*n*).
    static func check(document bytes: [UInt8], path: String) throws(InputError) {
        try bytes.withUnsafeBufferPointer { buffer throws(InputError) in try check(document: buffer, path: path) }
    }

    /// Checks a whole document held in memory: encoding, UTF-8, prolog, processing instructions
    /// and attribute counts.
    ///
    /// - Throws: `InputError` at the first problem, with its line and column.
    /// - Complexity: O(*n*).
    static func check(document bytes: UnsafeBufferPointer<UInt8>, path: String) throws(InputError) {
        try checkSignature(bytes, path: path)
        let contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let bad = ByteSearch.firstInvalidUTF8(in: UnsafeBufferPointer(rebasing: bytes[contentStart...])) {
            var position = TextPosition(line: 1, column: 1)
            ByteSearch.advance(&position, in: bytes, from: contentStart, to: contentStart + bad)
            throw invalidUTF8(at: contentStart + bad, byte: bytes[contentStart + bad], position: position, path: path)
        }
        let root = try XMLPrologTokenizer.rootStart(in: bytes, isWholeDocument: true, path: path)
        var markup = XMLMarkupScanner(tagsFrom: root - contentStart)
        try markup.scan(UnsafeBufferPointer(rebasing: bytes[contentStart...]), path: path)
    }

    /// Refuses a document that starts with the signature of UTF-16 or UTF-32: a byte order
    /// mark, or a NUL in its first four bytes (how a parser detects those encodings without one).
    ///
    /// - Parameter bytes: the document or its first bytes (four are enough).
    static func checkSignature(_ bytes: some Collection<UInt8>, path: String) throws(InputError) {
        let head = Array(bytes.prefix(4))
        let encoding: String
        if head.starts(with: [0xFF, 0xFE, 0, 0]) {
            encoding = "UTF-32 (little-endian, with a byte order mark)"
        } else if head.starts(with: [0, 0, 0xFE, 0xFF]) {
            encoding = "UTF-32 (big-endian, with a byte order mark)"
        } else if head.starts(with: [0xFF, 0xFE]) {
            encoding = "UTF-16 (little-endian, with a byte order mark)"
        } else if head.starts(with: [0xFE, 0xFF]) {
            encoding = "UTF-16 (big-endian, with a byte order mark)"
        } else if head.contains(0) {
            encoding = "UTF-16 or UTF-32 (it has NUL bytes among its first characters)"
        } else {
            return
        }
        throw InputError(
            "the file is \(encoding); XML is read as UTF-8 only: save the file as UTF-8",
            file: path, location: SourceLocation(file: path, line: 1, column: 1))
    }

    /// The error for a malformed UTF-8 sequence starting at byte `offset`, which is at
    /// `position`; the same message as for any other text.
    static func invalidUTF8(at offset: Int, byte: UInt8, position: TextPosition, path: String) -> InputError {
        InputError(
            TextError.invalidUTF8(line: position.line, byteOffset: offset, byte: byte).description,
            file: path, location: SourceLocation(file: path, line: position.line, column: position.column))
    }
}
