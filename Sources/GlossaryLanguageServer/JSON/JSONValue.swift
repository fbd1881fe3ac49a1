/// A JSON value as the language server reads and writes it.
///
/// Integers and other numbers are kept apart, because JSON-RPC ids and every LSP position are
/// integers and a client that sends `1.5` for one has sent an invalid message, not a rounded
/// one. Objects are dictionaries: the protocol never gives key order a meaning, and the writer
/// sorts the keys so that output is the same from run to run.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written without a fraction or an exponent that fits an `Int`.
    case integer(Int)
    /// Any other number.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object; nil for a missing key or a value that is no object.
    package subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    package var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    package var integerValue: Int? {
        if case let .integer(value) = self { return value }
        return nil
    }

    package var boolValue: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    package var arrayValue: [JSONValue]? {
        if case let .array(values) = self { return values }
        return nil
    }

    package var objectValue: [String: JSONValue]? {
        if case let .object(members) = self { return members }
        return nil
    }

    package var isNull: Bool { self == .null }

    /// The JSON type's name, for messages: `object`, `array`, `string`, `number`, `boolean`, `null`.
    package var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .integer(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(nilLiteral: ()) { self = .null }

    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
