import Testing

@testable import GlossaryKit

/// The analyzers' quick tests: ending lists indexed by last byte, word-set filters, and the
/// early answer for words no reading rule applies to.
@Suite("Ending index and word filters")
struct EndingIndexTests {
    @Test func matchesAreTheEndingAffixesInListOrder() {
        let index = EndingIndex(["nya", "ya", "s", "a", "nana", "na"])
        #expect(index.matches(endingAt: "kerjanya") == ["nya", "ya", "a"])
        #expect(index.matches(endingAt: "korbannana") == ["a", "nana", "na"])
        #expect(index.matches(endingAt: "workers") == ["s"])
        #expect(index.matches(endingAt: "kerja") == ["a"])
        #expect(index.matches(endingAt: "ilo").isEmpty && !index.anyEnds("ilo"))
        #expect(index.anyEnds("kerjanya") && !index.anyEnds(""))
    }

    @Test func anEmptyAffixEndsEveryWord() {
        let index = EndingIndex(["s", "", "é"])
        #expect(index.matches(endingAt: "works") == ["s", ""])
        #expect(index.matches(endingAt: "pagawé") == ["", "é"])
        #expect(index.matches(endingAt: "") == [""])
        #expect(index.anyEnds("kerja"))
        #expect(EndingIndex([String]()).matches(endingAt: "kerja").isEmpty)
    }

    @Test func elementsKeepWhatTheirAffixStandsFor() {
        let index = EndingIndex([("ies", "y"), ("s", ""), ("es", "")]) { $0.0 }
        #expect(index.matches(endingAt: "countries").map(\.1) == ["y", "", ""])
        #expect(index.matches(endingAt: "country").isEmpty)
    }

    @Test func aFilterNeverRulesOutAListedWord() {
        let listed = ["labour", "labor", "programme", "a", "", "praktik", "cafe\u{301}", "\u{212A}m"]
        let filter = WordSetFilter(listed)
        for word in listed { #expect(filter.mayContain(word)) }
        // Canonically equivalent spellings are the same word for a Set: the filter agrees.
        // (KELVIN SIGN is K.)
        #expect(Set(listed).contains("Km") && Set(listed).contains("café"))
        #expect(filter.mayContain("café") && filter.mayContain("Km"))
    }

    @Test func aFilterRulesOutMostUnlistedWords() {
        let listed = (0..<40).map { "word\($0)s" }
        let filter = WordSetFilter(listed)
        let unlisted = (0..<1000).map { "other\($0)x" } + (0..<1000).map { "w\($0)" }
        let admitted = unlisted.filter(filter.mayContain).count
        #expect(admitted < unlisted.count / 20)
        // A word that is not ASCII is left to the look-up.
        #expect(filter.mayContain("pagawé"))
    }

    @Test func anInfixAfterAFirstLetterOfSeveralBytes() throws {
        let data = try LanguageData.parse("language: xx\nplural-infixes: [ar]\n", path: "xx.yml")
        let analyzer = RuleBasedAnalyzer(data: data)
        func infixKeys(_ word: String) -> [String] {
            analyzer.analyses(ofWord: word).filter { $0.phenomena == [.pluralInfix] }.map(\.key)
        }
        #expect(infixKeys("narupa") == ["nupa"])
        #expect(infixKeys("ŋarupa") == ["ŋupa"])
        // A first letter with a combining mark is one character: the infix follows it.
        #expect(infixKeys("n\u{303}arupa") == ["n\u{303}upa"])
        #expect(infixKeys("arupana") == ["upana"])
        #expect(infixKeys("kuarupa").isEmpty && infixKeys("n\u{303}uarupa").isEmpty)
    }

    @Test func wordsNoRuleAppliesToHaveNoReadings() throws {
        let english = RuleBasedAnalyzer(data: try LanguageData.builtIn("en"))
        #expect(english.analyses(ofWord: "work").isEmpty)
        #expect(english.analyses(ofWord: "works").map(\.key) == ["work"])
        // Listed words start readings whatever their ending: a spelling family, an irregular plural.
        #expect(english.analyses(ofWord: "programme").map(\.key) == ["program"])
        #expect(english.analyses(ofWord: "feet").map(\.key) == ["foot"])
    }
}
