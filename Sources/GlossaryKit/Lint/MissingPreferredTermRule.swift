/// Reports a concept that has terms in a language but no preferred one there.
///
/// Without a preferred term, a finding on a deprecated term has nothing to suggest.
package struct MissingPreferredTermRule: LintRule {
    package init() {}

    package static let description = RuleDescription(
        id: "missing-preferred-term",
        name: "Missing preferred term",
        summary: "A concept has terms in a language but none of them is preferred.",
        rationale: """
            Without a preferred term, a finding on a deprecated term has nothing to suggest and `--fix` nothing to write. Mark one term of the language preferred.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            LintExample(
                """
                concepts:
                  - id: hand
                    terms:
                      en:
                        - ↓term: hand
                          status: admitted
                        - term: manual worker
                          status: deprecated
                      id:
                        - tenaga
                """)
        ],
        nonTriggeringExamples: [
            LintExample(
                """
                concepts:
                  - id: hand
                    terms:
                      en:
                        - manual worker
                        - term: hand
                          status: admitted
                """)
        ])

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (file, concept) in context.concepts {
            for language in concept.languages where concept.preferredTerms(in: language).isEmpty {
                let first = concept.terms(in: language)[0]
                findings.append(
                    LintFinding.make(
                        rule: id, severity: .warning, at: LintFinding.location(first, in: concept, file: file), text: first.text,
                        message:
                            "concept '\(concept.id)' has no preferred term in \(language) (its terms there: \(concept.terms(in: language).map { "'\($0.text)' \($0.status.rawValue)" }.joined(separator: ", ")))",
                        language: language, concept: concept.id))
            }
        }
        return findings
    }
}
