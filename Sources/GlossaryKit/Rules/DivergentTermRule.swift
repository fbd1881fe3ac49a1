/// Reports a concept that fewer than half of the undirected versions of a text name, on each
/// version that does not: a divergence nobody can tell the direction of, shown so that a
/// reviewer sees every difference between the versions.
package struct DivergentTermRule: CrossLanguageRule {
    package init() {}

    package static let description = RuleDescription(
        id: "divergent-term",
        name: "Divergent term",
        summary: "A concept is named in fewer than half of the versions of a text: left out of the others, or added to these.",
        rationale: """
            Versions with no declared source (parallel files, language sections) are compared \\
            with each other. When most of them name a concept and one does not, missing-translation \\
            reports the omission. When fewer than half name it — one version of three, one or two \\
            of five — it is as likely an addition there as an omission everywhere else, so it is \\
            reported as info, on every version that does not name it, saying which versions do. \\
            Only versions in a language the glossary has a term of the concept in are counted. A \\
            declared source language (the file's, --source, or the configuration's source) makes \\
            the versions directed: then what the source names is required in each target, what \\
            it does not name is not, and this rule does not apply. Sets aligned with low \\
            confidence are not compared. Switch the rule off (divergent-term: off) to see only the \\
            omissions.
            """,
        defaultSeverity: .info,
        triggeringExamples: [
            // One version of three.
            TranslationExample([
                [
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.english, "↓The organisation protects migrant workers."),
                    (.sundanese, "↓Pekerja migran dijaga."),
                ]
            ]),
            // One version of four.
            TranslationExample([
                [
                    (.english, "The ILO protects migrant workers."),
                    (.indonesian, "↓Pekerja migran dilindungi."),
                    (.sundanese, "↓Pekerja migran dijaga."),
                    (.malay, "↓Pekerja migran dilindungi."),
                ]
            ]),
            // Only the Sundanese version names migrant workers; it lacks the ILO that the two
            // others name, which missing-translation reports.
            TranslationExample([
                [
                    (.indonesian, "↓ILO melindungi para pekerja."),
                    (.english, "↓The ILO protects workers."),
                    (.sundanese, "Pekerja migran dijaga."),
                ]
            ]),
        ],
        nonTriggeringExamples: [
            // One version of two is half: missing-translation reports it.
            TranslationExample([
                [
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.english, "The organisation protects migrant workers."),
                ]
            ]),
            // Two versions of three, and two of four: missing-translation reports them.
            TranslationExample([
                [
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.english, "The ILO protects migrant workers."),
                    (.sundanese, "Pekerja migran dijaga."),
                ]
            ]),
            TranslationExample([
                [
                    (.english, "The ILO protects migrant workers."),
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.sundanese, "Pekerja migran dijaga."),
                    (.malay, "Pekerja migran dilindungi."),
                ]
            ]),
            // Directed versions: what only a target names is an addition the target may make,
            // and what the source names is required (missing-translation).
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
                        (.english, "The ILO protects migrant workers."),
                        (.indonesian, "Pekerja migran dilindungi."),
                        (.sundanese, "Pekerja migran dijaga."),
                        (.malay, "Pekerja migran dilindungi."),
                    ]
                ], sourceLanguage: .english),
            // The glossary has no Malay term for labour trafficking: the Malay version neither
            // counts nor is reported, and one version of two is half.
            TranslationExample([
                [
                    (.english, "Labour trafficking is growing."),
                    (.indonesian, "Perdagangan manusia meningkat."),
                    (.malay, "Pemerdagangan buruh meningkat."),
                ]
            ]),
            // A pairing the aligner is not sure of is not compared.
            TranslationExample(
                [
                    [
                        (.indonesian, "ILO menerbitkan laporan panjang tentang pekerja migran di wilayah itu."),
                        (.english, "The organisation spoke of migrant workers."),
                        (.sundanese, "Pekerja migran."),
                    ]
                ], confidence: 0.05),
        ])

    package func check(_ corpus: AnalyzedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for set in corpus.sets where set.isReliable {
            for absence in corpus.absences(in: set) where absence.kind == .divergence {
                let entry = corpus.glossary.concepts[absence.concept]
                let expected = entry.approvedTerms(in: absence.language).map(\.text)
                let versions = absence.namedIn.map(\.rawValue).joined(separator: ", ")
                let noun = absence.namedIn.count == 1 ? "version" : "versions"
                let message =
                    "concept '\(entry.id)' is named only in the \(versions) \(noun) (\(absence.namedIn.count) of \(absence.versionCount) versions), not in this \(absence.language) segment: "
                    + "left out here, or added there; if left out, expected " + quotedList(expected)
                findings.append(
                    corpus.finding(
                        atSegment: absence.members[0], rule: Self.description.id, severity: Self.description.defaultSeverity,
                        concept: entry.id, message: message, suggestions: expected, note: entry.note))
            }
        }
        return findings
    }
}
