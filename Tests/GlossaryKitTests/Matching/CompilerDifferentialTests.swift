import Foundation
import TestLocations
import TestRandom
import Testing

@testable import GlossaryKit

/// The compiler's fast paths (compound parts looked up by their bytes, flat flag, root and
/// terminal columns, one tokenization per form in order) must make the very tables the
/// reference compiler made (`ReferenceCompiler`): the encoded compiled glossaries are compared
/// byte for byte, on the project's glossaries and on random ones built to reach every branch.
@Suite("Compiler against the reference")
struct CompilerDifferentialTests {
    static func encoded(_ compiled: CompiledGlossary) -> [UInt8] {
        var writer = BinaryWriter()
        compiled.encode(into: &writer)
        return writer.bytes
    }

    /// Both compilers' encodings of `glossary`, for one comparison.
    static func bothEncodings(_ glossary: Glossary) throws -> (fast: [UInt8], reference: [UInt8]) {
        (encoded(try CompiledGlossary(glossary)), encoded(try ReferenceCompiler.compile(glossary)))
    }

    /// The sizes of two encodings and the first byte where they differ.
    static func difference(_ fast: [UInt8], _ reference: [UInt8]) -> String {
        let shorter = min(fast.count, reference.count)
        let first = (0..<shorter).first { fast[$0] != reference[$0] } ?? shorter
        return "\(fast.count) bytes against the reference's \(reference.count), first different at \(first)"
    }

    @Test func projectGlossariesCompileAsTheReferenceDid() throws {
        let glossaries: [(String, Glossary)] = [
            ("rule examples", RuleExamples.glossary),
            ("detailed", GlossaryCacheTests.detailedGlossary),
            ("shipped", try GlossaryLoader.load(paths: [TestPackage.root.appendingPathComponent("glossary").path])),
            (
                "example",
                try GlossaryLoader.load(paths: [TestPackage.root.appendingPathComponent("Examples/udhr-glossary.yml").path])
            ),
        ]
        for (name, glossary) in glossaries {
            let (fast, reference) = try Self.bothEncodings(glossary)
            // A Boolean, so that a failure prints the sizes and where they part, not every byte.
            let same = fast == reference
            #expect(same, "\(name): \(Self.difference(fast, reference))")
        }
    }

    @Test(.needsSharedData) func sharedTermBaseCompilesAsTheReferenceDid() throws {
        let folder = SharedData.path("glossaries/panduan-pembakuan-istilah-komputer")
        let glossary = try GlossaryLoader.load(paths: [folder])
        #expect(glossary.concepts.count > 100)
        let (fast, reference) = try Self.bothEncodings(glossary)
        let same = fast == reference
        #expect(same, "\(Self.difference(fast, reference))")
    }

    /// Words that make compounds of each other (closed, hyphenated, open), accented words in
    /// NFC and NFD, a word whose NFC differs from its bytes (the Kelvin sign), digits, short
    /// words below the shortest part, and words of other scripts.
    ///
    /// No two words are canonically equivalent: the reference gave two such forms of a glossary
    /// the tokens of the first (its cache of tokens was keyed by `String`), a fault the fast
    /// compiler does not have (`equivalentFormsKeepTheirOwnWords`).
    static let vocabulary = [
        "house", "maid", "housemaid", "house-maid", "middle", "man", "middleman", "guest", "worker", "guestworker",
        "non", "pemerintah", "nonpemerintah", "non-pemerintah", "kerja", "tenaga", "tenagakerja", "pekerja",
        "pagawe\u{301}", "café", "caféworker", "workercafe\u{301}", "kupu", "kupu-kupu", "kupukupu",
        "jual", "beli", "jual-beli", "of", "in", "ab", "abc", "abcab", "Ωmega", "ωmega", "\u{212A}elvin",
        "2024", "covid-19", "anti", "anti-trafficking", "trafficking", "antitrafficking", "ŋa", "ŋaŋa", "日本", "日本語",
        "the", "goods", "origin", "live", "live-in", "\u{1F1E9}\u{1F1EA}", "x\u{1F1E9}\u{1F1EA}y",
    ]

