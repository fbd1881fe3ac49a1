import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of an XML subtree, with where its start tag ended.
///
/// Readers receive one subtree at a time (a TBX entry, a header) so that memory stays bounded by
/// the largest entry, not the file.
final class XMLElementNode {
    /// The local name: a prefix such as `tbx:` is removed.
    let name: String
    let attributes: [String: String]
    let line: Int
    let column: Int
    var children: [XMLElementNode] = []
    /// Direct character data, in order, with the index of the child it precedes.
    var textRuns: [(beforeChild: Int, text: String)] = []

    init(name: String, attributes: [String: String], line: Int, column: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
        self.column = column
    }

    /// The `type` attribute, which names a TBX data category.
    var type: String? { attributes["type"] }

    /// Direct text only, whitespace collapsed.
    var directText: String { XMLText.collapse(textRuns.map(\.text).joined()) }

    /// All descendant text in document order, whitespace collapsed (inline markup such as `<hi>`
    /// contributes its text).
    var fullText: String {
        var raw = ""
        appendText(to: &raw)
        return XMLText.collapse(raw)
    }

    private func appendText(to raw: inout String) {
        var runIndex = 0
        for (index, child) in children.enumerated() {
            while runIndex < textRuns.count, textRuns[runIndex].beforeChild <= index {
                raw += textRuns[runIndex].text
                runIndex += 1
            }
            child.appendText(to: &raw)
        }
        while runIndex < textRuns.count {
            raw += textRuns[runIndex].text
            runIndex += 1
        }
    }

    /// Whether any direct text is not white space.
    var hasDirectText: Bool { textRuns.contains { !XMLText.collapse($0.text).isEmpty } }

    func children(named name: String) -> [XMLElementNode] { children.filter { $0.name == name } }
}

/// Text helpers shared by the XML readers and writers.
enum XMLText {
    /// Collapses runs of XML white space to one space and trims the ends.
    ///
    /// Term bases are pretty-printed: a definition broken over three indented lines means one
    /// sentence.
    static func collapse(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" "); pendingSpace = false }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes text for element content or a double-quoted attribute value.
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            case "\r": result += "&#13;"
            default:
                // Characters XML 1.0 cannot carry at all are dropped by the caller's validation;
                // here they are replaced so the output stays well-formed.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t" {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

/// Where a subtree sits in the document, so the reader knows what it is.
enum XMLSubtreeContext {
    /// A direct child of the root element (a header, `text` is descended into instead).
    case rootChild
    /// A direct child of `text` other than `body` and `back`.
    case textChild
    /// A direct child of `body`: an entry.
    case bodyChild
    /// A direct child of `back`.
    case backChild
}

/// Streams an XML file through `XMLParser` and hands over one subtree at a time.
///
/// The root element's attributes are reported first; then each child of the root, of `text`, of
/// `body` and of `back` is built as a small tree and passed on when it ends. `text`, `body` and
/// `back` themselves are never built, so a 50 MB term base never sits in memory as a tree.
///
/// Security: the prolog is scanned before parsing and any entity declaration (internal subset
/// `<!ENTITY`) is refused, which rules out entity-expansion bombs and external entities; the parser
/// additionally never resolves external entities or loads a DTD.
final class XMLSubtreeStreamer: NSObject, XMLParserDelegate {
    typealias RootHandler = (_ name: String, _ attributes: [String: String], _ line: Int, _ column: Int) -> Void
    typealias SubtreeHandler = (_ node: XMLElementNode, _ context: XMLSubtreeContext) -> Void
    typealias TextHandler = (_ text: String, _ parent: String, _ line: Int, _ column: Int) -> Void

    private let path: String
    private let onRoot: RootHandler
    private let onSubtree: SubtreeHandler
    private let onStrayText: TextHandler
    /// Names of the open elements above the subtree being built (root, text, body, back).
    private var frame: [String] = []
    private var building: [XMLElementNode] = []
    private var failure: InputError?
    /// Where the parser first reported an error; later positions are often the end of the file.
    private var firstError: (line: Int, column: Int, error: NSError)?
    /// The innermost open element when the first error happened, to name it in the message.
    private var openAtError: (name: String, line: Int)?
    private weak var parser: XMLParser?

