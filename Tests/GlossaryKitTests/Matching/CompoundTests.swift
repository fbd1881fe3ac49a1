import Testing
@testable import GlossaryKit

/// Compounds written closed, hyphenated or open (issue 15, items 4 and 6): each is the term,
/// where the term's language says so, and a hyphenated prefix makes another word.
@Suite("Compounds: closed, hyphenated, open")
struct CompoundTests {
    static let checker = try! TestSupport.checker(yaml: """
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
    static let dutch = try! TestSupport.checker(yaml: """
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
        #expect(try found("A live in maid and three live in domestic workers.", .english) == [
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
}
