import Foundation
import TestLocations
import TestRandom
import Testing

@testable import GlossaryKit

/// The scanner splits lines of Latin, Greek and Cyrillic text into words itself (UAX #29 as ICU
/// implements it) and lower-cases ASCII words itself, instead of calling ICU's break iterator and
/// NFKC_Casefold. This is only allowed because it changes nothing: these tests split and fold
/// real texts, the benchmark corpus and random strings of the tricky characters both ways, and
/// compare every word (range, kind, folded and accent-free forms).
@Suite("Word-splitting and folding fast paths")
struct FastPathTests {
    /// Compares the fast and the reference path on `bytes`; returns the number of words and the
    /// share of lines the fast path split (the rest it left to ICU).
    @discardableResult
    func compare(_ bytes: [UInt8], _ name: String) throws -> (words: Int, fastShare: Double) {
        let tokenizer = try ICUWordTokenizer()
        let fast = try bytes.withUnsafeBufferPointer { try tokenizer.words(in: $0) }
        let lines = tokenizer.lineCounts
        let reference = try bytes.withUnsafeBufferPointer { try tokenizer.words(in: $0, icuOnly: true) }
        #expect(fast.count == reference.count, "\(name)")
        var differences: [String] = []
        for (a, b) in zip(fast, reference)
        where a.start != b.start || a.end != b.end || a.kind != b.kind || a.folded != b.folded || a.bare != b.bare {
            differences.append("\(a.start)..<\(a.end) \(a.kind) '\(a.folded)' vs \(b.start)..<\(b.end) \(b.kind) '\(b.folded)'")
        }
        #expect(differences.isEmpty, "\(name): \(differences.count) words differ, first: \(differences.prefix(3))")
        // The checker's scan (batched look-ups in the memo of distinct words) against the
        // reference scan: the same records (ids, gaps, paragraph starts) and folded forms.
        let compiled = Self.projectCompiled
        var scans: [(words: [ScannedWord], folded: [String])] = []
        for referencePath in [false, true] {
            let scanned = try bytes.withUnsafeBufferPointer { buffer in
                try ICUWordTokenizer().scan(
                    buffer, words: compiled.tables.words, gaps: compiled.tables.gapLexicon, unknownWords: ByteLexicon(),
                    icuOnly: referencePath)
            }
            let folded = scanned.words.map { word in
                String(decoding: scanned.folded[Int(word.foldedStart)..<Int(word.foldedStart + word.foldedLength)], as: UTF8.self)
            }
            var words = scanned.words
            for index in words.indices { words[index].foldedStart = 0 }  // buffer offsets may differ
            scans.append((words, folded))
        }
        #expect(scans[0].words == scans[1].words, "\(name): scanned records differ")
        #expect(scans[0].folded == scans[1].folded, "\(name): scanned folded forms differ")
        return (reference.count, Double(lines.fast) / Double(max(1, lines.fast + lines.icu)))
    }

    static let projectCompiled = TestSupport.projectChecker.compiled

