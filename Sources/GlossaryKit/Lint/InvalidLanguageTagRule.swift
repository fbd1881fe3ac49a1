/// Reports language tags that are well-formed but name no language: `english`, `und`.
///
/// Readers reject tags that are not BCP 47 at all; this rule catches the ones that pass the
/// syntax (a 5–8 letter primary subtag is reserved and never assigned) or say "undetermined",
/// which a TBX `langSec` without `xml:lang` is read as.
package struct InvalidLanguageTagRule: LintRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-language-tag",
        name: "Invalid language tag",
        summary: "A language tag names no language (5–8 letter primary subtag, or und).",
        rationale: """
            Readers reject tags that are not BCP 47 at all; this rule catches the ones that pass the syntax but name no language: a 5–8 letter primary subtag (reserved, never assigned) or `und` (undetermined, which a TBX `langSec` without `xml:lang` is read as). Texts are never checked against terms in such a language.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            LintExample(
                """
                concepts:
                  - id: worker
                    terms:
                      english:
                        - ↓worker
                        - labourer
                      und:
                        - ↓pekerja
                """),
            LintExample(
                """
                ↓required-languages: [english]
                concepts:
                  - id: worker
                    terms:
                      en:
                        - worker
                """),
        ],
        nonTriggeringExamples: [
            LintExample(
                """
                required-languages: [en, id]
                concepts:
                  - id: worker
                    terms:
                      en:
                        - worker
                      id:
                        - pekerja
                      en-GB:
                        - worker
                """)
        ])

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for file in context.files {
            for tag in file.glossary.requiredLanguages where Self.problem(tag) != nil {
                findings.append(
                    LintFinding.make(
                        rule: id, severity: .error, at: SourceLocation(file: file.path, line: 1, column: 1),
                        text: tag.rawValue, message: "required language \(Self.problem(tag)!)"))
            }
            for concept in file.glossary.concepts {
                var reported: Set<LanguageTag> = []
                for term in concept.terms where !reported.contains(term.language) {
                    guard let problem = Self.problem(term.language) else { continue }
                    reported.insert(term.language)
                    findings.append(
                        LintFinding.make(
                            rule: id, severity: .error, at: LintFinding.location(term, in: concept, file: file.path),
                            text: term.text,
                            message: "'\(term.text)': \(problem)", language: term.language, concept: concept.id))
                }
            }
        }
        return findings
    }

    static func problem(_ tag: LanguageTag) -> String? {
        let primary = tag.language
        if primary.count >= 5 { return "'\(tag)' is not a language: use a 2- or 3-letter ISO 639 code such as id, en, su" }
        if primary == "und" { return "'\(tag)' is undetermined: give the language" }
        return nil
    }
}
