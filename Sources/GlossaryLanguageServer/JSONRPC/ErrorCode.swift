/// The error codes of JSON-RPC 2.0 and the ones LSP adds.
package struct ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package var rawValue: Int

    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The message is no JSON.
    package static let parseError = ErrorCode(rawValue: -32700)
    /// The JSON is no valid request object.
    package static let invalidRequest = ErrorCode(rawValue: -32600)
    /// No such method, or not one this server offers.
    package static let methodNotFound = ErrorCode(rawValue: -32601)
    /// The parameters do not fit the method.
    package static let invalidParams = ErrorCode(rawValue: -32602)
    /// The server failed in a way the request did not cause.
    package static let internalError = ErrorCode(rawValue: -32603)
    /// LSP: a request came before `initialize` was answered.
    package static let serverNotInitialized = ErrorCode(rawValue: -32002)
    /// LSP: the client cancelled the request.
    package static let requestCancelled = ErrorCode(rawValue: -32800)
    /// LSP: the request was valid but could not be carried out; the message says why.
    package static let requestFailed = ErrorCode(rawValue: -32803)

    package var description: String { String(rawValue) }
}

/// The `error` member of a response: a code, a message for people, and optional data.
package struct ResponseError: Error, Equatable, Sendable, CustomStringConvertible {
    package var code: ErrorCode
    package var message: String
    package var data: JSONValue?

    package init(_ code: ErrorCode, _ message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    package var description: String { "\(message) (\(code))" }

    var json: JSONValue {
        var members: [String: JSONValue] = ["code": .integer(code.rawValue), "message": .string(message)]
        if let data { members["data"] = data }
        return .object(members)
    }
}
