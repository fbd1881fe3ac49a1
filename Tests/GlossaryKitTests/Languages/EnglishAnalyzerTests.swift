import Testing

@testable import GlossaryKit

/// English: plurals, possessives, British/American spellings, and no derivations.
@Suite("English analyzer")
struct EnglishAnalyzerTests {
    func found(_ text: String) throws -> [String] { try MorphologyFixture.found(text, .english) }

    @Test func regularAndIrregularPlurals() throws {
        #expect(try found("migrant workers") == ["migrant-worker=migrant workers"])
        #expect(try found("migration policies") == ["policy=migration policies"])
        #expect(try found("two witnesses") == ["witness=witnesses"])
        #expect(try found("crisis centres") == ["centre=crisis centres"])
        let children = try #require(try MorphologyFixture.single("children", .english))
        #expect(children.phenomena == [.plural])
        #expect(children.explanation == "'child' (plural 'children')")
    }

    @Test(arguments: ["fishermen", "Fishermen", "FISHERMEN"])
    func irregularPluralEndings(_ word: String) throws {
        let match = try #require(try MorphologyFixture.single("three \(word) left", .english))
        #expect(match.phenomena == [.plural])
        #expect(match.explanation == "'fisherman' (plural '\(word)')")
        #expect(MorphologyFixture.checker.glossary[term: match.term].text == "fisherman")
    }

    @Test func irregularPluralEndingsWithAPossessive() throws {
        let singular = try #require(try MorphologyFixture.single("the fishermen's union", .english))
        #expect(Set(singular.phenomena) == [.plural, .possessive])
        let plural = try #require(try MorphologyFixture.single("the housewives' association", .english))
        #expect(Set(plural.phenomena) == [.plural, .possessive])
        #expect(try found("Housewives and thieves") == ["housewife=Housewives", "thief=thieves"])
    }

    @Test(arguments: ["an omen", "Amen", "two specimens", "it serves", "this relieves them", "the caves", "the chiefs"])
    func wordsThatOnlyLookLikeIrregularPlurals(_ text: String) throws {
        #expect(try found(text) == [])
    }

    @Test func irregularPluralExceptionsGiveNoReading() throws {
        // "serves" is still the plural of "serve", but never of "serf".
        for (word, singular) in [("omen", "oman"), ("abdomen", "abdoman"), ("serves", "serf"), ("relieves", "relief")] {
            #expect(try MorphologyFixture.readings(of: word, .english).allSatisfy { $0.key != singular })
        }
        #expect(try MorphologyFixture.readings(of: "halves", .english).contains { $0.key == "half" })
    }

    @Test func englishDoesNotReduplicate() throws {
        #expect(try found("the worker worker") == ["worker=worker", "worker=worker"])
        #expect(try found("the worker-worker") == ["worker=worker", "worker=worker"])
    }

    @Test func pluralsOnlyOnTheLastWord() throws {
        #expect(try found("migrants worker") == ["worker=worker"])
        #expect(try found("woman migrants worker") == ["worker=worker"])
    }

    @Test func theHeadBeforeALinkingPrepositionTakesThePlural() throws {
        let victims = try #require(try MorphologyFixture.single("214 victims of trafficking", .english))
        #expect(MorphologyFixture.checker.glossary[concept: victims.term].id == "trafficking-victim")
        #expect(victims.phenomena == [.plural])
        #expect(victims.explanation == "'victim' + plural -s")
        #expect(try found("Countries of origin differ") == ["country-of-origin=Countries of origin"])
        #expect(try found("COUNTRIES OF ORIGIN") == ["country-of-origin=COUNTRIES OF ORIGIN"])
        // The possessive stays on the last word of the whole phrase.
        let possessive = try #require(try MorphologyFixture.single("the country of origin's embassy", .english))
        #expect(possessive.phenomena == [.possessive])
    }

    @Test func modifiersThatAgreeInNumberTakeThePluralWithTheHead() throws {
        #expect(try found("Women migrant workers met") == ["woman-migrant-worker=Women migrant workers"])
        let both = try #require(try MorphologyFixture.single("WOMEN MIGRANT WORKERS", .english))
        #expect(both.phenomena == [.plural])
        #expect(both.explanation == "'woman' (plural 'WOMEN'), 'WORKER' + plural -s")
    }

    @Test func wordsOutsideTheHeadKeepTheirNumber() throws {
        // The words before "of" are not this term's; the plural after a non-head word is not read.
        // (The fixture's prefix term "traffick" finds "trafficking" on its own.)
        #expect(try found("the victims of the trafficking ring") == ["victim=victims", "traffick=trafficking"])
        #expect(try found("victims for trafficking") == ["victim=victims", "traffick=trafficking"])
        #expect(try found("women and migrant workers") == ["migrant-worker=migrant workers"])
        #expect(try found("the country's origins") == [])
    }

