/// A 1-based position in a file.
///
/// Columns count Unicode scalar values, so `é` written as one precomposed scalar is one column
/// and written as `e` + U+0301 is two; editors that count scalars (VS Code's LSP with UTF-32,
/// Vim's `virtcol` for non-wide text) put the cursor on the same character.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as given, or a name such as `<stdin>`.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// The place at 1-based `line` and `column` of `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers print a place.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
