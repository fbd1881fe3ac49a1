import Foundation
import TestLocations
import Testing

@testable import GlossaryKit

/// Exception phrases (`TermException`): found in the same walk as the terms, they exempt the
/// matches of their term's concept that they cover whole, and nothing else.
@Suite("Exception phrases in matching")
struct ExceptionMatchingTests {
    static let yaml = """
        concepts:
          - id: domestic-worker
            terms:
              en:
                - domestic worker
                - term: maid
                  status: deprecated
                  exceptions: [maid of honour, Old Maid, Maid of Orléans]
              id:
                - pekerja rumah tangga
                - term: pembantu
                  status: deprecated
                  exceptions: [pembantu rektor, unsur pembantu]
                - term: pembantu rumah tangga
                  status: deprecated
              su:
                - pekerja rumah tangga
                - term: pembantu
                  status: deprecated
                  exceptions: [Pembantu Létnan]
          - id: crew-member
            terms:
              id:
                - awak kapal
                - term: ABK
                  type: acronym
                  exceptions: [anak berkebutuhan khusus (ABK), siswa ABK]
          - id: recruitment-broker
            terms:
              id:
                - perekrut
                - term: calo
                  status: admitted
                  exceptions: [calo tiket]
          - id: child
            terms:
              id: [anak]
          - id: child-labour
            terms:
              id: [pekerja anak]
          - id: country-of-origin
            terms:
              en:
                - term: country of origin
                  exceptions: [country of origin labelling]
          - id: country
            terms:
              en: [country]
        """

    static let checker = try! TestSupport.checker(yaml: yaml)

    /// The written text and concept of each match in `text`.
    static func found(_ text: String, _ language: LanguageTag?) throws -> [String] {
        try TestSupport.matches(text, language: language, checker: checker).map { "\($0.text)=\($0.concept)" }
    }

    @Test func aPhraseExemptsTheTermItContainsAndNothingBeside() throws {
        #expect(try Self.found("She was the maid of honour at the wedding.", .english) == [])
        #expect(try Self.found("The maid of honour praised the maid.", .english) == ["maid=domestic-worker"])
        #expect(try Self.found("They played Old Maid until dark.", .english) == [])
        #expect(try Self.found("An old maid is no maid.", .english) == ["maid=domestic-worker"])
        // The words apart are no phrase.
        #expect(try Self.found("The maid, of honour and courage, stayed.", .english) == ["maid=domestic-worker"])
        #expect(try Self.found("Pembantu itu dipanggil pembantu rektor.", .indonesian) == ["Pembantu=domestic-worker"])
    }

    @Test func aPhraseMatchesAsATermDoes() throws {
        // Case, inflection of the last word, accent folding where the term folds accents.
        #expect(try Self.found("THE MAID OF HONOUR SPOKE.", .english) == [])
        #expect(try Self.found("The children played Old Maids.", .english) == [])
        #expect(try Self.found("The Maid of Honour's speech was short.", .english) == [])
        #expect(try Self.found("Ia pensiun sebagai Pembantu Letnan.", .sundanese) == [])
        #expect(try Self.found("Sakola narima siswa ABK-na.", .sundanese) == [])
        // English folds no accents: the phrase with é does not exempt the plain spelling.
        #expect(try Self.found("Joan was the Maid of Orleans.", .english) == ["Maid=domestic-worker"])
        #expect(try Self.found("Joan was the Maid of Orléans.", .english) == [])
    }

    @Test func termsOfOtherConceptsInsideAPhraseAreStillFound() throws {
        #expect(try Self.found("Sekolah menerima anak berkebutuhan khusus (ABK) sejak 2018.", .indonesian) == ["anak=child"])
        // The longest match at a start is exempt: the best one that is not wins there.
        #expect(try Self.found("New rules on country of origin labelling apply.", .english) == ["country=country"])
        #expect(try Self.found("The country of origin must help.", .english) == ["country of origin=country-of-origin"])
    }

