/// Reports a concept id used by more than one concept, in one file or across files.
///
/// Ids are how checks, lookups and conversions refer to a concept; two concepts with one id make
/// every reference ambiguous.
package struct DuplicateConceptIDRule: LintRule {
    package init() {}

    package static let description = RuleDescription(
        id: "duplicate-concept-id",
        name: "Duplicate concept id",
        summary: "A concept id is used by more than one concept.",
        rationale: """
            Ids are how checks, lookups, conversions, configurations and baselines refer to a concept; two concepts with one id make every reference ambiguous. Rename one of them.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            // The YAML reader refuses an id repeated in one file; across files the linter reports
            // it where the id is defined again.
            LintExample(
                """
                concepts:
                  - id: worker
                    terms:
                      en:
                        - worker
                """,
                """
                concepts:
                  - ↓id: worker
                    terms:
                      id:
                        - pekerja
                  - id: labourer
                    terms:
                      en:
                        - labourer
                """,
                """
                concepts:
                  - ↓id: worker
                    terms:
                      su:
                        - pagawé
                """)
        ],
        nonTriggeringExamples: [
            LintExample(
                """
                concepts:
                  - id: worker
                    terms:
                      en:
                        - worker
                """,
                """
                concepts:
                  - id: labourer
                    terms:
                      en:
                        - labourer
                """)
        ])

    package func check(_ context: LintContext) -> [Finding] {
        var first: [String: SourceLocation] = [:]
        var findings: [Finding] = []
        for (file, concept) in context.concepts {
            let location = LintFinding.location(concept, file: file)
            if let earlier = first[concept.id] {
                findings.append(
                    LintFinding.make(
                        rule: id, severity: .error, at: location, text: concept.id,
                        message: "duplicate concept id '\(concept.id)'; first defined at \(earlier)", concept: concept.id))
            } else {
                first[concept.id] = location
            }
        }
        return findings
    }
}
