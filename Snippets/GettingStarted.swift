// Check a string against a small glossary and print what was found.
import GlossaryKit

// A glossary with one concept: its English terms, each with a status, and an Indonesian one.
let glossary = try YAMLGlossaryReader.read(
    """
    concepts:
      - id: ilo
        terms:
          en:
            - International Labour Organization
            - term: ILO
              type: acronym
            - term: International Labor Organization
              status: deprecated
          id:
            - Organisasi Perburuhan Internasional
    """,
    path: "glossary.yml")

// Compile the glossary once; the checker can then check any number of texts.
let checker = try GlossaryChecker(glossary: glossary)

let draft = """
    The International Labor Organization met in Geneva.
    Since 1946 the Ilo has been an agency of the United Nations.
    """
let findings = try checker.check(SourceText(path: "draft.md", string: draft))

for finding in findings {
    print("\(finding.location): \(finding.severity): \(finding.message) [\(finding.rule)]")
}
