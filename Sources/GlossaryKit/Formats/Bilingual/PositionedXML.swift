import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document small enough to hold in memory, with the file offsets the bilingual
/// readers need to point findings at the exact characters of a `<target>`.
///
/// Parsing is done by Foundation's `XMLParser` (libxml2): well-formedness, entities, CDATA and
/// encoding are its business; it sees only documents `XMLInputCheck` has passed (UTF-8, no
/// entity declarations) and never loads a DTD. `XMLParser` reports the
/// line and column of the `>` that ends each start and end tag; from these the tree records the
/// byte offset where each element's content starts, and `extract` walks the raw bytes in step
/// with the parsed text to give every extracted character its own file offset.
struct PositionedXML {
    /// An element with its children and where its content lies in the file.
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        /// Byte offset just past the start tag's `>`.
        let contentStart: Int
        /// Byte offset of the end tag's `<` (or `contentStart` for `<empty/>`).
        var contentEnd: Int
        let line: Int
        let column: Int

        init(name: String, attributes: [String: String], contentStart: Int, line: Int, column: Int) {
            self.name = name
            self.attributes = attributes
            self.contentStart = contentStart
            contentEnd = contentStart
            self.line = line
            self.column = column
        }

        /// Child elements named `name` (local name, any prefix).
        func elements(_ name: String) -> [Element] {
            children.compactMap { if case let .element(element) = $0, element.localName == name { element } else { nil } }
        }

        var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

