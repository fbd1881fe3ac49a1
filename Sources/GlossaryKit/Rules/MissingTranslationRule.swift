/// Reports a concept named in one version of a text and not at all in another.
package struct MissingTranslationRule: CrossLanguageRule {
    package init() {}

    package static let description = RuleDescription(
        id: "missing-translation",
        name: "Missing translation",
        summary: "A concept named in one language version has no term of any status in an aligned version in another language.",
        rationale: """
            Every version of a text should name the same concepts. When a segment names a concept \
            and its translation does not — with no term at all, approved or not — the concept was \
            dropped or paraphrased beyond recognition. The finding sits on the segment that lacks \
            it and lists the approved terms expected there. With a declared source language \
            (XLIFF, PO) only the targets are checked against the source; for undirected versions \
            (parallel files, language sections) every version is checked against the others, and \
            with three or more versions a concept must be named in at least two of the others: \
            a concept named in one free version only is as likely an addition there. Sets \
            aligned with low confidence are not checked: there a difference may be a wrong pairing.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            TranslationExample([[(.english, "The ILO published a report on migrant workers."),
                                 (.indonesian, "↓Laporan tentang pekerja migran sudah terbit.")]], sourceLanguage: .english),
            TranslationExample([[(.indonesian, "ILO melindungi pekerja migran."),
                                 (.english, "The ILO protects migrant workers."),
                                 (.sundanese, "↓ILO ngajaga para pagawé.")]]),
        ],
        nonTriggeringExamples: [
            TranslationExample([[(.english, "The ILO published a report on migrant workers."),
                                 (.indonesian, "Laporan ILO tentang pekerja migran sudah terbit.")]], sourceLanguage: .english),
            // A deprecated term still renders the concept (deprecated-term reports it).
            TranslationExample([[(.english, "Migrant workers travel."), (.indonesian, "Para TKI berangkat.")]], sourceLanguage: .english),
            // The target may name more than the source.
            TranslationExample([[(.english, "Workers travel."), (.indonesian, "Pekerja migran berangkat.")]], sourceLanguage: .english),
            // Named in one of three undirected versions only: an addition as likely as an omission.
            TranslationExample([[(.indonesian, "ILO melindungi pekerja migran."),
                                 (.english, "The ILO protects workers."),
                                 (.sundanese, "ILO ngajaga para pagawé.")]]),
            // A pairing the aligner is not sure of is not used.
            TranslationExample([[(.english, "The ILO published a long report on migrant workers in the region."),
                                 (.indonesian, "Ringkas.")]], confidence: 0.05),
        ])

    package func check(_ corpus: AnalyzedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for set in corpus.sets where set.isReliable {
            let byLanguage = corpus.membersByLanguage(of: set)
            guard byLanguage.count >= 2 else { continue }
            let counts = byLanguage.map { corpus.conceptCounts($0.members) }
            let directed = corpus.sourceLanguage.flatMap { source in byLanguage.firstIndex { $0.language == source } }
            for (index, group) in byLanguage.enumerated() where index != directed {
                // The versions this one is compared with: the source, or all others.
                let others = directed.map { [$0] } ?? byLanguage.indices.filter { $0 != index }
                var missing: [Int: [LanguageTag]] = [:]
                for other in others {
                    for concept in counts[other].keys where counts[index][concept] == nil {
                        missing[concept, default: []].append(byLanguage[other].language)
                    }
                }
                let needed = directed == nil && others.count >= 2 ? 2 : 1
                for concept in missing.keys.sorted() where missing[concept]!.count >= needed {
                    let entry = corpus.glossary.concepts[concept]
                    let expected = entry.approvedTerms(in: group.language).map(\.text)
                    guard !expected.isEmpty else { continue }
                    let languages = missing[concept]!.map(\.rawValue).joined(separator: ", ")
                    let message = "concept '\(entry.id)' is named in the \(languages) version but this \(group.language) segment has no term for it; expected " + quotedList(expected)
                    findings.append(corpus.finding(
                        atSegment: group.members[0], rule: Self.description.id, severity: Self.description.defaultSeverity,
                        concept: entry.id, message: message, suggestions: expected, note: entry.note))
                }
            }
        }
        return findings
    }
}
