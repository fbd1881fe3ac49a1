/// A place in a document as LSP gives it: a 0-based line and a 0-based offset in that line,
/// counted in the code units of the negotiated ``PositionEncoding``.
package struct Position: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var line: Int
    package var character: Int

    package init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    package static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }

    package var description: String { "\(line):\(character)" }

    init(json: JSONValue, in what: String) throws(ResponseError) {
        let members = try json.object(what)
        line = try members.unsigned("line", in: what)
        character = try members.unsigned("character", in: what)
    }

    var json: JSONValue { ["line": .integer(line), "character": .integer(character)] }
}

/// A stretch of a document from `start` up to, not including, `end` (LSP's `Range`).
package struct TextRange: Hashable, Sendable, CustomStringConvertible {
    package var start: Position
    package var end: Position

    package init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    package var description: String { "\(start)-\(end)" }

    init(json: JSONValue, in what: String) throws(ResponseError) {
        let members = try json.object(what)
        start = try Position(json: members.required("start", in: what), in: "\(what).start")
        end = try Position(json: members.required("end", in: what), in: "\(what).end")
    }

    var json: JSONValue { ["start": start.json, "end": end.json] }
}
