import Foundation
import TestLocations
import TestRandom
import Testing

@testable import GlossaryKit

@Suite("Language detection: evidence, sections, headings and certainty")
struct LanguageDetectorTests {
    let id = LanguageTag.indonesian, en = LanguageTag.english, su = LanguageTag.sundanese

    /// A paragraph of `words` words with `hits` stopword hits of id, en and su.
    static func evidence(_ hits: [Int], words: Int = 20) -> LanguageEvidence {
        LanguageEvidence(counts: hits, words: words)
    }

    /// A paragraph that decides `language` on its own (five hits), and one with none.
    func decided(_ language: LanguageTag, words: Int = 20) -> LanguageEvidence {
        Self.evidence([id, en, su].map { $0 == language ? 5 : 0 }, words: words)
    }

    func none(words: Int) -> LanguageEvidence { Self.evidence([0, 0, 0], words: words) }

    /// The languages the detector gives paragraphs with `evidence`.
    func languages(_ evidence: [LanguageEvidence], previous: LanguageTag? = nil) -> [LanguageTag?] {
        LanguageDetector.languages(from: evidence, languages: [id, en, su], previous: previous).map(\.language)
    }

    /// Whether the detector is uncertain of each paragraph.
    func uncertain(_ evidence: [LanguageEvidence], previous: LanguageTag? = nil) -> [Bool] {
        LanguageDetector.languages(from: evidence, languages: [id, en, su], previous: previous).map(\.isUncertain)
    }

    @Test func theEvidenceKeepsTheLeaderItsLeadAndTheTies() {
        let tie = Self.evidence([1, 0, 1])
        #expect(tie.leader == 0 && tie.leaderHits == 1 && tie.runnerUpHits == 1 && !tie.leans && !tie.decides)
        #expect(tie.isAtTop(0) && !tie.isAtTop(1) && tie.isAtTop(2))
        let lean = Self.evidence([0, 1, 0])
        #expect(lean.leader == 1 && lean.leans && !lean.decides)
        #expect(Self.evidence([4, 3, 0]).leans && !Self.evidence([4, 3, 0]).decides)
        #expect(Self.evidence([5, 3, 0]).decides)
        let nothing = Self.evidence([0, 0, 0])
        #expect(nothing.leader == -1 && nothing.topLanguages == 0 && !nothing.leans)
    }

    @Test func aShortUndecidedParagraphBeforeANewLanguageIsItsHeading() {
        #expect(languages([decided(id), none(words: 1), decided(en)]) == [id, en, en])
        // Only the last paragraph of an undecided run is the heading; a keyword line stays.
        #expect(languages([decided(id), none(words: 4), none(words: 1), decided(en)]) == [id, id, en, en])
        #expect(languages([decided(id), none(words: 2), none(words: 1), decided(en)]) == [id, id, en, en])
        // A heading word of the other language does not keep it out of the section it opens
        // (the seed's ABSTRAK before its English abstract).
        #expect(languages([decided(id), Self.evidence([1, 0, 0], words: 1), decided(en)]) == [id, en, en])
    }

    @Test func aLongerUndecidedParagraphKeepsTheLanguageBeforeIt() {
        #expect(languages([decided(id), none(words: LanguageDetector.headingWordLimit + 1), decided(en)]) == [id, id, en])
        // Before a paragraph in the same language it is part of the section.
        #expect(languages([decided(id), none(words: 1), decided(id)]) == [id, id, id])
        // At the end of the text there is no following section.
        #expect(languages([decided(id), none(words: 1)]) == [id, id])
    }

    @Test func theFirstParagraphsTakeThePreviousChunksLanguageOrTheFirstDecidedOne() {
        #expect(languages([none(words: 5), none(words: 5), decided(en)]) == [en, en, en])
        #expect(languages([none(words: 5), none(words: 5), decided(en)], previous: id) == [id, id, en])
        // A heading at the start of a chunk, after a chunk in another language.
        #expect(languages([none(words: 1), decided(en)], previous: id) == [en, en])
        #expect(languages([none(words: 1), decided(id)], previous: id) == [id, id])
        #expect(languages([none(words: 1), none(words: 1)], previous: su) == [su, su])
        #expect(languages([none(words: 1), none(words: 1)]) == [nil, nil])
    }

