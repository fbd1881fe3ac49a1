import Testing

@testable import GlossaryKit

/// Per-language morphology over the project's own glossary, positives and negatives.
@Suite("Language analyzers")
struct AnalyzerTests {
    func concepts(_ text: String, _ language: LanguageTag) throws -> [String] {
        try TestSupport.matches(text, language: language, checker: TestSupport.projectChecker).map(\.concept)
    }

    func explanation(_ text: String, _ language: LanguageTag) throws -> String? {
        try TestSupport.matches(text, language: language, checker: TestSupport.projectChecker).first?.match.explanation
    }

    @Test func indonesianClitics() throws {
        #expect(try concepts("perdagangan tenaga kerjanya meningkat", .indonesian) == ["labour-trafficking"])
        #expect(try explanation("perdagangan tenaga kerjanya", .indonesian) == "'kerja' + -nya")
        #expect(try concepts("data ILO-nya lengkap", .indonesian) == ["ilo"])
        #expect(try concepts("perdagangan tenaga kerjanyalah", .indonesian) == ["labour-trafficking"])
    }

    @Test func indonesianReduplication() throws {
        #expect(try concepts("pekerja-pekerja migran", .indonesian) == ["migrant-worker"])
        #expect(try explanation("pekerja-pekerja migran", .indonesian) == "'pekerja' reduplicated")
    }

    @Test func indonesianDerivationsAreNotStripped() throws {
        #expect(try concepts("para pedagang tenaga kerja", .indonesian).contains("labour-trafficking") == false)
        #expect(try concepts("memperdagangkan tenaga kerja", .indonesian).contains("labour-trafficking") == false)
    }

    @Test func cliticsOnlyOnTheLastWord() throws {
        #expect(try concepts("perdagangannya tenaga kerja", .indonesian).contains("labour-trafficking") == false)
    }

    @Test func acronymsTakeEndingsOnlyWhereTheirCaseShowsThem() throws {
        #expect(try concepts("TKInya", .indonesian) == ["migrant-worker"])
        #expect(try concepts("tkinya", .indonesian).isEmpty)
        #expect(try concepts("Tkinya", .indonesian).isEmpty)
        let reduplicated = try TestSupport.matches("TKI-TKI", language: .indonesian, checker: TestSupport.projectChecker)
        #expect(reduplicated.count == 1 && reduplicated[0].match.phenomena == [.reduplication])
    }

    @Test func sundaneseCliticsAndAccents() throws {
        #expect(try concepts("TKI-na mulang", .sundanese) == ["migrant-worker"])
        #expect(try concepts("pekerja migranna", .sundanese) == ["migrant-worker"])
        #expect(try concepts("padagangan tanaga gawe", .sundanese) == ["labour-trafficking"])
    }

    @Test func englishPluralsPossessivesAndSpellings() throws {
        #expect(try concepts("migrant workers", .english) == ["migrant-worker"])
        #expect(try explanation("migrant workers", .english) == "'worker' + plural -s")
        #expect(try concepts("the ILO's report", .english) == ["ilo"])
        #expect(try concepts("Decent Work Country Programs", .english) == ["dwcp"])
        #expect(try concepts("forced labor", .english) == ["forced-labour"])
    }

    @Test func englishDerivationsAreNotStripped() throws {
        #expect(try concepts("a forced labourer", .english).contains("forced-labour") == false)
    }
}
