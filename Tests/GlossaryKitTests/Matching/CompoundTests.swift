import Testing

@testable import GlossaryKit

/// Compounds written closed, hyphenated or open (issue 15, items 4 and 6): each is the term,
/// where the term's language says so, and a hyphenated prefix makes another word.
@Suite("Compounds: closed, hyphenated, open")
struct CompoundTests {
    static let checker = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: trafficking
                terms:
                  id: [jual beli manusia]
                  su: [jual beuli manusa]
              - id: un
                terms:
                  id: [Perserikatan Bangsa-Bangsa]
              - id: sex-worker
                terms:
                  id:
                    - pekerja seks
                    - term: kupu-kupu malam
                      status: deprecated
              - id: live-in
                terms:
                  en:
                    - live-in domestic worker
                    - term: live-in maid
                      status: deprecated
              - id: worker
                terms:
                  en: [worker]
                  id: [pekerja]
            """)

    /// The same terms in a language without compound rules.
    static let dutch = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: no-rules
                terms:
                  nl: [jual beli manusia, Perserikatan Bangsa-Bangsa]
            """)

    func found(_ text: String, _ language: LanguageTag?, checker: GlossaryChecker = checker) throws -> [String] {
        try TestSupport.matches(text, language: language, checker: checker).map { "\($0.concept)=\($0.text)" }
    }

    func only(_ text: String, _ language: LanguageTag?) throws -> TermMatch? {
        let matches = try TestSupport.matches(text, language: language, checker: Self.checker)
        return matches.count == 1 ? matches[0].match : nil
    }

    @Test func aHyphenForASpaceInsideATerm() throws {
        #expect(try found("Praktik jual-beli manusia masih terjadi.", .indonesian) == ["trafficking=jual-beli manusia"])
        #expect(try found("JUAL-BELI MANUSIA DI PELABUHAN", .indonesian) == ["trafficking=JUAL-BELI MANUSIA"])
        #expect(try found("kasus jual beli-manusia", .indonesian) == ["trafficking=jual beli-manusia"])
        #expect(try found("jual-beuli manusa", .sundanese) == ["trafficking=jual-beuli manusa"])
        let match = try #require(try only("Praktik jual-beli manusia.", .indonesian))
        #expect(match.phenomena == [.compound])
        #expect(match.explanation == "'jual beli manusia' written with a hyphen")
        // With the other phenomena of its words: a clitic on the last.
        let clitic = try #require(try only("jual-beli manusianya", .indonesian))
        #expect(clitic.phenomena == [.clitic, .compound])
    }

    @Test func aSpaceForAHyphenInsideATerm() throws {
        let match = try #require(try only("Perserikatan Bangsa Bangsa menetapkan", .indonesian))
        #expect(match.phenomena == [.compound])
        #expect(match.explanation == "'Perserikatan Bangsa-Bangsa' written with a space for its hyphen")
        #expect(try found("Perserikatan Bangsa bangsa", .indonesian) == ["un=Perserikatan Bangsa bangsa"])
        #expect(try found("Istilah kupu kupu malam", .indonesian) == ["sex-worker=kupu kupu malam"])
        #expect(
            try found("A live in maid and three live in domestic workers.", .english) == [
                "live-in=live in maid", "live-in=live in domestic workers",
            ])
        // Hyphens in other places than the term's.
        let moved = try #require(try only("three live in-domestic workers", .english))
        #expect(moved.explanation.contains("with its hyphens elsewhere"))
    }

    @Test func writtenAsTheGlossaryWritesItIsNoCompound() throws {
        #expect(try only("Perserikatan Bangsa-Bangsa", .indonesian)?.phenomena == [])
        #expect(try only("jual beli manusia", .indonesian)?.phenomena == [])
        #expect(try only("live-in maid", .english)?.phenomena == [])
    }

    @Test func otherSeparatorsAndPartsAreNotTheTerm() throws {
        // A comma, a slash or a spaced dash is no hyphen; part of a term is no term.
        #expect(try found("jual, beli manusia", .indonesian) == [])
        #expect(try found("jual/beli manusia", .indonesian) == [])
        #expect(try found("Akta jual-beli tanah", .indonesian) == [])
        #expect(try found("Bangsa-bangsa di Asia", .indonesian) == [])
        #expect(try found("Taman kupu-kupu", .indonesian) == [])
    }

    @Test func aLanguageWithoutTheRuleNeedsTheTermsOwnSeparators() throws {
        let dutch = LanguageTag("nl")!
        #expect(try found("jual beli manusia", dutch, checker: Self.dutch) == ["no-rules=jual beli manusia"])
        #expect(try found("jual-beli manusia", dutch, checker: Self.dutch) == [])
        #expect(try found("Perserikatan Bangsa-Bangsa", dutch, checker: Self.dutch) == ["no-rules=Perserikatan Bangsa-Bangsa"])
        #expect(try found("Perserikatan Bangsa Bangsa", dutch, checker: Self.dutch) == [])
    }

    @Test func theTrieStoresAHyphenAsASpaceAndTheEntryKeepsIt() throws {
        let compiled = Self.checker.compiled
        let entries = compiled.tables.entries
        let hyphenated = (0..<Int32(entries.count)).filter { entries.facts($0).isHyphenated }
        // Perserikatan Bangsa-Bangsa, kupu-kupu malam, live-in domestic worker, live-in maid.
        #expect(hyphenated.count == 4)
        #expect(hyphenated.allSatisfy { entries.hyphens($0) != 0 })
        #expect(entries.hyphens(hyphenated[0]) == 1 << 2)
        // No edge of the trie is labelled with a hyphen.
        let kupu = try #require(compiled.tables.words.find("kupu"))
        let node = try #require(compiled.child(of: 0, gap: 0, word: kupu))
        #expect(compiled.child(of: node, gap: compiled.hyphenGap, word: kupu) == nil)
        #expect(compiled.child(of: node, gap: CompiledGlossary.spaceGap, word: kupu) != nil)
    }

    /// English compounds, closed and open, and Indonesian ones with a prefix.
    static let closed = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: domestic-worker
                terms:
                  en:
                    - domestic worker
                    - term: housemaid
                      status: deprecated
                    - term: maid
                      status: deprecated
              - id: migrant-worker
                terms:
                  en:
                    - migrant worker
                    - term: guest worker
                      status: deprecated
              - id: crew
                terms:
                  en: [crew member]
              - id: broker
                terms:
                  en:
                    - recruitment broker
                    - term: middleman
                      status: deprecated
              - id: ngo
                terms:
                  en: [non-governmental organization]
                  id: [organisasi nonpemerintah]
              - id: worker
                terms:
                  en: [worker]
              - id: government
                terms:
                  en: [government]
                  id: [pemerintah]
              - id: employer
                terms:
                  en: [employer]
              - id: tki
                terms:
                  id:
                    - term: TKI
                      type: acronym
              - id: victim
                terms:
                  id: [korban]
              - id: exact
                terms:
                  en:
                    - term: workhouse
                      match: exact
            """)

    func closedFound(_ text: String, _ language: LanguageTag = .english) throws -> [String] {
        try found(text, language, checker: Self.closed)
    }

    @Test func aTermWrittenClosed() throws {
        #expect(try closedFound("Guestworkers arrived from Turkey.") == ["migrant-worker=Guestworkers"])
        #expect(try closedFound("a guestworker scheme, every crewmember") == ["migrant-worker=guestworker", "crew=crewmember"])
        #expect(try closedFound("Nongovernmental organizations reported it.") == ["ngo=Nongovernmental organizations"])
        let match = try #require(try TestSupport.matches("a guestworker", language: .english, checker: Self.closed).first?.match)
        #expect(match.phenomena == [.compound])
        #expect(match.explanation == "'guest worker' written closed")
    }

    @Test func aClosedWordWrittenOpenOrHyphenated() throws {
        #expect(
            try closedFound("a house-maid, two house maids and the HOUSE-MAID'S room") == [
                "domestic-worker=house-maid", "domestic-worker=house maids", "domestic-worker=HOUSE-MAID'S",
            ])
        #expect(
            try closedFound("No middle man was charged; the middle-men took it.") == [
                "broker=middle man", "broker=middle-men",
            ])
        let match = try #require(try TestSupport.matches("a house-maid", language: .english, checker: Self.closed).first?.match)
        #expect(match.explanation == "'housemaid' written with a hyphen")
        #expect(
            try TestSupport.matches("a house maid", language: .english, checker: Self.closed).first?.match.explanation
                == "'housemaid' written open")
        // A prefix the language writes apart: non + pemerintah.
        #expect(
            try closedFound("organisasi non-pemerintah dan organisasi non pemerintah", .indonesian) == [
                "ngo=organisasi non-pemerintah", "ngo=organisasi non pemerintah",
            ])
    }

    @Test func theLongFormHidesTheShorterTermInIt() throws {
        // maid is a term too, and worker: the compound is reported, not its last word.
        #expect(try closedFound("The guest-worker programme ended.") == ["migrant-worker=guest-worker"])
        #expect(try closedFound("She was a house-maid.") == ["domestic-worker=house-maid"])
        #expect(try closedFound("Domestic-worker organisations") == ["domestic-worker=Domestic-worker"])
    }

    @Test func closedWordsSplitOnlyIntoKnownParts() throws {
        let compiled = Self.closed.compiled
        // house and middle are listed parts, maid and man known; "hou" + "semaid" is no split.
        #expect(compiled.tables.words.find("house") != nil && compiled.tables.words.find("middle") != nil)
        #expect(compiled.tables.words.find("hou") == nil && compiled.tables.words.find("semaid") == nil)
        // Other words that end like a term's word are not it, and words apart are not a compound.
        #expect(try closedFound("the bridesmaid and the mermaid") == [])
        #expect(try closedFound("In the big house, maids slept on the floor.") == ["domestic-worker=maids"])
        #expect(try closedFound("Every guest, worker and volunteer") == ["worker=worker"])
        #expect(try closedFound("The crew, members of the union, refused.") == [])
        // `match: exact` keeps its written form only.
        #expect(try closedFound("the work house") == [])
        #expect(try closedFound("the workhouse") == ["exact=workhouse"])
    }

    @Test func aHyphenatedPrefixMakesAnotherWord() throws {
        #expect(try closedFound("Her co-worker and the co-workers") == [])
        #expect(try closedFound("Anti-government protests; a pro-employer reform") == [])
        #expect(try closedFound("Non-migrant workers earn less.") == ["worker=workers"])
        #expect(try closedFound("Sektor non-pemerintah", .indonesian) == [])
        #expect(try closedFound("urusan ke-TKI-an, eks-TKI, non-TKI", .indonesian) == [])
        // Across a line break too: a real hyphen (co-⏎workers) or a prefix split off (ber-⏎korban).
        #expect(try closedFound("Her co-\nworkers paid.") == [])
        #expect(try closedFound("Mereka rela ber-\nkorban.", .indonesian) == [])
        // A word that is no prefix leaves the term alone; so does a prefix written apart.
        #expect(try closedFound("farm-workers and the non workers") == ["worker=workers", "worker=workers"])
        #expect(try closedFound("the pro government", .english) == ["government=government"])
    }

    @Test func anOpenCompoundAfterASubjectIsAVerbPhrase() throws {
        let liveIn = Self.checker
        #expect(try found("They live in maids' quarters.", .english, checker: liveIn) == [])
        #expect(
            try found("Workers who live in domestic worker housing", .english, checker: liveIn) == [
                "worker=Workers", "worker=worker",
            ])
        #expect(try found("She wants to live in maid quarters.", .english, checker: liveIn) == [])
        #expect(try found("A live in maid is on call.", .english, checker: liveIn) == ["live-in=live in maid"])
        #expect(try found("Wanted: Live in maid.", .english, checker: liveIn) == ["live-in=Live in maid"])
        // Written with its hyphen it is the compound after any word.
        #expect(try found("They live-in maids", .english, checker: liveIn) == ["live-in=live-in maids"])
    }
}