    /// The rule behind "The guest workers left early." taken for Indonesian after an Indonesian
    /// paragraph: a paragraph's own words, however few, come before its section's language.
    @Test func aParagraphThatLeansToALanguageIsInItWhateverItsSection() {
        let guestWorkers = Self.evidence([0, 1, 0], words: 5)
        #expect(languages([decided(id), guestWorkers]) == [id, en])
        #expect(languages([decided(id), guestWorkers, decided(id)]) == [id, en, id])
        #expect(languages([guestWorkers], previous: su) == [en])
        // And a leaning paragraph is what its undecided neighbours follow.
        #expect(languages([decided(id), guestWorkers, none(words: 6)]) == [id, en, en])
        // A lead is needed: a tie leans nowhere, more hits of one language outweigh another's.
        #expect(languages([decided(su), Self.evidence([1, 1, 0], words: 5)]) == [su, id])
        #expect(languages([decided(su), Self.evidence([1, 2, 0], words: 5)]) == [su, en])
    }

    @Test func aTiedParagraphTakesATiedLanguage() {
        let idOrSu = Self.evidence([1, 0, 1], words: 5)
        // The section's language when it is one of the tied ones.
        #expect(languages([decided(su), idOrSu]) == [su, su])
        #expect(languages([decided(id), idOrSu]) == [id, id])
        // Else the next section's, else the first tied language: never one the words rule out.
        #expect(languages([decided(en), idOrSu, decided(su)]) == [en, su, su])
        #expect(languages([decided(en), idOrSu]) == [en, id])
        #expect(languages([idOrSu], previous: en) == [id])
    }

