/// A problem with an input — a glossary, a text, a configuration — that stops the work.
///
/// It names where the problem is (`file:line:col` when known) and, when the offending line is
/// known, prints it with a caret under the column, like a compiler does. The CLI exits with
/// status 2 on such an error.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation?
    /// The file, when no line is known.
    public var file: String?
    public var message: String
    /// The text of the offending line, for the caret display.
    public var sourceLine: String?

    public init(_ message: String, file: String? = nil, location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.message = message
        self.file = file ?? location?.file
        self.location = location
        self.sourceLine = sourceLine
    }

    /// An error at a 1-based line and column of `text`, quoting the line.
    public init(_ message: String, file: String, line: Int, column: Int, in text: String?) {
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
            result += "\n" + sourceLine + "\n" + Self.caret(under: location.column, in: sourceLine)
        }
        return result
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
