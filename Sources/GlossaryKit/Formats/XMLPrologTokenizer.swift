/// Reads the prolog of an XML document by its grammar, up to the root element's start tag, and
/// refuses what would make a parser declare, expand or fetch an entity.
///
/// The prolog is the XML declaration, comments, processing instructions and the document type
/// declaration (XML 1.0, productions 22–31). Each construct is read by its own rule: a comment
/// ends at `-->` whatever quotes it holds, a literal at its closing quote whatever `]` or `>` it
/// holds, a processing instruction at `?>`. The DOCTYPE's internal subset may hold only comments,
/// processing instructions and white space: an entity declaration (general or parameter), a
/// parameter-entity reference, a conditional section and also element, attribute-list and
/// notation declarations are errors (the readers never validate, and Foundation's parser crashes
/// on an `#IMPLIED` attribute or a notation without a system identifier). So a parser given the
/// same bytes meets no entity but the five predefined ones and character references: the
/// refusal holds by construction, not by finding a keyword.
///
/// A `SYSTEM` or `PUBLIC` identifier of the DOCTYPE is accepted (term bases often name their DTD)
/// because the readers never load it: their parser runs without DTD loading.
///
/// The tokenizer reads bytes that are already valid UTF-8 (see `XMLInputCheck`); an encoding
/// named in the XML declaration other than UTF-8 (or its subset US-ASCII) is refused, so that the
/// parser decodes the bytes as they were checked.
struct XMLPrologTokenizer {
    /// The message for an entity declaration, shared by every XML reader.
    static let entityMessage =
        "entity declarations are not accepted: they can expand without bound (billion laughs) or read local files (XXE)"

    /// The message for an element, attribute-list or notation declaration.
    static let declarationMessage =
        "declarations in the DOCTYPE's internal subset are not accepted: the file is not validated, "
        + "and the XML parser fails on some of them (name the DTD with SYSTEM \"…\" instead)"

    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: String
    /// Whether `bytes` is the whole document; if not, running out of bytes in the prolog is an
    /// error (the prolog is longer than the part the caller read).
    private let isWholeDocument: Bool
    private var index: Int

    /// The offset of the root element's `<`, after checking the prolog of `bytes`; `bytes.count`
    /// when the document ends first (the parser then reports what is missing).
    ///
    /// - Parameters:
    ///   - bytes: the document, or its first part, as UTF-8.
    ///   - isWholeDocument: false when `bytes` is only the first part of the document.
    /// - Throws: `InputError` at the offending construct, with the line quoted.
    /// - Complexity: O(*n*) in the length of the prolog.
    static func rootStart(in bytes: UnsafeBufferPointer<UInt8>, isWholeDocument: Bool, path: String) throws(InputError) -> Int {
        var tokenizer = XMLPrologTokenizer(bytes: bytes, path: path, isWholeDocument: isWholeDocument)
        return try tokenizer.readProlog()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, path: String, isWholeDocument: Bool) {
        self.bytes = bytes
        self.path = path
        self.isWholeDocument = isWholeDocument
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    // MARK: Prolog

    private mutating func readProlog() throws(InputError) -> Int {
        if starts(with: "<?xml"), index + 5 < bytes.count, Self.isSpace(bytes[index + 5]) {
            try readXMLDeclaration()
        }
        var sawDoctype = false
        while true {
            try skipSpace()
            guard index < bytes.count else { return try endOfInput() }
            if starts(with: "<?") {
                try readProcessingInstruction()
            } else if starts(with: "<!--") {
                try readComment()
            } else if starts(with: "<!DOCTYPE") {
                if sawDoctype { throw error("a document may have only one DOCTYPE") }
                sawDoctype = true
                try readDoctype()
            } else if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, Self.isNameStart(bytes[index + 1]) {
                return index
            } else if starts(with: "<!") {
                throw error(
                    "unexpected markup before the root element (expected a comment, a processing instruction or the DOCTYPE)")
            } else {
                // Text or a stray '<' before the root: the parser stops there with its own
                // message, before it could reach any declaration. (A control character next to
                // it would mean another encoding: refused.)
                let stray = index
                if index + 1 < bytes.count { index += 1; try checkCharacter() }
                return stray
            }
        }
    }

    /// `<?xml version="1.0" encoding="…" standalone="…"?>`: only the encoding matters here.
    private mutating func readXMLDeclaration() throws(InputError) {
        index += 5
        while true {
            try skipSpace()
            guard index < bytes.count else { return }
            if starts(with: "?>") { index += 2; return }
            let nameStart = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else { throw error("malformed XML declaration") }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            try skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw error("malformed XML declaration: '=' expected after \(name)")
            }
            index += 1
            try skipSpace()
            let valueStart = index + 1
            // A document that ends inside the value: the parser reports it incomplete.
            guard try readLiteral() else { return }
            if name == "encoding" {
                let value = String(decoding: bytes[valueStart..<(index - 1)], as: UTF8.self)
                guard ["utf-8", "utf8", "us-ascii", "ascii"].contains(value.lowercased()) else {
                    throw error(
                        "the XML declaration names the encoding '\(value)': XML is read as UTF-8 only; save the file as UTF-8 and declare encoding=\"UTF-8\"",
                        at: valueStart)
                }
            }
        }
    }

    // MARK: Document type declaration

