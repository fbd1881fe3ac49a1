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
        /// Whether the element is written `<empty/>`, without an end tag.
        var isSelfClosing = false
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
        WorkMeter.record(builder.steps)
        if let tooDeep = builder.tooDeep {
            throw InputError(
                XMLInputCheck.depthMessage, file: source.path, line: tooDeep.line, column: tooDeep.column,
                in: source.text(0..<source.bytes.count))
        }
        // swift-corelibs-foundation's parse() can return true after a recoverable libxml2 error
        // (an end tag that does not match): any reported error fails the file.
        if !success || builder.root == nil || builder.errorCode != nil || parser.parserError != nil {
            let code = builder.errorCode ?? (parser.parserError as NSError?)?.code ?? 0
            let line = max(1, builder.errorLine ?? parser.lineNumber)
            let column = max(1, builder.errorColumn ?? parser.columnNumber)
            throw InputError(
                "\(format): malformed XML: \(Self.describe(code))", file: source.path, line: line, column: column,
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

    /// Appends the text of `element` to `builder`, each character mapped to its file byte.
    ///
    /// Child elements named in `skipping` (inline codes such as `<ph>`, `<bpt>`) contribute no
    /// text; any other child element (`<g>`, `<mrk>`, `<pc>`) contributes its text. Skipped and
    /// empty inline elements become a space so that the words on either side stay apart.
    ///
    /// - Complexity: O(*n*) in the bytes of `element`, at any depth: the tree is walked with a
    ///   stack of its own, not by recursion.
    func extract(_ element: Element, skipping: Set<String>, into builder: inout SegmentedTextBuilder) {
        let bytes = source.bytes
        // The elements being walked, outermost first: the next child to visit, and the file
        // offset the text walk has reached in the element's content.
        var open: [(element: Element, next: Int, cursor: Int)] = [(element, 0, element.contentStart)]
        var steps = 0
        while let (current, next, cursor) = open.last {
            guard next < current.children.count else {
                open.removeLast()
                continue
            }
            steps += 1
            open[open.count - 1].next = next + 1
            switch current.children[next] {
            case let .element(inner):
                // The walk goes on past the child's end tag (a self-closing child has none).
                var after = inner.contentEnd
                if !inner.isSelfClosing {
                    while after < bytes.count && bytes[after] != UInt8(ascii: ">") { after += 1 }
                    steps += after - inner.contentEnd
                    after += 1
                }
                open[open.count - 1].cursor = after
                if skipping.contains(inner.localName) || inner.children.isEmpty {
                    builder.append(decoded: " ", at: max(cursor, inner.contentStart - 1))
                } else {
                    open.append((inner, 0, inner.contentStart))
                }
            case let .text(text):
                steps += text.utf8.count
                open[open.count - 1].cursor = appendText(text, from: cursor, limit: current.contentEnd, into: &builder)
            }
        }
        WorkMeter.record(steps)
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
            guard cursor < bytes.count else {
                builder.append(decoded: String(characters[index...].map(Character.init)), at: max(0, bytes.count - 1)); break
            }
            if !inCDATA {
                if bytes[cursor...].starts(with: cdataOpen) { cursor += cdataOpen.count; inCDATA = true; continue }
                if bytes[cursor...].starts(with: commentOpen), let end = Self.find(Array("-->".utf8), in: bytes, from: cursor) {
                    cursor = end + 3; continue
                }
                if bytes[cursor] == UInt8(ascii: "<") && cursor + 1 < bytes.count && bytes[cursor + 1] == UInt8(ascii: "?"),
                    let end = Self.find(Array("?>".utf8), in: bytes, from: cursor)
                {
                    cursor = end + 2; continue
                }
                if bytes[cursor] == UInt8(ascii: "&"),
                    let semicolon = bytes[cursor...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
                {
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
        /// Where an element opened deeper than `XMLInputCheck.maximumDepth`.
        var tooDeep: (line: Int, column: Int)?
        /// The last position the parser reported and its byte offset, to go on from.
        private var last = (line: 1, column: 1, offset: 0)
        /// Bytes walked to turn positions into offsets (see `WorkMeter`).
        var steps = 0

        init(source: SourceText) {
            self.source = source
            lineStarts = source.bytes.withUnsafeBufferPointer { [0] + ByteSearch.lineStarts(in: $0, from: 0) }
            last.offset = source.contentStart
        }

        /// The byte offset of a 1-based line and column (in Unicode scalars).
        ///
        /// - Complexity: amortised O(1) per scalar of the file: the parser reports positions in
        ///   file order, so the walk goes on from the previous one (or from its line's start).
        func offset(line: Int, column: Int) -> Int {
            let bytes = source.bytes
            guard line >= 1 && line <= lineStarts.count else { return bytes.count }
            var index: Int
            var remaining: Int
            if line == last.line && column >= last.column {
                index = last.offset
                remaining = column - last.column
            } else {
                index = line == 1 ? max(lineStarts[0], source.contentStart) : lineStarts[line - 1]
                remaining = column - 1
            }
            let start = index
            while remaining > 0 && index < bytes.count {
                index += 1
                while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
                remaining -= 1
            }
            steps += index - start
            last = (line, column - remaining, index)
            return index
        }

        /// The offset of the `>` the parser is at, found from its line and column.
        func tagEnd(_ parser: XMLParser) -> Int {
            var offset = offset(line: parser.lineNumber, column: parser.columnNumber)
            // Robustness: step to the nearest '>' at or after the reported place.
            let start = offset
            while offset < source.bytes.count && source.bytes[offset] != UInt8(ascii: ">") { offset += 1 }
            steps += offset - start
            return offset
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard stack.count < XMLInputCheck.maximumDepth else {
                tooDeep = (parser.lineNumber, parser.columnNumber)
                parser.abortParsing()
                return
            }
            let end = tagEnd(parser)
            let element = Element(
                name: elementName, attributes: attributes, contentStart: min(end + 1, source.bytes.count),
                line: parser.lineNumber, column: parser.columnNumber)
            if end > 0 && source.bytes[end - 1] == UInt8(ascii: "/") {
                element.isSelfClosing = true
            }
            if let parent = stack.last { parent.children.append(.element(element)) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast(), !element.isSelfClosing else { return }
            // The parser reports the place just past the end tag's '>' (some versions: at it).
            let bytes = source.bytes
            var end = offset(line: parser.lineNumber, column: parser.columnNumber)
            if end > element.contentStart, end - 1 < bytes.count, bytes[end - 1] == UInt8(ascii: ">") {
                end -= 1
            } else {
                let start = end
                while end < bytes.count && bytes[end] != UInt8(ascii: ">") { end += 1 }
                steps += end - start
            }
            // Back from the end tag's '>' to its '<'.
            var start = min(end, bytes.count - 1)
            while start > element.contentStart && bytes[start] != UInt8(ascii: "<") { start -= 1; steps += 1 }
            element.contentEnd = max(element.contentStart, start)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            append(string)
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            append(String(decoding: block, as: UTF8.self))
        }

        /// Adds character data to the open element, joining it to the text before it: the parser
        /// hands one text over in pieces (at every entity or character reference).
        private func append(_ string: String) {
            guard let element = stack.last else { return }
            steps += string.utf8.count
            if case var .text(previous) = element.children.last {
                // Taken out first, so that the string is not shared and grows in place.
                element.children.removeLast()
                previous += string
                element.children.append(.text(previous))
            } else {
                element.children.append(.text(string))
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard errorLine == nil, tooDeep == nil else { return }
            errorLine = parser.lineNumber
            errorColumn = parser.columnNumber
            errorCode = (parseError as NSError).code
            parser.abortParsing()
        }
    }
}
