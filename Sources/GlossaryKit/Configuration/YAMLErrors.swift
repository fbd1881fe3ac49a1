import Foundation
internal import Yams

/// Turns Yams' errors into positioned `InputError`s for the configuration and baseline readers.
enum YAMLErrors {
    /// The error as `file:line:col` with the offending line, whatever Yams reported.
    static func inputError(_ error: any Error, path: String, text: String, what: String) -> InputError {
        guard let error = error as? YamlError else { return InputError("cannot parse \(what): \(error)", file: path) }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return InputError("invalid \(what): \(problem)", file: path, line: mark.line, column: mark.column, in: text)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let (line, column) = secondOccurrence(of: key, in: text, from: context.mark.line) ?? (context.mark.line, context.mark.column)
            return InputError("duplicate key '\(key)' in \(what)", file: path, line: line, column: column, in: text)
        case let .reader(problem, offset, _, _):
            return InputError("cannot read \(what): \(problem)\(offset.map { " at byte \($0)" } ?? "")", file: path)
        default:
            return InputError("invalid \(what): \(error)", file: path)
        }
    }

    /// The line and column of the second `key:` written from line `start` on (Yams reports only
    /// the mapping of a duplicate key, not the key itself).
    private static func secondOccurrence(of key: String, in text: String, from start: Int) -> (Int, Int)? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= start {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "-" || $0 == "{" || $0 == "," }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(candidate + ":") {
                seen += 1
                if seen == 2 { return (index + 1, line.count - trimmed.count + 1) }
            }
        }
        return nil
    }
}
