/// Reads TMX 1.4 translation memories (and the older `lang=` attribute of TMX 1.1) as
/// translation sets: one set per `<tu>`, one segment per `<tuv>`.
///
/// The source language is the header's `srclang` (unless `*all*`). Inline codes (`<bpt>`,
/// `<ept>`, `<it>`, `<ph>`, `<ut>`, `<sub>`) are skipped for matching; `<hi>` text is kept.
package enum TMXReader {
    static let inlineCodes: Set<String> = ["bpt", "ept", "it", "ph", "ut", "sub"]

    /// Reads one TMX file.
    ///
    /// - Throws: `InputError` with the line and column of malformed XML or a `<tuv>` without a
    ///   valid language.
    package static func read(_ source: SourceText) throws(InputError) -> TranslationCorpus {
        let tree = try PositionedXML(source, format: "TMX")
        let root = tree.root
        guard root.localName == "tmx" else {
            throw XLIFFReader.error("expected a <tmx> root element, found <\(root.name)>", at: root, in: source)
        }
        let header = root.elements("header").first
        let declared = header?.attribute("srclang").flatMap { $0.lowercased() == "*all*" ? nil : LanguageTag($0) }
        var builder = SegmentedTextBuilder(file: source, format: "TMX \(root.attribute("version") ?? "")")
        var sets: [TranslationSet] = []
        for (number, unit) in XLIFFReader.descendants(of: root, named: "tu").enumerated() {
            let id = "tu " + (unit.attribute("tuid") ?? String(number + 1))
            var members: [SegmentReference] = []
            for variant in unit.elements("tuv") {
                guard let value = variant.attribute("xml:lang") ?? variant.attribute("lang") else {
                    throw XLIFFReader.error("<tuv> has no xml:lang (or lang) attribute", at: variant, in: source)
                }
                guard let tag = LanguageTag(value) else {
                    throw XLIFFReader.error("'\(value)' is not a valid language tag", at: variant, in: source)
                }
                guard let segment = variant.elements("seg").first else { continue }
                tree.extract(segment, skipping: inlineCodes, into: &builder)
                let role: SegmentRole = declared.map { tag.overlaps($0) ? .source : .target } ?? .version
                if let index = builder.endSegment(id: id, language: tag, role: role) {
                    members.append(SegmentReference(text: 0, segment: index))
                }
            }
            if !members.isEmpty { sets.append(TranslationSet(id: id, members: members, method: "TMX translation unit")) }
        }
        return TranslationCorpus(
            texts: [builder.build()], sets: sets, sourceLanguage: declared,
            notes: ["TMX: \(English.counted(sets.count, "translation unit"))"])
    }
}