    @Test func possessives() throws {
        let ilo = try #require(try MorphologyFixture.single("the ILO's report", .english))
        #expect(ilo.phenomena == [.possessive])
        #expect(try found("a migrant worker's contract") == ["migrant-worker=migrant worker's"])
        #expect(try found("a migrant worker’s contract") == ["migrant-worker=migrant worker’s"])
        let plural = try #require(try MorphologyFixture.single("migrant workers' wages", .english))
        #expect(Set(plural.phenomena) == [.plural, .possessive])
        #expect(try found("children's rights") == ["child=children's"])
    }

    @Test func aPluralPossessiveCoversItsApostrophe() throws {
        let workers = try #require(try MorphologyFixture.single("the workers' dormitories", .english))
        #expect(Set(workers.phenomena) == [.plural, .possessive])
        #expect(workers.suffix == "s'")
        #expect(try found("the workers' dormitories") == ["worker=workers'"])
        #expect(try found("Migrant workers’ remittances rose") == ["migrant-worker=Migrant workers’"])
        // At the end of a paragraph, and inside a quotation made with other marks.
        #expect(try found("The agency's rooms were the workers'.") == ["worker=workers'"])
        #expect(try found("\"Workers' voices matter,\" the banner read.") == ["worker=Workers'"])
        #expect(try found("Children's and workers' rooms") == ["child=Children's", "worker=workers'"])
    }

    @Test(arguments: [
        ("The word 'workers' is old.", ["worker=workers"]),
        ("‘Workers’ is the word we use,’ said the organiser.", ["worker=Workers"]),
        ("'Victims', she said, 'never pay.'", ["victim=Victims"]),
        ("Tick one box: 'workers' or 'farmers'.", ["worker=workers"]),
        ("The categories are ‘workers’, ‘victims’ and ‘witnesses’.", ["worker=workers", "victim=victims", "witness=witnesses"]),
        ("He called them 'migrant workers' to mock the word.", ["migrant-worker=migrant workers"]),
    ])
    func aClosingQuotationMarkIsNotAPossessive(_ text: String, _ expected: [String]) throws {
        let matches = try TestSupport.matches(text, language: .english, checker: MorphologyFixture.checker)
        #expect(matches.map { "\($0.concept)=\($0.text)" } == expected)
        #expect(matches.allSatisfy { $0.match.phenomena == [.plural] })
    }

    @Test func wordsEndingInSThatAreNotPlurals() throws {
        #expect(try found("let us see") == [])
        for word in ["status", "bus", "analysis", "us", "crisis"] {
            #expect(try MorphologyFixture.readings(of: word, .english).allSatisfy { !$0.phenomena.contains(.plural) })
        }
    }

    @Test func eachSpellingKeepsItsOwnStatus() throws {
        // Listed: "labor trafficking" is its own (admitted) term, matched as written.
        let listed = try #require(try MorphologyFixture.single("labor trafficking", .english))
        #expect(listed.phenomena.isEmpty)
        #expect(MorphologyFixture.checker.glossary[term: listed.term].text == "labor trafficking")
        #expect(MorphologyFixture.checker.glossary[term: listed.term].status == .admitted)
        // Not listed: "labor rights" is recognised as a spelling of "labour rights".
        let variant = try #require(try MorphologyFixture.single("labor rights", .english))
        #expect(variant.phenomena == [.spelling])
        #expect(MorphologyFixture.checker.glossary[term: variant.term].text == "labour rights")
        #expect(variant.explanation == "'labour' spelt 'labor'")
    }

    @Test func spellingFamiliesFromData() throws {
        #expect(try found("a crisis center") == ["centre=crisis center"])
        #expect(try found("the crisis centers") == ["centre=crisis centers"])
        #expect(try found("the employers' organisation") == ["employers=employers' organisation"])
        #expect(try MorphologyFixture.single("Labor Rights", .english)?.explanation == "'labour' spelt 'Labor'")
    }

    @Test(arguments: ["a labourer", "the labourers", "trafficked", "working", "workforce", "employment", "victimised"])
    func derivationsAreNotMatched(_ text: String) throws {
        #expect(try found(text).filter { !$0.hasPrefix("traffick=") } == [])
    }

    @Test func shortWordsKeepTheirSpelling() throws {
        // -our/-or needs a stem of three letters: "four" and "hour" have no other spelling.
        #expect(try MorphologyFixture.readings(of: "four", .english).isEmpty)
        #expect(try MorphologyFixture.readings(of: "hour", .english).isEmpty)
    }
}
