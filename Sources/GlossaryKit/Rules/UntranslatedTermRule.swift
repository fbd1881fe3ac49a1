/// Reports a term of another version's language left untranslated where the glossary gives a
/// different term: "file" in an Indonesian target whose glossary says "berkas".
package struct UntranslatedTermRule: CrossLanguageRule {
    package init() {}

    package static let description = RuleDescription(
        id: "untranslated-term",
        name: "Untranslated term",
        summary:
            "A term of the source language is left as it is in a translation where the glossary gives a term of the target language.",
        rationale: """
            A translation that keeps the source term ("Nama file terlalu panjang") where the \
            glossary has a term in the target language ("berkas") reads as unfinished. A loanword \
            the glossary admits in the target language (the same text listed as a preferred or \
            admitted term there) is fine and never reported. A source term written in parentheses \
            or emphasis (`pekerja migran (*migrant worker*)`) is a deliberate gloss and not \
            reported either. When the untranslated term also makes the concept's translations \
            inconsistent, that `inconsistent-translation` finding on the same words is folded into \
            this one as a note.
            """,
        defaultSeverity: .warning,
        // Its finding already says what an inconsistent-translation finding on the same words would.
        supersedes: ["inconsistent-translation"],
        triggeringExamples: [
            TranslationExample(
                [
                    [
                        (.english, "Every migrant worker has rights."),
                        (.indonesian, "Setiap ↓migrant worker mempunyai hak."),
                    ]
                ], sourceLanguage: .english),
            TranslationExample([
                [
                    (.indonesian, "Perdagangan tenaga kerja meningkat."),
                    (.sundanese, "↓Labour trafficking ngaronjat."),
                    (.english, "Labour trafficking is growing."),
                ]
            ]),
            // Also a second rendering of the concept: reported here, with inconsistent-translation folded in.
            TranslationExample(
                [
                    [(.english, "A migrant worker travels."), (.indonesian, "Seorang pekerja migran berangkat.")],
                    [(.english, "Every migrant worker has rights."), (.indonesian, "Setiap ↓migrant worker punya hak.")],
                ], sourceLanguage: .english),
        ],
        nonTriggeringExamples: [
            TranslationExample(
                [
                    [
                        (.english, "Every migrant worker has rights."),
                        (.indonesian, "Setiap pekerja migran mempunyai hak."),
                    ]
                ], sourceLanguage: .english),
            // The acronym is a term of every language.
            TranslationExample([[(.english, "The ILO acts."), (.indonesian, "ILO bertindak.")]], sourceLanguage: .english),
            // A gloss in parentheses or emphasis.
            TranslationExample(
                [
                    [
                        (.english, "Every migrant worker has rights."),
                        (.indonesian, "Setiap pekerja migran (*migrant worker*) mempunyai hak."),
                    ]
                ], sourceLanguage: .english),
            // An English term in an English source is not left untranslated.
            TranslationExample(
                [
                    [
                        (.english, "Labour trafficking is growing."),
                        (.indonesian, "Perdagangan tenaga kerja meningkat."),
                    ]
                ], sourceLanguage: .english),
        ])

    package func check(_ corpus: AnalyzedCorpus) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<SegmentReference>()
        for set in corpus.sets {
            let byLanguage = corpus.membersByLanguage(of: set)
            guard byLanguage.count >= 2 else { continue }
            for group in byLanguage where group.language != corpus.sourceLanguage || corpus.sourceLanguage == nil {
                // The languages a term may have been left in: the source, or the other versions'.
                let sources = corpus.sourceLanguage.map { [$0] } ?? byLanguage.map(\.language).filter { $0 != group.language }
                for member in group.members where reported.insert(member).inserted {
                    findings += check(member, language: group.language, sources: sources, in: corpus)
                }
            }
        }
        return findings
    }

    private func check(_ member: SegmentReference, language: LanguageTag, sources: [LanguageTag], in corpus: AnalyzedCorpus)
        -> [Finding]
    {
        let glossary = corpus.glossary
        let document = corpus.texts[member.text].document
        var findings: [Finding] = []
        for match in corpus.matches(in: member) {
            let term = glossary[term: match.term]
            guard !term.language.isWithin(language), sources.contains(where: { term.language.isWithin($0) }) else { continue }
            // The same text as an acceptable term of the target language: an admitted loanword.
            let references = [match.term] + match.alternatives
            if references.contains(where: {
                glossary[term: $0].language.isWithin(language) && glossary[term: $0].status.isAcceptable
            }) {
                continue
            }
            let concept = glossary[concept: match.term]
            let expected = concept.approvedTerms(in: language).map(\.text)
            // A term just after `(`, `*`, `_` or `[` is a deliberate gloss or quotation.
            guard !expected.isEmpty, !match.lookBehind.followsOpener else { continue }
            let written = document.writtenText(of: match)
            let message =
                "'\(written)' is the \(term.language) term for concept '\(concept.id)', left untranslated in this \(language) text; use "
                + quotedList(expected)
            let preferred = concept.preferredTerms(in: language).map(\.text)
            // As deprecated-term replaces: an acronym as the glossary writes it (TKI) by the preferred
            // term as written, not in its capitals; other words keep the writer's case.
            let fix =
                preferred.count == 1 && match.suffix.isEmpty
                ? match.replacement(
                    written: written, term: term.text, preferred: preferred[0], atSentenceStart: match.lookBehind.startsSentence)
                : nil
            findings.append(
                corpus.finding(
                    at: match, inText: member.text, rule: Self.description.id, severity: Self.description.defaultSeverity,
                    message: message, suggestions: expected, fix: fix, note: concept.note))
        }
        return findings
    }
}
