/// Reads JSON text (RFC 8259) into a ``JSONValue``.
///
/// The parser is strict about the grammar (no trailing commas, comments, single quotes, leading
/// zeros or bare control characters in strings) because a message that breaks it must be
/// answered with a parse error rather than guessed at. Two things are repaired rather than
/// refused, as JavaScript clients produce them: an escaped lone UTF-16 surrogate (`"\ud83d"`)
/// becomes U+FFFD, and duplicate keys keep the last value.
package struct JSONParser {
    /// Why the text is no JSON, and the byte offset where that became clear.
    package struct SyntaxError: Error, Equatable, CustomStringConvertible {
        package var message: String
        package var offset: Int

        package var description: String { "\(message) at byte \(offset)" }
    }

    /// How deeply arrays and objects may nest: deeper input is refused before it can exhaust
    /// the stack. LSP messages nest a dozen levels at most.
    package static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The value that `bytes`, the whole of them, spell.
    ///
    /// - Throws: ``SyntaxError`` for anything that is not exactly one JSON value surrounded by
    ///   optional white space, or for invalid UTF-8 inside a string.
    /// - Complexity: O(*n*) in the length of the text.
    package static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(SyntaxError) in
            var parser = JSONParser(buffer)
            let value = try parser.parseValue()
            parser.skipWhiteSpace()
            guard parser.index == buffer.count else { throw parser.error("unexpected text after the JSON value") }
            return value
        }
    }

    /// `parse` over the UTF-8 of `text`.
    package static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(message: message, offset: offset ?? index)
    }

    private mutating func skipWhiteSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        skipWhiteSpace()
        guard index < bytes.count else { throw error("unexpected end of the text; a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character; a value was expected")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw error("invalid literal", at: start) }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw error("invalid literal", at: start)
        }
        index += count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("arrays and objects nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhiteSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhiteSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("an object key (a string) was expected")
            }
            let key = try parseString()
            skipWhiteSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("':' was expected after an object key")
            }
            index += 1
            members[key] = try parseValue()
            skipWhiteSpace()
            guard index < bytes.count else { throw error("unexpected end of the text inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw error("',' or '}' was expected in an object")
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhiteSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhiteSpace()
            guard index < bytes.count else { throw error("unexpected end of the text inside an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw error("',' or ']' was expected in an array")
        }
        depth -= 1
        return .array(elements)
    }

    /// Reads a string whose opening quote is at `index`.
    ///
    /// Runs of plain characters are validated and appended whole; only escapes are handled one
    /// by one, so a document's text (one long string, rarely escaped) costs one pass.
    private mutating func parseString() throws(SyntaxError) -> String {
        let opening = index
        index += 1
        var result = ""
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("unterminated string", at: opening) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try appendRun(from: runStart, to: index, to: &result)
                index += 1
                return result
            }
            if byte == UInt8(ascii: "\\") {
                try appendRun(from: runStart, to: index, to: &result)
                try parseEscape(into: &result)
                runStart = index
                continue
            }
            guard byte >= 0x20 else { throw error("unescaped control character in a string") }
            index += 1
        }
    }

    private func appendRun(from start: Int, to end: Int, to result: inout String) throws(SyntaxError) {
        guard end > start else { return }
        guard let run = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) else {
            throw error("invalid UTF-8 in a string", at: start)
        }
        if result.isEmpty { result = run } else { result += run }
    }

    private mutating func parseEscape(into result: inout String) throws(SyntaxError) {
        let start = index
        index += 1
        guard index < bytes.count else { throw error("unterminated escape", at: start) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): result.append("\"")
        case UInt8(ascii: "\\"): result.append("\\")
        case UInt8(ascii: "/"): result.append("/")
        case UInt8(ascii: "b"): result.append("\u{08}")
        case UInt8(ascii: "f"): result.append("\u{0C}")
        case UInt8(ascii: "n"): result.append("\n")
        case UInt8(ascii: "r"): result.append("\r")
        case UInt8(ascii: "t"): result.append("\t")
        case UInt8(ascii: "u"):
            let unit = try parseHexUnit(escapeStart: start)
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate makes a character only with the low surrogate escaped right after it.
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let save = index
                    index += 2
                    let low = try parseHexUnit(escapeStart: save)
                    if (0xDC00...0xDFFF).contains(low) {
                        let scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        result.unicodeScalars.append(Unicode.Scalar(scalar)!)
                        return
                    }
                    index = save
                }
                result.unicodeScalars.append("\u{FFFD}")
            case 0xDC00...0xDFFF:
                result.unicodeScalars.append("\u{FFFD}")
            default:
                result.unicodeScalars.append(Unicode.Scalar(unit)!)
            }
        default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))'", at: start)
        }
    }

    /// The four hex digits of a `\u` escape, `index` on the first of them.
    private mutating func parseHexUnit(escapeStart: Int) throws(SyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("a \\u escape needs four hex digits", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("a digit was expected in a number", at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number cannot have a leading zero", at: start) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a digit was expected after the decimal point") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a digit was expected in the exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .integer(value) }
        guard let value = Double(text) else { throw error("unreadable number", at: start) }
        return .double(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
