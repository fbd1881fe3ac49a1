/// Reads XLIFF 1.2 and 2.x files as translation sets: one set per translation unit (1.2
/// `<trans-unit>`) or per segment of a unit (2.x `<segment>`), with the source and target text.
///
/// Inline codes are skipped for matching (`<ph>`, `<bpt>`, `<ept>`, `<it>`, `<sub>` in 1.2;
/// `<ph>`, `<sc>`, `<ec>` in 2.x — they hold native code, not text) but every character keeps
/// its file position; the text of `<g>`, `<mrk>` and `<pc>` is kept. Languages come from
/// `source-language`/`target-language` (1.2, per `<file>`) or `srcLang`/`trgLang` (2.x).
public enum XLIFFReader {
    static let inlineCodes: Set<String> = ["ph", "bpt", "ept", "it", "sub", "x", "bx", "ex", "sc", "ec", "sm", "em", "cp"]

    /// Reads one XLIFF file.
    ///
    /// - Throws: `InputError` with the line and column of malformed XML, a missing language or
    ///   an element where XLIFF does not allow it.
    public static func read(_ source: SourceText) throws(InputError) -> TranslationCorpus {
        let tree = try PositionedXML(source, format: "XLIFF")
        let root = tree.root
        guard root.localName == "xliff" else {
            throw error("expected an <xliff> root element, found <\(root.name)>", at: root, in: source)
        }
        let version = root.attribute("version") ?? ""
        var builder = SegmentedTextBuilder(file: source, format: "XLIFF \(version)")
        var sets: [TranslationSet] = []
        var sourceLanguage: LanguageTag?
        func language(_ value: String?, _ name: String, _ element: PositionedXML.Element) throws(InputError) -> LanguageTag? {
            guard let value else { return nil }
            guard let tag = LanguageTag(value) else { throw error("'\(value)' in \(name) is not a valid language tag", at: element, in: source) }
            return tag
        }
        if version.hasPrefix("1.") {
            for file in root.elements("file") {
                guard let sourceTag = try language(file.attribute("source-language"), "source-language", file) else {
                    throw error("<file> has no source-language attribute", at: file, in: source)
                }
                let targetTag = try language(file.attribute("target-language"), "target-language", file)
                sourceLanguage = sourceLanguage ?? sourceTag
                for unit in descendants(of: file, named: "trans-unit") {
                    let id = "unit " + (unit.attribute("id") ?? unit.attribute("resname") ?? "?")
                    var members: [SegmentReference] = []
                    if let element = unit.elements("source").first {
                        tree.extract(element, skipping: inlineCodes, into: &builder)
                        if let index = builder.endSegment(id: id, language: sourceTag, role: .source) { members.append(SegmentReference(text: 0, segment: index)) }
                    }
                    if let element = unit.elements("target").first {
                        tree.extract(element, skipping: inlineCodes, into: &builder)
                        let tag = try language(element.attribute("xml:lang"), "xml:lang", element) ?? targetTag
                        if let index = builder.endSegment(id: id, language: tag, role: .target) { members.append(SegmentReference(text: 0, segment: index)) }
                    }
                    if !members.isEmpty { sets.append(TranslationSet(id: id, members: members, method: "XLIFF translation unit")) }
                }
            }
        } else if version.hasPrefix("2.") {
            guard let sourceTag = try language(root.attribute("srcLang"), "srcLang", root) else {
                throw error("<xliff> has no srcLang attribute", at: root, in: source)
            }
            let targetTag = try language(root.attribute("trgLang"), "trgLang", root)
            sourceLanguage = sourceTag
            for unit in descendants(of: root, named: "unit") {
                let unitID = unit.attribute("id") ?? "?"
                let segments = unit.children.compactMap { node -> PositionedXML.Element? in
                    if case let .element(element) = node, element.localName == "segment" || element.localName == "ignorable" { element } else { nil }
                }
                for (number, segment) in segments.enumerated() {
                    let id = "unit \(unitID)" + (segments.count > 1 ? " segment \(segment.attribute("id") ?? String(number + 1))" : "")
                    var members: [SegmentReference] = []
                    if let element = segment.elements("source").first {
                        tree.extract(element, skipping: inlineCodes, into: &builder)
                        if let index = builder.endSegment(id: id, language: sourceTag, role: .source) { members.append(SegmentReference(text: 0, segment: index)) }
                    }
                    if let element = segment.elements("target").first {
                        tree.extract(element, skipping: inlineCodes, into: &builder)
                        if let index = builder.endSegment(id: id, language: targetTag, role: .target) { members.append(SegmentReference(text: 0, segment: index)) }
                    }
                    if !members.isEmpty { sets.append(TranslationSet(id: id, members: members, method: "XLIFF segment")) }
                }
            }
        } else {
            throw error("unsupported XLIFF version '\(version)' (1.2 and 2.x are read)", at: root, in: source)
        }
        return TranslationCorpus(texts: [builder.build()], sets: sets, sourceLanguage: sourceLanguage,
                                 notes: ["XLIFF \(version): \(English.counted(sets.count, "translation unit"))"])
    }

    /// Every element named `name` below `element`, in document order (units may sit in groups);
    /// the search does not go below a match.
    ///
    /// - Complexity: O(elements below `element`), without recursion.
    static func descendants(of element: PositionedXML.Element, named name: String) -> [PositionedXML.Element] {
        var result: [PositionedXML.Element] = []
        // Children still to visit, the next one last.
        var pending: [PositionedXML.Element] = element.children.reversed().compactMap { if case let .element(child) = $0 { child } else { nil } }
        while let child = pending.popLast() {
            if child.localName == name {
                result.append(child)
            } else {
                for case let .element(grandchild) in child.children.reversed() { pending.append(grandchild) }
            }
        }
        return result
    }

    static func error(_ message: String, at element: PositionedXML.Element, in source: SourceText) -> InputError {
        InputError(message, file: source.path, line: element.line, column: element.column, in: source.text(0..<source.bytes.count))
    }
}
