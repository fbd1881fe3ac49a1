@_spi(Fuzzing) import GlossaryKit

/// The invariants shared by the targets: where an error or a finding may point.
public enum Expect {
    /// `error`, thrown while reading `files`, names one of them and, when it has a position,
    /// a line that exists and a column on that line (or just past its end, where a line ends
    /// too early).
    public static func inside(_ error: InputError, files: [String: TextPositions], what: String) {
        guard let location = error.location else {
            // No position: the error must still say which file (or be about no file at all,
            // such as an argument).
            if let file = error.file {
                Invariant.require(files[file] != nil, "\(what): error names a file that was not read: \(error)")
            }
            return
        }
        guard let positions = files[location.file] else {
            Invariant.fail("\(what): error at a file that was not read: \(error)")
        }
        Invariant.require(
            (1...positions.lineCount).contains(location.line),
            "\(what): error at line \(location.line) of a \(positions.lineCount)-line input: \(error)")
        let columns = positions.columns(ofLine: location.line)
        Invariant.require(
            (1...columns + 1).contains(location.column),
            "\(what): error at column \(location.column) of a line of \(columns) columns: \(error)")
    }

    /// `inside(_:files:what:)` for an error in the one file `path`.
    public static func inside(_ error: InputError, path: String, positions: TextPositions, what: String) {
        inside(error, files: [path: positions], what: what)
    }

    /// Each finding is in one of `files`, its byte range is inside that file and on scalar
    /// boundaries, and its start and end locations are the line and column of its range's ends.
    public static func consistent(_ findings: [Finding], files: [String: TextPositions], what: String) {
        for finding in findings {
            guard let positions = files[finding.location.file] else {
                Invariant.fail("\(what): finding in a file that was not checked: \(describe(finding))")
            }
            let range = finding.byteRange
            Invariant.require(
                range.lowerBound >= 0 && range.upperBound <= positions.bytes.count,
                "\(what): byte range \(range) outside the \(positions.bytes.count)-byte input: \(describe(finding))")
            Invariant.require(
                positions.isScalarBoundary(range.lowerBound) && positions.isScalarBoundary(range.upperBound),
                "\(what): byte range \(range) cuts a character: \(describe(finding))")
            let start = positions.position(of: range.lowerBound)
            let end = positions.position(of: range.upperBound)
            Invariant.require(
                finding.location.line == start.line && finding.location.column == start.column,
                "\(what): location \(finding.location.line):\(finding.location.column), but the range starts at \(start.line):\(start.column): \(describe(finding))"
            )
            Invariant.require(
                finding.endLocation.file == finding.location.file
                    && finding.endLocation.line == end.line && finding.endLocation.column == end.column,
                "\(what): end \(finding.endLocation.line):\(finding.endLocation.column), but the range ends at \(end.line):\(end.column): \(describe(finding))"
            )
        }
    }

    /// `consistent(_:files:what:)` for findings in the one file `path`.
    public static func consistent(_ findings: [Finding], path: String, positions: TextPositions, what: String) {
        consistent(findings, files: [path: positions], what: what)
    }

    /// Two lists of findings are the same, finding by finding.
    public static func same(_ found: [Finding], _ expected: [Finding], what: String) {
        guard found != expected else { return }
        let onlyFound = found.filter { !expected.contains($0) }.prefix(8).map(describe)
        let onlyExpected = expected.filter { !found.contains($0) }.prefix(8).map(describe)
        Invariant.fail(
            """
            \(what): \(found.count) findings, expected \(expected.count)
            only in the first: \(onlyFound.joined(separator: "\n  "))
            only in the second: \(onlyExpected.joined(separator: "\n  "))
            """)
    }

    /// A finding in one line, for messages.
    public static func describe(_ finding: Finding) -> String {
        "\(finding.location) [\(finding.rule)] bytes \(finding.byteRange) '\(finding.text)': \(finding.message)"
    }
}
