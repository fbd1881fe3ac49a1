import Testing

@testable import GlossaryLanguageServer

@Suite("Server lifecycle")
struct LifecycleTests {
    static func errorCode(_ result: Result<JSONValue, ResponseError>?) -> ErrorCode? {
        if case let .failure(error)? = result { error.code } else { nil }
    }

    @Test func refusesRequestsAndDropsNotificationsBeforeInitialize() throws {
        let workspace = try TestWorkspace()
        let session = TestSession()
        #expect(Self.errorCode(session.request("shutdown")) == .serverNotInitialized)
        #expect(Self.errorCode(session.request("textDocument/hover", [:])) == .serverNotInitialized)
        session.open(workspace.uri("early.id.md"), "Para TKI pulang.")
        #expect(session.server.state == .uninitialized)
        session.initialize(folders: [workspace])
        // The document opened too early was dropped: nothing to publish.
        #expect(session.publish().isEmpty)
        #expect(session.server.documents.uris.isEmpty)
    }

    @Test func initializeAnnouncesIncrementalSyncAndTheEncoding() throws {
        let session = TestSession()
        let result = try #require(session.initialize(encodings: ["utf-16", "utf-32"]))
        #expect(result["capabilities"]?["positionEncoding"] == "utf-32")
        #expect(result["capabilities"]?["textDocumentSync"]?["change"] == 2)
        #expect(result["capabilities"]?["textDocumentSync"]?["openClose"] == true)
        #expect(result["serverInfo"]?["name"] == "glossary")
        #expect(session.server.encoding == .utf32)
        #expect(session.server.state == .running)
    }

    @Test func withoutEncodingsOfferedPositionsAreUTF16() throws {
        let session = TestSession()
        let result = try #require(session.initialize(encodings: nil))
        #expect(result["capabilities"]?["positionEncoding"] == "utf-16")
        #expect(session.server.encoding == .utf16)
    }

    @Test func initializeWithInvalidParamsCanBeRetried() {
        let session = TestSession()
        #expect(Self.errorCode(session.request("initialize", ["processId": "me", "capabilities": [:]])) == .invalidParams)
        #expect(Self.errorCode(session.request("initialize", [1, 2])) == .invalidParams)
        #expect(session.server.state == .uninitialized)
        #expect(session.initialize() != nil)
    }

    @Test func initializeOnlyOnce() {
        let session = TestSession()
        session.initialize()
        #expect(Self.errorCode(session.request("initialize", ["capabilities": [:]])) == .invalidRequest)
    }

    @Test func shutdownThenExitEndsWithStatusZero() {
        let session = TestSession()
        session.initialize()
        #expect(session.request("shutdown") == .success(nil))
        #expect(session.server.state == .shutDown)
        // After shutdown, requests are invalid and notifications dropped.
        #expect(Self.errorCode(session.request("textDocument/hover", [:])) == .invalidRequest)
        #expect(session.server.exitCodeAtEndOfInput == 0)
        session.notify("exit")
        #expect(session.server.exitCode == 0)
    }

    @Test func exitWithoutShutdownEndsWithStatusOne() {
        let session = TestSession()
        session.initialize()
        #expect(session.server.exitCodeAtEndOfInput == 1)
        session.notify("exit")
        #expect(session.server.exitCode == 1)
        // Even before initialize, exit is obeyed.
        let early = TestSession()
        early.notify("exit")
        #expect(early.server.exitCode == 1)
    }

    @Test func unknownMethodsAreNotFoundAndUnknownNotificationsIgnored() {
        let session = TestSession()
        session.initialize()
        #expect(Self.errorCode(session.request("glossary/noSuchThing", [:])) == .methodNotFound)
        #expect(Self.errorCode(session.request("$/noSuchRequest")) == .methodNotFound)
        session.notify("glossary/noSuchNotification", [:])
        session.notify("$/progress", ["token": 1, "value": [:]])
        #expect(session.takeSent().allSatisfy { if case .response = $0 { false } else { true } })
    }

    @Test func aCancelledRequestIsAnsweredAsCancelled() {
        let session = TestSession()
        session.initialize()
        session.cancellations.received(.number(40))
        session.cancellations.cancel(.number(40))
        session.server.handle(.request(id: .number(40), method: "shutdown", params: nil))
        let sent = session.takeSent()
        #expect(sent.count == 1)
        guard case let .response(.number(40), .failure(error)) = sent.first else {
            Issue.record("expected an error for request 40, got \(sent)")
            return
        }
        #expect(error.code == .requestCancelled)
        // The cancelled shutdown did not shut the server down, and the id is free again.
        #expect(session.server.state == .running)
        #expect(!session.cancellations.isCancelled(.number(40)))
    }
}