        /// An attribute by local name (`xml:lang` is found as `lang` only when asked for it).
        func attribute(_ name: String) -> String? { attributes[name] }
    }

    enum Node {
        case element(Element)
        case text(String)
    }

    let source: SourceText
    let root: Element

    /// Parses `source`, after `XMLInputCheck` has passed it.
    ///
    /// - Throws: `InputError` at the line and column where the check or the parser stopped.
    init(_ source: SourceText, format: String) throws(InputError) {
        self.source = source
        try XMLInputCheck.check(document: source.bytes, path: source.path)
        let builder = Builder(source: source)
        let parser = XMLParser(data: Data(source.bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        let success = parser.parse()
        // swift-corelibs-foundation's parse() can return true after a recoverable libxml2 error
        // (an end tag that does not match): any reported error fails the file.
        if !success || builder.root == nil || builder.errorCode != nil || parser.parserError != nil {
            let code = builder.errorCode ?? (parser.parserError as NSError?)?.code ?? 0
            let line = max(1, builder.errorLine ?? parser.lineNumber)
            let column = max(1, builder.errorColumn ?? parser.columnNumber)
            throw InputError("\(format): malformed XML: \(Self.describe(code))", file: source.path, line: line, column: column,
                             in: source.text(0..<source.bytes.count))
        }
        root = builder.root!
    }

    /// The libxml2 error codes seen in practice, in words.
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "the document ends too early (an element is not closed)"
        case 23: "an entity reference is not terminated with ';'"
        case 26: "undefined entity"
        case 38, 39, 40, 41: "malformed attribute"
        case 64: "the XML declaration is malformed"
        case 68: "malformed name in a tag or reference"
        case 73: "a '>' is missing at the end of a tag"
        case 76: "the end tag does not match the open element"
        case 85: "extra content after the document element"
        default: "parser error \(code)"
        }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The byte offset of a 1-based line and column (in Unicode scalars) of `source`.
    static func offset(line: Int, column: Int, in source: SourceText, lineStarts: [Int]) -> Int {
        guard line >= 1 && line <= lineStarts.count else { return source.bytes.count }
        var index = lineStarts[line - 1]
        if line == 1 { index = max(index, source.contentStart) }
        var remaining = column - 1
        while remaining > 0 && index < source.bytes.count {
            index += 1
            while index < source.bytes.count && source.bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// Appends the text of `element` to `builder`, each character mapped to its file byte.
    ///
    /// Child elements named in `skipping` (inline codes such as `<ph>`, `<bpt>`) contribute no
    /// text; any other child element (`<g>`, `<mrk>`, `<pc>`) contributes its text. Skipped and
    /// empty inline elements become a space so that the words on either side stay apart.
    func extract(_ element: Element, skipping: Set<String>, into builder: inout SegmentedTextBuilder) {
        var cursor = element.contentStart
        let bytes = source.bytes
        for child in element.children {
            switch child {
            case let .element(inner):
                if skipping.contains(inner.localName) || inner.children.isEmpty {
                    builder.append(decoded: " ", at: max(cursor, inner.contentStart - 1))
                } else {
                    extract(inner, skipping: skipping, into: &builder)
                }
                // Past the child's end tag.
                cursor = inner.contentEnd
                while cursor < bytes.count && bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                cursor += 1
            case let .text(text):
                cursor = appendText(text, from: cursor, limit: element.contentEnd, into: &builder)
            }
        }
    }

    /// Appends `text`, matching it against the raw bytes from `cursor`; returns the new cursor.
    /// Where the raw bytes cannot be matched the rest maps to the cursor (positions then point at
    /// the start of the unmatched run instead of the exact character).
    private func appendText(_ text: String, from start: Int, limit: Int, into builder: inout SegmentedTextBuilder) -> Int {
        let bytes = source.bytes
        let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8), commentOpen = Array("<!--".utf8)
        var cursor = start
        var inCDATA = false
        let characters = Array(text.unicodeScalars)
        var index = 0
        while index < characters.count {
            let scalar = characters[index]
            let encoded = Array(String(scalar).utf8)
            guard cursor < bytes.count else { builder.append(decoded: String(characters[index...].map(Character.init)), at: max(0, bytes.count - 1)); break }
            if !inCDATA {
                if bytes[cursor...].starts(with: cdataOpen) { cursor += cdataOpen.count; inCDATA = true; continue }
                if bytes[cursor...].starts(with: commentOpen), let end = Self.find(Array("-->".utf8), in: bytes, from: cursor) { cursor = end + 3; continue }
                if bytes[cursor] == UInt8(ascii: "<") && cursor + 1 < bytes.count && bytes[cursor + 1] == UInt8(ascii: "?"), let end = Self.find(Array("?>".utf8), in: bytes, from: cursor) { cursor = end + 2; continue }
                if bytes[cursor] == UInt8(ascii: "&"), let semicolon = bytes[cursor...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
                    builder.append(decoded: String(scalar), at: cursor)
                    cursor = semicolon + 1
                    index += 1
                    continue
                }
            } else if bytes[cursor...].starts(with: cdataClose) {
                cursor += cdataClose.count; inCDATA = false; continue
            }
            if scalar == "\n" && bytes[cursor] == 0x0D {
                builder.append(decoded: "\n", at: cursor)
                cursor += cursor + 1 < bytes.count && bytes[cursor + 1] == 0x0A ? 2 : 1
                index += 1
                continue
            }
            if bytes[cursor...].starts(with: encoded) {
                builder.append(String(scalar), at: cursor)
                cursor += encoded.count
                index += 1
                continue
            }
            // Not in step with the parser: keep the text, anchored where matching stopped.
            builder.append(decoded: String(String.UnicodeScalarView(characters[index...])), at: min(cursor, max(0, limit)))
            return cursor
        }
        if inCDATA, let end = Self.find(cdataClose, in: bytes, from: cursor) { cursor = end + cdataClose.count }
        return cursor
    }

    /// Collects the tree from `XMLParser`'s events.
    private final class Builder: NSObject, XMLParserDelegate {
        let source: SourceText
        let lineStarts: [Int]
        var root: Element?
        var stack: [Element] = []
        var errorLine: Int?
        var errorColumn: Int?
        var errorCode: Int?

        init(source: SourceText) {
            self.source = source
            var starts = [0]
            for (index, byte) in source.bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
            lineStarts = starts
        }

        /// The offset of the `>` the parser is at, found from its line and column.
        func tagEnd(_ parser: XMLParser) -> Int {
            var offset = PositionedXML.offset(line: parser.lineNumber, column: parser.columnNumber, in: source, lineStarts: lineStarts)
            // Robustness: step to the nearest '>' at or after the reported place.
            while offset < source.bytes.count && source.bytes[offset] != UInt8(ascii: ">") { offset += 1 }
            return offset
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let end = tagEnd(parser)
            let element = Element(name: elementName, attributes: attributes, contentStart: min(end + 1, source.bytes.count),
                                  line: parser.lineNumber, column: parser.columnNumber)
            if end > 0 && source.bytes[end - 1] == UInt8(ascii: "/") {
                element.contentEnd = element.contentStart
            }
            if let parent = stack.last { parent.children.append(.element(element)) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            let end = tagEnd(parser)
            if element.contentEnd == element.contentStart, end < source.bytes.count, end + 1 == element.contentStart {
                return // <empty/>
            }
            // Back from the end tag's '>' to its '<'.
            var start = min(end, source.bytes.count - 1)
            while start > element.contentStart && source.bytes[start] != UInt8(ascii: "<") { start -= 1 }
            element.contentEnd = max(element.contentStart, start)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            append(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            append(String(decoding: CDATABlock, as: UTF8.self))
        }

        private func append(_ string: String) {
            guard let element = stack.last else { return }
            if case let .text(previous) = element.children.last {
                element.children[element.children.count - 1] = .text(previous + string)
            } else {
                element.children.append(.text(string))
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard errorLine == nil else { return }
            errorLine = parser.lineNumber
            errorColumn = parser.columnNumber
            errorCode = (parseError as NSError).code
            parser.abortParsing()
        }
    }
}
