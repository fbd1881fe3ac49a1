import Testing

@testable import GlossaryKit

/// Per-term control (`match:`, `forms:`), acronym safety, and the fallback for other languages.
@Suite("Match control and safety")
struct MatchControlTests {
    @Test func exactTermsTakeNoInflection() throws {
        #expect(try MorphologyFixture.found("a work permit", .english) == ["permit=work permit"])
        #expect(try MorphologyFixture.found("a Work Permit", .english) == ["permit=Work Permit"])
        #expect(try MorphologyFixture.found("two work permits", .english) == [])
    }

    @Test func prefixTermsTakeAnyEnding() throws {
        let match = try #require(try MorphologyFixture.single("trafficking", .english))
        #expect(match.phenomena == [.prefix])
        #expect(try MorphologyFixture.found("trafficked", .english) == ["traffick=trafficked"])
        #expect(try MorphologyFixture.found("traffic", .english) == [])
    }

    @Test func acronymsMatchOnlyAsWritten() throws {
        #expect(try MorphologyFixture.found("ilo", .english) == [])
        let mixed = try #require(try MorphologyFixture.single("the Ilo", .english))
        #expect(mixed.caseMismatch)
        // An ending only where the case shows where the acronym ends (`AcronymForm`).
        #expect(try MorphologyFixture.found("ILOs", .english) == ["ilo=ILOs"])
        #expect(try MorphologyFixture.found("ilos", .english) == [])
        #expect(try MorphologyFixture.found("Ilos", .english) == [])
    }

    @Test func unknownLanguagesFallBackToNormalisation() throws {
        let javanese = try #require(LanguageTag("jv"))
        let analyzer = AnalyzerRegistry.standard.analyzer(for: javanese)
        #expect(analyzer is NormalizingAnalyzer)
        let tokens = try Tokenizer().tokenize(term: "korbanipun")
        #expect(analyzer.analyses(of: tokens, at: 0).isEmpty)
        let checker = try TestSupport.checker(
            yaml: """
                concepts:
                  - id: victim
                    terms:
                      jv: [korban]
                """)
        #expect(try TestSupport.matches("Korban", language: javanese, checker: checker).count == 1)
        #expect(try TestSupport.matches("korbanipun", language: javanese, checker: checker).isEmpty)
    }

    @Test func regionalTagsUseTheirLanguagesAnalyzer() throws {
        let british = try #require(LanguageTag("en-GB"))
        #expect((AnalyzerRegistry.standard.analyzer(for: british) as? LanguageDataAnalyzer)?.language == .english)
    }
}