    @Test func onlyAParagraphItsOwnWordsDecideIsCertain() {
        // Decided paragraphs are certain, undecided ones (short, or mixed) are not.
        #expect(
            uncertain([decided(id), none(words: 3), Self.evidence([0, 1, 0], words: 5), decided(id)]) == [
                false, true, true, false,
            ])
        #expect(uncertain([Self.evidence([4, 4, 0]), Self.evidence([4, 3, 0])]) == [true, true])
        // A paragraph without any language is uncertain.
        #expect(uncertain([none(words: 3)]) == [true])
        // Alone, a decided paragraph is certain.
        #expect(uncertain([Self.evidence([0, 2, 0], words: 4)]) == [false])
    }

    @Test func aParagraphDecidedAgainstItsSectionOnThinEvidenceIsUncertain() {
        let twoEnglish = Self.evidence([0, 2, 0], words: 4)
        let threeEnglish = Self.evidence([0, LanguageDetector.contraryHits, 0], words: 6)
        #expect(uncertain([decided(id), twoEnglish, decided(id)]) == [false, true, false])
        #expect(uncertain([decided(id), twoEnglish]) == [false, true])
        #expect(uncertain([twoEnglish], previous: su) == [true])
        #expect(uncertain([decided(id), threeEnglish, decided(id)]) == [false, false, false])
        // Agreeing with one side is enough: it starts or ends a section.
        #expect(uncertain([decided(id), twoEnglish, decided(en)]) == [false, false, false])
        #expect(uncertain([decided(en), twoEnglish, decided(id)]) == [false, false, false])
        // The language stays the one its words say.
        #expect(languages([decided(id), twoEnglish, decided(id)]) == [id, en, id])
    }

    /// The stopword lists' words shared by two languages count for both: *di* and *mana* are
    /// Indonesian and Sundanese, *can* is English and Sundanese ("not yet"), and the Indonesian
    /// names of a document's parts are used in Sundanese writing too (*Kata kunci*).
    @Test func aWordOfTwoLanguagesCountsForBoth() throws {
        let compiled = TestSupport.projectChecker.compiled
        let languages = compiled.tables.detectorLanguages
        func counted(_ word: String) throws -> Set<String> {
            let id = try #require(compiled.tables.words.find(word), "\(word)")
            return Set(
                languages.indices.filter { compiled.tables.flags[Int(id)] >> (16 + UInt32($0)) & 1 != 0 }.map {
                    languages[$0].rawValue
                })
        }
        #expect(try counted("di") == ["id", "su"])
        #expect(try counted("mana") == ["id", "su"])
        #expect(try counted("can") == ["en", "su"])
        #expect(try counted("kunci") == ["id", "su"])
        #expect(try counted("keywords") == ["en"])
        #expect(try counted("yang") == ["id"])
        #expect(try counted("nuhun") == ["su"])
        // So a Sundanese question is not Indonesian for its two shared words, and a Sundanese
        // keyword line written with the Indonesian label stays in its section.
        let text = """
            Ieu téh carita ti lembur, anu dicaritakeun ku urang lembur sorangan.

            Di nagara mana?

            Kata kunci: calo, pekerja migran
            """
        let found = try Self.languages(SourceText(path: "t.txt", string: text))
        #expect(found.map(\.1) == ["su", "su", "su"])
    }

    static func fixture() throws -> SourceText {
        let url = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/cross/headings.md")
        return try SourceText(path: url.path, bytes: Array(try Data(contentsOf: url)))
    }

    /// Each paragraph's first line and language, as the checker decides them.
    static func languages(_ source: SourceText, chunkSize: Int = 1 << 20) throws -> [(String, String?)] {
        let document = try TestSupport.projectChecker.analyze(source, options: CheckOptions(chunkSize: chunkSize))
        return document.paragraphs.map { paragraph in
            let text = source.text(paragraph.bytes)
            return (String(text.prefix { $0 != "\n" }.prefix(24)), paragraph.language?.rawValue)
        }
    }

    @Test func headingsTakeTheLanguageOfTheSectionTheyIntroduce() throws {
        let source = try Self.fixture()
        let found = try Self.languages(source)
        let expected: [(String, String)] = [
            ("RINGKASAN", "id"), ("Penelitian ini membahas ", "id"), ("Kata kunci: ILO, NTT", "id"),
            ("ABSTRACT", "en"), ("This study discusses the", "en"), ("Keywords: ILO, NTT", "en"),
            ("RINGKESAN", "su"), ("Ieu panalungtikan ngabah", "su"),
        ]
        #expect(found.map(\.0) == expected.map(\.0))
        #expect(found.map(\.1) == expected.map(\.1))
        // The section analyser (coverage, cross-language rules) agrees.
        let analyzer = CrossLanguageAnalyzer(compiled: TestSupport.projectChecker.compiled)
        #expect(try analyzer.paragraphs(of: source).segments.map(\.language?.rawValue) == expected.map(\.1))
    }

    @Test func chunkingDoesNotChangeTheLanguages() throws {
        let source = try Self.fixture()
        let whole = try Self.languages(source)
        // Small chunks (a heading, its section's first paragraph of 150 bytes and what is before them fit within four chunks, so no paragraph is cut): every chunk
        // ends at the first blank line it can, but never right after a heading, so a heading and
        // its section are always detected together.
        for size in [60, 100, 200] {
            let chunked = try Self.languages(source, chunkSize: size)
            #expect(chunked.map(\.0) == whole.map(\.0), "chunk size \(size)")
            #expect(chunked.map(\.1) == whole.map(\.1), "chunk size \(size)")
        }
    }

    @Test func chunksDoNotEndAfterAShortParagraph() {
        let bytes = Array("Long paragraph with many words in it.\n\nABSTRACT\n\nNext paragraph here.\n".utf8)
        // A cut is possible after the long paragraph, not after "ABSTRACT".
        #expect(!TextChunker.endsWithShortParagraph(bytes, before: 37, from: 0))
        #expect(TextChunker.endsWithShortParagraph(bytes, before: 47, from: 0))
        #expect(TextChunker.chunkEnd(bytes, from: 0, size: 38) == bytes.count)
        #expect(TextChunker.chunkEnd(bytes, from: 0, size: 10) == 39)
    }

    @Test(.needsSeed) func theSeedsHeadingsGoWithTheirSections() throws {
        let seed = SharedData.seed
        let source = try SourceText(path: seed.path, bytes: Array(try Data(contentsOf: seed)))
        let found = try Self.languages(source)
        let headings = found.filter { ["ABSTRAK", "ABSTRACT", "RINGKESAN"].contains($0.0) }
        // The seed's headings: ABSTRAK (id), ABSTRAK before the English abstract, RINGKESAN.
        #expect(headings.map(\.0) == ["ABSTRAK", "ABSTRAK", "RINGKESAN"])
        #expect(headings.map(\.1) == ["id", "en", "su"])
        // Each heading has the language of the paragraph after it.
        for (index, paragraph) in found.enumerated()
        where headings.contains(where: { $0 == paragraph }) && index + 1 < found.count {
            #expect(paragraph.1 == found[index + 1].1, "\(paragraph.0)")
        }
        // In chunks of about 300 bytes (the longest paragraph has 1081) the result is the same.
        #expect(try Self.languages(source, chunkSize: 300).map(\.1) == found.map(\.1))
    }

    /// The decision without sorting pairs must be the ranking's: the top count wins when it is
    /// at least 2 and clearly ahead of the runner-up (a tie decides nothing).
    @Test func decidingFromCountsAgreesWithRankingThem() {
        let languages: [LanguageTag] = [.indonesian, .english, .sundanese, LanguageTag("jv")!]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5000 {
            let count = Int.random(in: 0...languages.count, using: &generator)
            let counts = (0..<count).map { _ in Int.random(in: 0...9, using: &generator) }
            let ranked = zip(languages, counts).sorted { $0.1 > $1.1 }
            var expected: LanguageTag?
            if let first = ranked.first, first.1 >= 2 {
                expected = first.0
                if ranked.count > 1 {
                    let second = ranked[1].1
                    if !(first.1 * 3 >= second * 4 + 1 && first.1 > second) { expected = nil }
                }
            }
            #expect(LanguageDetector.decide(languages: Array(languages.prefix(count)), counts: counts) == expected, "\(counts)")
        }
    }

    /// The section aligner's paragraphs are the checker's, language for language, however the
    /// text is chunked: both come from one scan and one detector. A text whose first chunk has
    /// no stopword at all leaves those paragraphs undecided in both (a whole-text detection
    /// would have given them the language found later).
    @Test func alignmentAndCheckerAgreeOnEveryParagraph() throws {
        let undecided = String(repeating: "12345 67890 ILO NTT.\n\n", count: 6)
        let texts = [
            try Self.fixture(),
            SourceText(
                path: "late.md", string: undecided + "Penelitian ini membahas pekerja migran dan keluarga mereka di desa.\n"),
        ]
        let analyzer = CrossLanguageAnalyzer(compiled: TestSupport.projectChecker.compiled)
        for source in texts {
            for size in [40, 100, 1 << 20] {
                let options = CheckOptions(chunkSize: size)
                let checked = try TestSupport.projectChecker.analyze(source, options: options).paragraphs
                let aligned = try analyzer.paragraphs(of: source, options: options).segments
                #expect(
                    aligned.map(\.language) == LanguageSections.sectionLanguages(of: checked),
                    "\(source.path), chunk size \(size)")
                #expect(aligned.map(\.bytes.lowerBound) == checked.map(\.bytes.lowerBound), "\(source.path), chunk size \(size)")
            }
        }
        let late = try analyzer.paragraphs(of: texts[1], options: CheckOptions(chunkSize: 40)).segments
        #expect(late.first?.language == nil && late.last?.language == .indonesian)
    }
}
