import Foundation
import TestRandom
import Testing

@testable import GlossaryKit

/// The CSV parser reads bytes since issue 18; the parser it replaced read an array of Unicode
/// scalars. It is kept here verbatim as the reference: on random texts made of every character
/// the parser treats specially, both must give the same fields at the same lines and columns,
/// or the same error at the same place.
@Suite("CSV parser against the reference")
struct CSVDifferentialTests {
    enum ReferenceCSV {
        /// Splits `text` into records of fields.
        ///
        /// Empty lines are skipped. A quote inside an unquoted field, text after a closing quote, and
        /// a quoted field that never closes are errors with the line and column.
        static func parse(_ text: String, separator: Unicode.Scalar, path: String) throws(InputError) -> [[CSV.Field]] {
            let scalars = Array(text.unicodeScalars)
            var records: [[CSV.Field]] = []
            var record: [CSV.Field] = []
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
                    if !record.isEmpty { record.append(CSV.Field(value: "", line: line, column: column)); endRecord() }
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
                record.append(CSV.Field(value: String(value), line: startLine, column: startColumn))
                if index == scalars.count { endRecord(); break }
                let scalar = scalars[index]
                if scalar == separator {
                    index += 1; column += 1
                    if index == scalars.count {
                        record.append(CSV.Field(value: "", line: line, column: column)); endRecord(); break
                    }
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

    }

    /// The outcome of a parse, comparable: the records' fields, or the error's description.
    static func outcome(_ parse: () throws -> [[CSV.Field]]) -> String {
        do {
            return try parse().map { record in
                record.map { "\($0.line):\($0.column)=\($0.value.debugDescription)" }.joined(separator: " | ")
            }
            .joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    @Test(arguments: [",", "\t", ";", "€", "\"", "\n"] as [Unicode.Scalar])
    func randomTextsParseAsTheReferenceDid(separator: Unicode.Scalar) {
        var random = SeededGenerator(seed: UInt64(separator.value))
        let pieces = ["a", "bc", "é", "e\u{301}", "日本", "€", "😀", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", ""]
        var errors = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let fast = Self.outcome { try CSV.parse(text, separator: separator, path: "t.csv") }
            let reference = Self.outcome { try ReferenceCSV.parse(text, separator: separator, path: "t.csv") }
            // Byte for byte: strings compare equal when only canonically equivalent.
            let same = Array(fast.utf8) == Array(reference.utf8)
            #expect(same, "\(text.debugDescription): \(fast) against the reference's \(reference)")
            if fast.hasPrefix("error:") { errors += 1 }
        }
        // Both outcomes were compared many times over.
        #expect(errors > 100 && errors < 2900)
    }
}
