/// The small glossary the rules' examples are checked against (see each rule's description).
package enum RuleExamples {
    /// YAML source of the example glossary.
    package static let yaml = """
    concepts:
      - id: labour-trafficking
        terms:
          en:
            - labour trafficking
            - term: labor trafficking
              status: admitted
            - term: slave trade in workers
              status: forbidden
          id:
            - perdagangan tenaga kerja
          su:
            - padagangan tanaga gawé
            - term: trafficking tenaga kerja
              status: admitted
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
            - term: ILO
              type: acronym
          su:
            - Organisasi Buruh Internasional
            - term: ILO
              type: acronym
      - id: migrant-worker
        terms:
          en:
            - migrant worker
          id:
            - pekerja migran
            - term: buruh migran
              status: admitted
            - term: TKI
              type: acronym
              status: deprecated
            - term: tenaga kerja Indonesia
              status: deprecated
          su:
            - pekerja migran
            - term: TKI
              type: acronym
              status: deprecated
    """

    /// The parsed example glossary.
    package static var glossary: Glossary {
        // The literal above is part of the library and is tested to parse.
        try! YAMLGlossaryReader.read(yaml, path: "<rule examples>")
    }
}