    /// A random glossary of `conceptCount` concepts whose terms mix the vocabulary's words in
    /// every way a term can be set up.
    static func randomGlossary(conceptCount: Int, using random: inout SeededGenerator) -> Glossary {
        let languages = [LanguageTag.english, .indonesian, .sundanese, LanguageTag("fr")!]
        func phrase() -> String {
            let count = Int.random(in: 1...4, using: &random)
            let separators = [" ", " ", " ", "-", " - ", "'s ", "/"]
            var text = vocabulary.randomElement(using: &random)!
            for _ in 1..<count {
                text += separators.randomElement(using: &random)! + vocabulary.randomElement(using: &random)!
            }
            return Bool.random(using: &random) ? text : text.uppercased()
        }
        var concepts: [Concept] = []
        for index in 0..<conceptCount {
            var concept = Concept(id: "c\(index)")
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                var term = Term(
                    text: phrase(), language: languages.randomElement(using: &random)!,
                    status: TermStatus.allCases.randomElement(using: &random)!,
                    type: Int.random(in: 0..<8, using: &random) == 0 ? .acronym : .fullForm)
                switch Int.random(in: 0..<10, using: &random) {
                case 0: term.matchMode = .exact
                case 1: term.matchMode = .prefix
                default: break
                }
                if Int.random(in: 0..<8, using: &random) == 0 { term.isCaseSensitive.toggle() }
                if Int.random(in: 0..<5, using: &random) == 0 { term.foldsAccents = Bool.random(using: &random) }
                if Int.random(in: 0..<6, using: &random) == 0 { term.allowsPluralInfix = true }
                if Int.random(in: 0..<4, using: &random) == 0 {
                    term.forms = (0..<Int.random(in: 1...2, using: &random)).map { _ in phrase() }
                }
                if Int.random(in: 0..<6, using: &random) == 0 { term.exceptions = [TermException(phrase() + " " + term.text)] }
                if Int.random(in: 0..<20, using: &random) == 0 { term.text = "" }
                concept.terms.append(term)
            }
            concepts.append(concept)
        }
        return Glossary(concepts: concepts)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomGlossariesCompileAsTheReferenceDid(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let glossary = Self.randomGlossary(conceptCount: 150, using: &random)
        let (fast, reference) = try Self.bothEncodings(glossary)
        let same = fast == reference
        #expect(same, "seed \(seed): \(Self.difference(fast, reference))")
    }

    /// A helper thread prepares the forms' compound forms ahead of the trie
    /// (`PreparedFormQueue`): with it or without it, compiling makes the reference's bytes. The
    /// glossary has more chunks of forms than the helper may run ahead, so that both threads
    /// prepare chunks and the helper waits for room.
    @Test func oneAndTwoThreadsCompileAsTheReferenceDid() throws {
        var random = SeededGenerator(seed: 42)
        let glossary = Self.randomGlossary(conceptCount: 9_000, using: &random)
        let forms = glossary.concepts.reduce(0) { $0 + $1.terms.reduce(0) { $0 + 1 + $1.forms.count } }
        #expect(forms > PreparedFormQueue.chunkSize * (PreparedFormQueue.maximumLead + 4))
        let reference = Self.encoded(try ReferenceCompiler.compile(glossary))
        for threads in [1, 2] {
            let fast = Self.encoded(try CompiledGlossary(glossary, maximumThreads: threads))
            let same = fast == reference
            #expect(same, "\(threads) threads: \(Self.difference(fast, reference))")
        }
    }

    /// `--jobs 1` (a maximum of one thread) compiles without the helper; more allow one helper.
    @Test func oneThreadAtMostMeansNoHelper() {
        #expect(!PreparedFormQueue.usesHelper(maximumThreads: 1))
        #expect(PreparedFormQueue.usesHelper(maximumThreads: 2))
        #expect(PreparedFormQueue.usesHelper(maximumThreads: 16))
    }

    /// Two forms that are canonically equivalent but not the same bytes (NFC and NFD) are
    /// tokenized each for itself: the reference looked their tokens up by `String`, which
    /// compares canonically, and cut the second form's words as written at the first form's
    /// byte offsets (out of range when the second is shorter).
    @Test func equivalentFormsKeepTheirOwnWords() throws {
        let decomposed = "Cafe\u{301} Noir", composed = "Café Noir"
        #expect(decomposed == composed && Array(decomposed.utf8) != Array(composed.utf8))
        for (first, second) in [(decomposed, composed), (composed, decomposed)] {
            let glossary = Glossary(concepts: [
                Concept(id: "a", terms: [Term(text: first, language: .english, isCaseSensitive: true)]),
                Concept(id: "b", terms: [Term(text: second, language: .english, isCaseSensitive: true)]),
            ])
            let entries = try CompiledGlossary(glossary).tables.entries
            // Both entries' words as written are the NFC words of their own form.
            #expect(entries.exactWords[0].map { $0.map { Array($0.utf8) } } == [Array("Café".utf8), Array("Noir".utf8)])
            #expect(entries.exactWords[1].map { $0.map { Array($0.utf8) } } == [Array("Café".utf8), Array("Noir".utf8)])
        }
    }

    /// The compound forms themselves, word by word, against the reference's set of strings: a
    /// mismatch names the word, where the tables' bytes would only differ.
    @Test func splitPointsAreTheReferencesOnEveryWord() {
        let rules = CompoundRules(closedCompounds: true, parts: ["non", "ab", "ŋa", "x"])
        var builder = CompoundParts.Builder(rules: rules)
        var known: Set<String> = []
        let words = Self.vocabulary.flatMap { [$0, $0.lowercased()] }
        for word in words {
            builder.addKnown(word)
            known.insert(word)
        }
        let parts = builder.finish()
        var compared = 0
        for word in words + [
            "kelvin", "pagawé", "maidhouse", "houseworker", "abab", "nonnon", "pagawécafé", "ŋaŋaŋa", "kelvinkelvin", "日本日本語",
        ] {
            let fast = CompoundVariant.variants(
                words: [word], gaps: [Token.hardBreak], isLetterWord: [true], rules: rules, parts: parts)
            let reference = ReferenceCompiler.variants(
                words: [word], gaps: [Token.hardBreak], isLetterWord: [true], rules: rules, known: known)
            #expect(fast == reference, "\(word)")
            compared += reference.count
        }
        // The comparison found splits, not only their absence.
        #expect(compared > 10)
    }
}
