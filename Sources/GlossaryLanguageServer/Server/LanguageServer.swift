/// The protocol side of the server: the lifecycle, the open documents and the diagnostics
/// they are owed, one message at a time.
///
/// It neither reads nor writes the streams (``LanguageServerMain`` does, on threads of its
/// own) and it knows nothing of glossaries (its ``LanguageFeatures`` does), so it can be driven
/// message by message.
///
/// Diagnostics are not computed as each change arrives: a change marks its document stale, and
/// ``publishNextDiagnostics()`` is called when no message is waiting. A burst of keystrokes
/// costs one check, of the text as it stands after the last of them, and what is published
/// always carries the version it was computed from.
package final class LanguageServer {
    /// Where the server is in its life.
    package enum State: Equatable, Sendable {
        /// Waiting for `initialize`: every other request is refused, notifications are dropped.
        case uninitialized
        /// Answered `initialize`: serving.
        case running
        /// Answered `shutdown`: waiting for `exit`; requests are refused as invalid.
        case shutDown
    }

    package private(set) var state = State.uninitialized
    /// The encoding positions are counted in, settled by `initialize`.
    package private(set) var encoding = PositionEncoding.utf16
    package private(set) var capabilities = ClientCapabilities()
    package private(set) var documents = DocumentStore()
    package private(set) var workspaceFolders: [WorkspaceFolder] = []
    /// Set by `exit`: 0 after `shutdown`, 1 without.
    package private(set) var exitCode: Int32?

    private let features: any LanguageFeatures
    private let send: (Message) -> Void
    private let cancellations: CancellationRegistry
    private let log: ClientLog
    /// Called with the client's process id from `initialize`, to watch it.
    private let watchParentProcess: (Int32) -> Void
    /// Documents whose diagnostics are out of date, oldest first, and the same as a set.
    private var stale: [String] = []
    private var staleSet: Set<String> = []

    package init(
        features: any LanguageFeatures, log: ClientLog, cancellations: CancellationRegistry,
        watchParentProcess: @escaping (Int32) -> Void = { _ in }, send: @escaping (Message) -> Void
    ) {
        self.features = features
        self.log = log
        self.cancellations = cancellations
        self.watchParentProcess = watchParentProcess
        self.send = send
    }

    /// The exit status when the input ends without `exit`: as if `exit` had come.
    package var exitCodeAtEndOfInput: Int32 { state == .shutDown ? 0 : 1 }

    // MARK: Messages

    /// Handles one message from the client.
    package func handle(_ message: Message) {
        switch message {
        case let .request(id, method, params):
            handleRequest(id: id, method: method, params: params)
        case let .notification(method, params):
            handleNotification(method: method, params: params)
        case let .response(id, result):
            // The only request this server sends is the registration of its file watchers; a
            // client that refuses it still sends saves.
            if case let .failure(error) = result {
                log.log(.warning, "the client answered \(id.map(String.init(describing:)) ?? "null") with an error: \(error)")
            }
        }
    }

    private func respond(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) {
        cancellations.finished(id)
        send(.response(id: id, result: result))
    }

    private func handleRequest(id: RequestID, method: String, params: JSONValue?) {
        if cancellations.isCancelled(id) {
            respond(id, .failure(ResponseError(.requestCancelled, "\(method) was cancelled")))
            return
        }
        switch state {
        case .uninitialized:
            guard method == "initialize" else {
                respond(id, .failure(ResponseError(.serverNotInitialized, "\(method) before initialize")))
                return
            }
            respond(id, Result { () throws(ResponseError) in try initialize(params: params) })
        case .running:
            switch method {
            case "initialize":
                respond(id, .failure(ResponseError(.invalidRequest, "initialize may be sent only once")))
            case "shutdown":
                state = .shutDown
                respond(id, .success(.null))
            case "textDocument/codeAction":
                respond(id, Result { () throws(ResponseError) in try codeActions(params: params) })
            case "textDocument/hover":
                respond(id, Result { () throws(ResponseError) in try hover(params: params) })
            case "textDocument/definition":
                respond(id, Result { () throws(ResponseError) in try definition(params: params) })
            case "textDocument/documentSymbol":
                respond(id, Result { () throws(ResponseError) in try documentSymbols(params: params) })
            default:
                respond(id, .failure(ResponseError(.methodNotFound, "no method \(method)")))
            }
        case .shutDown:
            respond(id, .failure(ResponseError(.invalidRequest, "\(method) after shutdown")))
        }
    }

    private func handleNotification(method: String, params: JSONValue?) {
        if method == "exit" {
            exitCode = state == .shutDown ? 0 : 1
            return
        }
        if method == "$/cancelRequest" {
            // Normally seen by the reading thread already; harmless twice.
            if let id = CancellationRegistry.cancelledID(params: params) { cancellations.cancel(id) }
            return
        }
        guard state == .running else {
            if state == .uninitialized { log.log(.warning, "dropped \(method): it came before initialize") }
            return
        }
        do throws(ResponseError) {
            switch method {
            case "initialized": registerFileWatchers()
            case "workspace/didChangeConfiguration", "$/setTrace":
                break
            case "workspace/didChangeWatchedFiles": try didChangeWatchedFiles(params)
            case "textDocument/didOpen": try didOpen(params)
            case "textDocument/didChange": try didChange(params)
            case "textDocument/didClose": try didClose(params)
            case "textDocument/didSave": try didSave(params)
            case "workspace/didChangeWorkspaceFolders": try didChangeWorkspaceFolders(params)
            default:
                // `$/` notifications may be ignored silently; others are worth a line in the log.
                if !method.hasPrefix("$/") { log.log(.log, "ignored the notification \(method)") }
            }
        } catch {
            log.log(.error, "\(method): \(error.message)")
        }
    }

    // MARK: Lifecycle

    private func initialize(params: JSONValue?) throws(ResponseError) -> JSONValue {
        let parsed = try InitializeParams(json: params)
        capabilities = parsed.capabilities
        encoding = PositionEncoding.negotiate(offered: capabilities.positionEncodings)
        workspaceFolders = parsed.workspaceFolders
        state = .running
        log.openToClient()
        features.setWorkspaceFolders(workspaceFolders)
        if let pid = parsed.processID { watchParentProcess(pid) }
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": [
                    "openClose": true,
                    "change": 2,  // TextDocumentSyncKind.Incremental
                    "save": ["includeText": false],
                ],
                "workspace": [
                    "workspaceFolders": ["supported": true, "changeNotifications": true]
                ],
                "hoverProvider": true,
                "definitionProvider": true,
                "documentSymbolProvider": true,
                "codeActionProvider": [
                    "codeActionKinds": .array([CodeAction.Kind.quickFix, .fixAll].map { .string($0.rawValue) })
                ],
            ],
            "serverInfo": ["name": .string(features.serverName), "version": .string(features.serverVersion)],
        ]
    }

    // MARK: Documents

    private func didOpen(_ params: JSONValue?) throws(ResponseError) {
        let what = "didOpen params"
        let item = try (params ?? .null).object(what).object("textDocument", in: what)
        let itemName = "\(what).textDocument"
        let document = TextDocument(
            uri: try item.string("uri", in: itemName), languageID: try item.string("languageId", in: itemName),
            version: try item.integer("version", in: itemName), text: try item.string("text", in: itemName))
        documents.open(document)
        features.documentOpened(uri: document.uri)
        markStale(document.uri)
        markOtherVersionsStale(of: document.uri)
    }

    private func didChange(_ params: JSONValue?) throws(ResponseError) {
        let what = "didChange params"
        let members = try (params ?? .null).object(what)
        let identifier = try members.object("textDocument", in: what)
        let uri = try identifier.string("uri", in: "\(what).textDocument")
        let version = try identifier.integer("version", in: "\(what).textDocument")
        var changes: [ContentChange] = []
        for (index, change) in try members.array("contentChanges", in: what).enumerated() {
            changes.append(try ContentChange(json: change, in: "\(what).contentChanges[\(index)]"))
        }
        try documents.change(uri: uri, version: version, changes: changes, encoding: encoding)
        markStale(uri)
        markOtherVersionsStale(of: uri)
    }

    private func didClose(_ params: JSONValue?) throws(ResponseError) {
        let what = "didClose params"
        let uri = try (params ?? .null).object(what).object("textDocument", in: what).string("uri", in: "\(what).textDocument")
        guard documents.close(uri: uri) else { return }
        // The other versions now read this one from disk.
        markOtherVersionsStale(of: uri)
        features.documentClosed(uri: uri)
        if staleSet.remove(uri) != nil { stale.removeAll { $0 == uri } }
        // Diagnostics of a closed document are the server's to clear.
        publish(uri: uri, version: nil, diagnostics: [])
    }

    private func didSave(_ params: JSONValue?) throws(ResponseError) {
        let what = "didSave params"
        let uri = try (params ?? .null).object(what).object("textDocument", in: what).string("uri", in: "\(what).textDocument")
        if features.fileSaved(uri: uri) {
            for open in documents.uris { markStale(open) }
        }
    }

    /// The id of the one request the server sends: `client/registerCapability`.
    static let watcherRegistrationID = RequestID.string("glossary/registerFileWatchers")

    /// Asks a client that can be asked to tell the server when a glossary or configuration
    /// file changes on disk (a `git pull`, another editor), not only when it saves one itself.
    private func registerFileWatchers() {
        guard capabilities.watchedFilesRegistration else { return }
        let watchers = JSONValue.array(features.watchedFilePatterns.map { ["globPattern": .string($0)] })
        send(
            .request(
                id: Self.watcherRegistrationID, method: "client/registerCapability",
                params: [
                    "registrations": [
                        [
                            "id": "glossary-files", "method": "workspace/didChangeWatchedFiles",
                            "registerOptions": ["watchers": watchers],
                        ]
                    ]
                ]))
    }

    private func didChangeWatchedFiles(_ params: JSONValue?) throws(ResponseError) {
        let what = "didChangeWatchedFiles params"
        var reload = false
        for (index, change) in try (params ?? .null).object(what).array("changes", in: what).enumerated() {
            let uri = try change.object("\(what).changes[\(index)]").string("uri", in: "\(what).changes[\(index)]")
            // Every change is told to the features: one may matter where another does not.
            if features.fileSaved(uri: uri) { reload = true }
        }
        if reload {
            for open in documents.uris { markStale(open) }
        }
    }

    private func didChangeWorkspaceFolders(_ params: JSONValue?) throws(ResponseError) {
        let what = "didChangeWorkspaceFolders params"
        let event = try (params ?? .null).object(what).object("event", in: what)
        var removed: [WorkspaceFolder] = []
        for (index, folder) in try event.array("removed", in: "\(what).event").enumerated() {
            removed.append(try WorkspaceFolder(json: folder, in: "\(what).event.removed[\(index)]"))
        }
        var added: [WorkspaceFolder] = []
        for (index, folder) in try event.array("added", in: "\(what).event").enumerated() {
            added.append(try WorkspaceFolder(json: folder, in: "\(what).event.added[\(index)]"))
        }
        let removedURIs = Set(removed.map(\.uri))
        workspaceFolders = workspaceFolders.filter { !removedURIs.contains($0.uri) } + added
        features.setWorkspaceFolders(workspaceFolders)
        for open in documents.uris { markStale(open) }
    }

    // MARK: Requests about a document

    /// The open document at `uri`; a request about a document the client has not opened is
    /// invalid (the server knows only the editor's text, not the file's).
    private func openDocument(_ uri: String) throws(ResponseError) -> TextDocument {
        guard let document = documents[uri] else {
            throw ResponseError(.invalidParams, "\(uri) is not open")
        }
        return document
    }

    private func codeActions(params: JSONValue?) throws(ResponseError) -> JSONValue {
        let parsed = try CodeActionParams(json: params)
        let document = try openDocument(parsed.uri)
        let actions = features.codeActions(for: document, range: parsed.range, only: parsed.only, encoding: encoding)
        return .array(actions.map { $0.json(uri: document.uri, version: document.version, capabilities: capabilities) })
    }

    private func hover(params: JSONValue?) throws(ResponseError) -> JSONValue {
        let parsed = try TextDocumentPositionParams(json: params, method: "hover")
        let document = try openDocument(parsed.uri)
        return features.hover(in: document, at: parsed.position, encoding: encoding)?.json(for: capabilities) ?? .null
    }

    private func definition(params: JSONValue?) throws(ResponseError) -> JSONValue {
        let parsed = try TextDocumentPositionParams(json: params, method: "definition")
        let document = try openDocument(parsed.uri)
        return features.definition(in: document, at: parsed.position, encoding: encoding)?.json ?? .null
    }

    private func documentSymbols(params: JSONValue?) throws(ResponseError) -> JSONValue {
        let what = "documentSymbol params"
        let uri = try (params ?? .null).object(what).object("textDocument", in: what).string("uri", in: "\(what).textDocument")
        let document = try openDocument(uri)
        let symbols = features.symbols(in: document, encoding: encoding)
        if capabilities.hierarchicalDocumentSymbols { return .array(symbols.map(\.documentSymbol)) }
        return .array(symbols.flatMap { $0.symbolInformation(uri: uri) })
    }

    // MARK: Diagnostics

    /// Marks stale the open documents last checked as other versions of the text at `uri`, and
    /// those that had it as one of theirs.
    private func markOtherVersionsStale(of uri: String) {
        for other in features.otherVersions(of: uri) where documents[other] != nil { markStale(other) }
        for open in documents.uris where open != uri && features.otherVersions(of: open).contains(uri) { markStale(open) }
    }

    private func markStale(_ uri: String) {
        if staleSet.insert(uri).inserted { stale.append(uri) }
    }

    /// Whether some document's diagnostics are out of date.
    package var hasStaleDiagnostics: Bool { !stale.isEmpty }

    /// Checks the document that has waited longest and publishes its diagnostics.
    ///
    /// One document per call, so that a message that arrives while many documents wait (after
    /// the glossary was reloaded) is handled after one check, not after all of them.
    package func publishNextDiagnostics() {
        guard !stale.isEmpty else { return }
        let uri = stale.removeFirst()
        staleSet.remove(uri)
        guard let document = documents[uri] else { return }
        guard let diagnostics = features.diagnostics(for: document, among: documents, encoding: encoding) else { return }
        documents.markChecked(uri: uri)
        publish(uri: uri, version: document.version, diagnostics: diagnostics)
        // A version that did not know this one yet (it was opened, or came to disk, since) is
        // checked again with it.
        for other in features.otherVersions(of: uri) where documents[other] != nil {
            if !features.otherVersions(of: other).contains(uri) { markStale(other) }
        }
    }

    private func publish(uri: String, version: Int?, diagnostics: [Diagnostic]) {
        var params: [String: JSONValue] = [
            "uri": .string(uri), "diagnostics": .array(diagnostics.map { $0.json(for: capabilities) }),
        ]
        if let version { params["version"] = .integer(version) }
        send(.notification(method: "textDocument/publishDiagnostics", params: .object(params)))
    }
}

extension Result where Failure == ResponseError {
    /// The result of `body`, or the error it threw.
    fileprivate init(_ body: () throws(ResponseError) -> Success) {
        do {
            self = .success(try body())
        } catch {
            self = .failure(error)
        }
    }
}
