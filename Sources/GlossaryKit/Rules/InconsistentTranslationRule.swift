/// Reports a source concept rendered with different target terms across a file or set of files
/// (Xbench's target inconsistency, per concept rather than per segment).
package struct InconsistentTranslationRule: CrossLanguageRule {
    package init() {}

    package static let description = RuleDescription(
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
            TranslationExample(
                [
                    [(.english, "A migrant worker travels."), (.indonesian, "Seorang pekerja migran berangkat.")],
                    [(.english, "Every migrant worker has rights."), (.indonesian, "Setiap ↓tenaga kerja Indonesia punya hak.")],
                ], sourceLanguage: .english),
            TranslationExample(
                [
                    [(.english, "Labour trafficking grows."), (.sundanese, "Padagangan tanaga gawé ngaronjat.")],
                    [(.english, "Labour trafficking hurts."), (.sundanese, "↓Trafficking tenaga kerja nganyerikeun.")],
                ], sourceLanguage: .english),
        ],
        nonTriggeringExamples: [
            TranslationExample(
                [
                    [(.english, "A migrant worker travels."), (.indonesian, "Seorang pekerja migran berangkat.")],
                    [(.english, "Migrant workers have rights."), (.indonesian, "Pekerja-pekerja migran punya hak.")],
                ], sourceLanguage: .english),
            TranslationExample(
                [
                    [
                        (.english, "The International Labour Organization acts."),
                        (.indonesian, "Organisasi Perburuhan Internasional bertindak."),
                    ],
                    [(.english, "The ILO acts."), (.indonesian, "ILO bertindak.")],
                ], sourceLanguage: .english),
            // The untranslated "migrant worker" is a second rendering, but untranslated-term
            // reports it (with this rule's finding folded in as a note).
            TranslationExample(
                [
                    [(.english, "A migrant worker travels."), (.indonesian, "Seorang pekerja migran berangkat.")],
                    [(.english, "Every migrant worker has rights."), (.indonesian, "Setiap migrant worker punya hak.")],
                ], sourceLanguage: .english),
        ])

    package func check(_ corpus: AnalyzedCorpus) -> [Finding] {
        corpus.unexpectedRenderings().map { occurrence in
            corpus.finding(
                at: occurrence.match, inText: occurrence.text, rule: Self.description.id,
                severity: Self.description.defaultSeverity,
                message: occurrence.summary + "; use '\(occurrence.expected)'", suggestions: [occurrence.expected])
        }
    }
}
