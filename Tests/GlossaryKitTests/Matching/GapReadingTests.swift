import Foundation
import TestLocations
import TestRandom
import Testing

@testable import GlossaryKit

/// The matcher analyses a word in its context only after a gap its analyzer reads across (a
/// hyphen, an apostrophe); after any other it takes the word's own readings, computed once per
/// distinct word. An analyzer that claims to read across every gap (the protocol's default)
/// makes the matcher analyse every word in context: both must find exactly the same matches.
@Suite("Reading across gaps")
struct GapReadingTests {
    /// A built-in analyzer that keeps the protocol's default `readsAcross(gap:)`: every gap.
    struct ReadsEveryGap: WordFormAnalyzer {
        let wrapped: any WordFormAnalyzer
        var language: LanguageTag { wrapped.language }
        var foldsAccentsByDefault: Bool { wrapped.foldsAccentsByDefault }
        var stopwords: Set<String> { wrapped.stopwords }
        var compoundRules: CompoundRules { wrapped.compoundRules }
        func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] { wrapped.analyses(of: tokens, at: index) }
        func analyses(ofWord word: String) -> [WordAnalysis] { wrapped.analyses(ofWord: word) }
        func bindsToNext(_ tokens: [Token], at index: Int) -> Bool { wrapped.bindsToNext(tokens, at: index) }
    }

    static let everyGap = AnalyzerRegistry(
        analyzers: [LanguageTag.indonesian, .sundanese, .english].map {
            ReadsEveryGap(wrapped: AnalyzerRegistry.standard.analyzer(for: $0) as! any WordFormAnalyzer)
        })

    /// The same matches, in the same order, with the same explanations, from both checkers.
    static func expectSameMatches(_ text: String, glossary: Glossary, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        let selective = try GlossaryChecker(glossary: glossary)
        let everywhere = try GlossaryChecker(glossary: glossary, registry: everyGap)
        for language in [nil, LanguageTag.indonesian, .sundanese, .english] {
            let options = CheckOptions(language: language)
            let expected = try everywhere.analyze(SourceText(path: "t.txt", string: text), options: options).matches
            let found = try selective.analyze(SourceText(path: "t.txt", string: text), options: options).matches
            #expect(found == expected, "\(language?.rawValue ?? "any"): \(text.prefix(200))", sourceLocation: sourceLocation)
        }
    }

    /// Term words, inflected and not, joined by every kind of gap.
    @Test func randomTextsOfTermWords() throws {
        let glossary = RuleExamples.glossary
        var words = Set<String>()
        for concept in glossary.concepts {
            for term in concept.terms {
                for word in term.text.split(separator: " ") {
                    let word = String(word)
                    words.formUnion([word, word + "nya", word + "na", word + "s", word + "'s", word.uppercased(), word + "2"])
                }
            }
        }
        let vocabulary = words.sorted() + ["dan", "the", "jeung", "rights", "ILO", "TKI", "pekerja", "kerja"]
        let gaps = [
            " ", " ", " ", ", ", ". ", "-", " - ", "-\n", "\u{AD}", "'", "' ", "’s ", "’ ", "; ", " (", ") ", "/", ": ", "—",
            " – ", "\n", "\n\n", "\"", "*",
        ]
        var generator = SeededGenerator(seed: 0x6A95)
        for _ in 0..<150 {
            var text = ""
            for index in 0..<Int.random(in: 5...40, using: &generator) {
                if index > 0 { text += gaps.randomElement(using: &generator)! }
                text += vocabulary.randomElement(using: &generator)!
            }
            try Self.expectSameMatches(text, glossary: glossary)
        }
    }

    /// The same matches for each of `texts` with the rule examples' glossary and the project's.
    static func expectSameMatchesWithBothGlossaries(_ texts: [String]) throws {
        let project = try GlossaryLoader.load(paths: [TestPackage.root.appendingPathComponent("glossary").path])
        for text in texts {
            try expectSameMatches(text, glossary: RuleExamples.glossary)
            try expectSameMatches(text, glossary: project)
        }
    }

    /// The rule examples.
    @Test func ruleExamples() throws {
        let texts = Rules.all.flatMap { rule in
            let description = type(of: rule).description
            return (description.triggeringExamples + description.nonTriggeringExamples).map {
                $0.text.replacingOccurrences(of: "↓", with: "")
            }
        }
        try Self.expectSameMatchesWithBothGlossaries(texts)
    }

    /// The seed abstracts.
    @Test(.needsSeed) func seedTexts() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: SharedData.seedFolder.path).sorted()
        let texts = try names.filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.map {
            try String(contentsOf: SharedData.seedFolder.appendingPathComponent($0), encoding: .utf8)
        }
        #expect(!texts.isEmpty)
        try Self.expectSameMatchesWithBothGlossaries(texts)
    }
}

/// An analyzer of the caller's may give analyses that cover no word, or more words than it was
/// given: the matcher ignores them rather than read outside the text.
@Suite("Analyses out of range")
struct AnalysisCountTests {
    /// The built-in analyzer, plus a reading of every word's key over `count` words.
    struct CountingAnalyzer: WordFormAnalyzer {
        let wrapped: any WordFormAnalyzer
        let count: Int
        var language: LanguageTag { wrapped.language }
        var foldsAccentsByDefault: Bool { wrapped.foldsAccentsByDefault }
        var stopwords: Set<String> { wrapped.stopwords }
        var compoundRules: CompoundRules { wrapped.compoundRules }
        func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] {
            wrapped.analyses(of: tokens, at: index) + [WordAnalysis(key: tokens[index].folded, tokenCount: count)]
        }
        func analyses(ofWord word: String) -> [WordAnalysis] { wrapped.analyses(ofWord: word) }
        func bindsToNext(_ tokens: [Token], at index: Int) -> Bool { wrapped.bindsToNext(tokens, at: index) }
    }

    @Test(arguments: [0, -1, 9])
    func analysesOfNoWordOrTooManyAreIgnored(count: Int) throws {
        let registry = AnalyzerRegistry(
            analyzers: [LanguageTag.indonesian, .sundanese, .english].map {
                CountingAnalyzer(wrapped: AnalyzerRegistry.standard.analyzer(for: $0) as! any WordFormAnalyzer, count: count)
            })
        let glossary = RuleExamples.glossary
        let odd = try GlossaryChecker(glossary: glossary, registry: registry)
        let plain = try GlossaryChecker(glossary: glossary, registry: GapReadingTests.everyGap)
        let text = "Pekerja-pekerja migran, TKI-nya dan workers' rights - hak-hak buruh."
        for language in [nil, LanguageTag.indonesian, .english] {
            let options = CheckOptions(language: language)
            let found = try odd.analyze(SourceText(path: "t.txt", string: text), options: options).matches
            let expected = try plain.analyze(SourceText(path: "t.txt", string: text), options: options).matches
            #expect(found == expected, "\(count), \(language?.rawValue ?? "any")")
        }
    }
}
