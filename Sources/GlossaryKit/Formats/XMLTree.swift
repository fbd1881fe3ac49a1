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

    /// Appends the text of this element and its descendants in document order.
    ///
    /// - Complexity: O(the subtree's size), walked with a stack of its own: nesting is bounded
    ///   (`XMLInputCheck.maximumDepth`) but recursion would still cost a stack frame per level.
    private func appendText(to raw: inout String) {
        // The elements being walked: the next child to visit and the next text run.
        var open: [(node: XMLElementNode, child: Int, run: Int)] = [(self, 0, 0)]
        while let (node, child, run) = open.last {
            var runIndex = run
            while runIndex < node.textRuns.count, node.textRuns[runIndex].beforeChild <= child {
                raw += node.textRuns[runIndex].text
                runIndex += 1
            }
            if child < node.children.count {
                open[open.count - 1] = (node, child + 1, runIndex)
                open.append((node.children[child], 0, 0))
            } else {
                open.removeLast()
            }
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
/// Security: the parser sees only bytes `XMLInputCheck` has passed (UTF-8, a prolog without
/// entity declarations), it never loads a DTD, and elements may nest at most
/// `XMLInputCheck.maximumDepth` levels.
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

    /// Parses the file at `path`, streamed.
    func run() throws(InputError) {
        let stream = XMLCheckedFileStream(path: path)
        try run(parser: XMLParser(stream: stream), text: nil, stream: stream)
    }

    /// Parses an in-memory document; `path` only labels locations.
    func run(data: Data) throws(InputError) {
        try XMLInputCheck.check(document: Array(data), path: path)
        try run(parser: XMLParser(data: data), text: String(decoding: data, as: UTF8.self), stream: nil)
    }

    private func run(parser: XMLParser, text: String?, stream: XMLCheckedFileStream?) throws(InputError) {
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = self
        self.parser = parser
        let ok = parser.parse()
        if let failure = stream?.failure { throw failure }
        if let failure { throw failure }
        // From memory, swift-corelibs-foundation's parse() recovers from some errors (an end
        // tag that does not match) and returns true after reporting them: any error fails.
        if !ok || firstError != nil {
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
            !message.hasPrefix("The operation could not be completed")
        {
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

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard frame.count + building.count < XMLInputCheck.maximumDepth else { return fail(XMLInputCheck.depthMessage) }
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
            || (frame.count == 1 && name == "body" && frame[0] == "TBX")
        {
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

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }
}
