public import Foundation

/// A problem with an input — a glossary, a text, a configuration — that stops the work.
///
/// It names where the problem is (`file:line:col` when known) and, when the offending line is
/// known, prints it with a caret under the column, like a compiler does. The CLI exits with
/// status 2 on such an error.
///
/// Switch on the case to learn where the problem is; ``message`` says what it is.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// A problem at a line and column of a file, such as a syntax error or a bad value.
    ///
    /// `sourceLine` is the text of that line, when known, shown with a caret under the column.
    case atLocation(SourceLocation, message: String, sourceLine: String?)
    /// A problem with a whole file: it is missing, unreadable, or not what was expected.
    case inFile(path: String, message: String)
    /// A problem that belongs to no one file, such as a missing input or a bad combination.
    case general(message: String)

    /// What is wrong, without the place.
    public package(set) var message: String {
        get {
            switch self {
            case let .atLocation(_, message, _), let .inFile(_, message), let .general(message): message
            }
        }
        set {
            switch self {
            case let .atLocation(location, _, sourceLine): self = .atLocation(location, message: newValue, sourceLine: sourceLine)
            case let .inFile(path, _): self = .inFile(path: path, message: newValue)
            case .general: self = .general(message: newValue)
            }
        }
    }

    /// Where the problem is, when a line and column are known.
    public var location: SourceLocation? {
        if case let .atLocation(location, _, _) = self { location } else { nil }
    }

    /// The file the problem is in, when one is known.
    public var file: String? {
        switch self {
        case let .atLocation(location, _, _): location.file
        case let .inFile(path, _): path
        case .general: nil
        }
    }

    /// The text of the offending line, for the caret display.
    public var sourceLine: String? {
        if case let .atLocation(_, _, sourceLine) = self { sourceLine } else { nil }
    }

    /// The case that fits what is known: a location, else a file, else neither.
    package init(_ message: String, file: String? = nil, location: SourceLocation? = nil, sourceLine: String? = nil) {
        if let location {
            self = .atLocation(location, message: message, sourceLine: sourceLine)
        } else if let file {
            self = .inFile(path: file, message: message)
        } else {
            self = .general(message: message)
        }
    }

    /// An error at a 1-based line and column of `text`, quoting the line.
    package init(_ message: String, file: String, line: Int, column: Int, in text: String?) {
        self.init(
            message, file: file, location: SourceLocation(file: file, line: line, column: column),
            sourceLine: text.flatMap { Self.line(line, of: $0) })
    }

    /// `file:line:col: error: message`, then the line and a caret.
    public var description: String {
        var result: String
        if let location {
            result = "\(location): error: \(message)"
        } else if let file {
            result = "\(file): error: \(message)"
        } else {
            result = "error: \(message)"
        }
        if let sourceLine, let location {
            // A window of a long line (a minified file is one line), with control characters
            // shown as spaces: a CR or an escape sequence would move the terminal's cursor.
            let (shown, column) = Self.window(of: Self.printable(sourceLine), around: location.column)
            result += "\n" + shown + "\n" + Self.caret(under: column, in: shown)
        }
        return result
    }

    /// The same text as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// Scalars of the line shown on each side of the column when the line is long.
    static let windowContext = 60

    /// The line itself when it is short, else the `windowContext` scalars on each side of
    /// `column` with `…` where it was cut; and the column in what is returned.
    ///
    /// - Complexity: O(the line's length).
    static func window(of line: String, around column: Int) -> (String, Int) {
        let scalars = line.unicodeScalars
        let count = scalars.count
        guard count > 2 * windowContext + 20 else { return (line, column) }
        let start = min(max(0, column - 1 - windowContext), count)
        let end = min(count, max(start, column - 1) + windowContext + 1)
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        var text = String(scalars[from..<scalars.index(from, offsetBy: end - start)])
        var shifted = column - start
        if start > 0 { text = "…" + text; shifted += 1 }
        if end < count { text += "…" }
        return (text, shifted)
    }

    /// `line` with every control character but the tab replaced by a space, scalar for scalar.
    static func printable(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: isControl) else { return line }
        var result = String.UnicodeScalarView()
        for scalar in line.unicodeScalars { result.append(isControl(scalar) ? " " : scalar) }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Spaces up to `column` (tabs kept so the caret lines up), then `^`.
    static func caret(under column: Int, in line: String) -> String {
        var prefix = ""
        for (index, scalar) in line.unicodeScalars.enumerated() where index < column - 1 {
            prefix.append(scalar == "\t" ? "\t" : " ")
        }
        return prefix + "^"
    }

    static func line(_ number: Int, of text: String) -> String? {
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                if current == number { return String(text[start..<index]) }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? String(text[start...]) : nil
    }
}
