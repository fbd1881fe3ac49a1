/// The client capabilities this server acts on, read from `initialize`.
///
/// The rest of what the client declares is ignored. Values of the wrong type count as not
/// declared: a capability is something the client offers, and an unreadable offer is no offer.
package struct ClientCapabilities: Equatable, Sendable {
    /// `general.positionEncodings`, in the client's order of preference; nil when not given.
    package var positionEncodings: [String]?
    /// `textDocument.publishDiagnostics.codeDescriptionSupport`.
    package var diagnosticCodeDescription = false
    /// `textDocument.publishDiagnostics.relatedInformation`.
    package var diagnosticRelatedInformation = false
    /// `workspace.workspaceFolders`: the client sends `workspace/didChangeWorkspaceFolders`.
    package var workspaceFolders = false
    /// `workspace.workspaceEdit.documentChanges`: edits may name the document version they
    /// were made for.
    package var workspaceEditDocumentChanges = false
    /// `workspace.didChangeWatchedFiles.dynamicRegistration`: the server may ask to be told of
    /// changes to files it names.
    package var watchedFilesRegistration = false
    /// `textDocument.hover.contentFormat` includes Markdown.
    package var hoverMarkdown = false
    /// `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`.
    package var hierarchicalDocumentSymbols = false

    package init() {}

    init(json: JSONValue?) {
        guard let json else { return }
        positionEncodings = json["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue)
        diagnosticCodeDescription = json["textDocument"]?["publishDiagnostics"]?["codeDescriptionSupport"]?.boolValue ?? false
        diagnosticRelatedInformation = json["textDocument"]?["publishDiagnostics"]?["relatedInformation"]?.boolValue ?? false
        workspaceFolders = json["workspace"]?["workspaceFolders"]?.boolValue ?? false
        workspaceEditDocumentChanges = json["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
        watchedFilesRegistration =
            json["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        hoverMarkdown =
            json["textDocument"]?["hover"]?["contentFormat"]?.arrayValue?.contains { $0.stringValue == "markdown" } ?? false
        hierarchicalDocumentSymbols =
            json["textDocument"]?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.boolValue ?? false
    }
}

/// A folder open in the editor: its URI, and its path when it is a `file:` URI.
package struct WorkspaceFolder: Equatable, Sendable {
    package var uri: String
    package var name: String

    package init(uri: String, name: String) {
        self.uri = uri
        self.name = name
    }

    /// The local path of the folder, nil for a URI of another scheme.
    package var path: String? { DocumentURI.path(of: uri) }

    init(json: JSONValue, in what: String) throws(ResponseError) {
        let members = try json.object(what)
        uri = try members.string("uri", in: what)
        name = try members.optionalString("name", in: what) ?? uri
    }
}

/// The parts of `initialize`'s params this server reads.
struct InitializeParams {
    /// The process that started the server; when it dies, so does the server.
    var processID: Int32?
    var capabilities: ClientCapabilities
    /// `workspaceFolders`, else `rootUri`, else `rootPath`: the folders the client opened.
    var workspaceFolders: [WorkspaceFolder]

    init(json: JSONValue?) throws(ResponseError) {
        let what = "the initialize params"
        let members = try (json ?? .object([:])).object(what)
        switch members["processId"] {
        case nil, .null?: processID = nil
        case let .integer(value)? where value > 0 && value <= Int(Int32.max): processID = Int32(value)
        case let other?:
            throw ResponseError(.invalidParams, "\(what).processId must be a process id or null, not \(other.serializedString)")
        }
        capabilities = ClientCapabilities(json: members["capabilities"])
        if case let .array(folders)? = members["workspaceFolders"] {
            var read: [WorkspaceFolder] = []
            for (index, folder) in folders.enumerated() {
                read.append(try WorkspaceFolder(json: folder, in: "\(what).workspaceFolders[\(index)]"))
            }
            workspaceFolders = read
        } else if let root = try members.optionalString("rootUri", in: what) {
            workspaceFolders = [WorkspaceFolder(uri: root, name: root)]
        } else if let path = try members.optionalString("rootPath", in: what) {
            let uri = DocumentURI.fileURI(path: path)
            workspaceFolders = [WorkspaceFolder(uri: uri, name: path)]
        } else {
            workspaceFolders = []
        }
    }
}
