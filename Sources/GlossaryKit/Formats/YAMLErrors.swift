import Foundation
internal import Yams

/// Turns Yams' errors into positioned `InputError`s for every YAML reader: glossaries,
/// configurations, baselines.
enum YAMLErrors {
    /// The error as `file:line:col` with the offending line, whatever Yams reported.
    static func inputError(_ error: any Error, path: String, text: String, what: String) -> InputError {
        guard let error = error as? YamlError else { return InputError("cannot parse \(what): \(error)", file: path) }
        let positions = YAMLPositions(text)
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return positions.error("invalid \(what): \(problem)", file: path, at: mark, in: text)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let mapping = positions.position(of: context.mark)
            let (line, column) = secondOccurrence(of: key, in: text, from: mapping.line) ?? mapping
            return InputError("duplicate key '\(key)' in \(what)", file: path, line: line, column: column, in: text)
        case let .reader(problem, offset, value, yaml):
            // Yams gives the offset in characters of the text it read (`yaml`, which has the
            // same lines and columns as `text`).
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            guard let offset, let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) else {
                return InputError("invalid \(what): \(problem)\(character)", file: path)
            }
            let position = YAMLPositions(yaml).position(ofScalar: yaml.unicodeScalars.distance(from: yaml.startIndex, to: index))
            return InputError(
                "invalid \(what): \(problem)\(character)", file: path, line: position.line, column: position.column, in: text)
        default:
            return InputError("invalid \(what): \(error)", file: path)
        }
    }

    /// The line and column of the second `key:` written from line `start` on at the indentation
    /// of the first (Yams reports only the mapping of a duplicate key, not the key itself), so a
    /// key of the same name in a nested mapping is not taken for it.
    static func secondOccurrence(of key: String, in text: String, from start: Int) -> (Int, Int)? {
        var firstColumn: Int?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= start {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "-" || $0 == "{" || $0 == "," }
            let column = line.count - trimmed.count + 1
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(candidate + ":") {
                guard let first = firstColumn else { firstColumn = column; break }
                if column == first { return (index + 1, column) }
            }
        }
        return nil
    }
}
