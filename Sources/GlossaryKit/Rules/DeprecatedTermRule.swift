/// Reports a deprecated term (a warning) or a forbidden one (an error) and names the preferred
/// term of the same language.
///
/// A deprecated term is wrong wherever it is, so on a paragraph whose language is uncertain (a
/// heading, a one-line reply) the rule judges the terms of every language
/// (`AnalyzedDocument.matchesInPossibleLanguage`): *guest workers* in a short English paragraph
/// after Indonesian ones is reported. Except a term of another language than the paragraph's
/// likely one that the glossary also lists in good standing for a third language, which the
/// paragraph may well be in: Sundanese deprecates *perdagangan tenaga kerja*, the Indonesian
/// preferred term, so in a short paragraph taken for English it is not reported (in one taken
/// for Sundanese it is: the Indonesian term left untranslated).
package struct DeprecatedTermRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "deprecated-term",
        name: "Deprecated term",
        summary: "A term the glossary deprecates or forbids is used.",
        rationale: """
            The glossary marks a term deprecated when a better one exists (an outdated legal name, \
            a misspelt proper name) and forbidden when it must never appear. Replace it with the \
            preferred term the message names; `--fix` does so when there is exactly one. A \
            deprecated term that also makes its concept inconsistent, or is also written in the \
            wrong case, is one problem: the `inconsistent-term` or `term-case` finding on the same \
            words is folded into this one as a note.
            """,
        defaultSeverity: .warning,
        // Replacing the term settles what those findings on the same words would say.
        supersedes: ["inconsistent-term", "term-case"],
        triggeringExamples: [
            RuleExample("The ↓International Labor Organization met in Geneva.", language: .english),
            RuleExample("Banyak ↓TKI berangkat dari Kupang.", language: .indonesian),
            RuleExample("Data ↓TKI-nya belum lengkap.", language: .indonesian),
            RuleExample("Data ↓TKInya belum lengkap.", language: .indonesian),
            RuleExample("Para ↓TKI-TKI pulang.", language: .indonesian),
            RuleExample("Loba ↓TKI-na nu mulang.", language: .sundanese),
            RuleExample("They spoke of a ↓slave trade in workers.", language: .english),
        ],
        nonTriggeringExamples: [
            RuleExample("The International Labour Organization met in Geneva.", language: .english),
            RuleExample("Banyak pekerja migran berangkat dari Kupang.", language: .indonesian),
            RuleExample("Loba pekerja migran nu mulang.", language: .sundanese),
            RuleExample("The tki file format is unrelated.", language: .english),
            RuleExample("Grup wa desa ramai membahas tkinya.", language: .indonesian),
        ])

    /// Each finding depends on one match alone: chunks are checked one by one.
    package func accumulator(path: String, glossary: Glossary) -> any RuleAccumulator {
        EachChunkAccumulator(rule: self)
    }

    package func check(_ document: AnalyzedDocument) -> [Finding] {
        var findings: [Finding] = []
        let concepts = document.glossary.concepts
        for match in document.matchesInPossibleLanguage {
            // The status alone first: most matches are of terms in good standing. The matcher
            // gives it with the match; the model is read only for a match made otherwise.
            let status = match.termStatus ?? concepts[match.term.concept].terms[match.term.term].status
            guard status == .deprecated || status == .forbidden else { continue }
            let term = document.glossary[term: match.term]
            if match.paragraphLanguageIsUncertain, !Self.isOfLikelyLanguage(match, term: term),
                Self.isInGoodStandingElsewhere(match, term: term, glossary: document.glossary)
            {
                continue
            }
            let concept = document.glossary[concept: match.term]
            // A full form is replaced by a full form, an acronym by an acronym: "International
            // Labor Organization" becomes "International Labour Organization", not "ILO".
            let allPreferred = concept.preferredTerms(in: term.language)
            let sameShape = allPreferred.filter { $0.type.isAbbreviated == term.type.isAbbreviated }
            let preferred = (sameShape + allPreferred.filter { $0.type.isAbbreviated != term.type.isAbbreviated }).map(\.text)
            let written = document.writtenText(of: match)
            var message = "'\(written)' is \(term.status.rawValue) for concept '\(concept.id)'"
            if preferred.isEmpty {
                message += "; the glossary has no preferred \(term.language) term for it"
            } else {
                message += "; use " + preferred.map { "'\($0)'" }.joined(separator: " or ")
            }
            // The one replacement: the only preferred term of the same shape, else the only one.
            let target =
                sameShape.count == 1 ? sameShape.first : (sameShape.isEmpty && allPreferred.count == 1 ? allPreferred.first : nil)
            let fix = target.flatMap {
                match.replacement(
                    written: written, term: term.text, preferred: $0.text,
                    atSentenceStart: match.lookBehind.startsSentence)
            }
            findings.append(
                document.finding(
                    at: match, rule: Self.description.id,
                    severity: term.status == .forbidden ? .error : .warning,
                    message: message, suggestions: preferred, fix: fix, note: term.note))
        }
        return findings
    }

    /// Whether `term`, found at `match`, is of the paragraph's likely language.
    static func isOfLikelyLanguage(_ match: TermMatch, term: Term) -> Bool {
        match.paragraphLanguage.map(term.language.overlaps) ?? true
    }

    /// Whether `term`, found at `match`, is also listed in good standing (preferred or
    /// admitted) for another language: the same words (`TermMatch.alternatives` with the same
    /// text, not merely a spelling variant of it).
    static func isInGoodStandingElsewhere(_ match: TermMatch, term: Term, glossary: Glossary) -> Bool {
        let text = term.text.lowercased()
        return match.alternatives.contains { reference in
            let other = glossary[term: reference]
            return !other.language.overlaps(term.language) && other.status.isAcceptable && other.text.lowercased() == text
        }
    }
}
