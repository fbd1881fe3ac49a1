/// Reports a gloss that names another concept than the term it glosses: *perdagangan manusia
/// (Labour Trafficking)*, where the glossary has *labour trafficking* for another concept than
/// *perdagangan manusia* (human trafficking).
///
/// A gloss is a term right after another, set off as the text sets off a gloss: in parentheses
/// that close right after it (`X (Y)`, `X (*Y*)`, `LookBehind.setsOffGloss(at:of:)`), or in
/// emphasis after a comma, the emphasis closing right after it (`X, *Y*,`). A gloss of the same
/// concept is what other rules already leave alone; one of another concept is either the wrong
/// gloss or the wrong term before it, and the reader cannot tell which concept is meant.
package struct GlossMismatchRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "gloss-mismatch",
        name: "Gloss mismatch",
        summary: "A term in parentheses or emphasis right after another term names a different concept.",
        rationale: """
            A gloss repeats the concept of the term before it in another language or form: \
            `pekerja migran (*migrant worker*)`, `International Labour Organization (ILO)`. When \
            the glossary puts the glossing term in another concept, the gloss contradicts the term \
            (`perdagangan manusia (*labour trafficking*)` glosses human trafficking with labour \
            trafficking): fix the gloss, or the term if the gloss is what is meant. Only a term \
            right after the other counts, in parentheses that close right after it or in emphasis \
            after a comma: a citation, a list in parentheses, or a parenthesis with other words \
            in it is not a gloss. Both terms must be in the glossary, as terms of different \
            concepts, whatever their relation (a broader concept too). The finding is on the gloss; \
            the `inconsistent-term` or `inconsistent-translation` finding that the gloss's other \
            concept causes on the same words is folded into it.
            """,
        defaultSeverity: .warning,
        // A gloss of the wrong concept also names that concept once more: said here already.
        supersedes: ["inconsistent-term", "inconsistent-translation"],
        triggeringExamples: [
            RuleExample("Banyak pekerja migran (*↓labour trafficking*) dari Kupang.", language: .indonesian),
            RuleExample("Perdagangan tenaga kerja, *↓migrant worker*, terus meningkat.", language: .indonesian),
            RuleExample("Every migrant worker (↓ILO) has rights.", language: .english),
            RuleExample("The International Labour Organization, *↓labour trafficking*, met.", language: .english),
            RuleExample("Loba pekerja migran (“↓labour trafficking”) nu mulang.", language: .sundanese),
            RuleExample("Padagangan tanaga gawé (*↓pekerja migran*) ngaronjat.", language: .sundanese),
        ],
        nonTriggeringExamples: [
            // A gloss of the same concept, in another language or as its acronym.
            RuleExample("Perdagangan tenaga kerja (*labour trafficking*) meningkat.", language: .indonesian),
            RuleExample("The International Labour Organization (ILO) met.", language: .english),
            RuleExample("Padagangan tanaga gawé, *labour trafficking*, ngaronjat.", language: .sundanese),
            // A citation, a list in parentheses, a parenthesis with other words.
            RuleExample("Labour trafficking (2019) grew.", language: .english),
            RuleExample("Pekerja migran (ILO, 2019) mulang.", language: .sundanese),
            RuleExample("Pekerja migran (lihat ILO) pulang.", language: .indonesian),
            RuleExample("Pekerja migran (labour trafficking dan ILO) pulang.", language: .indonesian),
            // Terms in a list, emphasised or not: no gloss.
            RuleExample("Key words: *migrant worker*, *labour trafficking*, *ILO*.", language: .english),
            RuleExample("Kata kunci: pekerja migran, labour trafficking, ILO.", language: .indonesian),
            // A term in parentheses after words that are not a term.
            RuleExample("Laporan tahunan (*labour trafficking*) terbit.", language: .indonesian),
            RuleExample("Loba nu mulang (ILO) taun ieu.", language: .sundanese),
        ])

    /// A gloss and the term before it are in one paragraph, so in one chunk: chunks are checked
    /// one by one.
    package func accumulator(path: String, glossary: Glossary) -> any RuleAccumulator {
        EachChunkAccumulator(rule: self)
    }

    package func check(_ document: AnalyzedDocument) -> [Finding] {
        let glossary = document.glossary
        var findings: [Finding] = []
        var previous: TermMatch?
        for match in document.matches {
            defer { if previous.map({ match.bytes.upperBound > $0.bytes.upperBound }) ?? true { previous = match } }
            guard let glossed = previous, Self.isGloss(match, of: glossed) else { continue }
            let glossConcepts = Self.concepts(of: match)
            let glossedConcepts = Self.concepts(of: glossed)
            // A reading of either in the other's concept: the same concept, glossed as usual.
            guard glossConcepts.isDisjoint(with: glossedConcepts) else { continue }
            let concept = glossary[concept: match.term]
            let glossedConcept = glossary[concept: glossed.term]
            let written = document.writtenText(of: match)
            let language = Self.glossLanguage(of: match, in: glossary)
            let expected = glossedConcept.approvedTerms(in: language).map(\.text)
            var message =
                "the gloss '\(written)' names concept '\(concept.id)', but the term it glosses, '\(document.writtenText(of: glossed))', names concept '\(glossedConcept.id)'"
            if !expected.isEmpty { message += "; the \(language) term for '\(glossedConcept.id)' is " + quotedList(expected) }
            findings.append(
                document.finding(
                    at: match, rule: Self.description.id, severity: Self.description.defaultSeverity, message: message,
                    suggestions: expected))
        }
        return findings
    }

    /// Whether `match` is set off as a gloss of `glossed`, the term right before it: in
    /// parentheses that close right after it, or in emphasis after a comma that closes right
    /// after it, with nothing but separators between them.
    static func isGloss(_ match: TermMatch, of glossed: TermMatch) -> Bool {
        let end = glossed.bytes.upperBound
        if match.lookBehind.setsOffGloss(at: match.bytes.lowerBound, of: end) { return match.lookAhead.closesParenthesis }
        // The term before must not be emphasised itself: `*A*, *B*` is a list of emphasised terms.
        return match.lookBehind.setsOffEmphasisedGloss(at: match.bytes.lowerBound, of: end) && match.lookAhead.closesEmphasis
            && !glossed.lookAhead.closesEmphasis
    }

    /// The concepts `match` may name: its term's and its alternatives'.
    static func concepts(of match: TermMatch) -> Set<Int> {
        Set(([match.term] + match.alternatives).map(\.concept))
    }

    /// The language the gloss is written in: that of the best reading of its words in its own
    /// concept (a preferred term before an admitted one), preferring another language than the
    /// paragraph's (a gloss is usually a foreign term).
    static func glossLanguage(of match: TermMatch, in glossary: Glossary) -> LanguageTag {
        let readings = ([match.term] + match.alternatives).filter { $0.concept == match.term.concept }.map { glossary[term: $0] }
        let best = readings.min { lhs, rhs in
            let lhsForeign = match.paragraphLanguage.map { !lhs.language.overlaps($0) } ?? false
            let rhsForeign = match.paragraphLanguage.map { !rhs.language.overlaps($0) } ?? false
            return (lhs.status, lhsForeign ? 0 : 1) < (rhs.status, rhsForeign ? 0 : 1)
        }
        return best?.language ?? glossary[term: match.term].language
    }
}
