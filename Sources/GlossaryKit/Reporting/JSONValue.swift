/// A JSON value whose objects keep their keys in the order written, for stable, readable output.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// The value as JSON text; `indent` spaces per level, or compact when nil.
    public func serialized(indent: Int? = 2) -> String {
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
        output += "\""
        // Most strings need no escape: append them whole instead of scalar by scalar.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

extension JSONValue {
    init(_ text: String?) {
        self = text.map { .string($0) } ?? .null
    }
}