    init(path: String, onRoot: @escaping RootHandler, onSubtree: @escaping SubtreeHandler, onStrayText: @escaping TextHandler) {
        self.path = path
        self.onRoot = onRoot
        self.onSubtree = onSubtree
        self.onStrayText = onStrayText
    }

    /// Parses the file at `path`.
    func run() throws(InputError) {
        try XMLPrologScanner.check(path: path)
        guard let stream = InputStream(fileAtPath: path) else {
            throw InputError(location: SourceLocation(file: path, line: 1, column: 1), message: "cannot open the file")
        }
        try run(parser: XMLParser(stream: stream), text: nil)
    }

    /// Parses an in-memory document; `path` only labels locations.
    func run(data: Data) throws(InputError) {
        try XMLPrologScanner.check(bytes: Array(data.prefix(XMLPrologScanner.limit)), path: path, text: String(decoding: data, as: UTF8.self))
        try run(parser: XMLParser(data: data), text: String(decoding: data, as: UTF8.self))
    }

    private func run(parser: XMLParser, text: String?) throws(InputError) {
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = self
        self.parser = parser
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok {
            let line = firstError?.line ?? parser.lineNumber
            let column = firstError?.column ?? parser.columnNumber
            var detail = (firstError?.error ?? parser.parserError as NSError?).map(Self.describe) ?? "the XML is not well-formed"
            if let open = openAtError {
                detail += "; the open element is <\(open.name)> from line \(open.line)"
            }
            let sourceLine = text.flatMap { SourceLines.line(line, of: $0) } ?? SourceLines.line(line, ofFile: path)
            throw InputError(
                location: SourceLocation(file: path, line: max(line, 1), column: max(column, 1)),
                message: "not well-formed XML: \(detail)",
                sourceLine: sourceLine
            )
        }
    }

    private static func describe(_ error: NSError) -> String {
        if let message = error.userInfo[NSLocalizedDescriptionKey] as? String, !message.isEmpty,
           !message.hasPrefix("The operation could not be completed") {
            return message.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let code = error.code
        let known: [Int: String] = [
            4: "the document is empty",
            5: "the document ended too early",
            9: "invalid character",
            26: "undeclared entity",
            38: "malformed attribute",
            41: "attribute without a value",
            64: "unexpected text before the root element",
            68: "unescaped < or &",
            73: "malformed end tag",
            76: "end tag does not match its start tag",
            77: "unclosed element",
            85: "end tag does not match its start tag",
            111: "entity reference loop",
        ]
        return known[code].map { "\($0) (parser error \(code))" } ?? "parser error \(code)"
    }

    private func fail(_ message: String) {
        guard failure == nil, let parser else { return }
        failure = InputError(file: path, line: parser.lineNumber, column: parser.columnNumber, message: message)
        parser.abortParsing()
    }

    private static func localName(_ name: String) -> String {
        if let colon = name.lastIndex(of: ":"), !name.hasPrefix("xml:") { return String(name[name.index(after: colon)...]) }
        return name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let name = Self.localName(elementName)
        let line = parser.lineNumber
        let column = parser.columnNumber
        if let parent = building.last {
            let node = XMLElementNode(name: name, attributes: attributeDict, line: line, column: column)
            parent.children.append(node)
            building.append(node)
            return
        }
        if frame.isEmpty {
            frame.append(name)
            onRoot(name, attributeDict, line, column)
            return
        }
        if (frame.count == 1 && name == "text") || (frame.count == 2 && frame[1] == "text" && (name == "body" || name == "back"))
            || (frame.count == 1 && name == "body" && frame[0] == "TBX") {
            frame.append(name)
            return
        }
        building.append(XMLElementNode(name: name, attributes: attributeDict, line: line, column: column))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if let node = building.popLast() {
            if building.isEmpty {
                let context: XMLSubtreeContext
                switch frame.last {
                case "body": context = .bodyChild
                case "back": context = .backChild
                case "text": context = .textChild
                default: context = .rootChild
                }
                onSubtree(node, context)
            }
            return
        }
        _ = frame.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let node = building.last {
            node.textRuns.append((node.children.count, string))
        } else if let parent = frame.last, !XMLText.collapse(string).isEmpty {
            onStrayText(string, parent, parser.lineNumber, parser.columnNumber)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard firstError == nil else { return }
        firstError = (parser.lineNumber, parser.columnNumber, parseError as NSError)
        if let open = building.last { openAtError = (open.name, open.line) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail("entity declarations are refused (entity '\(name)'): they can expand without bound")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail("external entities are refused (entity '\(name)')")
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        fail("external entities are refused (entity '\(name)')")
        return nil
    }
}

/// Checks the prolog of an XML document for entity declarations before any parser sees it.
///
/// An internal DTD subset (`<!DOCTYPE x [ … ]>`) may declare entities; a few nested ones expand
/// to gigabytes ("billion laughs") and a `SYSTEM` entity reads local files. A term base never
/// needs either, so any `<!ENTITY` in the prolog is an error. A `<!DOCTYPE … SYSTEM "x.dtd">`
/// without a subset is harmless because the DTD is never loaded.
enum XMLPrologScanner {
    /// The most bytes of prolog examined; a prolog longer than this is refused.
    static let limit = 1 << 20

    static func check(path: String) throws(InputError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(location: SourceLocation(file: path, line: 1, column: 1), message: "cannot open the file")
        }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: limit)).map(Array.init) ?? []
        try check(bytes: bytes, path: path, text: nil)
    }

