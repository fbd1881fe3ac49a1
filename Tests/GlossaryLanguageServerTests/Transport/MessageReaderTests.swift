import Testing

@testable import GlossaryLanguageServer

@Suite("Reading messages from the client")
struct MessageReaderTests {
    static func frame(_ json: JSONValue) -> [UInt8] {
        MessageFraming.frame(json.serialized())
    }

    static func frame(_ text: String) -> [UInt8] {
        MessageFraming.frame(Array(text.utf8))
    }

    @Test func answersMalformedJSONWithAParseErrorAndReadsOn() {
        var reader = MessageReader(cancellations: CancellationRegistry())
        let received = reader.receive(
            Self.frame("{\"jsonrpc\": \"2.0\", \"id\": 1,") + Self.frame(["jsonrpc": "2.0", "method": "exit"]))
        #expect(received.messages == [.notification(method: "exit", params: nil)])
        #expect(received.replies.count == 1)
        guard case let .response(id, .failure(error)) = received.replies.first else {
            Issue.record("expected an error response")
            return
        }
        #expect(id == nil)
        #expect(error.code == .parseError)
    }

    @Test func answersAnInvalidRequestUnderItsID() {
        var reader = MessageReader(cancellations: CancellationRegistry())
        let received = reader.receive(Self.frame(["jsonrpc": "2.0", "id": 9, "method": ["not a name"]]))
        #expect(received.messages.isEmpty)
        guard case let .response(id, .failure(error)) = received.replies.first else {
            Issue.record("expected an error response")
            return
        }
        #expect(id == .number(9))
        #expect(error.code == .invalidRequest)
    }

    @Test func answersABadHeaderWithAParseError() {
        var reader = MessageReader(cancellations: CancellationRegistry())
        let received = reader.receive(
            Array("Content-Length: nine\r\n\r\n{}".utf8) + Self.frame(["jsonrpc": "2.0", "method": "exit"]))
        #expect(received.messages == [.notification(method: "exit", params: nil)])
        guard case let .response(nil, .failure(error)) = received.replies.first else {
            Issue.record("expected an error response with a null id")
            return
        }
        #expect(error.code == .parseError)
    }

    /// A request and its cancellation read together: the request reaches the worker already
    /// cancelled, and the cancellation itself is not passed on.
    @Test func registersACancellationBeforeTheWorkerSeesTheRequest() {
        let cancellations = CancellationRegistry()
        var reader = MessageReader(cancellations: cancellations)
        let received = reader.receive(
            Self.frame(["jsonrpc": "2.0", "id": "r1", "method": "shutdown"])
                + Self.frame(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": "r1"]]))
        #expect(received.messages == [.request(id: .string("r1"), method: "shutdown", params: nil)])
        #expect(cancellations.isCancelled(.string("r1")))
    }

    @Test func ignoresACancellationOfNoWaitingRequest() {
        let cancellations = CancellationRegistry()
        var reader = MessageReader(cancellations: cancellations)
        _ = reader.receive(Self.frame(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 5]]))
        // A later request that happens to get that id is not cancelled in advance.
        _ = reader.receive(Self.frame(["jsonrpc": "2.0", "id": 5, "method": "shutdown"]))
        #expect(!cancellations.isCancelled(.number(5)))
        cancellations.finished(.number(5))
        #expect(!cancellations.cancel(.number(5)))
    }
}
