import Foundation

extension InputError {
    /// An error at `location` with the offending line already known.
    init(location: SourceLocation, message: String, sourceLine: String? = nil) {
        self.init(message, file: location.file, location: location, sourceLine: sourceLine)
    }

    /// An error at `line`:`column` of `file`, with the line's text read back from the file.
    init(file: String, line: Int, column: Int, message: String) {
        self.init(
            location: SourceLocation(file: file, line: max(line, 1), column: max(column, 1)),
            message: message,
            sourceLine: SourceLines.line(max(line, 1), ofFile: file)
        )
    }
}

/// A problem found in a glossary file that does not stop it from loading: a rule of the file's
/// dialect is broken, or a value had to be interpreted.
public struct FormatDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How much a diagnostic matters: a warning loads anyway, an error breaks the dialect's rules.
    public enum Severity: String, Hashable, Sendable {
        /// The file loads; a value was interpreted or a convention not followed.
        case warning
        /// The file breaks a rule of its dialect (validation reports these).
        case error
    }

    /// How much the diagnostic matters.
    public var severity: Severity
    /// Where in the file the problem is.
    public var location: SourceLocation
    /// A short stable identifier of the rule, e.g. `tbx-basic-picklist`.
    public var rule: String
    /// What is wrong, in a sentence.
    public var message: String

    /// A diagnostic of `rule` at `location`.
    public init(severity: Severity, location: SourceLocation, rule: String, message: String) {
        self.severity = severity
        self.location = location
        self.rule = rule
        self.message = message
    }

    /// `file:line:col: severity: [rule] message`.
    public var description: String { "\(location): \(severity.rawValue): [\(rule)] \(message)" }
}

/// Reads single lines back from files for error excerpts.
enum SourceLines {
    /// The text of line `number` (1-based) of `path`, without its line break, or `nil`.
    ///
    /// Reads the file only up to that line; called on the error path only.
    static func line(_ number: Int, ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var current = 1
        var lineBytes: [UInt8] = []
        while true {
            guard let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty else { break }
            for byte in chunk {
                if byte == 0x0A {
                    if current == number { return decode(lineBytes) }
                    current += 1
                    lineBytes.removeAll(keepingCapacity: true)
                } else if current == number {
                    lineBytes.append(byte)
                }
            }
        }
        return current == number ? decode(lineBytes) : nil
    }

    /// Line `number` of an in-memory text.
    static func line(_ number: Int, of text: String) -> String? {
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return decode(Array(line.utf8)) }
            current += 1
        }
        return nil
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if slice.last == 0x0D { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
