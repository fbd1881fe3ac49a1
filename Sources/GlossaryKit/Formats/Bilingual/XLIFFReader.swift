/// Reads XLIFF 1.2 and 2.x files as translation sets: one set per translation unit (1.2
/// `<trans-unit>`) or per segment of a unit (2.x `<segment>`), with the source and target text.
///
/// Inline codes are skipped for matching (`<ph>`, `<bpt>`, `<ept>`, `<it>`, `<sub>` in 1.2;
/// `<ph>`, `<sc>`, `<ec>` in 2.x — they hold native code, not text) but every character keeps
/// its file position; the text of `<g>`, `<mrk>` and `<pc>` is kept. Languages come from
/// `source-language`/`target-language` (1.2, per `<file>`) or `srcLang`/`trgLang` (2.x).
package enum XLIFFReader {
    static let inlineCodes: Set<String> = ["ph", "bpt", "ept", "it", "sub", "x", "bx", "ex", "sc", "ec", "sm", "em", "cp"]

    /// Reads one XLIFF file.
    ///
    /// - Throws: `InputError` with the line and column of malformed XML, a missing language or
    ///   an element where XLIFF does not allow it.
    package static func read(_ source: SourceText) throws(InputError) -> TranslationCorpus {
        let tree = try PositionedXML(source, format: "XLIFF")
        let root = tree.root
        guard root.localName == "xliff" else {
            throw error("expected an <xliff> root element, found <\(root.name)>", at: root, in: source)
        }
        let version = root.attribute("version") ?? ""
        var reader = Reader(tree: tree, builder: SegmentedTextBuilder(file: source, format: "XLIFF \(version)"))
        var sourceLanguage: LanguageTag?
        if version.hasPrefix("1.") {
            for file in root.elements("file") {
                guard let sourceTag = try reader.language(file, "source-language") else {
                    throw error("<file> has no source-language attribute", at: file, in: source)
                }
                let targetTag = try reader.language(file, "target-language")
                sourceLanguage = sourceLanguage ?? sourceTag
                for unit in descendants(of: file, named: "trans-unit") {
                    let id = "unit " + (unit.attribute("id") ?? unit.attribute("resname") ?? "?")
                    try reader.readPair(in: unit, id: id, languages: (sourceTag, targetTag), method: "XLIFF translation unit")
                }
            }
        } else if version.hasPrefix("2.") {
            guard let sourceTag = try reader.language(root, "srcLang") else {
                throw error("<xliff> has no srcLang attribute", at: root, in: source)
            }
            let targetTag = try reader.language(root, "trgLang")
            sourceLanguage = sourceTag
            for unit in descendants(of: root, named: "unit") {
                let unitID = unit.attribute("id") ?? "?"
                let segments = unit.children.compactMap { node -> PositionedXML.Element? in
                    if case let .element(element) = node, element.localName == "segment" || element.localName == "ignorable" {
                        element
                    } else {
                        nil
                    }
                }
                for (number, segment) in segments.enumerated() {
                    let id =
                        "unit \(unitID)" + (segments.count > 1 ? " segment \(segment.attribute("id") ?? String(number + 1))" : "")
                    try reader.readPair(in: segment, id: id, languages: (sourceTag, targetTag), method: "XLIFF segment")
                }
            }
        } else {
            throw error("unsupported XLIFF version '\(version)' (1.2 and 2.x are read)", at: root, in: source)
        }
        return TranslationCorpus(
            texts: [reader.builder.build()], sets: reader.sets, sourceLanguage: sourceLanguage,
            notes: ["XLIFF \(version): \(English.counted(reader.sets.count, "translation unit"))"])
    }

    /// What XLIFF 1.2 and 2.x share: a `<source>` and a `<target>` in a container (a 1.2
    /// `<trans-unit>`, a 2.x `<segment>` or `<ignorable>`) become one translation set.
    private struct Reader {
        let tree: PositionedXML
        var builder: SegmentedTextBuilder
        var sets: [TranslationSet] = []

        /// The language tag in `element`'s attribute `name`, if there is one.
        ///
        /// - Throws: `InputError` at `element` when the value is not a language tag.
        func language(_ element: PositionedXML.Element, _ name: String) throws(InputError) -> LanguageTag? {
            guard let value = element.attribute(name) else { return nil }
            guard let tag = LanguageTag(value) else {
                throw XLIFFReader.error("'\(value)' in \(name) is not a valid language tag", at: element, in: tree.source)
            }
            return tag
        }

        /// Reads the source and target in `container` as the set `id`; a target's own `xml:lang`
        /// overrides the file's target language.
        mutating func readPair(
            in container: PositionedXML.Element, id: String, languages: (source: LanguageTag, target: LanguageTag?),
            method: String
        ) throws(InputError) {
            var members: [SegmentReference] = []
            if let element = container.elements("source").first {
                tree.extract(element, skipping: inlineCodes, into: &builder)
                if let index = builder.endSegment(id: id, language: languages.source, role: .source) {
                    members.append(SegmentReference(text: 0, segment: index))
                }
            }
            if let element = container.elements("target").first {
                tree.extract(element, skipping: inlineCodes, into: &builder)
                let tag = try language(element, "xml:lang") ?? languages.target
                if let index = builder.endSegment(id: id, language: tag, role: .target) {
                    members.append(SegmentReference(text: 0, segment: index))
                }
            }
            if !members.isEmpty { sets.append(TranslationSet(id: id, members: members, method: method)) }
        }
    }

    /// Every element named `name` below `element`, in document order (units may sit in groups);
    /// the search does not go below a match.
    ///
    /// - Complexity: O(elements below `element`), without recursion.
    static func descendants(of element: PositionedXML.Element, named name: String) -> [PositionedXML.Element] {
        var result: [PositionedXML.Element] = []
        // Children still to visit, the next one last.
        var pending: [PositionedXML.Element] = element.children.reversed().compactMap {
            if case let .element(child) = $0 { child } else { nil }
        }
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
        InputError(
            message, file: source.path, line: element.line, column: element.column, in: source.text(0..<source.bytes.count))
    }
}
