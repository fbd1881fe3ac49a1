import Testing

@testable import GlossaryLanguageServer

@Suite("JSON-RPC messages")
struct MessageTests {
    @Test func readsRequestsNotificationsAndResponses() throws {
        #expect(
            try Message(["jsonrpc": "2.0", "id": 1, "method": "shutdown"])
                == .request(id: .number(1), method: "shutdown", params: nil))
        #expect(
            try Message(["jsonrpc": "2.0", "id": "a", "method": "m", "params": [1]])
                == .request(id: .string("a"), method: "m", params: [1]))
        #expect(try Message(["jsonrpc": "2.0", "method": "exit"]) == .notification(method: "exit", params: nil))
        #expect(try Message(["jsonrpc": "2.0", "id": 4, "result": nil]) == .response(id: .number(4), result: .success(nil)))
        #expect(
            try Message(["jsonrpc": "2.0", "id": nil, "error": ["code": -32700, "message": "bad"]])
                == .response(id: nil, result: .failure(ResponseError(.parseError, "bad"))))
    }

    @Test(arguments: [
        // Not an object; a batch, which LSP does not have.
        JSONValue.array([["jsonrpc": "2.0", "method": "exit"]]), "text", 1,
        // No or another version.
        ["id": 1, "method": "m"], ["jsonrpc": "1.0", "id": 1, "method": "m"], ["jsonrpc": 2, "id": 1, "method": "m"],
        // A method that is no string, an id that is no integer or string, params that are no structure.
        ["jsonrpc": "2.0", "id": 1, "method": 5], ["jsonrpc": "2.0", "id": .double(1.5), "method": "m"],
        ["jsonrpc": "2.0", "id": nil, "method": "m"], ["jsonrpc": "2.0", "id": [1], "method": "m"],
        ["jsonrpc": "2.0", "id": 1, "method": "m", "params": "p"], ["jsonrpc": "2.0", "method": "m", "params": 3],
        // Neither a method nor a result or error; both a result and an error; an error without a code.
        ["jsonrpc": "2.0", "id": 1], ["jsonrpc": "2.0", "id": 1, "result": 1, "error": ["code": 1, "message": "m"]],
        ["jsonrpc": "2.0", "id": 1, "error": ["message": "m"]], ["jsonrpc": "2.0", "result": 1],
    ])
    func refusesWhatIsNoValidMessage(_ json: JSONValue) {
        #expect(throws: Message.Invalid.self) { try Message(json) }
    }

    @Test func anInvalidRequestKeepsItsIDWhenItCanBeRead() {
        #expect {
            try Message(["jsonrpc": "2.0", "id": 7, "method": 5])
        } throws: { error in
            (error as? Message.Invalid)?.id == .number(7) && (error as? Message.Invalid)?.error.code == .invalidRequest
        }
    }

    @Test func writesResponsesWithAResultEvenWhenItIsNull() {
        #expect(
            Message.response(id: .number(2), result: .success(nil)).json.serializedString
                == #"{"id":2,"jsonrpc":"2.0","result":null}"#)
        #expect(
            Message.response(id: nil, result: .failure(ResponseError(.parseError, "x"))).json.serializedString
                == #"{"error":{"code":-32700,"message":"x"},"id":null,"jsonrpc":"2.0"}"#)
    }

    @Test func errorCodesAreTheSpecificationsNumbers() {
        #expect(
            [ErrorCode.parseError, .invalidRequest, .methodNotFound, .invalidParams, .internalError].map(\.rawValue)
                == [-32700, -32600, -32601, -32602, -32603])
        #expect([ErrorCode.serverNotInitialized, .requestCancelled, .requestFailed].map(\.rawValue) == [-32002, -32800, -32803])
    }
}
