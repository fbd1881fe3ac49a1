import Testing

@testable import GlossaryKit

/// A small glossary written for the morphology tests, independent of the project's glossary, and
/// helpers that say what a sentence matched and how.
enum MorphologyFixture {
    static let yaml = """
        concepts:
          - id: worker
            terms:
              en: [worker]
              id: [pekerja, buruh]
              su:
                - term: pagawé
                  plural-infix: true
          - id: migrant-worker
            terms:
              en: [migrant worker]
              id:
                - pekerja migran
                - term: TKI
                  type: acronym
                  status: deprecated
              su:
                - term: pekerja migran
                  forms: [pekerja migrant]
                - term: TKI
                  type: acronym
          - id: human-trafficking
            terms:
              en: [human trafficking]
              id: [perdagangan orang]
              su: [padagangan jalma]
          - id: labour-trafficking
            terms:
              en:
                - labour trafficking
                - term: labor trafficking
                  status: admitted
              id: [perdagangan tenaga kerja]
          - id: labour-rights
            terms:
              en: [labour rights]
              id: [hak pekerja]
              su: [hak pagawé]
          - id: ilo
            terms:
              en: [{term: ILO, type: acronym}]
              id: [{term: ILO, type: acronym}]
              su: [{term: ILO, type: acronym}]
          - id: ngo
            terms:
              en:
                - non-governmental organization
                - term: NGO
                  type: acronym
                  status: admitted
          - id: us
            terms:
              en: [{term: US, type: acronym}]
          - id: covid
            terms:
              id: [{term: COVID-19, type: acronym}]
          - id: election
            terms:
              id: [Pemilu 2019]
          - id: victim
            terms:
              en: [victim]
              id: [korban]
              su: [korban]
          - id: child
            terms:
              en: [child]
              su:
                - term: budak
                  plural-infix: true
          - id: eating
            terms:
              su:
                - term: dahar
                  plural-infix: true
          - id: small
            terms:
              su: [leutik]
          - id: brush
            terms:
              su: [sikat]
          - id: friend
            terms:
              su: [kawan]
          - id: destination
            terms:
              su: [nagara tujuan]
          - id: night-work
            terms:
              su: [gawé peuting]
          - id: practice
            terms:
              id: [praktik baik]
          - id: policy
            terms:
              en: [migration policy]
          - id: witness
            terms:
              en: [witness]
          - id: trafficking-victim
            terms:
              en: [victim of trafficking]
          - id: country-of-origin
            terms:
              en: [country of origin]
          - id: woman-migrant-worker
            terms:
              en: [woman migrant worker]
          - id: fisher
            terms:
              en:
                - fisher
                - term: fisherman
                  status: deprecated
          - id: housewife
            terms:
              en: [housewife]
          - id: thief
            terms:
              en: [thief]
          - id: oman
            terms:
              en: [Oman]
          - id: relief
            terms:
              en: [relief]
          - id: cafe
            terms:
              en: [cafe]
          - id: centre
            terms:
              en: [crisis centre]
          - id: employers
            terms:
              en: ["employers' organization"]
          - id: permit
            terms:
              en:
                - term: work permit
                  match: exact
          - id: traffick
            terms:
              en:
                - term: traffick
                  match: prefix
        """

    static let checker: GlossaryChecker = try! TestSupport.checker(yaml: yaml)

    /// `concept=written text` for every match in `text`.
    static func found(_ text: String, _ language: LanguageTag) throws -> [String] {
        try TestSupport.matches(text, language: language, checker: checker).map { "\($0.concept)=\($0.text)" }
    }

    /// The only match in `text`, or nil when there is not exactly one.
    static func single(_ text: String, _ language: LanguageTag) throws -> TermMatch? {
        let matches = try TestSupport.matches(text, language: language, checker: checker)
        return matches.count == 1 ? matches[0].match : nil
    }

    /// The readings the language's analyzer proposes for a single word.
    static func readings(of word: String, _ language: LanguageTag) throws -> [WordAnalysis] {
        let tokens = try Tokenizer().tokenize(term: word)
        return AnalyzerRegistry.standard.analyzer(for: language).analyses(of: tokens, at: 0)
    }
}
