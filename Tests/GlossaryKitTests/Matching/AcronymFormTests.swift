import Testing

@testable import GlossaryKit

/// Acronyms with an ending written solid, and reduplicated: accepted only where the written case
/// shows where the acronym ends.
@Suite("Acronym forms")
struct AcronymFormTests {
    func found(_ text: String, _ language: LanguageTag = .english) throws -> [String] {
        try MorphologyFixture.found(text, language)
    }

    @Test func anEndingInLowerCaseAfterTheAcronym() {
        #expect(AcronymForm.isWrittenWithEnding("NGOs", acronym: "NGO") { false })
        #expect(AcronymForm.isWrittenWithEnding("TKInyalah", acronym: "TKI") { false })
        #expect(AcronymForm.isWrittenWithEnding("P3MInya", acronym: "P3MI") { false })
        #expect(!AcronymForm.isWrittenWithEnding("NGO", acronym: "NGO") { true })
        #expect(!AcronymForm.isWrittenWithEnding("Ngos", acronym: "NGO") { true })
        #expect(!AcronymForm.isWrittenWithEnding("ngos", acronym: "NGO") { true })
        #expect(!AcronymForm.isWrittenWithEnding("NGOsS", acronym: "NGO") { true })
        #expect(!AcronymForm.isWrittenWithEnding("TKI2", acronym: "TKI") { true })
    }

    @Test func anEndingInCapitalsOnlyInTextInCapitals() {
        #expect(AcronymForm.isWrittenWithEnding("NGOS", acronym: "NGO") { true })
        #expect(!AcronymForm.isWrittenWithEnding("NGOS", acronym: "NGO") { false })
        #expect(AcronymForm.isWrittenInCapitals("DEMAND"))
        #expect(AcronymForm.isWrittenInCapitals("KONG,"))
        #expect(!AcronymForm.isWrittenInCapitals("UGM"))
        #expect(!AcronymForm.isWrittenInCapitals("Demand"))
    }

    @Test func acronymPluralsAndPossessives() throws {
        let plural = try #require(try MorphologyFixture.single("NGOs ran the shelters.", .english))
        #expect(plural.phenomena == [.plural])
        #expect(plural.explanation == "'NGO' + plural -s")
        #expect(!plural.caseMismatch)
        #expect(try found("NGOs' access is limited") == ["ngo=NGOs'"])
        #expect(try found("The NGOs’ joint report") == ["ngo=NGOs’"])
        #expect(try found("The NGO's director") == ["ngo=NGO's"])
        #expect(try found("LOCAL NGOS DEMAND ACCESS") == ["ngo=NGOS"])
        #expect(try found("Twelve NGOs, three unions and the ILO") == ["ngo=NGOs", "ilo=ILO"])
    }

    @Test(arguments: [
        "ngos are everywhere", "Ngos are everywhere", "the NGOS said", "UGM NGOS", "INGOs and BINGOs",
        "The USS Comstock", "GOs and QUANGOs",
    ])
    func wordsThatAreNotAnAcronymsPlural(_ text: String) throws {
        #expect(try found(text).allSatisfy { !$0.hasPrefix("ngo=") && !$0.hasPrefix("us=") })
    }

    /// An acronym written in mixed case is a case mistake (*The Ngo said*), unless a capitalised
    /// word follows: then it is part of a name.
    @Test func anAcronymInMixedCaseBeforeACapitalisedWordIsPartOfAName() throws {
        #expect(try found("Ngo Van Thanh, a fisher from Nghe An, spent two years on the vessel.") == ["fisher=fisher"])
        let mistake = try #require(try MorphologyFixture.single("The Ngo said no.", .english))
        #expect(mistake.caseMismatch)
        #expect(try found("The NGO Van was parked outside.") == ["ngo=NGO"])
    }

    @Test func anAcronymsPluralIsNoCaseMistake() throws {
        let findings = try TestSupport.findings(
            "Several NGOs filed a complaint.", language: .english, checker: MorphologyFixture.checker)
        #expect(findings.allSatisfy { $0.rule != "term-case" })
    }

    /// A deprecated acronym in the plural is replaced by the preferred term's plural when that
    /// takes a plain -s, and not at all otherwise.
    @Test func fixesOfAnAcronymsPlural() throws {
        let checker = try TestSupport.checker(
            yaml: """
                concepts:
                  - id: helper
                    terms:
                      en:
                        - migrant domestic worker
                        - term: FDH
                          type: acronym
                          status: deprecated
                  - id: agency
                    terms:
                      en:
                        - recruitment agency
                        - term: PRA
                          type: acronym
                          status: deprecated
                """)
        func fix(_ text: String) throws -> String?? {
            try TestSupport.findings(text, language: .english, checker: checker).first { $0.rule == "deprecated-term" }.map(\.fix)
        }
        #expect(try fix("Most FDHs live in.") == "migrant domestic workers")
        #expect(try fix("The FDHs' wages rose.") == "migrant domestic workers'")
        #expect(try fix("HONG KONG FDHS MARCH") == "MIGRANT DOMESTIC WORKERS")
        #expect(try fix("Two PRAs closed.") == .some(nil))
        #expect(try fix("One PRA closed.") == "recruitment agency")
    }

    @Test func pluralEndingsThatFitThePreferredTerm() {
        #expect(TermMatch.takesPluralS("migrant worker", ending: "s"))
        #expect(TermMatch.takesPluralS("day", ending: "s'"))
        #expect(TermMatch.takesPluralS("FDW", ending: "S"))
        for word in ["recruitment agency", "witness", "box", "church", "wife", "fisherman", "child", "hero"] {
            #expect(!TermMatch.takesPluralS(word, ending: "s"), "\(word)")
        }
        #expect(!TermMatch.takesPluralS("worker", ending: "nya"))
    }
}

/// The case of an acronym with an ending is judged on the word without the invisible characters
/// that matching ignores: a zero-width space or soft hyphen between the acronym and its clitic
/// does not hide the acronym's case, and does not make a lower-case word an acronym.
@Suite("Acronym forms with invisible characters")
struct AcronymFormInvisibleCharacterTests {
    @Test(arguments: ["TKI\u{200B}nya", "TKI\u{00AD}nya", "T\u{2060}KInya"])
    func anAcronymsClitic(_ word: String) throws {
        #expect(try MorphologyFixture.found("Banyak \(word) pulang.", .indonesian) == ["migrant-worker=\(word)"])
    }

    @Test(arguments: ["tki\u{200B}nya", "Tki\u{200B}nya", "TKI\u{200B}NYA"])
    func aWordWrittenOtherwise(_ word: String) throws {
        #expect(try MorphologyFixture.found("Banyak \(word) pulang.", .indonesian).isEmpty)
    }

    @Test func aSundaneseClitic() throws {
        #expect(try MorphologyFixture.found("Loba TKI\u{200B}na balik.", .sundanese) == ["migrant-worker=TKI\u{200B}na"])
    }
}
