/// Reports a case-sensitive term (an acronym, a name marked `case-sensitive: true`) written in
/// another case.
package struct TermCaseRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "term-case",
        name: "Term case",
        summary: "A case-sensitive term is written in another case.",
        rationale: """
            Acronyms and names have one spelling: "Ilo" and "Tki" are mistakes. A case-sensitive \
            term written all in lower case is taken for another word and not reported ("us" is \
            not "US").
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("The ↓Ilo published a report.", language: .english),
            RuleExample("Laporan ↓Ilo-nya sudah terbit.", language: .indonesian),
            RuleExample("Laporan ↓Ilo geus medal.", language: .sundanese),
        ],
        nonTriggeringExamples: [
            RuleExample("The ILO published a report.", language: .english),
            RuleExample("THE ILO PUBLISHED A REPORT.", language: .english),
            RuleExample("Laporan ILO-nya sudah terbit.", language: .indonesian),
            RuleExample("The word ilo means nothing here.", language: .english),
            RuleExample("Laporan ILO-na geus medal.", language: .sundanese),
            RuleExample("Laporan ILOnya sudah terbit.", language: .indonesian),
            RuleExample("Ilo Santos, a fisher, spoke first.", language: .english),
        ])

    /// Each finding depends on one match alone: chunks are checked one by one.
    package func accumulator(path: String, glossary: Glossary) -> any RuleAccumulator {
        EachChunkAccumulator(rule: self)
    }

    package func check(_ document: AnalyzedDocument) -> [Finding] {
        document.matchesInParagraphLanguage.filter(\.caseMismatch).map { match in
            let term = document.glossary[term: match.term]
            let written = document.writtenText(of: match)
            let suffix = match.suffix.isEmpty ? "" : String(written.suffix(match.suffix.count))
            let fix = term.text + suffix
            return document.finding(
                at: match, rule: Self.description.id, severity: Self.description.defaultSeverity,
                message: "'\(written)' should be written '\(fix)' (concept '\(document.glossary[concept: match.term].id)')",
                suggestions: [fix], fix: fix, note: term.note)
        }
    }
}
