/// What the server asks of the checking library.
///
/// The server speaks the protocol (lifecycle, documents, positions); everything that needs the
/// glossary goes through this protocol, whose one implementation, ``GlossaryAdapter``, is the
/// only file of this module that imports `GlossaryKit`. A new feature (code actions, hover)
/// adds a requirement here and its implementation there.
///
/// Every requirement is called on the server's one worker thread, one at a time.
package protocol LanguageFeatures: AnyObject {
    /// The `serverInfo` of the `initialize` result.
    var serverName: String { get }
    var serverVersion: String { get }

    /// The folders open in the editor: at `initialize`, and again after each change.
    func setWorkspaceFolders(_ folders: [WorkspaceFolder])

    /// The diagnostics of `document`, with positions in `encoding`; nil when the document is
    /// not of a kind this server checks (its old diagnostics, if any, are left alone).
    /// `documents`, the open documents, may hold other versions of its text.
    func diagnostics(for document: TextDocument, among documents: DocumentStore, encoding: PositionEncoding) -> [Diagnostic]?

    /// The documents (URIs) last checked as other versions of the text of the document at
    /// `uri`: when it changes, their cross-language findings may change too.
    func otherVersions(of uri: String) -> [String]

    /// The file at `uri` was saved, or changed on disk, created or deleted. Returns whether every
    /// open document must be checked again, because the file was a glossary or a configuration
    /// that checks depend on.
    func fileSaved(uri: String) -> Bool

    /// Glob patterns of the files whose changes on disk the server wants to hear of
    /// (`workspace/didChangeWatchedFiles`).
    var watchedFilePatterns: [String] { get }

    /// The document at `uri` was opened: it may be another version of a text already checked.
    func documentOpened(uri: String)

    /// The document at `uri` was closed: whatever was kept about it can go.
    func documentClosed(uri: String)

    /// The code actions for the part `range` of `document`, of the kinds in `only` (nil for
    /// every kind), with positions in `encoding`.
    func codeActions(for document: TextDocument, range: TextRange, only: [String]?, encoding: PositionEncoding) -> [CodeAction]

    /// The concept card of the term at `position` of `document`; nil when no term is there.
    func hover(in document: TextDocument, at position: Position, encoding: PositionEncoding) -> HoverCard?

    /// Where the glossary defines the term at `position` of `document`; nil when no term is there
    /// or its glossary file is not known.
    func definition(in document: TextDocument, at position: Position, encoding: PositionEncoding) -> Location?

    /// The concepts named in `document`, in the order they first occur.
    func symbols(in document: TextDocument, encoding: PositionEncoding) -> [ConceptSymbol]
}
