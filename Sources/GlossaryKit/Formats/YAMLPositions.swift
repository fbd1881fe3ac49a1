internal import Yams

/// Turns libyaml's marks into the lines and columns the tool prints everywhere else.
///
/// libyaml ends a line at LF, CR, CR LF, NEL (U+0085), LS (U+2028) or PS (U+2029), and puts the
/// end of a text that does not end with a line break on the line after its last. The tool
/// counts lines as `SourceText` does, at LF only, with columns in Unicode scalars. So a mark is
/// taken to its scalar offset in libyaml's lines and back to a line and column in the tool's;
/// a mark past the end is the end of the text. Without this, a glossary note holding a line
/// separator put every later error one line too low, and an unclosed bracket at the end of a
/// file was reported on a line the file does not have.
struct YAMLPositions {
    private let yamlLines: YAMLLines
    /// The scalar offset of the start of every line, as the tool counts lines.
    private let lineStarts: [Int]
    private let count: Int

    /// - Complexity: O(*n*) in the text's length.
    init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    /// - Complexity: O(*n*) in the number of scalars.
    init(scalars: [Unicode.Scalar]) {
        yamlLines = YAMLLines(scalars)
        count = scalars.count
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The tool's line and column of libyaml's 1-based `line` and `column`.
    ///
    /// - Complexity: O(log *l*) in the number of lines.
    func position(line: Int, column: Int) -> (line: Int, column: Int) {
        let offset =
            line > yamlLines.starts.count ? count : (yamlLines.offset(line: max(line, 1), column: max(column, 1)) ?? count)
        return position(ofScalar: offset)
    }

    /// The tool's line and column of a node's mark; (1, 1) for a node without one.
    func position(of mark: Mark?) -> (line: Int, column: Int) {
        guard let mark else { return (1, 1) }
        return position(line: mark.line, column: mark.column)
    }

    /// The tool's line and column of a scalar offset.
    func position(ofScalar offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// An error at a node's mark, `columnOffset` scalars into it, quoting its line of `text`.
    func error(_ message: String, file: String, at mark: Mark?, columnOffset: Int = 0, in text: String?) -> InputError {
        let (line, column) = mark.map { position(line: $0.line, column: $0.column + columnOffset) } ?? (1, 1 + columnOffset)
        return InputError(message, file: file, line: line, column: column, in: text)
    }
}
