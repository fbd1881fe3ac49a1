import TestRandom
import Testing

@testable import GlossaryKit

/// The scanner copies what the glossary's word table says of each word (term word, stopword of
/// which detector language) into the word's record, from its memo of distinct words. These tests
/// hold the copy to the table, on the fast path and the reference path, for first and repeated
/// occurrences, and hold the matcher to the same matches with and without it.
@Suite("Lexicon flags in the scanned words")
struct LexiconFlagsTests {
    /// The record's summary of the table, computed here from the ids alone.
    static func expectedFlags(_ word: ScannedWord, in compiled: CompiledGlossary) -> UInt16 {
        let folded = word.folded >= 0 ? compiled.tables.flags[Int(word.folded)] : 0
        let bare = word.bare >= 0 ? compiled.tables.flags[Int(word.bare)] : 0
        return UInt16((folded | bare) & 1) | UInt16(truncatingIfNeeded: folded >> 15) & 0xFFFE
    }

    /// Texts with term words, stopwords of three languages, accents written composed and
    /// decomposed, upper case, clitics and unknown words, each word many times over.
    static func texts() -> [String] {
        var generator = SeededGenerator(seed: 11)
        let vocabulary = [
            "Pagawé", "pagawe\u{301}", "PAGAWÉ", "ILO", "ILO-nya", "migran", "Ngabéjaan", "the", "and", "yang", "dan",
            "jeung", "nu", "Straße", "labour", "Labor", "tenaga", "kerja", "kerjanya", "TKI", "TKI-na", "xyzzy",
            "perdagangan", "trafficking", "café", "cafe\u{301}", "4.000", "urang",
            // Accents on words the glossary writes without: only the accent-free form is known.
            "Labóur", "migrán", "kérja", "tenága",
        ]
        var texts = GlossaryCacheTests.exampleTexts.map(\.0)
        for _ in 0..<60 {
            texts.append(
                (0..<Int.random(in: 1...80, using: &generator))
                    .map { _ in vocabulary[Int.random(in: 0..<vocabulary.count, using: &generator)] }
                    .joined(separator: Bool.random(using: &generator) ? " " : ", "))
        }
        return texts
    }

    @Test func eachWordCarriesTheTablesFlags() throws {
        let compiled = try CompiledGlossary(RuleExamples.glossary)
        #expect(compiled.tables.detectorLanguages.count >= 3)
        var termWords = 0, stopwords = 0, viaBare = 0
        for reference in [false, true] {
            // One tokenizer for all texts, so that later texts find their words in the memo.
            let tokenizer = try Tokenizer(referencePath: reference)
            for text in Self.texts() {
                let scanned = try tokenizer.scan(
                    SourceText(path: "t.txt", string: text), markup: .plain, words: compiled.tables.words,
                    gaps: compiled.tables.gapLexicon, unknownWords: ByteLexicon(), wordFlags: compiled.tables.flags)
                #expect(scanned.hasLexiconFlags)
                for word in scanned.words {
                    #expect(word.lexiconFlags == Self.expectedFlags(word, in: compiled), "\(text)")
                    if word.lexiconFlags & 1 != 0 { termWords += 1 }
                    if word.lexiconFlags > 1 { stopwords += 1 }
                    if word.lexiconFlags & 1 != 0 && !compiled.isTermWord(word.folded) { viaBare += 1 }
                }
            }
        }
        #expect(termWords > 500 && stopwords > 500 && viaBare > 50)
    }

    @Test func withoutTheTableTheFlagsAreZeroAndMarkedAbsent() throws {
        let compiled = try CompiledGlossary(RuleExamples.glossary)
        let scanned = try Tokenizer().scan(
            SourceText(path: "t.txt", string: "the labour of the TKI"), markup: .plain, words: compiled.tables.words,
            gaps: compiled.tables.gapLexicon, unknownWords: ByteLexicon())
        #expect(!scanned.hasLexiconFlags)
        #expect(scanned.words.allSatisfy { $0.lexiconFlags == 0 })
    }

    @Test func matchesAreTheSameWithAndWithoutTheFlags() throws {
        let compiled = try CompiledGlossary(RuleExamples.glossary)
        let matcher = TermMatcher(compiled)
        var found = 0
        for text in Self.texts() {
            var results: [[TermMatch]] = []
            for flags in [compiled.tables.flags, nil] {
                let unknownWords = ByteLexicon()
                let scanned = try Tokenizer().scan(
                    SourceText(path: "t.txt", string: text), markup: .plain, words: compiled.tables.words,
                    gaps: compiled.tables.gapLexicon, unknownWords: unknownWords, wordFlags: flags)
                let cache = WordReadingCache(compiled: compiled, unknownWords: unknownWords)
                var matches: [TermMatch] = []
                for paragraph in scanned.paragraphs {
                    for language in [LanguageTag.indonesian, .english, .sundanese, nil] {
                        matches += matcher.matches(in: scanned, range: paragraph, language: language, cache: cache)
                    }
                }
                results.append(matches)
            }
            #expect(results[0] == results[1], "\(text)")
            found += results[0].count
        }
        #expect(found > 1_000)
    }

