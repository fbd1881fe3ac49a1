/// Reports the same normalised term in two concepts of one language.
///
/// The matcher finds the words but cannot decide which concept the text means, so a finding would
/// suggest the wrong replacement half of the time.
package struct AmbiguousTermRule: LintRule {
    package init() {}

    package static let description = RuleDescription(
        id: "ambiguous-term",
        name: "Ambiguous term",
        summary: "The same normalised term names two concepts in one language.",
        rationale: """
            The matcher finds the words but cannot decide which concept the text means, so a finding would suggest the wrong replacement half of the time. Keep the term in one concept, or make the terms differ (case-sensitive acronyms may differ in case).
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
                  - id: labourer
                    terms:
                      en:
                        - labourer
                        - ↓Worker
                """)
        ],
        nonTriggeringExamples: [
            // One text in two languages, and acronyms that differ in case only.
            LintExample(
                """
                concepts:
                  - id: worker
                    terms:
                      en:
                        - worker
                      id:
                        - pekerja
                  - id: labourer
                    terms:
                      id:
                        - worker
                  - id: us
                    terms:
                      en:
                        - term: US
                          case-sensitive: true
                  - id: us-pronoun
                    terms:
                      en:
                        - term: Us
                          case-sensitive: true
                """)
        ])

    package func check(_ context: LintContext) -> [Finding] {
        var owners: [String: (concept: String, term: Term, location: SourceLocation)] = [:]
        var findings: [Finding] = []
        for (file, concept) in context.concepts {
            var own: Set<String> = []
            for term in concept.terms {
                let normalized = context.normalized(term)
                if normalized.isEmpty { continue }
                let key = term.language.rawValue + "\u{0}" + normalized
                guard own.insert(key).inserted else { continue }
                let location = LintFinding.location(term, in: concept, file: file)
                if let owner = owners[key], owner.concept != concept.id {
                    if owner.term.isCaseSensitive, term.isCaseSensitive, owner.term.text != term.text { continue }
                    findings.append(
                        LintFinding.make(
                            rule: id, severity: .warning, at: location, text: term.text,
                            message:
                                "'\(term.text)' (\(term.language)) also names concept '\(owner.concept)' at \(owner.location); the matcher cannot tell them apart",
                            language: term.language, concept: concept.id))
                } else if owners[key] == nil {
                    owners[key] = (concept.id, term, location)
                }
            }
        }
        return findings
    }
}
