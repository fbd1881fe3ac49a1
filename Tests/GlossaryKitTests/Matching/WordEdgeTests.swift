import Testing

@testable import GlossaryKit

/// Where a term stops being the term at its edges, decided by each language's data: a
/// hyphenated derivational ending (*NGO-isation*), a linked term whose object a hyphen runs on
/// into a compound (*victims of trafficking-related violence*), and another language's term
/// spelt like a word of the paragraph's own language (Indonesian *budak*).
@Suite("Term edges: derivational endings, linked objects, false friends")
struct WordEdgeTests {
    static let checker = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: ngo
                terms:
                  en:
                    - term: NGO
                      type: acronym
                      case-sensitive: true
                  id:
                    - term: LSM
                      type: acronym
                      case-sensitive: true
              - id: migrant-worker
                terms:
                  id:
                    - pekerja migran
                    - term: TKI
                      type: acronym
                      case-sensitive: true
                      status: deprecated
              - id: trafficking-victim
                terms:
                  en: [victim of trafficking]
              - id: victim
                terms:
                  en: [victim]
              - id: human-trafficking
                terms:
                  en: [human trafficking]
              - id: right-to-work
                terms:
                  en: [right to work]
              - id: child
                terms:
                  su: [budak]
                  id: [anak]
            """)

    func found(_ text: String, _ language: LanguageTag?) throws -> [String] {
        try TestSupport.matches(text, language: language, checker: Self.checker).map { "\($0.concept)=\($0.text)" }
    }

    // MARK: Derivational endings after a hyphen

    @Test(arguments: [
        "The NGO-isation of the movement", "The NGO-ization of activism", "a kind of NGO-ism", "an NGO-ist view",
    ])
    func anEnglishDerivationalEndingMakesAnotherWord(_ text: String) throws {
        #expect(try found(text, .english).isEmpty)
    }

    @Test(arguments: [
        ("NGO-led shelters opened", "ngo=NGO"), ("The NGO-run hotline", "ngo=NGO"), ("NGO-friendly rules", "ngo=NGO"),
    ])
    func aFreeWordAfterTheHyphenLeavesTheTerm(_ text: String, _ expected: String) throws {
        #expect(try found(text, .english) == [expected])
    }

    @Test func indonesianEndingsAndClitics() throws {
        #expect(try found("Proses LSM-isasi gerakan itu.", .indonesian).isEmpty)
        #expect(try found("Urusan TKI-an diatur pusat.", .indonesian).isEmpty)
        #expect(try found("Paham LSM-isme.", .indonesian).isEmpty)
        // A clitic after the hyphen is the term with its clitic.
        #expect(try found("Para TKI-nya pulang.", .indonesian) == ["migrant-worker=TKI-nya"])
        #expect(try found("Kantor LSM-nya tutup.", .indonesian) == ["ngo=LSM-nya"])
    }

    // MARK: A linked term whose object runs on past a hyphen

    @Test func theObjectOfALinkedTermBecomesACompound() throws {
        #expect(try found("Many victims of trafficking-related violence never report it.", .english) == ["victim=victims"])
        #expect(try found("The right to work-related leave", .english).isEmpty)
    }

    @Test func aLinkedTermBeforeAnythingElseIsTheTerm() throws {
        #expect(
            try found("Many victims of trafficking never report it.", .english) == ["trafficking-victim=victims of trafficking"])
        #expect(try found("victims of trafficking - related cases", .english) == ["trafficking-victim=victims of trafficking"])
        #expect(try found("the right to work, and more", .english) == ["right-to-work=right to work"])
    }

    @Test func anOpenCompoundTermAsAModifierStaysTheTerm() throws {
        // No linking word: *human trafficking* is a constituent of *human trafficking-related*.
        #expect(try found("Human trafficking-related crimes rose.", .english) == ["human-trafficking=Human trafficking"])
    }

    // MARK: False friends

    @Test func anotherLanguagesTermSpeltLikeAnIndonesianWord() throws {
        #expect(try found("Kapal itu dipakai untuk jual-beli budak di Nusantara.", .indonesian).isEmpty)
        #expect(try found("Para budaknya dibebaskan.", .indonesian).isEmpty)
    }

    @Test func theTermInItsOwnLanguageAndInUncertainParagraphs() throws {
        #expect(try found("Budak téh keur ulin di buruan.", .sundanese) == ["child=Budak"])
        // Without a language the words decide; a paragraph of uncertain language matches every
        // language's terms, false friends included, so nothing is lost to a wrong guess.
        let unknown = try TestSupport.matches("budak", language: nil, checker: Self.checker)
        #expect(unknown.map(\.concept) == ["child"])
    }

    @Test func falseFriendsAreLanguageData() {
        #expect(AnalyzerRegistry.standard.analyzer(for: .indonesian).falseFriends.contains("budak"))
        #expect(AnalyzerRegistry.standard.analyzer(for: .sundanese).falseFriends.isEmpty)
    }
}