    @Test func randomStringsOfTrickyCharacters() throws {
        // Letters, digits and every joiner class next to each other, marks after letters and
        // after other things, spaces, line breaks, and code points the fast path leaves to ICU
        // (Hebrew, kana, ZWJ, emoji): each string is one the two paths must split alike.
        let alphabet: [String] = [
            "a", "B", "z", "é", "e\u{301}", "ɨ", "ö", "Ж", "ß", "İ", "0", "7", "٣",
            ".", "'", "\u{2019}", "\u{2018}", ":", "·", "\u{2027}", ",", ";", "_", "-", "\u{AD}", "\u{301}",
            " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{85}", "\u{A0}", "\u{2003}", "\u{200B}", "\u{2028}",
            "\"", "\u{201C}", "(", "#", "@", "\u{1F}", "\u{5D0}", "\u{30A2}", "\u{4E00}", "\u{200D}", "\u{1F600}",
            "\u{200C}", "\u{2060}", "\u{FEFF}", "\u{E01}",
        ]
        var generator = SeededGenerator(seed: 20_261_129)
        var words = 0, fastStrings = 0
        for round in 0..<6000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                text += alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            let result = try compare(Array(text.utf8), "random string \(round): \(text.debugDescription)")
            words += result.words
            if result.fastShare == 1 { fastStrings += 1 }
        }
        // Enough of the strings go through the fast path alone for the comparison to mean something.
        #expect(words > 9_000)
        #expect(fastStrings > 1_500, "only \(fastStrings) strings were split by the fast path alone")
    }

    @Test func randomASCIIAcrossBlockBoundaries() throws {
        // Lines of ASCII, with now and then a letter of two bytes, are split 64 bytes at a time
        // with bit masks (gk_masked_lines in blocks.c): words and joiner chains that cross a block
        // boundary, a joiner as a block's first or last byte, a letter whose bytes straddle two
        // blocks, words at the very start and end of the text, runs of '_'. Every fifth string
        // also gets a character the masks cannot take (’, a mark, a connector of three bytes, ·,
        // Hebrew): its line goes to the state machine or ICU after all, and the words the masks
        // found on it before that character are dropped.
        let pieces: [String] = [
            "a", "Z", "q", "@", "0", "7", "_", "__", ".", "'", ",", ";", ":", "\"", " ", "  ", "\t", "-", "#",
            "\u{E9}", "\u{416}", "\u{A0}", "\u{2003}",
            "\r", "\n", "\r\n",
        ]
        let wordCharacters = Array("abcXYZ019_@\u{E9}\u{DF}\u{3C9}")
        let joiners: [Character] = [".", "'", ",", ";"]
        let others: [Unicode.Scalar] = ["\u{2019}", "\u{301}", "\u{203F}", "\u{B7}", "\u{5D0}"]
        var generator = SeededGenerator(seed: 64_2026)
        func longWord() -> String {
            var word = ""
            let count = Int.random(in: 60...150, using: &generator)
            while word.utf8.count < count {
                word.append(wordCharacters[Int.random(in: 0..<wordCharacters.count, using: &generator)])
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    word.append(joiners[Int.random(in: 0..<joiners.count, using: &generator)])
                }
            }
            return word
        }
        var words = 0
        for round in 0..<3000 {
            // Every other string has no line breaks, so that its one line spans several blocks.
            let choices = round % 2 == 0 ? pieces.count : pieces.count - 3
            var text = round % 3 == 0 ? longWord() : ""
            for _ in 0..<Int.random(in: 1...120, using: &generator) {
                text +=
                    Int.random(in: 0..<24, using: &generator) == 0
                    ? longWord() : pieces[Int.random(in: 0..<choices, using: &generator)]
            }
            if round % 3 == 1 { text += longWord() }
            let mixed = round % 5 == 4
            if mixed {
                let offset = Int.random(in: 0...text.unicodeScalars.count, using: &generator)
                text.unicodeScalars.insert(
                    others[Int.random(in: 0..<others.count, using: &generator)],
                    at: text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset))
            }
            let result = try compare(Array(text.utf8), "string \(round): \(text.debugDescription)")
            words += result.words
            if !mixed { #expect(result.fastShare == 1, "string \(round) was not split by the fast paths alone") }
        }
        #expect(words > 100_000)
    }

    @Test func invisibleCharactersInsideWords() throws {
        // Words with soft hyphens, zero-width spaces, joiners and word joiners, as text from PDFs
        // and the web has them: both paths join a word split at a zero-width space alike.
        let text =
            "Reports of human traf\u{AD}ficking, mi\u{AD}grant work\u{AD}ers and recruit\u{200B}ment;\n"
            + "vic\u{200D}tims, em\u{200C}ployer, wor\u{2060}ker, Hu\u{200B}man rights, COVID\u{200B}19, ภาษา\u{200B}ไทย.\n"
            + "kor\u{200B}\u{200B}ban e\u{301}\u{200B}x x\u{200B}\u{301} 1\u{200B}2 a_\u{200B}b \u{200B}word\u{200B}\n"
        let result = try compare(Array(text.utf8), "invisible characters")
        // 8 and 8 words on the first two lines (Thai keeps its two); on the third, korban, éx, x
        // (a mark after U+200B is not the word's), 12, a_ and b (a connector is no letter), word.
        #expect(result.words == 23)
    }

    @Test func ownSampleWithEveryASCIIClass() throws {
        let text = "ABC abc Labour's O'Neill e.g. ISO-8859 x86_64 COVID-19 MiXeD 3.14 #tag @user ~tilde a:b 1,000.5 __x 1_ a1 1a"
        let result = try compare(Array(text.utf8), "sample")
        #expect(result.words == 22 && result.fastShare == 1)
    }

    @Test func scanGivesEveryWordItsFoldedForm() throws {
        // Words are looked up in batches: ASCII words are folded first, the others after, so the
        // folded forms are not in text order. Each word must still find its own, on both paths
        // and whatever mix of words a batch has.
        let compiled = try CompiledGlossary(RuleExamples.glossary)
        var generator = SeededGenerator(seed: 7)
        let vocabulary = ["Pagawé", "pagawe\u{301}", "ILO", "migran", "Ngabéjaan", "the", "Straße", "labour", "tenaga", "kerja"]
        for round in 0..<200 {
            let text = (0..<Int.random(in: 1...60, using: &generator))
                .map { _ in vocabulary[Int.random(in: 0..<vocabulary.count, using: &generator)] }
                .joined(separator: " ")
            let source = SourceText(path: "t.txt", string: text)
            var results: [[String]] = []
            for reference in [false, true] {
                let scanned = try Tokenizer(referencePath: reference).scan(
                    source, markup: .plain, words: compiled.tables.words, gaps: compiled.tables.gapLexicon,
                    unknownWords: ByteLexicon())
                results.append(scanned.words.indices.map { scanned.foldedText($0) })
            }
            #expect(results[0] == results[1], "round \(round)")
            #expect(results[0].count == text.split(separator: " ").count)
        }
    }

    @Test func scannedWordsAreCopiedWholeFromC() {
        // ScannedWord mirrors the C record so that a chunk's words are one copy; if a field is
        // added to one and not the other, the copy falls back to field by field and this fails.
        #expect(ICUWordTokenizer.scannedLayoutMatches)
    }

    @Test func sundaneseAndDecomposedAccents() throws {
        let text = "Pagawé migran, pagawe\u{301} migran jeung pagawéna; Ngabéjaan urang Sunda’na.\r\nKaopat: 4.000 urang.\n"
        let result = try compare(Array(text.utf8), "Sundanese")
        #expect(result.words == 12 && result.fastShare == 1)
    }

    @Test(.needsSharedData) func everyTextFileOfTheSharedData() throws {
        // Every text file of ../shared/data (texts, word lists, TBX, XLIFF, PO, TMX, JSON, String
        // Catalogs, HTML): whatever the format, its bytes must split the same both ways.
        let data = SharedData.data
        let textExtensions: Set<String> = [
            "txt", "md", "csv", "tsv", "json", "xliff", "xlf", "tbx", "tmx", "po", "xcstrings", "strings",
            "stringsdict", "html",
        ]
        var files = 0, words = 0
        let enumerator = FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard textExtensions.contains(url.pathExtension.lowercased()),
                let contents = FileManager.default.contents(atPath: url.path),
                String(validating: contents, as: UTF8.self) != nil
            else { continue }
            words += try compare(Array(contents), url.path).words
            files += 1
        }
        print("fast path: \(files) files of ../shared/data, \(words) words, all split and folded as by ICU")
        #expect(files > 100 && words > 100_000)
    }

    @Test(.needsSharedData) func realTexts() throws {
        let files = [
            "parallel/udhr/udhr-eng.derived.txt", "parallel/udhr/udhr-ind.derived.txt", "parallel/udhr/udhr-sun.derived.txt",
            "parallel/nusax/nusax-mt-test-id-en-su.csv",
            "texts-id/perda-diy-6-2025-perdagangan-orang/perda-diy-6-2025.excerpt-pasal-1-11.md",
            "glossaries/panduan-pembakuan-istilah-komputer/senarai-padanan-istilah.en-id.derived.tsv",
            "lang-resources/sustem-sundanese/Dataset1.txt",
        ]
        for file in files {
            let contents = try #require(FileManager.default.contents(atPath: SharedData.path(file)), "\(file) is missing")
            let result = try compare(Array(contents), file)
            #expect(result.fastShare > 0.9, "\(file): the fast path split only \(result.fastShare) of the lines")
        }
    }

    /// The benchmark corpus, when it has been generated.
    @Test(.needsBenchmarkData) func benchmarkCorpusSample() throws {
        let (_, bytes) = try #require(TestSupport.benchmarkCorpusPrefix(4 << 20))
        let result = try compare(bytes, "benchmark corpus")
        #expect(result.fastShare == 1)
    }

    /// Checks `bytes` with both paths and compares the matches and the findings.
    func compareMatches(_ bytes: [UInt8], path: String, checker: GlossaryChecker) throws -> Int {
        let source = try SourceText(path: path, bytes: bytes)
        var reference = CheckOptions()
        reference.referencePath = true
        let fast = try checker.analyze(source)
        let slow = try checker.analyze(source, options: reference)
        #expect(fast.matches == slow.matches, "\(path): the matches differ")
        #expect(fast.paragraphs == slow.paragraphs, "\(path): the paragraphs differ")
        #expect(checker.findings(in: fast) == checker.findings(in: slow), "\(path): the findings differ")
        return slow.matches.count
    }

    @Test(.needsSharedData) func matchesAndFindingsOnRealTexts() throws {
        let udhr = TestSupport.udhrChecker
        var matches = 0
        for (file, checker) in [
            ("parallel/udhr/udhr-eng.derived.txt", udhr), ("parallel/udhr/udhr-ind.derived.txt", udhr),
            ("parallel/udhr/udhr-sun.derived.txt", udhr),
            ("texts-id/perda-diy-6-2025-perdagangan-orang/perda-diy-6-2025.excerpt-pasal-1-11.md", TestSupport.projectChecker),
            ("parallel/nusax/nusax-mt-test-id-en-su.csv", TestSupport.projectChecker),
        ] {
            let contents = try #require(FileManager.default.contents(atPath: SharedData.path(file)), "\(file) is missing")
            matches += try compareMatches(Array(contents), path: file, checker: checker)
        }
        #expect(matches > 100)
    }

    @Test(.needsBenchmarkData) func matchesAndFindingsOnTheBenchmarkCorpus() throws {
        let (root, bytes) = try #require(TestSupport.benchmarkCorpusPrefix(2 << 20))
        let checker = try GlossaryChecker(
            glossary: GlossaryLoader.load(paths: [root.appendingPathComponent("glossary-1000.yml").path]))
        #expect(try compareMatches(bytes, path: "corpus.txt", checker: checker) > 1_000)
    }
}
