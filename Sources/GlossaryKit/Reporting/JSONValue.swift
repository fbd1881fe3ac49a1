/// A JSON value whose objects keep their keys in the order written, for stable, readable output.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// The value as JSON text; `indent` spaces per level, or compact when nil.
    package func serialized(indent: Int? = 2) -> String {
        var output = ""
        write(into: &output, indent: indent, level: 0)
        return output
    }

    /// Appends the value's JSON to `output`, as if nested `level` deep.
    func write(into output: inout String, indent: Int?, level: Int) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (level: Int) in Self.spaces((indent ?? 0) * level) }
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .number(value): output += String(value)
        case let .string(value): Self.quote(value, into: &output)
        case let .array(values):
            if values.isEmpty { output += "[]"; return }
            output += "[" + newline
            for (index, value) in values.enumerated() {
                output += pad(level + 1)
                value.write(into: &output, indent: indent, level: level + 1)
                output += (index < values.count - 1 ? "," : "") + newline
            }
            output += pad(level) + "]"
        case let .object(pairs):
            if pairs.isEmpty { output += "{}"; return }
            output += "{" + newline
            for (index, (key, value)) in pairs.enumerated() {
                output += pad(level + 1)
                Self.quote(key, into: &output)
                output += indent == nil ? ":" : ": "
                value.write(into: &output, indent: indent, level: level + 1)
                output += (index < pairs.count - 1 ? "," : "") + newline
            }
            output += pad(level) + "}"
        }
    }

    /// `count` spaces; the common indentations are made once.
    private static func spaces(_ count: Int) -> String {
        count < commonSpaces.count ? commonSpaces[count] : String(repeating: " ", count: count)
    }

    private static let commonSpaces = (0..<16).map { String(repeating: " ", count: $0) }

    /// Appends `text` as a JSON string.
    static func quote(_ text: String, into output: inout String) {
        output += ReportOutput.collecting { quote(text, into: &$0) }
    }

    /// Appends `text` as a JSON string, in UTF-8.
    ///
    /// Runs of bytes that need no escape (most strings are one run) are copied whole; quotes,
    /// backslashes and control characters, all ASCII, are escaped byte by byte, which is the
    /// same as escaping them character by character.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func quote(_ text: String, into output: inout ReportOutput) {
        output.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                output.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run..<index]))
                run = index + 1
                switch byte {
                case 0x22: output.append(literal: #"\""#)
                case 0x5C: output.append(literal: #"\\"#)
                case 0x0A: output.append(literal: #"\n"#)
                case 0x0D: output.append(literal: #"\r"#)
                case 0x09: output.append(literal: #"\t"#)
                default:
                    let digits = Array("0123456789abcdef".utf8)
                    output.append(literal: #"\u00"#)
                    output.append(digits[Int(byte >> 4)])
                    output.append(digits[Int(byte & 0xF)])
                }
            }
            output.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run...]))
        }
        output.append(0x22)
    }

    /// Calls `body` with the decimal digits of `value` (with a minus sign when negative), as
    /// `String(value)` writes them.
    static func withDecimal<Result>(_ value: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            if value < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return body(UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Appends the decimal digits of `value`, as `String(value)` writes them.
    static func appendDecimal(_ value: Int, to output: inout ReportOutput) {
        withDecimal(value) { output.append($0) }
    }
}

extension JSONValue {
    init(_ text: String?) {
        self = text.map { .string($0) } ?? .null
    }
}
