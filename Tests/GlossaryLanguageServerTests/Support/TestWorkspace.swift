import Foundation
import TestScratch

@testable import GlossaryLanguageServer

/// A workspace folder of our own in the scratch folder: a repository root (so that discovery
/// stops there) with a small glossary in `glossary/`, and a configuration when asked for.
struct TestWorkspace {
    let root: URL

    /// Terms the tests write: `TKI` is deprecated for `pekerja migran`, `International Labor
    /// Organization` for `International Labour Organization`.
    static let glossary = """
        concepts:
          - id: migrant-worker
            terms:
              en: [migrant worker]
              id:
                - pekerja migran
                - term: TKI
                  type: acronym
                  status: deprecated
          - id: ilo
            terms:
              en:
                - International Labour Organization
                - term: International Labor Organization
                  status: deprecated
        """

    init(glossary: String? = TestWorkspace.glossary, configuration: String? = nil) throws {
        root = TestScratch.url("workspace")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        if let glossary { try write("glossary/terms.yml", glossary) }
        if let configuration { try write(".glossary.yml", configuration) }
    }

    var uri: String { DocumentURI.fileURI(path: root.path) }

    func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    func uri(_ relative: String) -> String {
        DocumentURI.fileURI(path: path(relative))
    }

    func write(_ relative: String, _ contents: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
}

/// A server driven message by message, as the main loop drives it, with everything it sends
/// collected.
final class TestSession {
    private final class Outbox: @unchecked Sendable {
        var messages: [Message] = []
    }

    private let outbox = Outbox()
    let server: LanguageServer
    /// The server's glossary features, for tests that look at what it keeps.
    let adapter: GlossaryAdapter
    let cancellations = CancellationRegistry()
    private var nextID = 1

    init(options: LanguageServerOptions = LanguageServerOptions(usesCache: false)) {
        let outbox = outbox
        let send: (Message) -> Void = { outbox.messages.append($0) }
        let log = ClientLog(verbose: false, send: send)
        adapter = GlossaryAdapter(options: options, log: log)
        server = LanguageServer(features: adapter, log: log, cancellations: cancellations, send: send)
    }

    /// Everything sent since the last call.
    func takeSent() -> [Message] {
        defer { outbox.messages = [] }
        return outbox.messages
    }

    /// Sends a request as the reader thread passes it on; returns the response.
    @discardableResult
    func request(_ method: String, _ params: JSONValue? = nil, id: RequestID? = nil) -> Result<JSONValue, ResponseError>? {
        let id = id ?? .number(nextID)
        nextID += 1
        cancellations.received(id)
        server.handle(.request(id: id, method: method, params: params))
        for case let .response(responseID, result) in takeSent() where responseID == id { return result }
        return nil
    }

    func notify(_ method: String, _ params: JSONValue? = nil) {
        server.handle(.notification(method: method, params: params))
    }

    /// `initialize` and `initialized` for a client offering `encodings`, with `folders` open.
    @discardableResult
    func initialize(encodings: [String]? = nil, codeDescription: Bool = true, folders: [TestWorkspace] = []) -> JSONValue? {
        var general: [String: JSONValue] = [:]
        if let encodings { general["positionEncodings"] = .array(encodings.map { .string($0) }) }
        let params: JSONValue = [
            "processId": nil,
            "capabilities": [
                "general": .object(general),
                "textDocument": ["publishDiagnostics": ["codeDescriptionSupport": .bool(codeDescription)]],
                "workspace": ["workspaceFolders": true],
            ],
            "workspaceFolders": .array(folders.map { ["uri": .string($0.uri), "name": "test"] }),
        ]
        let result = request("initialize", params)
        notify("initialized", [:])
        guard case let .success(value)? = result else { return nil }
        return value
    }

    func open(_ uri: String, _ text: String, languageID: String = "markdown", version: Int = 1) {
        notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": .string(languageID), "version": .integer(version), "text": .string(text),
                ]
            ])
    }

    func change(_ uri: String, version: Int, _ changes: [(TextRange?, String)]) {
        let events: [JSONValue] = changes.map { range, text in
            var event: [String: JSONValue] = ["text": .string(text)]
            if let range { event["range"] = range.json }
            return .object(event)
        }
        notify(
            "textDocument/didChange",
            ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": .array(events)])
    }

    /// Publishes every pending diagnostic, as the main loop does when no message waits; returns
    /// the `publishDiagnostics` params sent.
    func publish() -> [JSONValue] {
        while server.hasStaleDiagnostics { server.publishNextDiagnostics() }
        return takeSent().compactMap {
            if case let .notification("textDocument/publishDiagnostics", params) = $0 { params } else { nil }
        }
    }
}

extension TextRange {
    init(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) {
        self.init(
            start: Position(line: startLine, character: startCharacter), end: Position(line: endLine, character: endCharacter))
    }
}
