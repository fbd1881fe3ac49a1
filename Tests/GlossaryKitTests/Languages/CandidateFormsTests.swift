import Foundation
import Testing
@testable import GlossaryKit

/// `candidateForms(of:)` must cover every word that `analyses(ofWord:)` reads as a base form, so a
/// lexicon built from the glossary's base forms finds all the words the analyzer accepts.
@Suite("Candidate forms")
struct CandidateFormsTests {
    static func rules(_ name: String) throws -> RuleBasedAnalyzer {
        RuleBasedAnalyzer(data: try LanguageData.bundled(name))
    }

    @Test func examplesPerLanguage() throws {
        let indonesian = try Self.rules("id")
        #expect(Set(["korbannya", "korbanlah", "korbannyalah", "korban2"]).isSubset(of: indonesian.candidateForms(of: "korban")))
        #expect(indonesian.candidateForms(of: "pekerja").contains("pekerdja"))
        let sundanese = try Self.rules("su")
        #expect(Set(["paragawé", "palagawé", "pagawéna", "paragawéna"]).isSubset(of: sundanese.candidateForms(of: "pagawé")))
        #expect(sundanese.candidateForms(of: "tujuan").contains("tujuanana"))
        #expect(sundanese.candidateForms(of: "peuting").contains("pöting"))
        let english = try Self.rules("en")
        #expect(Set(["policies", "policy's"]).isSubset(of: english.candidateForms(of: "policy")))
        #expect(Set(["labor", "labors", "labour's"]).isSubset(of: english.candidateForms(of: "labour")))
        #expect(english.candidateForms(of: "child").contains("children"))
    }

    /// Over every word of the evaluation corpus (and the real texts when present), each reading
    /// of the word is covered by the candidates of the reading's key.
    @Test(arguments: [("id", "id.txt"), ("su", "su.txt"), ("en", "en.txt")])
    func readingsAreCoveredByCandidates(_ language: String, _ file: String) throws {
        let rules = try Self.rules(language)
        let corpus = TestSupport.packageRoot.appendingPathComponent("Evaluation/corpus/\(file)")
        var text = try String(contentsOf: corpus, encoding: .utf8)
        if let data = TestSupport.sharedData {
            let name = ["id": "udhr-ind", "su": "udhr-sun", "en": "udhr-eng"][language]!
            text += "\n" + (try String(contentsOf: data.appendingPathComponent("parallel/udhr/\(name).derived.txt"), encoding: .utf8))
        } else {
            TestSupport.skip("../shared/data is absent; checking the corpus words only")
        }
        let words = Set(try Tokenizer().tokenize(SourceText(path: file, string: text), markup: .plain).tokens.map(\.folded))
        var uncovered: [String] = []
        var checked = 0
        for word in words.sorted() {
            for reading in rules.analyses(ofWord: word) {
                checked += 1
                if !rules.candidateForms(of: reading.key).contains(word) { uncovered.append("\(word) → \(reading.key)") }
            }
        }
        #expect(checked > 50)
        #expect(uncovered.isEmpty, "not generated: \(uncovered.prefix(20))")
    }
}