    @Test func aPhraseThatStartsInsideAnEarlierMatchStillExempts() throws {
        // "pekerja anak" is matched first; the phrase starts at its second word.
        #expect(
            try Self.found("Data pekerja anak berkebutuhan khusus (ABK) belum ada.", .indonesian) == ["pekerja anak=child-labour"]
        )
    }

    @Test func aMatchThatReachesBeyondThePhraseStands() throws {
        #expect(try Self.found("Dinas itu unsur pembantu bupati.", .indonesian) == [])
        #expect(
            try Self.found("Ia menjadi unsur pembantu rumah tangga itu.", .indonesian) == [
                "pembantu rumah tangga=domestic-worker"
            ])
    }

    @Test func aPhraseExemptsInEveryParagraphLanguageAndEveryLanguagesTerm() throws {
        // The Indonesian phrase in a Sundanese paragraph, where the Sundanese term is taken.
        #expect(try Self.found("Dinas sosial téh unsur pembantu bupati.", .sundanese) == [])
        // In an English paragraph, and in a paragraph of unknown language.
        #expect(try Self.found("We met the pembantu rektor of the university.", .english) == [])
        #expect(try Self.found("pembantu rektor", nil) == [])
        // The Sundanese term's phrase in an Indonesian paragraph.
        #expect(try Self.found("Ia pensiun sebagai Pembantu Létnan.", .indonesian) == [])
    }

    @Test func everyRuleHonoursTheExemption() throws {
        func rules(_ text: String) throws -> [String] {
            try TestSupport.findings(text, language: .indonesian, checker: Self.checker).map(\.rule)
        }
        // deprecated-term
        #expect(try rules("Surat itu ditandatangani pembantu rektor.") == [])
        #expect(try rules("Surat itu ditandatangani pembantu.") == ["deprecated-term"])
        // inconsistent-term
        #expect(try rules("Perekrut itu datang. Polisi menangkap calo tiket.") == [])
        #expect(try rules("Perekrut itu datang. Polisi menangkap calo itu.") == ["inconsistent-term"])
        // term-case
        #expect(try rules("Sekolah menerima siswa Abk.") == [])
        #expect(try rules("Kapal membawa Abk.") == ["term-case"])
    }

    @Test func crossLanguageRulesAndCoverageCountNoExemptOccurrence() throws {
        let checker = CrossLanguageChecker(compiled: Self.checker.compiled)
        let example = TranslationExample([
            [(.english, "The rector's deputy opened the seminar."), (.indonesian, "Pembantu rektor membuka seminar.")],
            [(.english, "The domestic worker left."), (.indonesian, "Pembantu itu pergi.")],
        ])
        let analyzed = try checker.analyze(example.corpus().corpus)
        #expect(checker.crossFindings(analyzed).filter { $0.concept == "domestic-worker" }.isEmpty)
        let coverage = CoverageTable(analyzed)
        let row = try #require(coverage.rows.first { $0.concept == "domestic-worker" })
        // One occurrence per language: the second set's, not the rector's deputy.
        #expect(row.counts == coverage.languages.map { _ in 1 }, "\(coverage.languages) \(row.counts)")
    }

    /// Beside its phrase the term is counted and reported by the cross-language rules as usual.
    @Test func crossLanguageRulesReportTheTermBesideItsPhrase() throws {
        let checker = CrossLanguageChecker(compiled: Self.checker.compiled)
        func rules(_ english: String, _ indonesian: String) throws -> [String] {
            let example = TranslationExample([[(.english, english), (.indonesian, indonesian)]], sourceLanguage: .english)
            return checker.crossFindings(try checker.analyze(example.corpus().corpus))
                .filter { $0.concept == "domestic-worker" }.map(\.rule)
        }
        // An exempt occurrence is no translation of the concept either.
        let translated = try rules("The domestic worker opened the door.", "Pembantu membuka pintu.")
        let exempt = try rules("The domestic worker opened the door.", "Pembantu rektor membuka pintu.")
        #expect(translated == [])
        #expect(exempt == ["missing-translation"])
        // untranslated-term: the English term kept in the Indonesian version.
        #expect(try rules("The maid of honour smiled.", "Sang maid of honour tersenyum.") == [])
        #expect(try rules("The maid smiled.", "Sang maid tersenyum.") == ["untranslated-term"])
    }

    /// `--fix` rewrites the deprecated term beside a phrase and leaves the phrase as written.
    @Test func fixLeavesTheWordsOfAPhraseAlone() throws {
        func fixed(_ text: String, _ language: LanguageTag) throws -> String {
            let source = SourceText(path: "t.txt", string: text)
            let findings = try Self.checker.check(source, options: CheckOptions(language: language))
            guard let fix = Fixer.fix(source, findings: findings) else { return text }
            return String(decoding: fix.fixed, as: UTF8.self)
        }
        #expect(
            try fixed("The maid of honour thanked the maid.\n", .english) == "The maid of honour thanked the domestic worker.\n")
        #expect(try fixed("They played Old Maid.\n", .english) == "They played Old Maid.\n")
        #expect(
            try fixed("Pembantu rektor memanggil pembantu.\n", .indonesian) == "Pembantu rektor memanggil pekerja rumah tangga.\n"
        )
    }

    /// Words that are terms of two concepts: a phrase of one leaves the other, which is then no
    /// longer ambiguous there; outside the phrase both stay.
    @Test func aPhraseRemovesItsConceptFromAnAmbiguousMatch() throws {
        let checker = try TestSupport.checker(
            yaml: """
                concepts:
                  - id: crew-member
                    terms:
                      id:
                        - awak kapal
                        - term: ABK
                          type: acronym
                          exceptions: [siswa ABK]
                  - id: special-needs-child
                    terms:
                      id:
                        - anak berkebutuhan khusus
                        - term: ABK
                          type: acronym
                """)
        func concepts(_ text: String) throws -> [[String]] {
            let document = try checker.analyze(
                SourceText(path: "t.txt", string: text), options: CheckOptions(language: .indonesian))
            return document.matches.map { match in
                ([match.term] + match.alternatives).map { document.glossary[concept: $0].id }.reduce(into: []) { ids, id in
                    if !ids.contains(id) { ids.append(id) }
                }
            }
        }
        let ambiguous = try concepts("Kapal itu membawa sepuluh ABK.")
        let exempt = try concepts("Sekolah itu menerima siswa ABK.")
        #expect(ambiguous == [["crew-member", "special-needs-child"]])
        #expect(exempt == [["special-needs-child"]])
    }

    @Test func aGlossaryWithoutPhrasesCompilesNoExceptionEntries() throws {
        var glossary = try YAMLGlossaryReader.read(Self.yaml, path: "g.yml")
        let compiled = Self.checker.compiled
        let exceptionEntries = (0..<Int32(compiled.tables.entries.count)).filter { compiled.tables.entries.facts($0).isException }
        #expect(exceptionEntries.count == compiled.tables.entries.exceptionPhrases.count)
        #expect(!exceptionEntries.isEmpty)
        for index in glossary.concepts.indices {
            for term in glossary.concepts[index].terms.indices { glossary.concepts[index].terms[term].exceptions = [] }
        }
        let plain = try CompiledGlossary(glossary)
        #expect(plain.tables.entries.exceptionPhrases.isEmpty)
        #expect((0..<Int32(plain.tables.entries.count)).allSatisfy { !plain.tables.entries.facts($0).isException })
    }

    /// A phrase's first word starts matches like a term's word; its later words are words of
    /// the trie that no match starts at (the matcher passes them by), with or without the flags
    /// the scanner copies into the words.
    @Test func onlyAPhrasesFirstWordStartsAMatch() throws {
        let compiled = Self.checker.compiled
        func flags(_ word: String) throws -> UInt32 {
            compiled.tables.flags[Int(try #require(compiled.tables.words.find(word)))]
        }
        #expect(try flags("old") & CompiledGlossary.baseFlag != 0)
        #expect(try flags("honour") == CompiledGlossary.phraseWordFlag)
        #expect(try flags("labelling") == CompiledGlossary.phraseWordFlag)
        // A term's word keeps its flag wherever it stands in a phrase.
        #expect(try flags("maid") & CompiledGlossary.baseFlag != 0)
        let texts = [
            "The maid of honour of the old maid. Old Maids and honours, honour and maid.",
            "Siswa ABK, anak berkebutuhan khusus (ABK) dan pekerja anak berkebutuhan khusus (ABK).",
            "Dinas sosial téh unsur pembantu bupati; pembantu rumah tangga, unsur pembantu rumah tangga.",
        ]
        for text in texts {
            var results: [[TermMatch]] = []
            for wordFlags in [compiled.tables.flags, nil] {
                let unknownWords = ByteLexicon()
                let scanned = try Tokenizer().scan(
                    SourceText(path: "t.txt", string: text), markup: .plain, words: compiled.tables.words,
                    gaps: compiled.tables.gapLexicon, unknownWords: unknownWords, wordFlags: wordFlags)
                results.append(
                    TermMatcher(compiled).matches(
                        in: scanned, range: 0..<scanned.words.count, language: nil,
                        cache: WordReadingCache(compiled: compiled, unknownWords: unknownWords)))
            }
            #expect(results[0] == results[1], "\(text)")
            #expect(!results[0].isEmpty)
        }
    }

    /// Outside the phrases, a glossary with exceptions finds exactly what it finds without them:
    /// the phrases' words (now words of the lexicon) change nothing else.
    @Test func outsideThePhrasesNothingChanges() throws {
        let project = try GlossaryLoader.load(paths: [
            TestPackage.root.appendingPathComponent("glossary").path,
            TestPackage.root.appendingPathComponent("Evaluation/glossary.yml").path,
        ])
        var plain = project
        for index in plain.concepts.indices {
            for term in plain.concepts[index].terms.indices { plain.concepts[index].terms[term].exceptions = [] }
        }
        #expect(project.concepts.contains { $0.terms.contains { !$0.exceptions.isEmpty } })
        let withPhrases = GlossaryChecker(compiled: try CompiledGlossary(project))
        let without = GlossaryChecker(compiled: try CompiledGlossary(plain))
        let corpus = try EvaluationCorpus.load(path: TestPackage.root.appendingPathComponent("Evaluation/corpus").path)
        var compared = 0
        for sentence in corpus.sentences where !sentence.traps.contains(where: { $0.category == "exception" }) {
            let source = SourceText(path: "s.txt", string: sentence.text)
            let options = CheckOptions(language: sentence.language)
            #expect(
                try withPhrases.analyze(source, options: options).matches == without.analyze(source, options: options).matches,
                "\(sentence.file):\(sentence.line): \(sentence.text)")
            compared += 1
        }
        #expect(compared > 500)
    }
}