    /// A language with stopwords and nothing else, to have more languages than four.
    struct StopwordsOnly: LanguageAnalyzer {
        let language: LanguageTag
        let stopwords: Set<String>
        var foldsAccentsByDefault: Bool { false }
        func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] { [] }
    }

    /// The paragraph languages (and their certainty) as the glossary's word table decides them, word by word.
    static func referenceLanguages(_ text: String, checker: GlossaryChecker) throws -> [DetectedLanguage] {
        let compiled = checker.compiled
        let scanned = try Tokenizer().scan(
            SourceText(path: "t.txt", string: text), markup: .plain, words: compiled.tables.words,
            gaps: compiled.tables.gapLexicon)
        var evidence: [LanguageEvidence] = []
        for paragraph in scanned.paragraphs {
            var counts = [Int](repeating: 0, count: compiled.tables.detectorLanguages.count)
            for word in scanned.words[paragraph] where word.folded >= 0 {
                for index in counts.indices where compiled.tables.flags[Int(word.folded)] >> (16 + UInt32(index)) & 1 != 0 {
                    counts[index] += 1
                }
            }
            let letters = scanned.words[paragraph].filter { $0.kind == WordKind.letter.rawValue }.count
            evidence.append(LanguageEvidence(counts: counts, words: letters))
        }
        return LanguageDetector.languages(from: evidence, languages: compiled.tables.detectorLanguages, previous: nil)
    }

    /// Paragraphs of stopwords of several languages in random proportions, other words, and one
    /// paragraph longer than a 16-bit counter holds.
    static func mixedTexts(_ stopwords: [[String]], seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        var texts: [String] = []
        for _ in 0..<40 {
            let paragraphs = (0..<Int.random(in: 1...8, using: &generator)).map { _ -> String in
                let weights = stopwords.map { _ in Int.random(in: 0...4, using: &generator) }
                return (0..<Int.random(in: 0...30, using: &generator)).map { _ -> String in
                    let language = Int.random(in: 0..<(stopwords.count + 2), using: &generator)
                    guard language < stopwords.count, weights[language] > 0 else { return "kata\(language)" }
                    return stopwords[language].randomElement(using: &generator)!
                }.joined(separator: " ")
            }
            texts.append(paragraphs.joined(separator: "\n\n"))
        }
        // 72,000 stopwords of one language and 18,000 of another in one paragraph.
        let long = (0..<90_000).map { index in index % 5 == 0 ? stopwords[0][0] : stopwords[1][0] }
        texts.append("Pendahuluan\n\n" + long.joined(separator: " "))
        return texts
    }

    @Test func paragraphLanguagesAreTheTablesWithUpToFourLanguages() throws {
        let checker = TestSupport.exampleChecker
        #expect(checker.compiled.tables.detectorLanguages.count <= 4)
        let stopwords = checker.compiled.tables.detectorLanguages.map {
            Array(AnalyzerRegistry.standard.analyzer(for: $0).stopwords).sorted()
        }
        var decided = Set<LanguageTag>()
        for text in Self.mixedTexts(stopwords, seed: 3) {
            let document = try checker.analyze(SourceText(path: "t.txt", string: text))
            #expect(
                document.paragraphs.map { DetectedLanguage(language: $0.language, isUncertain: $0.languageIsUncertain) }
                    == (try Self.referenceLanguages(text, checker: checker)))
            decided.formUnion(document.paragraphs.compactMap(\.language))
        }
        #expect(decided.count == checker.compiled.tables.detectorLanguages.count)
    }

    @Test func paragraphLanguagesAreTheTablesWithSixLanguages() throws {
        let extra: [(LanguageTag, [String])] = [
            (LanguageTag("fr")!, ["le", "la", "les", "des", "est"]), (LanguageTag("de")!, ["der", "die", "das", "und", "ist"]),
            (LanguageTag("nl")!, ["het", "een", "van", "zijn", "niet"]),
        ]
        let registry = AnalyzerRegistry(
            analyzers: [LanguageTag.indonesian, .english, .sundanese].map { AnalyzerRegistry.standard.analyzer(for: $0) }
                + extra.map { StopwordsOnly(language: $0.0, stopwords: Set($0.1)) })
        var yaml = "concepts:\n  - id: one\n    terms:\n"
        for language in ["id", "en", "su", "fr", "de", "nl"] { yaml += "      \(language): [kata \(language)]\n" }
        let checker = try GlossaryChecker(glossary: YAMLGlossaryReader.read(yaml, path: "six.yml"), registry: registry)
        #expect(checker.compiled.tables.detectorLanguages.count == 6)
        let stopwords = checker.compiled.tables.detectorLanguages.map { Array(registry.analyzer(for: $0).stopwords).sorted() }
        var decided = Set<LanguageTag>()
        for text in Self.mixedTexts(stopwords, seed: 4) {
            let document = try checker.analyze(SourceText(path: "t.txt", string: text))
            #expect(
                document.paragraphs.map { DetectedLanguage(language: $0.language, isUncertain: $0.languageIsUncertain) }
                    == (try Self.referenceLanguages(text, checker: checker)))
            decided.formUnion(document.paragraphs.compactMap(\.language))
        }
        #expect(decided.count == 6)
    }
}
