/// A change to a document's text: `newText` in place of `range` (LSP's `TextEdit`).
package struct TextEdit: Equatable, Sendable {
    package var range: TextRange
    package var newText: String

    package init(range: TextRange, newText: String) {
        self.range = range
        self.newText = newText
    }

    var json: JSONValue { ["range": range.json, "newText": .string(newText)] }
}

/// A change the editor offers to make to one document (LSP's `CodeAction` with an `edit`).
///
/// The server only describes the edit; the client applies it when the writer picks the action,
/// so the server itself never writes a file.
package struct CodeAction: Equatable, Sendable {
    /// LSP's `CodeActionKind` values this server uses.
    package enum Kind: String, Sendable {
        case quickFix = "quickfix"
        case fixAll = "source.fixAll"

        /// Whether an action of this kind is among those `only` asks for: a requested kind
        /// covers itself and the kinds below it (`source` covers `source.fixAll`).
        package func isRequested(by only: [String]?) -> Bool {
            guard let only else { return true }
            return only.contains { rawValue == $0 || rawValue.hasPrefix($0 + ".") }
        }
    }

    package var title: String
    package var kind: Kind
    /// The diagnostics the action resolves.
    package var diagnostics: [Diagnostic]
    /// The edits, in text order, none overlapping.
    package var edits: [TextEdit]
    /// Whether this is the action to take (the one replacement `--fix` would make).
    package var isPreferred = false

    package init(title: String, kind: Kind, diagnostics: [Diagnostic], edits: [TextEdit], isPreferred: Bool = false) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.edits = edits
        self.isPreferred = isPreferred
    }

    /// The action as JSON, its edits made to the document at `uri` as it is at `version`.
    ///
    /// A client that supports `documentChanges` gets the version with the edits, so it refuses
    /// them if the document changed since; others get the plain `changes` map.
    func json(uri: String, version: Int, capabilities: ClientCapabilities) -> JSONValue {
        let edits = JSONValue.array(edits.map(\.json))
        let workspaceEdit: JSONValue =
            capabilities.workspaceEditDocumentChanges
            ? ["documentChanges": [["textDocument": ["uri": .string(uri), "version": .integer(version)], "edits": edits]]]
            : ["changes": .object([uri: edits])]
        var members: [String: JSONValue] = [
            "title": .string(title), "kind": .string(kind.rawValue), "edit": workspaceEdit,
        ]
        if !diagnostics.isEmpty { members["diagnostics"] = .array(diagnostics.map { $0.json(for: capabilities) }) }
        if isPreferred { members["isPreferred"] = true }
        return .object(members)
    }
}

/// The params of `textDocument/codeAction` this server reads.
struct CodeActionParams {
    var uri: String
    var range: TextRange
    /// `context.only`: the kinds of action asked for; nil for every kind.
    var only: [String]?

    init(json: JSONValue?) throws(ResponseError) {
        let what = "codeAction params"
        let members = try (json ?? .null).object(what)
        uri = try members.object("textDocument", in: what).string("uri", in: "\(what).textDocument")
        range = try TextRange(json: members.required("range", in: what), in: "\(what).range")
        let context = try members.object("context", in: what)
        if let kinds = context["only"], !kinds.isNull {
            guard let array = kinds.arrayValue else {
                throw ResponseError(.invalidParams, "\(what).context.only must be an array, not a \(kinds.typeName)")
            }
            var read: [String] = []
            for (index, kind) in array.enumerated() {
                guard let text = kind.stringValue else {
                    throw ResponseError(.invalidParams, "\(what).context.only[\(index)] must be a string, not a \(kind.typeName)")
                }
                read.append(text)
            }
            only = read
        }
    }
}
