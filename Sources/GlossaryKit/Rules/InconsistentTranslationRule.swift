/// Reports a source concept rendered with different target terms across a file or set of files
/// (Xbench's target inconsistency, per concept rather than per segment).
public struct InconsistentTranslationRule: CrossLanguageRule {
    public init() {}

    public static let description = RuleDescription(
        id: "inconsistent-translation",
        name: "Inconsistent translation",
        summary: "One source concept is rendered with different terms in the translations of a file or set of files.",
        rationale: """
            A concept should be translated the same way every time: "valid" rendered as "sah" in \
            most messages and left as "valid" in a few makes readers wonder whether two things are \
            meant. For each concept named in a source segment, the rule collects how the aligned \
            target segments render it — each term of the concept, in any language (an untranslated \
            source term counts as a rendering) — and reports every occurrence of a rendering other \
            than the expected one: the preferred target term when it is used, else the most used. \
            Acronyms are not compared with full forms. Without a declared source language the \
            first language of each set leads. An untranslated source term is reported by the more \
            specific `untranslated-term`, whose message then names the inconsistency, and not \
            again here.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            TranslationExample([
                [(.english, "A migrant worker travels."), (.indonesian, "Seorang pekerja migran berangkat.")],
                [(.english, "Every migrant worker has rights."), (.indonesian, "Setiap ↓tenaga kerja Indonesia punya hak.")],
            ], sourceLanguage: .english),
            TranslationExample([
                [(.english, "Labour trafficking grows."), (.sundanese, "Padagangan tanaga gawé ngaronjat.")],
                [(.english, "Labour trafficking hurts."), (.sundanese, "↓Trafficking tenaga kerja nganyerikeun.")],
            ], sourceLanguage: .english),
        ],
        nonTriggeringExamples: [
            TranslationExample([
                [(.english, "A migrant worker travels."), (.indonesian, "Seorang pekerja migran berangkat.")],
                [(.english, "Migrant workers have rights."), (.indonesian, "Pekerja-pekerja migran punya hak.")],
            ], sourceLanguage: .english),
            TranslationExample([
                [(.english, "The International Labour Organization acts."), (.indonesian, "Organisasi Perburuhan Internasional bertindak.")],
                [(.english, "The ILO acts."), (.indonesian, "ILO bertindak.")],
            ], sourceLanguage: .english),
            // The untranslated "migrant worker" is a second rendering, but untranslated-term
            // reports it (and says that the concept is rendered in two ways).
            TranslationExample([
                [(.english, "A migrant worker travels."), (.indonesian, "Seorang pekerja migran berangkat.")],
                [(.english, "Every migrant worker has rights."), (.indonesian, "Setiap migrant worker punya hak.")],
            ], sourceLanguage: .english),
        ])

    /// One way of rendering a concept: a term (by its folded text and language).
    private struct Rendering: Hashable {
        var text: String
        var language: LanguageTag
    }

    /// One occurrence of a rendering other than the expected one.
    struct Occurrence {
        var match: TermMatch
        /// The corpus text the match is in.
        var text: Int
        /// The concept, the renderings and their counts: `concept 'x' (en 'y') is rendered in 2
        /// ways in the id translations ('a' ×3, 'b' (en) ×1)`.
        var summary: String
        var expected: String
    }

    public func check(_ corpus: AnalyzedCorpus) -> [Finding] {
        Self.occurrences(in: corpus).map { occurrence in
            corpus.finding(
                at: occurrence.match, inText: occurrence.text, rule: Self.description.id, severity: Self.description.defaultSeverity,
                message: occurrence.summary + "; use '\(occurrence.expected)'", suggestions: [occurrence.expected])
        }
    }

    /// Every occurrence of a rendering other than the expected one, in the order found.
    static func occurrences(in corpus: AnalyzedCorpus) -> [Occurrence] {
        let glossary = corpus.glossary
        struct Key: Hashable { var concept: Int; var source: LanguageTag; var target: LanguageTag }
        var occurrences: [Key: [Rendering: [(match: TermMatch, text: Int)]]] = [:]
        var order: [Key: [Rendering]] = [:]
        var keys: [Key] = []
        for set in corpus.sets where set.isReliable {
            guard let lead = corpus.leadLanguage(of: set) else { continue }
            let byLanguage = corpus.membersByLanguage(of: set)
            guard let source = byLanguage.first(where: { $0.language == lead }) else { continue }
            let named = Set(corpus.conceptCounts(source.members).keys)
            for group in byLanguage where group.language != lead {
                for member in group.members {
                    for match in corpus.matches(in: member) where named.contains(match.term.concept) {
                        let term = glossary[term: match.term]
                        if term.type.isAbbreviated { continue }
                        let key = Key(concept: match.term.concept, source: lead, target: group.language)
                        let rendering = Rendering(text: term.text.lowercased(), language: term.language)
                        if occurrences[key] == nil { keys.append(key) }
                        if occurrences[key, default: [:]][rendering] == nil { order[key, default: []].append(rendering) }
                        occurrences[key, default: [:]][rendering, default: []].append((match, member.text))
                    }
                }
            }
        }
        var result: [Occurrence] = []
        for key in keys {
            let renderings = order[key]!
            guard renderings.count >= 2, let found = occurrences[key] else { continue }
            let concept = glossary.concepts[key.concept]
            let preferred = Set(concept.preferredTerms(in: key.target).map { $0.text.lowercased() })
            let expected = renderings.first { preferred.contains($0.text) && $0.language == key.target }
                ?? renderings.max { found[$0]!.count < found[$1]!.count || (found[$0]!.count == found[$1]!.count && renderings.firstIndex(of: $0)! > renderings.firstIndex(of: $1)!) }!
            let counts = renderings.map { rendering in
                "'\(rendering.text)'" + (rendering.language == key.target ? "" : " (\(rendering.language))") + " ×\(found[rendering]!.count)"
            }.joined(separator: ", ")
            let sourceTerms = concept.preferredTerms(in: key.source).map(\.text)
            let sourceName = sourceTerms.first.map { " (\(key.source) '\($0)')" } ?? ""
            let expectedTerm = concept.terms.first { $0.text.lowercased() == expected.text && $0.language == expected.language }?.text ?? expected.text
            for rendering in renderings where rendering != expected {
                for (match, text) in found[rendering]! {
                    let summary = "concept '\(concept.id)'\(sourceName) is rendered in \(renderings.count) ways in the \(key.target) translations (\(counts))"
                    result.append(Occurrence(match: match, text: text, summary: summary, expected: expectedTerm))
                }
            }
        }
        return result
    }
}
