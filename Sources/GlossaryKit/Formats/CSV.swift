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
    package static func parse(_ text: String, separator: Unicode.Scalar, path: String) throws(InputError) -> [[Field]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[Field]] = []
        var record: [Field] = []
        var index = 0
        var line = 1
        var column = 1
        func error(_ message: String, line: Int, column: Int) -> InputError {
            InputError(
                location: SourceLocation(file: path, line: line, column: column), message: message,
                sourceLine: SourceLines.line(line, of: text))
        }
        func endRecord() {
            if !(record.count == 1 && record[0].value.isEmpty) { records.append(record) }
            record = []
        }
        while index <= scalars.count {
            let startLine = line, startColumn = column
            if index == scalars.count {
                if !record.isEmpty { record.append(Field(value: "", line: line, column: column)); endRecord() }
                break
            }
            var value = String.UnicodeScalarView()
            if scalars[index] == "\"" {
                index += 1; column += 1
                var closed = false
                while index < scalars.count {
                    let scalar = scalars[index]
                    if scalar == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            value.append("\""); index += 2; column += 2
                            continue
                        }
                        index += 1; column += 1
                        closed = true
                        break
                    }
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                    if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                        // CRLF inside a quoted field is kept as LF.
                        index += 1
                        continue
                    }
                    value.append(scalar)
                    index += 1
                }
                if !closed { throw error("quoted field is never closed", line: startLine, column: startColumn) }
                if index < scalars.count, scalars[index] != separator, scalars[index] != "\n", scalars[index] != "\r" {
                    throw error(
                        "unexpected text after a closing quote; quotes inside a field must be doubled (\"\")", line: line,
                        column: column)
                }
            } else {
                while index < scalars.count {
                    let scalar = scalars[index]
                    if scalar == separator || scalar == "\n" || scalar == "\r" { break }
                    if scalar == "\"" {
                        throw error(
                            "a quote inside an unquoted field; quote the whole field and double the quote (\"\")", line: line,
                            column: column)
                    }
                    value.append(scalar)
                    index += 1; column += 1
                }
            }
            record.append(Field(value: String(value), line: startLine, column: startColumn))
            if index == scalars.count { endRecord(); break }
            let scalar = scalars[index]
            if scalar == separator {
                index += 1; column += 1
                if index == scalars.count { record.append(Field(value: "", line: line, column: column)); endRecord(); break }
            } else {
                // A lone CR ends a record too (classic Mac files), but lines end at LF only, as
                // everywhere in the tool: after it the line goes on, one column further.
                if scalar == "\r", !(index + 1 < scalars.count && scalars[index + 1] == "\n") {
                    index += 1; column += 1
                } else {
                    index += scalar == "\r" ? 2 : 1
                    line += 1; column = 1
                }
                endRecord()
            }
        }
        return records
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
