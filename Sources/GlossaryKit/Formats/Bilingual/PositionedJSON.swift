/// A JSON value that remembers where it was written, for readers that must point findings and
/// errors at exact lines and columns (Foundation's `JSONSerialization` keeps no positions).
indirect enum PositionedJSON {
    case object([(key: PositionedString, value: PositionedJSON)], offset: Int)
    case array([PositionedJSON], offset: Int)
    case string(PositionedString)
    case other(offset: Int)

    var offset: Int {
        switch self {
        case let .object(_, offset), let .array(_, offset), let .other(offset): offset
        case let .string(string): string.offset
        }
    }

    /// The value of `key` in an object.
    subscript(key: String) -> PositionedJSON? {
        guard case let .object(pairs, _) = self else { return nil }
        return pairs.first { $0.key.value == key }?.value
    }
}

/// A decoded JSON string and, for each of its UTF-8 bytes, the file byte it came from.
struct PositionedString {
    var value: String
    /// Offset of the opening quote.
    var offset: Int
    /// One file offset per byte of `value` (an escape's bytes map to its backslash).
    var offsets: [Int]

    /// Appends the string to `builder` with its positions.
    func append(to builder: inout SegmentedTextBuilder) {
        var index = 0
        for scalar in value.unicodeScalars {
            let count = String(scalar).utf8.count
            let offset = offsets[index]
            if count == 1 || (index + count - 1 < offsets.count && offsets[index + count - 1] == offset + count - 1) {
                builder.append(String(scalar), at: offset)
            } else {
                builder.append(decoded: String(scalar), at: offset)
            }
            index += count
        }
    }
}

/// A strict JSON parser (RFC 8259) that records positions.
struct PositionedJSONParser {
    let source: SourceText
    let format: String
    private var index: Int
    private let bytes: [UInt8]

    init(_ source: SourceText, format: String) {
        self.source = source
        self.format = format
        bytes = source.bytes
        index = source.contentStart
    }

    /// Parses the whole text as one JSON value.
    ///
    /// - Throws: `InputError` at the line and column of the first syntax error.
    /// - Complexity: O(*n*).
    mutating func parse() throws(InputError) -> PositionedJSON {
        skipSpace()
        let value = try parseValue(depth: 0)
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the JSON value") }
        return value
    }

    func fail(_ message: String, at offset: Int? = nil) -> InputError {
        let position = source.position(of: min(offset ?? index, bytes.count))
        return InputError(
            "\(format): invalid JSON: \(message)", file: source.path, line: position.line, column: position.column,
            in: source.text(0..<bytes.count))
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func parseValue(depth: Int) throws(InputError) -> PositionedJSON {
        guard depth < 512 else { throw fail("nested too deeply") }
        guard index < bytes.count else { throw fail("unexpected end of file, expected a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var pairs: [(key: PositionedString, value: PositionedJSON)] = []
            skipSpace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "}") { index += 1; return .object(pairs, offset: start) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                let key = try parseString()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
                index += 1
                skipSpace()
                pairs.append((key, try parseValue(depth: depth + 1)))
                skipSpace()
                guard index < bytes.count else { throw fail("unexpected end of file, expected ',' or '}'") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(pairs, offset: start) }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            index += 1
            var values: [PositionedJSON] = []
            skipSpace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values, offset: start) }
            while true {
                skipSpace()
                values.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw fail("unexpected end of file, expected ',' or ']'") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values, offset: start) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        default:
            for literal in ["true", "false", "null"] where bytes[index...].starts(with: literal.utf8) {
                index += literal.utf8.count
                return .other(offset: start)
            }
            if bytes[index] == UInt8(ascii: "-") || (bytes[index] >= 0x30 && bytes[index] <= 0x39) {
                index += 1
                while index < bytes.count,
                    (bytes[index] >= 0x30 && bytes[index] <= 0x39)
                        || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")]
                            .contains(bytes[index])
                { index += 1 }
                return .other(offset: start)
            }
            throw fail("unexpected character, expected a value")
        }
    }

    private mutating func parseString() throws(InputError) -> PositionedString {
        let start = index
        index += 1
        var value: [UInt8] = []
        var offsets: [Int] = []
        while true {
            guard index < bytes.count else { throw fail("unterminated string", at: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; break }
            if byte < 0x20 { throw fail("control character in a string (write \\n, \\t)") }
            if byte != UInt8(ascii: "\\") {
                value.append(byte)
                offsets.append(index)
                index += 1
                continue
            }
            let escape = index
            guard index + 1 < bytes.count else { throw fail("unterminated string", at: start) }
            let decoded: String
            switch bytes[index + 1] {
            case UInt8(ascii: "\""): decoded = "\""
            case UInt8(ascii: "\\"): decoded = "\\"
            case UInt8(ascii: "/"): decoded = "/"
            case UInt8(ascii: "b"): decoded = "\u{8}"
            case UInt8(ascii: "f"): decoded = "\u{C}"
            case UInt8(ascii: "n"): decoded = "\n"
            case UInt8(ascii: "r"): decoded = "\r"
            case UInt8(ascii: "t"): decoded = "\t"
            case UInt8(ascii: "u"):
                guard var code = hex(at: index + 2) else { throw fail("invalid \\u escape") }
                index += 6
                if (0xD800...0xDBFF).contains(code), bytes[index...].starts(with: "\\u".utf8), let low = hex(at: index + 2),
                    (0xDC00...0xDFFF).contains(low)
                {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                decoded = Unicode.Scalar(code).map { String($0) } ?? "\u{FFFD}"
                for byte in decoded.utf8 { value.append(byte); offsets.append(escape) }
                continue
            default:
                throw fail("invalid escape '\\\(String(decoding: [bytes[index + 1]], as: UTF8.self))'")
            }
            index += 2
            for byte in decoded.utf8 { value.append(byte); offsets.append(escape) }
        }
        return PositionedString(value: String(decoding: value, as: UTF8.self), offset: start, offsets: offsets)
    }

    private func hex(at position: Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        return UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    }
}
