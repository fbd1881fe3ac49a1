import Foundation
internal import Yams

/// Turns Yams' errors into positioned `InputError`s for every YAML reader: glossaries,
/// configurations, baselines.
enum YAMLErrors {
    /// The error as `file:line:col` with the offending line, whatever Yams reported.
    static func inputError(
        _ error: any Error, path: String, text: String, what: String, resolver: Resolver = .default
    ) -> InputError {
        guard let error = error as? YamlError else { return InputError("cannot parse \(what): \(error)", file: path) }
        let positions = YAMLPositions(text)
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return positions.error("invalid \(what): \(problem)", file: path, at: mark, in: text)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let second =
                YAMLDuplicateKey.secondOccurrence(of: key, firstMark: context.mark, in: text, resolver: resolver)
                ?? secondOccurrence(of: key, in: text, after: context.mark)
            let (line, column) = positions.position(
                line: second?.line ?? context.mark.line, column: second?.column ?? context.mark.column)
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

    /// libyaml's line and column of the next `key:` that starts a line at the column of the
    /// first occurrence, for a duplicate the composer could not locate (a tagged or anchored
    /// key). Lines end where libyaml ends them.
    static func secondOccurrence(of key: String, in text: String, after first: Mark) -> (line: Int, column: Int)? {
        let scalars = Array(text.unicodeScalars)
        let lines = YAMLLines(scalars)
        guard first.line >= 1 else { return nil }
        for line in (first.line + 1)..<(lines.starts.count + 1) {
            guard let start = lines.offset(line: line, column: 1) else { break }
            let end = lines.offset(line: line + 1, column: 1) ?? scalars.count
            var index = start
            while index < end, [" ", "\t", "-", "{", ","].contains(scalars[index]) { index += 1 }
            guard index - start + 1 == first.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[index..<end]))
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate + ":") {
                return (line, first.column)
            }
        }
        return nil
    }
}
