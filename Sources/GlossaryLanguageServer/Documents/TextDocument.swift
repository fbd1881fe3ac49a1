/// One change of a `didChange` notification: the text that replaces `range`, or the whole text
/// when `range` is nil.
package struct ContentChange: Equatable, Sendable {
    package var range: TextRange?
    package var text: String

    package init(range: TextRange?, text: String) {
        self.range = range
        self.text = text
    }

    init(json: JSONValue, in what: String) throws(ResponseError) {
        let members = try json.object(what)
        text = try members.string("text", in: what)
        // `rangeLength` is deprecated and redundant with `range`; it is not read.
        range = try members["range"].flatMap { $0.isNull ? nil : $0 }.map { range throws(ResponseError) in
            try TextRange(json: range, in: "\(what).range")
        }
    }
}

/// An open document: what the client sent in `didOpen` and every `didChange` since.
package struct TextDocument: Sendable {
    package let uri: String
    /// The client's language id (`markdown`, `plaintext`, …).
    package var languageID: String
    package var version: Int
    package private(set) var text: DocumentText
    /// The part of the text edited since the document was last checked, in today's offsets: the
    /// seam for a checker that re-checks only the paragraphs an edit touched.
    package private(set) var edited: EditedSpan = .everything

    package init(uri: String, languageID: String, version: Int, text: String) {
        self.uri = uri
        self.languageID = languageID
        self.version = version
        self.text = DocumentText(text)
    }

    /// Applies `changes` in order, each to the text the previous one left, with positions in
    /// `encoding`; all or none: a change whose range runs backwards leaves the document as it was.
    ///
    /// - Throws: `invalidParams` naming the change that could not be applied.
    package mutating func apply(_ changes: [ContentChange], version: Int, encoding: PositionEncoding) throws(ResponseError) {
        var updated = text
        var edited = self.edited
        for (index, change) in changes.enumerated() {
            let replacement = Array(change.text.utf8)
            guard let range = change.range else {
                updated = DocumentText(bytes: replacement)
                edited = .everything
                continue
            }
            guard let bytes = updated.byteRange(of: range, encoding: encoding) else {
                throw ResponseError(.invalidParams, "contentChanges[\(index)]: the range \(range) ends before it starts")
            }
            let written = updated.replace(bytes, with: replacement)
            edited.record(replaced: bytes, by: written)
        }
        text = updated
        self.edited = edited
        self.version = version
    }

    /// Marks the text as checked: later edits are counted from here.
    package mutating func markChecked() {
        edited = .nothing
    }
}

/// What changed in a text since some moment: nothing, one span of it, or possibly everything.
///
/// One span covering every edit is enough for a paragraph cache: paragraphs wholly before it
/// are unchanged, paragraphs wholly after it are unchanged but moved by the length difference.
package enum EditedSpan: Equatable, Sendable {
    case nothing
    /// The bytes, in the current text, that may differ.
    case span(Range<Int>)
    case everything

    /// Adds an edit that replaced `old` (offsets of the text before it) by the bytes now at `new`.
    package mutating func record(replaced old: Range<Int>, by new: Range<Int>) {
        switch self {
        case .everything: return
        case .nothing: self = .span(new)
        case let .span(span):
            let delta = new.count - old.count
            // Offsets before the edit stay, offsets after it move; offsets inside it are now
            // somewhere in the new text.
            let lower =
                span.lowerBound <= old.lowerBound
                ? span.lowerBound : span.lowerBound >= old.upperBound ? span.lowerBound + delta : new.lowerBound
            let upper =
                span.upperBound <= old.lowerBound
                ? span.upperBound : span.upperBound >= old.upperBound ? span.upperBound + delta : new.upperBound
            self = .span(min(lower, new.lowerBound)..<max(upper, new.upperBound))
        }
    }
}
