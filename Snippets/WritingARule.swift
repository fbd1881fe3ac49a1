// A rule of your own: report each admitted term, naming the preferred one, so that a team can
// move a text to its preferred terms ahead of a style review.
import GlossaryKit

// snippet.rule
struct AdmittedTermRule: Rule {
    static let description = RuleDescription(
        id: "admitted-term",
        name: "Admitted term",
        summary: "A term the glossary admits, but does not prefer, is used.",
        rationale: "Admitted terms are correct; this house style still prefers the preferred term.",
        defaultSeverity: .info,
        triggeringExamples: [
            RuleExample("Recruiters promised them ↓labor trafficking would end.", language: .english)
        ],
        nonTriggeringExamples: [
            RuleExample("Recruiters promised them labour trafficking would end.", language: .english)
        ])

    func check(_ document: AnalyzedDocument) -> [Finding] {
        // Matches in their paragraph's language: a term of another language is left to the
        // cross-language rules.
        document.matchesInParagraphLanguage.compactMap { match in
            let term = document.glossary[term: match.term]
            guard term.status == .admitted else { return nil }
            let concept = document.glossary[concept: match.term]
            let preferred = concept.preferredTerms(in: term.language).map(\.text)
            let quoted = preferred.map { "'\($0)'" }.joined(separator: " or ")
            return document.finding(
                at: match, rule: Self.id, severity: Self.description.defaultSeverity,
                message: "'\(match.written)' is admitted; this text prefers \(quoted)",
                suggestions: preferred)
        }
    }
}
// snippet.end

// snippet.use
let glossary = try YAMLGlossaryReader.read(
    """
    concepts:
      - id: labour-trafficking
        terms:
          en:
            - labour trafficking
            - term: labor trafficking
              status: admitted
    """,
    path: "glossary.yml")
let checker = try GlossaryChecker(glossary: glossary, rules: Rules.all + [AdmittedTermRule()])
// snippet.end

// snippet.examples
// Try the rule on its own examples: `↓` marks each column where a finding must start.
for example in AdmittedTermRule.description.triggeringExamples + AdmittedTermRule.description.nonTriggeringExamples {
    var expected: [Int] = []
    var text = ""
    for character in example.text {
        if character == "↓" { expected.append(text.unicodeScalars.count + 1) } else { text.append(character) }
    }
    let findings = try checker.check(SourceText(path: "example", string: text), options: CheckOptions(language: example.language))
    let found = findings.filter { $0.rule == AdmittedTermRule.id }.map(\.location.column)
    print("\(example): \(found == expected ? "ok" : "expected columns \(expected), found \(found)")")
}
// snippet.end
