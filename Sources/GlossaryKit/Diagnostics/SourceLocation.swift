/// A 1-based position in a file.
///
/// Columns count Unicode scalar values, so `é` written as one precomposed scalar is one column
/// and written as `e` + U+0301 is two; editors that count scalars (VS Code's LSP with UTF-32,
/// Vim's `virtcol` for non-wide text) put the cursor on the same character.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
