/// A place in a document, possibly another than the one asked about (LSP's `Location`).
package struct Location: Equatable, Sendable {
    package var uri: String
    package var range: TextRange

    package init(uri: String, range: TextRange) {
        self.uri = uri
        self.range = range
    }

    var json: JSONValue { ["uri": .string(uri), "range": range.json] }
}

/// What a hover shows: Markdown text about the thing under the cursor, and that thing's range.
package struct HoverCard: Equatable, Sendable {
    package var markdown: String
    package var range: TextRange

    package init(markdown: String, range: TextRange) {
        self.markdown = markdown
        self.range = range
    }

    /// The hover as JSON: Markdown when the client can show it, else the same text as plain text
    /// (its Markdown is written to read well either way).
    func json(for capabilities: ClientCapabilities) -> JSONValue {
        [
            "contents": ["kind": capabilities.hoverMarkdown ? "markdown" : "plaintext", "value": .string(markdown)],
            "range": range.json,
        ]
    }
}

/// A concept named in a document, for the document's outline: the concept and where each of its
/// terms occurs.
package struct ConceptSymbol: Equatable, Sendable {
    /// One place the concept is named.
    package struct Occurrence: Equatable, Sendable {
        /// The text as written there.
        package var text: String
        package var range: TextRange

        package init(text: String, range: TextRange) {
            self.text = text
            self.range = range
        }
    }

    /// The concept's id.
    package var name: String
    /// What the outline shows beside the name (the concept's terms found).
    package var detail: String
    /// Where the concept is named, in text order (at least one).
    package var occurrences: [Occurrence]

    package init(name: String, detail: String, occurrences: [Occurrence]) {
        self.name = name
        self.detail = detail
        self.occurrences = occurrences
    }

    /// LSP's `SymbolKind`s used: a concept is a constant of the text, each occurrence a string.
    private static let conceptKind = 14, occurrenceKind = 15

    /// The symbol as a `DocumentSymbol`, the occurrences its children; its range spans from the
    /// first occurrence to the last, as a symbol's range must hold its children's.
    var documentSymbol: JSONValue {
        let first = occurrences[0].range
        let last = occurrences[occurrences.count - 1].range
        return [
            "name": .string(name), "detail": .string(detail), "kind": .integer(Self.conceptKind),
            "range": TextRange(start: first.start, end: last.end).json, "selectionRange": first.json,
            "children": .array(
                occurrences.map {
                    [
                        "name": .string($0.text), "kind": .integer(Self.occurrenceKind), "range": $0.range.json,
                        "selectionRange": $0.range.json,
                    ]
                }),
        ]
    }

    /// The symbol as `SymbolInformation`s, for clients without hierarchical symbols: one per
    /// occurrence, the concept as their container.
    func symbolInformation(uri: String) -> [JSONValue] {
        occurrences.map {
            [
                "name": .string($0.text), "kind": .integer(Self.occurrenceKind), "containerName": .string(name),
                "location": Location(uri: uri, range: $0.range).json,
            ]
        }
    }
}

/// The params of `textDocument/hover` and `textDocument/definition`: a document and a place in it.
struct TextDocumentPositionParams {
    var uri: String
    var position: Position

    init(json: JSONValue?, method: String) throws(ResponseError) {
        let what = "\(method) params"
        let members = try (json ?? .null).object(what)
        uri = try members.object("textDocument", in: what).string("uri", in: "\(what).textDocument")
        position = try Position(json: members.required("position", in: what), in: "\(what).position")
    }
}
