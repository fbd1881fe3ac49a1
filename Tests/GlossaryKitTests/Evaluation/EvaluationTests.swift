import Foundation
import TestLocations
import Testing

@testable import GlossaryKit

/// The corpus format, the evaluator's arithmetic, and the figures on the project's corpus.
@Suite("Evaluation")
struct EvaluationTests {
    static let evaluationFolder = TestPackage.root.appendingPathComponent("Evaluation")

    @Test func markupBecomesPlainTextWithByteRanges() throws {
        let sentences = try EvaluationCorpus.parse(
            """
            # language: su
            Loba [[worker|pagawé-pagawé|reduplication]] jeung [[!|kana|not-clitic]] [[victim|korban]].
            """, file: "x.txt")
        let sentence = try #require(sentences.first)
        #expect(sentence.language == .sundanese)
        #expect(sentence.text == "Loba pagawé-pagawé jeung kana korban.")
        let bytes = Array(sentence.text.utf8)
        let worker = sentence.occurrences[0]
        #expect(String(decoding: bytes[worker.bytes], as: UTF8.self) == "pagawé-pagawé")
        #expect(worker.phenomena == [.reduplication])
        #expect(sentence.occurrences[1].phenomena.isEmpty)
        #expect(sentence.traps.map(\.category) == ["not-clitic"])
    }

    @Test func malformedMarkupNamesLineAndColumn() throws {
        #expect {
            try EvaluationCorpus.parse("# language: id\nsatu [[worker|pekerja", file: "x.txt")
        } throws: { error in
            guard let location = (error as? InputError)?.location else { return false }
            return location.line == 2 && location.column == 6
        }
        #expect(throws: InputError.self) {
            try EvaluationCorpus.parse("# language: id\n[[worker|pekerja|stemming]]", file: "x.txt")
        }
        #expect(throws: InputError.self) { try EvaluationCorpus.parse("[[worker|pekerja]]", file: "notes.txt") }
    }

    @Test func countsFalsePositivesMissesAndTraps() throws {
        let corpus = EvaluationCorpus(
            sentences: try EvaluationCorpus.parse(
                """
                # language: id
                [[victim|korbannya|clitic]] dan [[worker|pekerja-pekerja|reduplication]] bertemu.
                Para [[!|pedagang|derivation]] dan korban datang.
                [[migrant-worker|tkinya|clitic]] pulang.
                """, file: "id.txt"))
        let report = try Evaluator(checker: MorphologyFixture.checker).evaluate(corpus)
        let counts = try #require(report.byLanguage[.indonesian])
        // Found: korbannya, pekerja-pekerja, korban (unlabelled: a false positive). Missed: tkinya
        // (an acronym in lower case is read as another word).
        #expect(counts == EvaluationReport.Counts(correct: 2, falsePositives: 1, missed: 1))
        #expect(report.byPhenomenon["clitic"] == EvaluationReport.Counts(correct: 1, falsePositives: 0, missed: 1))
        #expect(report.byPhenomenon["identity"] == EvaluationReport.Counts(correct: 0, falsePositives: 1, missed: 0))
        #expect(report.traps["derivation"]?.total == 1 && report.traps["derivation"]?.hit == 0)
        #expect(report.errors.map(\.kind) == [.falsePositive, .missed])
        let table = report.render()
        #expect(table.contains("id                          3      3        2      0.667   0.667"))
    }

    @Test func unknownConceptsAreCorpusErrors() throws {
        let corpus = EvaluationCorpus(sentences: try EvaluationCorpus.parse("# language: en\n[[workers|worker]]", file: "en.txt"))
        #expect(throws: InputError.self) { try Evaluator(checker: MorphologyFixture.checker).evaluate(corpus) }
    }

    /// The project's labelled corpus against glossary/ and Evaluation/glossary.yml.
    @Test func projectCorpusMeetsTheTargets() throws {
        let corpus = try EvaluationCorpus.load(path: Self.evaluationFolder.appendingPathComponent("corpus").path)
        let glossary = try GlossaryLoader.load(paths: [
            TestPackage.root.appendingPathComponent("glossary").path,
            Self.evaluationFolder.appendingPathComponent("glossary.yml").path,
        ])
        let report = try Evaluator(checker: GlossaryChecker(glossary: glossary)).evaluate(corpus)
        print(report.render())
        let counts = corpus.occurrenceCounts
        #expect(counts.values.reduce(0, +) >= 300)
        for language in [LanguageTag.indonesian, .english, .sundanese] {
            #expect(counts[language, default: 0] >= 120, "too few occurrences for \(language)")
            let figures = try #require(report.byLanguage[language])
            #expect(figures.precision >= 0.99, "precision for \(language): \(figures.precision)")
            #expect(figures.recall >= 0.97, "recall for \(language): \(figures.recall)")
        }
        #expect(report.traps.values.reduce(0) { $0 + $1.total } >= 60)
        #expect(report.traps.values.allSatisfy { $0.hit == 0 })
    }

    @Test func csvFieldsMayBeQuoted() {
        let rows = RealTextSurvey.parseCSV("a,b\n1,\"x, \"\"y\"\"\"\n2,z\n")
        #expect(rows == [["a", "b"], ["1", "x, \"y\""], ["2", "z"]])
    }

    /// The analyzers over the real texts in ../shared/data; prints the survey.
    @Test(.needsSharedData) func realTextSurvey() throws {
        let report = try RealTextSurvey(checker: TestSupport.projectChecker, dataFolder: SharedData.data.path).run()
        print(report)
        for name in ["udhr-ind", "udhr-eng", "udhr-sun", "nusax-sundanese"] {
            #expect(report.contains(name), "the survey lists \(name)")
        }
        // The Indonesian UDHR writes "hak-hak asasi manusia": reduplication must be found there.
        #expect(report.contains("'hak-hak asasi manusia' → human-rights"))
    }
}
