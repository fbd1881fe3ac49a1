/// Reports a concept with no term in a language its file's `required-languages` lists.
package struct MissingRequiredLanguageRule: LintRule {
    package init() {}

    package static let description = RuleDescription(
        id: "missing-required-language",
        name: "Missing required language",
        summary: "A concept has no term in a required language.",
        rationale: """
            The file's `required-languages` promises a term in each of those languages; a concept without one leaves translators without guidance and the cross-language rules without a term to expect.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            LintExample(
                """
                required-languages: [id, en]
                concepts:
                  - ↓id: employer
                    terms:
                      en:
                        - employer
                  - id: worker
                    terms:
                      en:
                        - worker
                      id:
                        - pekerja
                """)
        ],
        nonTriggeringExamples: [
            // A regional variant covers its language.
            LintExample(
                """
                required-languages: [en]
                concepts:
                  - id: employer
                    terms:
                      en-GB:
                        - employer
                """),
            // Without required languages, any set of languages is complete.
            LintExample(
                """
                concepts:
                  - id: employer
                    terms:
                      en:
                        - employer
                """),
        ])

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for file in context.files {
            for concept in file.glossary.concepts {
                let covered = concept.languages
                let missing = file.glossary.requiredLanguages.filter { required in !covered.contains { $0.isWithin(required) } }
                guard !missing.isEmpty else { continue }
                findings.append(
                    LintFinding.make(
                        rule: id, severity: .warning, at: LintFinding.location(concept, file: file.path), text: concept.id,
                        message:
                            "concept '\(concept.id)' has no term in \(missing.map(\.rawValue).joined(separator: ", ")) (required by this file)",
                        language: missing[0], concept: concept.id))
            }
        }
        return findings
    }
}
