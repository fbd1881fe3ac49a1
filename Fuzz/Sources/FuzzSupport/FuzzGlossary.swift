import GlossaryKit

/// The small glossary the check targets check every input against, written for the fuzz
/// targets: a few concepts in Indonesian, English and Sundanese that exercise what the rules
/// look at (deprecated and admitted terms, acronyms that are case-sensitive, multi-word terms,
/// accents, spelling variants, a prefix match, extra forms), so that random text hits terms
/// often enough for every rule to fire.
public enum FuzzGlossary {
    public static let yaml = """
        name: Fuzzing glossary
        required-languages: [id, en, su]
        concepts:
          - id: migrant-worker
            terms:
              en:
                - migrant worker
                - term: guest worker
                  status: deprecated
              id:
                - pekerja migran
                - term: pekerja migran Indonesia
                  status: admitted
                - term: TKI
                  type: acronym
                  status: deprecated
                - term: tenaga kerja Indonesia
                  status: deprecated
              su:
                - pekerja migran
                - term: buruh migran
                  status: admitted
          - id: trafficking
            terms:
              en:
                - labour trafficking
                - term: labor trafficking
                  status: admitted
                - term: human trafficking
                  status: forbidden
              id:
                - perdagangan orang
                - term: trafiking
                  status: deprecated
              su:
                - dagang jalma
          - id: ilo
            terms:
              en:
                - term: ILO
                  type: acronym
                - International Labour Organization
              id:
                - Organisasi Perburuhan Internasional
              su:
                - Organisasi Buruh Internasional
          - id: decent-work
            terms:
              en:
                - decent work
              id:
                - term: pekerjaan layak
                  forms: [kerja layak]
              su:
                - term: pagawéan layak
                  accent-folding: true
          - id: recruit
            terms:
              en:
                - term: recruit
                  match: prefix
              id:
                - term: rekrut
                  match: prefix
                - term: merekrut
                  status: admitted
              su:
                - term: ngarékrut
                  match: exact
        """

    /// The glossary, read from `yaml` once.
    public static let glossary: Glossary = {
        do {
            return try YAMLGlossaryReader.read(yaml, path: "fuzz-glossary.yml")
        } catch {
            Invariant.fail("the fuzzing glossary does not read: \(error)")
        }
    }()

    /// A checker over `glossary` with every rule, made once.
    public static let checker: GlossaryChecker = {
        do {
            return try GlossaryChecker(glossary: glossary)
        } catch {
            Invariant.fail("the fuzzing glossary does not compile: \(error)")
        }
    }()
}
