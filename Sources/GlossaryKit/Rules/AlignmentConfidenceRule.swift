/// Reports segments paired with low confidence, so that no alignment is wrong in silence.
package struct AlignmentConfidenceRule: CrossLanguageRule {
    package init() {}

    package static let description = RuleDescription(
        id: "alignment-confidence",
        name: "Low-confidence alignment",
        summary: "Segments were paired as versions of each other, but their lengths make the pairing doubtful.",
        rationale: """
            Parallel files and language sections are aligned by position and length, not by \
            meaning. When the lengths of paired segments disagree too much (or a segment has no \
            partner), the pairing may be wrong, and the missing-translation and term-count rules \
            skip the set rather than report differences that a wrong pairing would cause. This \
            note says where that happened; fix the paragraph structure or check those segments \
            by hand.
            """,
        defaultSeverity: .info,
        triggeringExamples: [
            TranslationExample(
                [
                    [
                        (.english, "The ILO published a long report on migrant workers in the region."),
                        (.indonesian, "↓Ringkas."),
                    ]
                ], confidence: 0.05)
        ],
        nonTriggeringExamples: [
            TranslationExample(
                [
                    [
                        (.english, "The ILO published a report."),
                        (.indonesian, "ILO menerbitkan laporan."),
                    ]
                ], confidence: 0.8)
        ])

    package func check(_ corpus: AnalyzedCorpus) -> [Finding] {
        var findings: [Finding] = []
        for set in corpus.sets where !set.isReliable {
            guard let lead = set.members.first else { continue }
            let shown = (set.confidence * 100).rounded() / 100
            let others = set.members.filter { corpus[$0].language != corpus[lead].language }
            let partners = set.members.map { corpus.describe($0) }.joined(separator: ", ")
            let message =
                "\(set.id): segments paired with low confidence \(shown) (\(set.method)): \(partners); missing terms are not reported here"
            findings.append(
                corpus.finding(
                    atSegment: others.first ?? lead, rule: Self.description.id, severity: Self.description.defaultSeverity,
                    concept: nil, message: message))
        }
        return findings
    }
}
