// Read a glossary written in the YAML format, then see what each key became.
import GlossaryKit

let glossary = try YAMLGlossaryReader.read(
    """
    name: Labour migration
    required-languages: [id, en]
    concepts:
      - id: ilo
        subject: organisations
        terms:
          en:
            - International Labour Organization
            - term: ILO
              type: acronym
            - term: International Labor Organization
              status: deprecated
              note: The organisation's name is spelt with "Labour".
          id:
            - Organisasi Perburuhan Internasional
    """,
    path: "organisations.yml")

for concept in glossary.concepts {
    for term in concept.terms {
        print(
            "\(concept.id) [\(term.language)] \(term.text): \(term.status), \(term.type), case-sensitive: \(term.isCaseSensitive)"
        )
    }
}
