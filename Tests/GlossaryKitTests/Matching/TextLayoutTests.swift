import Testing

@testable import GlossaryKit

/// Text as it arrives from PDFs, word processors and the web (issue 15, item 10): words
/// hyphenated across a line break, and invisible characters inside words.
@Suite("Line breaks and invisible characters")
struct TextLayoutTests {
    static let checker = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: trafficking
                terms:
                  en: [human trafficking]
              - id: worker
                terms:
                  en: [worker]
                  id: [pekerja]
              - id: migrant-worker
                terms:
                  en: [migrant worker]
                  id:
                    - pekerja migran
                    - term: TKI
                      type: acronym
                      status: deprecated
              - id: employer
                terms:
                  id: [majikan]
              - id: crew
                terms:
                  id:
                    - term: ABK
                      type: acronym
              - id: maid
                terms:
                  en:
                    - term: maid
                      status: deprecated
              - id: fisher
                terms:
                  en:
                    - fisher
                    - term: fisherman
                      status: deprecated
            """)

    func found(_ text: String, _ language: LanguageTag = .english) throws -> [String] {
        try TestSupport.matches(text, language: language, checker: Self.checker).map { "\($0.concept)=\($0.text)" }
    }

    func phenomena(_ text: String, _ language: LanguageTag = .english) throws -> [[Phenomenon]] {
        try TestSupport.matches(text, language: language, checker: Self.checker).map(\.match.phenomena)
    }

    @Test func aWordHyphenatedAcrossALineBreakIsJoinedWhenTheJoinedWordIsATermsWord() throws {
        #expect(try found("Reports of human traf-\nficking rose.") == ["trafficking=human traf-\nficking"])
        #expect(try found("Reports of human traf-\r\n   ficking rose.") == ["trafficking=human traf-\r\n   ficking"])
        #expect(try found("The mi-\ngrant workers left.") == ["migrant-worker=mi-\ngrant workers"])
        #expect(try phenomena("The mi-\ngrant workers left.") == [[.lineBreak, .plural]])
        #expect(try found("He was a fisher-\nman.") == ["fisher=fisher-\nman"])
        // The joined word read by the analyzer: majikan + -nya; all capitals.
        #expect(try found("Ia kabur karena maji-\nkannya marah.", .indonesian) == ["employer=maji-\nkannya"])
        #expect(try phenomena("Ia kabur karena maji-\nkannya marah.", .indonesian) == [[.clitic, .lineBreak]])
        #expect(try found("PARA PE-\nKERJA MIGRAN", .indonesian) == ["migrant-worker=PE-\nKERJA MIGRAN"])
    }

    /// The matcher skips a word that is no term's word, then looks back from a hyphen that ends
    /// a line: the fragment before it starts a term wherever it stands.
    @Test func aFragmentStartsATermWhereverItStands() throws {
        // First word of the text, and of a paragraph after another.
        #expect(try found("Traf-\nficking is a crime.") == [])
        #expect(try found("mi-\ngrant workers") == ["migrant-worker=mi-\ngrant workers"])
        #expect(try found("Done.\n\nmi-\ngrant workers") == ["migrant-worker=mi-\ngrant workers"])
        // Right after a match, and after a word that was tried as a start and matched nothing.
        #expect(try found("a worker mi-\ngrant workers") == ["worker=worker", "migrant-worker=mi-\ngrant workers"])
        #expect(try found("a migrant mi-\ngrant worker") == ["migrant-worker=mi-\ngrant worker"])
        // A term's word before the hyphen: tried as a start in its own right, joined there.
        #expect(try found("the fisher-\nman left") == ["fisher=fisher-\nman"])
        // Two in a row.
        #expect(try found("mi-\ngrant work-\ners") == ["migrant-worker=mi-\ngrant work-\ners"])
    }

    @Test func aJoinedWordThatIsNoTermsWordIsNotJoined() throws {
        // traf-⏎ficked, work-⏎force: nothing to match, and no part on its own either.
        #expect(try found("They had traf-\nficked people.") == [])
        #expect(try found("The work-\nforce of the estate.") == [])
        // A term followed by the first letters of a longer word is that word's part: maid-⏎en.
        #expect(try found("The maid-\nen voyage was delayed.") == [])
        #expect(try found("Nilai PEKERJA-\nAN naik.", .indonesian) == [])
        // Without a line break a hyphen stays a hyphen, and a term before it is the term.
        #expect(try found("The maid-en voyage.") == ["maid=maid"])
        // A term before a hyphen at a line's end that starts a new word (capital) is the term.
        #expect(try found("the worker-\nLed union") == ["worker=worker"])
    }

    @Test func aReduplicationOrACliticSplitByALineBreakIsOneOccurrence() throws {
        let majikan = try TestSupport.matches("Para majikan-\nmajikan itu.", language: .indonesian, checker: Self.checker)
        #expect(majikan.map(\.text) == ["majikan-\nmajikan"])
        #expect(majikan.first?.match.phenomena == [.lineBreak, .reduplication])
        #expect(try found("Pekerja-\npekerja kebun.", .indonesian) == ["worker=Pekerja-\npekerja"])
        let clitic = try TestSupport.matches("Dua ABK-\nnya selamat.", language: .indonesian, checker: Self.checker)
        #expect(clitic.map(\.text) == ["ABK-\nnya"])
        #expect(clitic.first?.match.phenomena == [.hyphenatedClitic, .lineBreak])
    }

    @Test func invisibleCharactersInsideWordsAreIgnoredAndReported() throws {
        for invisible in ["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"] {
            let matches = try TestSupport.matches(
                "Reports of hu\(invisible)man traf\(invisible)ficking.", language: .english, checker: Self.checker)
            #expect(matches.map(\.concept) == ["trafficking"], "U+\(String(invisible.unicodeScalars.first!.value, radix: 16))")
            #expect(matches.first?.match.phenomena == [.invisible])
        }
        let plural = try TestSupport.matches("Nine mi\u{AD}grant work\u{AD}ers.", language: .english, checker: Self.checker)
        #expect(plural.first?.match.phenomena == [.invisible, .plural])
        #expect(plural.first?.match.explanation.contains("soft hyphen ignored") == true)
        let two = try TestSupport.matches("hu\u{200B}man traf\u{AD}ficking", language: .english, checker: Self.checker)
        #expect(two.first?.match.explanation == "zero-width space and soft hyphen ignored")
        // In a gap, too: between the words of a term.
        #expect(try found("migrant \u{200B}workers") == ["migrant-worker=migrant \u{200B}workers"])
    }

    @Test func positionsCountTheInvisibleCharacters() throws {
        // Columns count Unicode scalars as written: the soft hyphen is one.
        let text = "ab\u{AD}c traf\u{AD}ficking worker"
        let document = try Self.checker.analyze(
            SourceText(path: "t.txt", string: text), options: CheckOptions(language: .english))
        let worker = try #require(document.matches.first { document.glossary[concept: $0.term].id == "worker" })
        #expect(worker.start.column == 19)
        #expect(worker.bytes.lowerBound == Array("ab\u{AD}c traf\u{AD}ficking ".utf8).count)
    }

    @Test func aFixOverAnInvisibleCharacterReplacesTheWholeWord() throws {
        func fixed(_ text: String, _ language: LanguageTag) throws -> String {
            let source = SourceText(path: "t.txt", string: text)
            let findings = try Self.checker.check(source, options: CheckOptions(language: language))
            guard let fix = Fixer.fix(source, findings: findings) else { return text }
            return String(decoding: fix.fixed, as: UTF8.self)
        }
        #expect(try fixed("Para T\u{200B}KI\u{AD} itu.\n", .indonesian) == "Para pekerja migran itu.\n")
        #expect(try fixed("Two fish\u{AD}er\u{AD}man left.\n", .english) == "Two fisher left.\n")
        // A word hyphenated across a line break gets no fix: the line break would go too.
        #expect(try fixed("Two fisher-\nman left.\n", .english) == "Two fisher-\nman left.\n")
        let findings = try Self.checker.check(
            SourceText(path: "t.txt", string: "Two fisher-\nman left.\n"), options: CheckOptions(language: .english))
        #expect(findings.contains { $0.rule == "deprecated-term" })
    }
}
