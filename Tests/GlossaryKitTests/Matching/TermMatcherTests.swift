import Testing

@testable import GlossaryKit

@Suite("Term matcher")
struct TermMatcherTests {
    static let yaml = """
        concepts:
          - id: trafficking
            terms:
              en: [trafficking]
          - id: labour-trafficking
            terms:
              en: [labour trafficking]
          - id: dwcp
            terms:
              en:
                - Decent Work Country Programme
          - id: decent-work
            terms:
              en: [decent work]
          - id: us
            terms:
              en:
                - term: US
                  type: acronym
          - id: migra
            terms:
              en:
                - term: migra
                  match: prefix
          - id: cafe
            terms:
              en:
                - term: café
              su:
                - term: kopi héjo
        """
    let checker = try! TestSupport.checker(yaml: TermMatcherTests.yaml)

    func found(_ text: String, _ language: LanguageTag? = .english) throws -> [String] {
        try TestSupport.matches(text, language: language, checker: checker).map { "\($0.concept)=\($0.text)" }
    }

    /// Every match carries its term's status, language and whether it is an abbreviation,
    /// which the deprecated-term and inconsistent-term rules read instead of the glossary
    /// model; a match without them (made by other code) gets the same findings.
    @Test func matchesCarryTheirTermsFacts() throws {
        var statuses = Set<TermStatus>()
        var inconsistencies = 0, abbreviations = 0
        for (text, language) in GlossaryCacheTests.exampleTexts {
            let document = try TestSupport.exampleChecker.analyze(
                SourceText(path: "test.txt", string: text), options: CheckOptions(language: language))
            for match in document.matches {
                let term = document.glossary[term: match.term]
                #expect(
                    match.termFacts
                        == TermMatch.TermFacts(
                            status: term.status, language: term.language, isAbbreviated: term.type.isAbbreviated))
                if let status = match.termStatus { statuses.insert(status) }
                if match.termFacts?.isAbbreviated == true { abbreviations += 1 }
            }
            var withoutFacts = document.matches
            for index in withoutFacts.indices { withoutFacts[index].termFacts = nil }
            let bare = AnalyzedDocument(
                path: document.path, paragraphs: document.paragraphs, matches: withoutFacts, glossary: document.glossary)
            #expect(DeprecatedTermRule().check(bare) == DeprecatedTermRule().check(document))
            let inconsistent = InconsistentTermRule().check(document)
            #expect(InconsistentTermRule().check(bare) == inconsistent)
            inconsistencies += inconsistent.count
        }
        #expect(statuses.contains(.deprecated) && statuses.contains(.forbidden) && statuses.contains(.preferred))
        #expect(inconsistencies > 0 && abbreviations > 0, "\(inconsistencies) inconsistencies, \(abbreviations) abbreviations")
    }

    @Test func leftmostLongestReportsOnlyTheLongerTerm() throws {
        #expect(
            try found("Labour trafficking and trafficking.") == [
                "labour-trafficking=Labour trafficking", "trafficking=trafficking",
            ])
        #expect(
            try found("the Decent Work Country Programme and decent work") == [
                "dwcp=Decent Work Country Programme", "decent-work=decent work",
            ])
    }

    @Test func multiWordTermsSpanLineBreaksAndSpacesButNotPunctuation() throws {
        #expect(try found("labour\n   trafficking") == ["labour-trafficking=labour\n   trafficking"])
        #expect(try found("labour. Trafficking") == ["trafficking=Trafficking"])
        #expect(try found("labour, trafficking") == ["trafficking=trafficking"])
        #expect(try found("labour\n\ntrafficking") == ["trafficking=trafficking"])
    }

    @Test func caseSensitiveTermsMatchOnlyInTheirCase() throws {
        #expect(try found("The US said") == ["us=US"])
        #expect(try found("let us say") == [])
        let mixed = try TestSupport.matches("The Us said", language: .english, checker: checker)
        #expect(mixed.count == 1 && mixed[0].match.caseMismatch)
    }

    @Test func allCapsHeadingsMatchCaseInsensitiveTerms() throws {
        #expect(try found("LABOUR TRAFFICKING IN ASIA") == ["labour-trafficking=LABOUR TRAFFICKING"])
    }

    @Test func prefixMode() throws {
        #expect(try found("migration and migrants") == ["migra=migration", "migra=migrants"])
        #expect(try found("immigration") == [])
    }

    @Test func accentsMatterUnlessTheLanguageFoldsThem() throws {
        #expect(try found("a cafe here") == [])
        #expect(try found("a café here") == ["cafe=café"])
        #expect(try found("a cafe\u{301} here") == ["cafe=cafe\u{301}"])
        // Sundanese folds accents by default.
        #expect(try found("kopi hejo", .sundanese) == ["cafe=kopi hejo"])
    }

    @Test func termsOfAllLanguagesMatchAndTheParagraphLanguageWins() throws {
        let document = try checker.analyze(SourceText(path: "x", string: "kopi héjo"), options: CheckOptions(language: .english))
        #expect(document.matches.count == 1)
        #expect(document.matchesInParagraphLanguage.isEmpty)
    }

    @Test func compiledGlossarySharesWords() throws {
        let compiled = checker.compiled
        let baseWords = compiled.tables.flags.filter { $0 & CompiledGlossary.baseFlag != 0 }.count
        // labour, trafficking, decent, work, country, programme, us, café, kopi, héjo, hejo (a
        // prefix term keeps its last word out of the trie), and the closed forms of the two-word
        // terms: labourtrafficking, decentwork, kopihéjo, kopihejo.
        #expect(baseWords == 15)
        #expect(compiled.tables.maximumLength == 4)
        // Inflected forms are not stored: they are read once per distinct word of a text.
        #expect(compiled.tables.words.find("programmes") == nil)
    }

    @Test func inflectedReadingsAreCachedPerDistinctWord() throws {
        let text = Array(repeating: "Decent Work Country Programmes", count: 50).joined(separator: ". ")
        let document = try checker.analyze(SourceText(path: "x", string: text), options: CheckOptions(language: .english))
        #expect(document.matches.count == 50)
        #expect(document.matches.allSatisfy { $0.phenomena == [.plural] })
    }
}
