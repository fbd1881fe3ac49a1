import Testing

@testable import GlossaryKit

/// A term whose word is itself reduplicated (*kupu-kupu malam*) written with the digit 2 or
/// broken over a line (issue 15, item 8): one occurrence, one span.
@Suite("Reduplicated words inside terms")
struct ReduplicatedTermWordTests {
    static let checker = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: sex-worker
                terms:
                  id:
                    - pekerja seks
                    - term: kupu-kupu malam
                      status: deprecated
                  su:
                    - term: kupu-kupu malam
                      status: deprecated
              - id: un
                terms:
                  id: [Perserikatan Bangsa-Bangsa]
              - id: worker
                terms:
                  id: [pekerja migran]
              - id: night
                terms:
                  id: [kerja malam]
            """)

    func found(_ text: String, _ language: LanguageTag = .indonesian) throws -> [String] {
        try TestSupport.matches(text, language: language, checker: Self.checker).map { "\($0.concept)=\($0.text)" }
    }

    @Test func aDigitReduplicationIsBothHalvesOfTheTermsWord() throws {
        #expect(try found("awas modus baru, kupu2 malam dijajakan") == ["sex-worker=kupu2 malam"])
        #expect(try found("Kupu2 malam itu") == ["sex-worker=Kupu2 malam"])
        #expect(try found("Perserikatan Bangsa2 bersidang") == ["un=Perserikatan Bangsa2"])
        let clitic = try #require(
            try TestSupport.matches("berita kupu2 malamnya", language: .indonesian, checker: Self.checker).first)
        #expect(clitic.text == "kupu2 malamnya")
        #expect(clitic.match.phenomena == [.clitic, .reduplication])
        // One explanation for the one word, though it stands for two of the term's.
        #expect(clitic.match.explanation == "'kupu' reduplicated (written with 2), 'malam' + -nya")
        #expect(try found("Ceuk warta, kupu2 malamna masih rumaja.", .sundanese) == ["sex-worker=kupu2 malamna"])
    }

    @Test func aReduplicationBrokenOverALineInsideATerm() throws {
        #expect(try found("Istilah kupu-\nkupu malam itu") == ["sex-worker=kupu-\nkupu malam"])
        let match = try #require(try TestSupport.matches("kupu-\nkupu malam", language: .indonesian, checker: Self.checker).first)
        #expect(match.match.phenomena == [.lineBreak, .reduplication])
    }

    @Test func aReduplicationOfATermsPlainWordIsStillOneWord() throws {
        // pekerja2 migran is pekerja migran (one word of the term, reduplicated), not more.
        #expect(try found("para pekerja2 migran") == ["worker=pekerja2 migran"])
        #expect(try found("kerja2 malam") == ["night=kerja2 malam"])
    }

    @Test func noTermWhereTheWordsAreNotTheTerms() throws {
        #expect(try found("Foto kupu2 di kebun") == [])
        #expect(try found("Taman kupu-kupu buka malam ini") == [])
        #expect(try found("kupu2 2 malam") == [])
        #expect(try found("kupu malam") == [])
    }
}
