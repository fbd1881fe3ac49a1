/// Reports a concept named fewer times in a translation than in its source segment.
package struct TermCountRule: CrossLanguageRule {
    package init() {}

    package static let description = RuleDescription(
        id: "term-count",
        name: "Term count",
        summary: "A concept occurs fewer times in a translation than in the source segment.",
        rationale: """
            When a source segment names a concept three times and its translation once, a mention \
            may have been dropped — or replaced by a pronoun, which is often good style. Hence the \
            severity info. Only counts that are lower but not zero are reported (zero is a missing \
            translation); a parenthesised gloss right after the same concept is not counted. Only \
            translations with a declared source (XLIFF, PO, TMX with srclang, String Catalogs, \
            i18n JSON) are compared: free versions of a text (parallel files, language sections) \
            legitimately repeat a name more or less often.
            """,
        defaultSeverity: .info,
        triggeringExamples: [
            TranslationExample(
                [
                    [
                        (.english, "The ILO met, and the ILO spoke."),
                        (.indonesian, "↓ILO bertemu dan berbicara."),
                    ]
                ], sourceLanguage: .english)
        ],
        nonTriggeringExamples: [
            // Undirected versions are not counted.
            TranslationExample([[(.english, "The ILO met, and the ILO spoke."), (.indonesian, "ILO bertemu dan berbicara.")]]),
            TranslationExample(
                [
                    [
                        (.english, "The ILO met, and the ILO spoke."),
                        (.indonesian, "ILO bertemu, dan ILO berbicara."),
                    ]
                ], sourceLanguage: .english),
            TranslationExample(
                [
                    [
                        (.english, "Labour trafficking grows."),
                        (.indonesian, "Perdagangan tenaga kerja (*labour trafficking*) meningkat."),
                    ]
                ], sourceLanguage: .english),
        ])

    package func check(_ corpus: AnalyzedCorpus) -> [Finding] {
        var findings: [Finding] = []
        guard corpus.sourceLanguage != nil else { return [] }
        for set in corpus.sets where set.isReliable {
            guard let sourceLanguage = corpus.sourceLanguage(of: set) else { continue }
            let byLanguage = corpus.membersByLanguage(of: set)
            guard let source = byLanguage.first(where: { $0.language == sourceLanguage }) else { continue }
            let sourceCounts = corpus.conceptCounts(source.members)
            for group in byLanguage where group.language != sourceLanguage {
                let counts = corpus.conceptCounts(group.members)
                for (concept, expected) in sourceCounts.sorted(by: { $0.key < $1.key }) {
                    guard let found = counts[concept], found < expected else { continue }
                    let entry = corpus.glossary.concepts[concept]
                    let message =
                        "concept '\(entry.id)' occurs \(English.counted(expected, "time")) in the \(sourceLanguage) segment but \(found) in this \(group.language) one"
                    findings.append(
                        corpus.finding(
                            atSegment: group.members[0], rule: Self.description.id, severity: Self.description.defaultSeverity,
                            concept: entry.id, message: message))
                }
            }
        }
        return findings
    }
}
