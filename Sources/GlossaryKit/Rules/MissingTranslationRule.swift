/// Reports a concept named in one version of a text and not at all in another.
package struct MissingTranslationRule: CrossLanguageRule {
    package init() {}

    package static let description = RuleDescription(
        id: "missing-translation",
        name: "Missing translation",
        summary:
            "A concept named in the source, or in at least half of the versions, has no term of any status in an aligned version in another language.",
        rationale: """
            Every version of a text should name the same concepts. When a segment names a concept \
            and its translation does not — with no term at all, approved or not — the concept was \
            dropped or paraphrased beyond recognition. The finding sits on the segment that lacks \
            it and lists the approved terms expected there. With a source language (declared by \
            the file — XLIFF, PO — or by --source or the configuration's source) every concept of \
            the source must be in each target; a target may name more. For undirected versions \
            (parallel files, language sections) every version is compared with the others, and a \
            concept named in at least half of the versions that can name it (those in a language \
            the glossary has a term of it in) must be in the rest: with two versions, one is half. \
            A concept named in fewer than half is as likely an addition there as an omission here; \
            divergent-term reports it, as info. Sets aligned with low confidence are not checked: \
            there a difference may be a wrong pairing.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            TranslationExample(
                [
                    [
                        (.english, "The ILO published a report on migrant workers."),
                        (.indonesian, "↓Laporan tentang pekerja migran sudah terbit."),
                    ]
                ], sourceLanguage: .english),
            // Two undirected versions: one of two is half.
            TranslationExample([
                [
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.english, "↓The organisation protects migrant workers."),
                ]
            ]),
            // Two of three undirected versions.
            TranslationExample([
                [
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.english, "The ILO protects migrant workers."),
                    (.sundanese, "↓ILO ngajaga para pagawé."),
                ]
            ]),
            // Exactly half of four undirected versions.
            TranslationExample([
                [
                    (.english, "The ILO protects migrant workers."),
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.sundanese, "↓Pekerja migran dijaga."),
                    (.malay, "↓Pekerja migran dilindungi."),
                ]
            ]),
            // Three of four undirected versions.
            TranslationExample([
                [
                    (.english, "The ILO protects migrant workers."),
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.sundanese, "↓Pekerja migran dijaga."),
                    (.malay, "ILO melindungi pekerja migran."),
                ]
            ]),
            // A source makes the versions directed: every concept of the source is in each target.
            TranslationExample(
                [
                    [
                        (.english, "The ILO protects migrant workers."),
                        (.indonesian, "ILO melindungi pekerja migran."),
                        (.sundanese, "↓Pekerja migran dijaga."),
                    ]
                ], sourceLanguage: .english),
            TranslationExample(
                [
                    [
                        (.english, "The ILO protects migrant workers."),
                        (.indonesian, "↓Pekerja migran dilindungi."),
                        (.sundanese, "↓Pekerja migran dijaga."),
                        (.malay, "↓Pekerja migran dilindungi."),
                    ]
                ], sourceLanguage: .english),
            // The glossary has no Malay term for labour trafficking: the Malay version is not
            // counted, which leaves one version of two.
            TranslationExample([
                [
                    (.english, "Labour trafficking is growing."),
                    (.indonesian, "↓Perdagangan manusia meningkat."),
                    (.malay, "Pemerdagangan buruh meningkat."),
                ]
            ]),
        ],
        nonTriggeringExamples: [
            TranslationExample(
                [
                    [
                        (.english, "The ILO published a report on migrant workers."),
                        (.indonesian, "Laporan ILO tentang pekerja migran sudah terbit."),
                    ]
                ], sourceLanguage: .english),
            // A deprecated term still renders the concept (deprecated-term reports it).
            TranslationExample(
                [[(.english, "Migrant workers travel."), (.indonesian, "Para TKI berangkat.")]], sourceLanguage: .english),
            // The target may name more than the source.
            TranslationExample(
                [[(.english, "Workers travel."), (.indonesian, "Pekerja migran berangkat.")]], sourceLanguage: .english),
            TranslationExample(
                [
                    [
                        (.english, "Workers travel."),
                        (.indonesian, "Pekerja migran berangkat."),
                        (.sundanese, "Pagawé indit."),
                    ]
                ], sourceLanguage: .english),
            TranslationExample(
                [
                    [
                        (.english, "The report is out."),
                        (.indonesian, "Laporan ILO sudah terbit."),
                        (.sundanese, "Laporan geus kaluar."),
                        (.malay, "Laporan sudah diterbitkan."),
                    ]
                ], sourceLanguage: .english),
            // Named in fewer than half of the undirected versions: divergent-term reports it.
            TranslationExample([
                [
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.english, "The ILO protects workers."),
                    (.sundanese, "ILO ngajaga para pagawé."),
                ]
            ]),
            TranslationExample([
                [
                    (.english, "The ILO protects migrant workers."),
                    (.indonesian, "Pekerja migran dilindungi."),
                    (.sundanese, "Pekerja migran dijaga."),
                    (.malay, "Pekerja migran dilindungi."),
                ]
            ]),
            // Nothing to expect in a language the glossary has no term in.
            TranslationExample([
                [
                    (.english, "Labour trafficking is growing."),
                    (.indonesian, "Perdagangan tenaga kerja meningkat."),
                    (.malay, "Pemerdagangan buruh meningkat."),
                ]
            ]),
            // A pairing the aligner is not sure of is not used.
            TranslationExample(
                [
                    [
                        (.english, "The ILO published a long report on migrant workers in the region."),
                        (.indonesian, "Ringkas."),
                    ]
                ], confidence: 0.05),
        ])

    package func check(_ corpus: AnalyzedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for set in corpus.sets where set.isReliable {
            for absence in corpus.absences(in: set) where absence.kind == .omission {
                let entry = corpus.glossary.concepts[absence.concept]
                let expected = entry.approvedTerms(in: absence.language).map(\.text)
                let languages = absence.namedIn.map(\.rawValue).joined(separator: ", ")
                let message =
                    "concept '\(entry.id)' is named in the \(languages) version but this \(absence.language) segment has no term for it; expected "
                    + quotedList(expected)
                findings.append(
                    corpus.finding(
                        atSegment: absence.members[0], rule: Self.description.id, severity: Self.description.defaultSeverity,
                        concept: entry.id, message: message, suggestions: expected, note: entry.note))
            }
        }
        return findings
    }
}
