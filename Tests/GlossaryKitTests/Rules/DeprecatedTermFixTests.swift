import TestRandom
import Testing

@testable import GlossaryKit

@Suite("deprecated-term fixes")
struct DeprecatedTermFixTests {
    func fix(_ text: String, _ language: LanguageTag) throws -> String? {
        try TestSupport.findings(text, language: language).first { $0.rule == "deprecated-term" }?.fix
    }

    @Test func aFullFormIsReplacedByTheFullFormNotTheAcronym() throws {
        // The concept has two preferred English terms: the full name and "ILO".
        #expect(try fix("The International Labor Organization met.", .english) == "International Labour Organization")
        #expect(try fix("THE INTERNATIONAL LABOR ORGANIZATION MET.", .english) == "INTERNATIONAL LABOUR ORGANIZATION")
    }

    @Test func anAcronymWithNoPreferredAcronymTakesTheOnlyPreferredTerm() throws {
        #expect(try fix("Banyak TKI pulang.", .indonesian) == "pekerja migran")
    }

    /// An acronym's clitic written solid stays on the replacement, in the case it was written.
    @Test func aCliticJoinedToAnAcronymStaysOnTheFullForm() throws {
        #expect(try fix("Semua TKInya pulang.", .indonesian) == "pekerja migrannya")
        #expect(try fix("Bukan kapten, TKInyalah yang melapor.", .indonesian) == "pekerja migrannyalah")
        #expect(try fix("TKINYA DITAHAN DI BANDARA", .indonesian) == "PEKERJA MIGRANNYA")
        #expect(try fix("Lamun TKIna teu boga kontrak.", .sundanese) == "pekerja migranna")
        #expect(try fix("TKInya pulang.", .indonesian) == "Pekerja migrannya")
    }

    /// A reduplicated acronym is one finding, with no automatic fix: the plural of the full
    /// form is the writer's choice (pekerja-pekerja migran, para pekerja migran).
    @Test func aReduplicatedAcronymIsOneFindingWithoutFix() throws {
        let findings = try TestSupport.findings("TKI-TKI itu pulang.", language: .indonesian).filter {
            $0.rule == "deprecated-term"
        }
        #expect(findings.count == 1)
        #expect(findings.first?.byteRange == 0..<7)
        #expect(findings.first?.fix == nil)
    }

    @Test func suggestionsListTheSameShapeFirst() throws {
        let finding = try #require(
            try TestSupport.findings("The International Labor Organization met.", language: .english).first)
        #expect(finding.suggestions == ["International Labour Organization", "ILO"])
    }

    /// A glossary of inflecting deprecated terms, for the fixes of inflected forms.
    static let inflecting = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: migrant-worker
                terms:
                  en:
                    - migrant worker
                    - term: guest worker
                      status: deprecated
            """)

    func inflectedFix(_ text: String, _ language: LanguageTag = .english) throws -> (written: String, fix: String?)? {
        let finding = try TestSupport.findings(text, language: language, checker: Self.inflecting).first {
            $0.rule == "deprecated-term"
        }
        return finding.map { (String(decoding: Array(text.utf8)[$0.byteRange], as: UTF8.self), $0.fix) }
    }

    @Test func aPluralPossessiveKeepsItsApostrophe() throws {
        let possessive = try #require(try inflectedFix("The guest workers' rights were ignored."))
        #expect(possessive.written == "guest workers'" && possessive.fix == "migrant workers'")
        let typographic = try #require(try inflectedFix("The guest workers’ rights were ignored."))
        #expect(typographic.written == "guest workers’" && typographic.fix == "migrant workers’")
        // A closing quotation mark stays outside the finding and the fix.
        let quoted = try #require(try inflectedFix("The word 'guest workers' is old."))
        #expect(quoted.written == "guest workers" && quoted.fix == "migrant workers")
    }

    /// White space is squeezed as splitting on it and joining with one space would: the quick
    /// answer for plain text must not differ on tabs, runs, ends, no-break or line separators.
    @Test func squeezingWhiteSpaceAgreesWithSplittingAndJoining() {
        let pieces = ["a", "Labour", " ", "  ", "\t", "\n", "\u{A0}", "\u{2028}", "é", "\u{1}", "-", "x y"]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(
                squeezingWhiteSpace(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                "\(text.debugDescription)")
        }
    }
}
