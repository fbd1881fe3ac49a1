/// A 1-based line and column (columns count Unicode scalars) in a text.
public struct TextPosition: Sendable, Hashable, Comparable {
    /// The 1-based line; 0 when unknown.
    public var line: Int
    /// The 1-based column, in Unicode scalars; 0 when unknown.
    public var column: Int

    /// The position at `line` and `column`.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of a match that has not been placed in its text yet (line 0).
    public static let unknown = TextPosition(line: 0, column: 0)

    /// Orders by line, then column.
    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
