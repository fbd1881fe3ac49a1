/// Reading the `params` of a message: each failure is an `invalidParams` error that names the
/// member, so the client's log says what was wrong with what it sent.
extension JSONValue {
    /// The value as an object, or an `invalidParams` error naming `what` it should have been.
    func object(_ what: String) throws(ResponseError) -> [String: JSONValue] {
        guard case let .object(members) = self else {
            throw ResponseError(.invalidParams, "\(what) must be an object, not a \(typeName)")
        }
        return members
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    func required(_ key: String, in what: String) throws(ResponseError) -> JSONValue {
        guard let value = self[key], !value.isNull else {
            throw ResponseError(.invalidParams, "\(what) lacks \"\(key)\"")
        }
        return value
    }

    func string(_ key: String, in what: String) throws(ResponseError) -> String {
        let value = try required(key, in: what)
        guard case let .string(text) = value else {
            throw ResponseError(.invalidParams, "\(what).\(key) must be a string, not a \(value.typeName)")
        }
        return text
    }

    func integer(_ key: String, in what: String) throws(ResponseError) -> Int {
        let value = try required(key, in: what)
        guard case let .integer(number) = value else {
            throw ResponseError(.invalidParams, "\(what).\(key) must be an integer, not a \(value.typeName)")
        }
        return number
    }

    /// A `uinteger` of LSP: an integer from 0 to 2³¹ − 1.
    func unsigned(_ key: String, in what: String) throws(ResponseError) -> Int {
        let number = try integer(key, in: what)
        guard number >= 0, number <= Int(Int32.max) else {
            throw ResponseError(.invalidParams, "\(what).\(key) must be from 0 to \(Int32.max), not \(number)")
        }
        return number
    }

    func object(_ key: String, in what: String) throws(ResponseError) -> [String: JSONValue] {
        try required(key, in: what).object("\(what).\(key)")
    }

    func array(_ key: String, in what: String) throws(ResponseError) -> [JSONValue] {
        let value = try required(key, in: what)
        guard case let .array(values) = value else {
            throw ResponseError(.invalidParams, "\(what).\(key) must be an array, not a \(value.typeName)")
        }
        return values
    }

    /// The member when present and not null, as an optional string; a value of another type is an error.
    func optionalString(_ key: String, in what: String) throws(ResponseError) -> String? {
        guard let value = self[key], !value.isNull else { return nil }
        guard case let .string(text) = value else {
            throw ResponseError(.invalidParams, "\(what).\(key) must be a string, not a \(value.typeName)")
        }
        return text
    }
}
