/// The documents the client has open, by URI.
package struct DocumentStore: Sendable {
    private var documents: [String: TextDocument] = [:]

    package init() {}

    package subscript(uri: String) -> TextDocument? {
        documents[uri]
    }

    package var uris: [String] { documents.keys.sorted() }

    /// Opens `document`, replacing one already open under its URI (a client that reopens
    /// without closing knows best what the text is).
    package mutating func open(_ document: TextDocument) {
        documents[document.uri] = document
    }

    /// Applies `changes` to the document at `uri`.
    ///
    /// - Throws: `invalidParams` when the document is not open or a change cannot be applied.
    package mutating func change(uri: String, version: Int, changes: [ContentChange], encoding: PositionEncoding)
        throws(ResponseError)
    {
        guard var document = documents[uri] else {
            throw ResponseError(.invalidParams, "didChange for a document that is not open: \(uri)")
        }
        // Taken out while it changes, so its bytes are not copied.
        documents[uri] = nil
        defer { documents[uri] = document }
        try document.apply(changes, version: version, encoding: encoding)
    }

    /// Closes the document at `uri`; whether it was open.
    @discardableResult
    package mutating func close(uri: String) -> Bool {
        documents.removeValue(forKey: uri) != nil
    }

    /// Marks the document at `uri` as checked at its current text.
    package mutating func markChecked(uri: String) {
        documents[uri]?.markChecked()
    }
}