    static func check(bytes: [UInt8], path: String, text: String?) throws(InputError) {
        var index = 0
        var line = 1
        var lineStart = 0
        func error(_ message: String, at offset: Int) -> InputError {
            // Column counts scalars from the line start.
            let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
            let sourceLine = text.flatMap { SourceLines.line(line, of: $0) } ?? SourceLines.line(line, ofFile: path)
            return InputError(location: SourceLocation(file: path, line: line, column: column), message: message, sourceLine: sourceLine)
        }
        func starts(_ literal: String, at offset: Int) -> Bool {
            let pattern = Array(literal.utf8)
            return offset + pattern.count <= bytes.count && Array(bytes[offset..<offset + pattern.count]) == pattern
        }
        func advance(to offset: Int) {
            while index < offset && index < bytes.count {
                if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
                index += 1
            }
        }
        func find(_ literal: String, from offset: Int) -> Int? {
            let pattern = Array(literal.utf8)
            var cursor = offset
            while cursor + pattern.count <= bytes.count {
                if bytes[cursor] == pattern[0], Array(bytes[cursor..<cursor + pattern.count]) == pattern { return cursor }
                cursor += 1
            }
            return nil
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { advance(to: index + 1); continue }
            if starts("<?", at: index) {
                guard let end = find("?>", from: index) else { return }
                advance(to: end + 2)
            } else if starts("<!--", at: index) {
                guard let end = find("-->", from: index + 4) else { return }
                advance(to: end + 3)
            } else if starts("<!ENTITY", at: index) {
                throw error("entity declarations are refused: they can expand without bound (billion laughs) or read local files (XXE)", at: index)
            } else if starts("<!DOCTYPE", at: index) {
                // Walk the declaration, honouring quotes; stop at `[` or the closing `>`.
                var cursor = index + 9
                var quote: UInt8?
                while cursor < bytes.count {
                    let byte = bytes[cursor]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "[") {
                        advance(to: cursor + 1)
                        break
                    } else if byte == UInt8(ascii: ">") {
                        advance(to: cursor + 1)
                        break
                    }
                    cursor += 1
                }
                if cursor >= bytes.count { return }
                if bytes[cursor] == UInt8(ascii: ">") { continue }
                // Inside the internal subset.
                while index < bytes.count {
                    if starts("<!--", at: index) {
                        guard let end = find("-->", from: index + 4) else { return }
                        advance(to: end + 3)
                    } else if starts("<!ENTITY", at: index) {
                        throw error("entity declarations are refused: they can expand without bound (billion laughs) or read local files (XXE)", at: index)
                    } else if starts("]", at: index) {
                        advance(to: index + 1)
                        break
                    } else {
                        advance(to: index + 1)
                    }
                }
            } else {
                return // the root element starts: the prolog is over
            }
        }
        if bytes.count >= limit {
            throw error("the XML prolog is longer than \(limit) bytes", at: bytes.count)
        }
    }
}
