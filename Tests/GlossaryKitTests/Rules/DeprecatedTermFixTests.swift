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

    @Test func suggestionsListTheSameShapeFirst() throws {
        let finding = try #require(try TestSupport.findings("The International Labor Organization met.", language: .english).first)
        #expect(finding.suggestions == ["International Labour Organization", "ILO"])
    }
}