    /// `<!DOCTYPE name (SYSTEM "…" | PUBLIC "…" "…")? ([ internal subset ])? >`.
    private mutating func readDoctype() throws(InputError) {
        index += 9
        try requireSpace(after: "<!DOCTYPE")
        try readName("the DOCTYPE")
        try skipSpace()
        if starts(with: "SYSTEM") || starts(with: "PUBLIC") {
            let keyword = starts(with: "SYSTEM") ? "SYSTEM" : "PUBLIC"
            index += 6
            try requireSpace(after: keyword)
            try readLiteral()
            if keyword == "PUBLIC" {
                try requireSpace(after: "the public identifier")
                try readLiteral()
            }
            try skipSpace()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            index += 1
            try readInternalSubset()
            try skipSpace()
        }
        guard index < bytes.count else { return try ranOut() }
        guard bytes[index] == UInt8(ascii: ">") else { throw error("malformed DOCTYPE: '>' expected") }
        index += 1
    }

    /// The internal subset between `[` and `]`: comments, processing instructions and white space.
    private mutating func readInternalSubset() throws(InputError) {
        while true {
            try skipSpace()
            guard index < bytes.count else { return try ranOut() }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            if starts(with: "<!ENTITY") { throw error(Self.entityMessage) }
            if bytes[index] == UInt8(ascii: "%") {
                throw error("parameter entity references are not accepted: they can read local files or expand without bound")
            }
            if starts(with: "<!--") {
                try readComment()
            } else if starts(with: "<?") {
                try readProcessingInstruction()
            } else if starts(with: "<!ELEMENT") || starts(with: "<!ATTLIST") || starts(with: "<!NOTATION") {
                throw error(Self.declarationMessage)
            } else if starts(with: "<![") {
                throw error("conditional sections are not allowed in the DOCTYPE's internal subset")
            } else {
                throw error("unexpected text in the DOCTYPE's internal subset (expected a comment or ']')")
            }
        }
    }

    // MARK: Comments, processing instructions, literals, names

    /// `<!-- … -->`; `--` may not occur inside.
    private mutating func readComment() throws(InputError) {
        index += 4
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                guard index + 2 < bytes.count else { break }
                guard bytes[index + 2] == UInt8(ascii: ">") else { throw error("'--' is not allowed inside a comment") }
                index += 3
                return
            }
            try checkCharacter()
            index += 1
        }
        try ranOut()
    }

    /// `<?target … ?>`; the target `xml` is the XML declaration, allowed only first.
    private mutating func readProcessingInstruction() throws(InputError) {
        let start = index
        index += 2
        let targetStart = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        let target = String(decoding: bytes[targetStart..<index], as: UTF8.self)
        if target.lowercased() == "xml" { throw error("the XML declaration must come first in the file", at: start) }
        guard !target.isEmpty else { throw error("a processing instruction needs a target name", at: start) }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "?"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                index += 2
                return
            }
            try checkCharacter()
            index += 1
        }
        try ranOut()
    }

    /// A literal in double or single quotes; whether it closed before the document ended.
    @discardableResult
    private mutating func readLiteral() throws(InputError) -> Bool {
        guard index < bytes.count else {
            try ranOut()
            return false
        }
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw error("a quoted value is expected") }
        index += 1
        while index < bytes.count {
            if bytes[index] == quote {
                index += 1
                return true
            }
            try checkCharacter()
            index += 1
        }
        try ranOut()
        return false
    }

    private mutating func readName(_ what: String) throws(InputError) {
        guard index < bytes.count else { return try ranOut() }
        guard Self.isNameStart(bytes[index]) else { throw error("a name is expected in \(what)") }
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
    }

    private mutating func skipSpace() throws(InputError) {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        if index < bytes.count { try checkCharacter() }
    }

    private mutating func requireSpace(after what: String) throws(InputError) {
        guard index < bytes.count else { return try ranOut() }
        guard Self.isSpace(bytes[index]) else { throw error("white space is expected after \(what)") }
        try skipSpace()
    }

    /// Refuses a control character XML does not allow (a NUL here means UTF-16 or UTF-32 text
    /// without a byte order mark).
    private func checkCharacter() throws(InputError) {
        let byte = bytes[index]
        guard byte < 0x20, !Self.isSpace(byte) else { return }
        let code = String(byte, radix: 16, uppercase: true)
        var message = "the control character U+\(String(repeating: "0", count: 4 - code.count))\(code) is not allowed in XML"
        if byte == 0 { message += " (is the file UTF-16 or UTF-32? save the file as UTF-8)" }
        throw error(message)
    }

    // MARK: Ends and errors

    /// The input ended in the prolog: the parser reports an incomplete document, unless only the
    /// first part of it was given.
    private func ranOut() throws(InputError) {
        if !isWholeDocument {
            throw error(
                "the XML prolog (declarations before the root element) is longer than \(bytes.count) bytes", at: bytes.count)
        }
    }

    private func endOfInput() throws(InputError) -> Int {
        try ranOut()
        return bytes.count
    }

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { pattern in
            for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
            return true
        }
    }

    private func error(_ message: String, at offset: Int? = nil) -> InputError {
        let offset = min(offset ?? index, bytes.count)
        let contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = contentStart
        for position in contentStart..<offset where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        return InputError(
            message, file: path, location: SourceLocation(file: path, line: line, column: column),
            sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// A byte that can start an XML name: a letter, `_`, `:` or any non-ASCII character.
    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
