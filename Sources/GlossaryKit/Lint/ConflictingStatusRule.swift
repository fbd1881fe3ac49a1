/// Reports a term listed twice in one concept and language after normalisation, and in
/// particular a deprecated or forbidden term that equals a preferred or admitted one.
///
/// `Labour migrant` (preferred) and `labour migrant` (deprecated) normalise to the same words, so
/// a check cannot tell whether a text used the right or the wrong one.
package struct ConflictingStatusRule: LintRule {
    package init() {}

    package static let description = RuleDescription(
        id: "conflicting-term-status",
        name: "Conflicting term status",
        summary: "A term appears twice in one concept and language after normalisation.",
        rationale: """
            Two terms that normalise to the same words (`Labour migrant` preferred, `labour migrant` deprecated) cannot be told apart by a check, which then cannot say whether a text used the right or the wrong one. Keep one of them. A deprecated or forbidden term equal to a preferred or admitted one is an error.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            LintExample(
                """
                concepts:
                  - id: worker
                    terms:
                      en:
                        - worker
                        - ↓term: Worker
                          status: deprecated
                        - ↓WORKER
                """)
        ],
        nonTriggeringExamples: [
            // The same words in two languages, and two case-sensitive spellings.
            LintExample(
                """
                concepts:
                  - id: ilo
                    terms:
                      en:
                        - term: ILO
                          case-sensitive: true
                        - term: Ilo
                          case-sensitive: true
                          status: deprecated
                      id:
                        - term: ILO
                          case-sensitive: true
                """)
        ])

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (file, concept) in context.concepts {
            var seen: [String: Term] = [:]
            for term in concept.terms {
                let key = term.language.rawValue + "\u{0}" + context.normalized(term)
                guard let earlier = seen[key] else { seen[key] = term; continue }
                if earlier.isCaseSensitive, term.isCaseSensitive, earlier.text != term.text { continue }
                let conflict = earlier.status.isAcceptable != term.status.isAcceptable
                findings.append(
                    LintFinding.make(
                        rule: id, severity: conflict ? .error : .warning,
                        at: LintFinding.location(term, in: concept, file: file), text: term.text,
                        message: conflict
                            ? "'\(term.text)' (\(term.status.rawValue)) is the same term as '\(earlier.text)' (\(earlier.status.rawValue)) after normalisation; a text cannot use one without the other"
                            : "'\(term.text)' repeats '\(earlier.text)' in concept '\(concept.id)' (\(term.language))",
                        language: term.language, concept: concept.id))
            }
        }
        return findings
    }
}
