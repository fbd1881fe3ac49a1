/// The small glossary the rules' examples are checked against (see each rule's description).
package enum RuleExamples {
    /// YAML source of the example glossary.
    package static let yaml = """
        # Malay (ms) is here for the cross-language examples of four versions; labour-trafficking
        # has no Malay term on purpose: a version that cannot name a concept is not counted.
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
              ms:
                - Pertubuhan Buruh Antarabangsa
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
              ms:
                - pekerja migran
        """

    /// The parsed example glossary.
    package static var glossary: Glossary {
        // The literal above is part of the library and is tested to parse.
        try! YAMLGlossaryReader.read(yaml, path: "<rule examples>")
    }
}

extension LanguageTag {
    /// Malay: the fourth language of the cross-language examples (see `RuleExamples.yaml`).
    static let malay = LanguageTag("ms")!
}
