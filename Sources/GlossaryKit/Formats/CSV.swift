package import Foundation

/// A small RFC 4180 reader and writer: quoted fields, doubled quotes, embedded line breaks,
/// CRLF or LF, a leading UTF-8 byte order mark, and `,`, `;` or tab as separator.
package enum CSV {
    /// One field with the position of its first character.
    package struct Field: Hashable, Sendable {
        package var value: String
        /// 1-based line and column (columns count Unicode scalars).
        package var line: Int
        package var column: Int
    }

    /// Decodes bytes as UTF-8 (a BOM is removed); the error names the line of the first bad byte.
    package static func decode(_ data: Data, path: String) throws(InputError) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Find the bad byte for the message.
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
            if length == 0 || index + length > bytes.endIndex
                || String(validating: bytes[index..<index + length], as: UTF8.self) == nil
            {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                throw InputError(
                    file: path, line: line, column: column,
                    message: "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)); save the file as UTF-8")
            }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        throw InputError(file: path, line: line, column: 1, message: "invalid UTF-8")
    }

    /// The separator a header line uses: the most frequent of tab, `;` and `,` outside quotes
    /// (comma when none occurs).
    package static func detectSeparator(in text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = ["\t": 0, ";": 0, ",": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted, scalar == "\n" { break }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }!
        return best.value == 0 ? "," : best.key
    }

    /// Splits `text` into records of fields.
    ///
    /// Empty lines are skipped. A quote inside an unquoted field, text after a closing quote, and
    /// a quoted field that never closes are errors with the line and column.
    ///
    /// The text is read as UTF-8 bytes: the quote, CR and LF are ASCII, and the separator's
    /// bytes can only match where a character starts, so a field is a run of bytes, made a
    /// string once. Columns count the bytes that start a character (Unicode scalars).
    ///
    /// - Complexity: O(*n*) in the text's length.
    package static func parse(_ text: String, separator: Unicode.Scalar, path: String) throws(InputError) -> [[Field]] {
        var text = text
        var separatorBytes: [UInt8] = []
        UTF8.encode(separator) { separatorBytes.append($0) }
        let parsed = text.withUTF8 { bytes in
            Result { () throws(RecordError) in
                var parser = RecordParser(bytes: bytes, separator: separatorBytes)
                return try parser.parse()
            }
        }
        switch parsed {
        case let .success(records): return records
        case let .failure(error):
            throw InputError(
                location: SourceLocation(file: path, line: error.line, column: error.column), message: error.message,
                sourceLine: SourceLines.line(error.line, of: text))
        }
    }

    /// A malformed record: the message and where it is.
    private struct RecordError: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// Splits UTF-8 bytes into records of fields (`parse`).
    private struct RecordParser {
        let bytes: UnsafeBufferPointer<UInt8>
        let separator: [UInt8]
        var records: [[Field]] = []
        var record: [Field] = []
        var index = 0
        var line = 1
        var column = 1
        /// A quoted field's bytes, without its quotes, doubled quotes and the CR of CRLF.
        var quoted: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8]) {
            self.bytes = bytes
            self.separator = separator
        }

        private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

        /// Whether the separator starts at byte `at`.
        @inline(__always)
        private func isSeparator(at: Int) -> Bool {
            guard separator.count > 1 else { return bytes[at] == separator[0] }
            guard at + separator.count <= bytes.count else { return false }
            for offset in 0..<separator.count where bytes[at + offset] != separator[offset] { return false }
            return true
        }

        /// Whether `byte` starts a character: it is no UTF-8 continuation byte.
        @inline(__always)
        private static func startsScalar(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

        private mutating func endRecord() {
            if !(record.count == 1 && record[0].value.isEmpty) { records.append(record) }
            record = []
        }

        mutating func parse() throws(RecordError) -> [[Field]] {
            let count = bytes.count
            while index <= count {
                let startLine = line, startColumn = column
                if index == count {
                    if !record.isEmpty { record.append(Field(value: "", line: line, column: column)); endRecord() }
                    break
                }
                let value: String
                if bytes[index] == Self.quote {
                    index += 1; column += 1
                    quoted.removeAll(keepingCapacity: true)
                    var closed = false
                    while index < count {
                        let byte = bytes[index]
                        if byte == Self.quote {
                            if index + 1 < count, bytes[index + 1] == Self.quote {
                                quoted.append(Self.quote); index += 2; column += 2
                                continue
                            }
                            index += 1; column += 1
                            closed = true
                            break
                        }
                        if byte == Self.lineFeed {
                            line += 1; column = 1
                        } else if Self.startsScalar(byte) {
                            column += 1
                        }
                        if byte == Self.carriageReturn, index + 1 < count, bytes[index + 1] == Self.lineFeed {
                            // CRLF inside a quoted field is kept as LF.
                            index += 1
                            continue
                        }
                        quoted.append(byte)
                        index += 1
                    }
                    if !closed {
                        throw RecordError(message: "quoted field is never closed", line: startLine, column: startColumn)
                    }
                    if index < count, !isSeparator(at: index), bytes[index] != Self.lineFeed, bytes[index] != Self.carriageReturn
                    {
                        throw RecordError(
                            message: "unexpected text after a closing quote; quotes inside a field must be doubled (\"\")",
                            line: line, column: column)
                    }
                    value = String(decoding: quoted, as: UTF8.self)
                } else {
                    let start = index
                    while index < count {
                        let byte = bytes[index]
                        if isSeparator(at: index) || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        if byte == Self.quote {
                            throw RecordError(
                                message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
                                line: line, column: column)
                        }
                        index += 1
                        if Self.startsScalar(byte) { column += 1 }
                    }
                    value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                }
                record.append(Field(value: value, line: startLine, column: startColumn))
                if index == count { endRecord(); break }
                if isSeparator(at: index) {
                    index += separator.count; column += 1
                    if index == count { record.append(Field(value: "", line: line, column: column)); endRecord(); break }
                } else {
                    // A lone CR ends a record too (classic Mac files), but lines end at LF only, as
                    // everywhere in the tool: after it the line goes on, one column further.
                    if bytes[index] == Self.carriageReturn, !(index + 1 < count && bytes[index + 1] == Self.lineFeed) {
                        index += 1; column += 1
                    } else {
                        index += bytes[index] == Self.carriageReturn ? 2 : 1
                        line += 1; column = 1
                    }
                    endRecord()
                }
            }
            return records
        }
    }

    /// One field as RFC 4180 writes it: quoted when it holds the separator, a quote, a line break
    /// or leading/trailing spaces.
    package static func escape(_ value: String, separator: Unicode.Scalar) -> String {
        let needsQuotes =
            value.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Records joined with CRLF (as RFC 4180 and spreadsheets expect), ending with CRLF.
    package static func write(_ records: [[String]], separator: Unicode.Scalar) -> String {
        var out = ""
        for record in records {
            out += record.map { escape($0, separator: separator) }.joined(separator: String(Character(separator)))
            out += "\r\n"
        }
        return out
    }
}
