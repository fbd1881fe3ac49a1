/// The id of a JSON-RPC request: LSP allows an integer or a string.
package enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case string(String)

    var json: JSONValue {
        switch self {
        case let .number(value): .integer(value)
        case let .string(value): .string(value)
        }
    }

    init?(_ json: JSONValue) {
        switch json {
        case let .integer(value): self = .number(value)
        case let .string(value): self = .string(value)
        default: return nil
        }
    }

    package var description: String {
        switch self {
        case let .number(value): String(value)
        case let .string(value): "\"\(value)\""
        }
    }
}

/// One JSON-RPC 2.0 message: a request (answered by a response with its id), a notification
/// (never answered) or a response to a request of ours.
package enum Message: Equatable, Sendable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// A response; its id is nil only for an error about a message whose id could not be read.
    case response(id: RequestID?, result: Result<JSONValue, ResponseError>)

    /// Why a well-formed JSON value is still no message; answered with `error` under `id`
    /// (nil when the id itself could not be read).
    package struct Invalid: Error, Equatable {
        package var id: RequestID?
        package var error: ResponseError
    }

    /// The message `json` spells.
    ///
    /// LSP's JSON-RPC has no batches, so an array is refused like any value that is not an
    /// object. `params`, when present, must be an array or an object (JSON-RPC 2.0, 4.2).
    ///
    /// - Throws: ``Invalid`` with an `invalidRequest` error, and the request's id when it could
    ///   be read, so that the client can match the answer to its request.
    package init(_ json: JSONValue) throws(Invalid) {
        guard case let .object(members) = json else {
            throw Invalid(
                id: nil,
                error: ResponseError(
                    .invalidRequest,
                    "a message must be a JSON object, not \(json.typeName == "array" ? "an array (LSP has no batches)" : "a \(json.typeName)")"
                ))
        }
        let rawID = members["id"]
        let id = rawID.flatMap(RequestID.init)
        func invalid(_ message: String) -> Invalid {
            Invalid(id: id, error: ResponseError(.invalidRequest, message))
        }
        guard members["jsonrpc"] == .string("2.0") else { throw invalid("the member \"jsonrpc\" must be \"2.0\"") }
        if let rawID, id == nil, !(rawID.isNull && members["method"] == nil) {
            throw invalid("the id must be an integer or a string, not a \(rawID.typeName)")
        }
        if let method = members["method"] {
            guard case let .string(name) = method else { throw invalid("the method must be a string, not a \(method.typeName)") }
            let params = members["params"]
            if let params {
                switch params {
                case .array, .object: break
                default: throw invalid("params must be an object or an array, not a \(params.typeName)")
                }
            }
            if let id {
                self = .request(id: id, method: name, params: params)
            } else {
                self = .notification(method: name, params: params)
            }
            return
        }
        let result = members["result"], error = members["error"]
        switch (result, error) {
        case let (result?, nil):
            guard let id else { throw invalid("a response needs the id of its request") }
            self = .response(id: id, result: .success(result))
        case let (nil, error?):
            guard let code = error["code"]?.integerValue, let message = error["message"]?.stringValue else {
                throw invalid("a response's error needs an integer code and a string message")
            }
            self = .response(id: id, result: .failure(ResponseError(ErrorCode(rawValue: code), message, data: error["data"])))
        case (_?, _?):
            throw invalid("a response has a result or an error, not both")
        case (nil, nil):
            throw invalid("a message needs a method (a request or notification) or a result or error (a response)")
        }
    }

    /// The message as a JSON-RPC 2.0 object.
    package var json: JSONValue {
        switch self {
        case let .request(id, method, params):
            var members: [String: JSONValue] = ["jsonrpc": "2.0", "id": id.json, "method": .string(method)]
            if let params { members["params"] = params }
            return .object(members)
        case let .notification(method, params):
            var members: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
            if let params { members["params"] = params }
            return .object(members)
        case let .response(id, result):
            var members: [String: JSONValue] = ["jsonrpc": "2.0", "id": id?.json ?? .null]
            switch result {
            case let .success(value): members["result"] = value
            case let .failure(error): members["error"] = error.json
            }
            return .object(members)
        }
    }
}
