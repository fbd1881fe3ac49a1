import Foundation
import TestLocations
import Testing

@testable import GlossaryKit

/// `--fix` replaces what the glossary rejects and nothing it approves, so a second run finds
/// nothing left to change.
@Suite("--fix is idempotent")
struct FixIdempotenceTests {
    static let evaluationChecker: GlossaryChecker = try! GlossaryChecker(
        glossary: GlossaryLoader.load(
            paths: [TestPackage.root.appendingPathComponent("Evaluation/glossary.yml").path]))

    /// `text` after one `--fix`, as the command applies it.
    static func fixedOnce(_ text: String, checker: GlossaryChecker, language: LanguageTag?) throws -> String {
        let runner = CheckRunner(checker: checker, options: CheckOptions(language: language, streamingThreshold: .max))
        let bytes = Array(text.utf8)
        let (result, _) = CheckRunner.check(.contents(path: "t.md", bytes: bytes), checker: checker, options: runner.options)
        guard case let .checked(source, findings) = result else { throw InputError("not checked") }
        guard let fix = runner.fix(source, findings: findings) else { return text }
        return String(decoding: fix.fixed, as: UTF8.self)
    }

    /// Records an issue when fixing `text` twice differs from fixing it once; returns whether
    /// the first fix changed anything.
    @discardableResult
    static func expectIdempotent(_ text: String, checker: GlossaryChecker, language: LanguageTag?, _ label: String) throws -> Bool
    {
        let once = try fixedOnce(text, checker: checker, language: language)
        let twice = try fixedOnce(once, checker: checker, language: language)
        #expect(twice == once, "\(label): the second --fix changed\n\(once)\ninto\n\(twice)")
        return once != text
    }

    @Test func anAdmittedTermIsNeverReplaced() throws {
        // The example: fixing TKI makes the admitted "pekerja migran Indonesia" and the
        // preferred "pekerja migran" two ways of naming one concept; the second run must not
        // rewrite the admitted term.
        let text = "Pekerja migran Indonesia bekerja di luar negeri.\n\nBanyak TKI berangkat.\n"
        let once = try Self.fixedOnce(text, checker: TestSupport.projectChecker, language: .indonesian)
        #expect(once == "Pekerja migran Indonesia bekerja di luar negeri.\n\nBanyak pekerja migran berangkat.\n")
        #expect(try Self.fixedOnce(once, checker: TestSupport.projectChecker, language: .indonesian) == once)
    }

    @Test func aPreferredTermIsNotReplacedByAnotherPreferredTerm() throws {
        // Both are preferred: inconsistent, reported, but not a fix.
        let checker = try TestSupport.checker(
            yaml: """
                concepts:
                  - id: worker
                    terms:
                      en: [worker, employee, {term: workman, status: deprecated}]
                """)
        let text = "The worker came. Employee left, and the workman stayed.\n"
        let once = try Self.fixedOnce(text, checker: checker, language: .english)
        #expect(once == "The worker came. Employee left, and the worker stayed.\n")
        try Self.expectIdempotent(text, checker: checker, language: .english, "two preferred terms")
    }

    @Test func wordsThatAreAlsoAnApprovedTermAreLeftAlone() throws {
        // "hand" is deprecated for one concept and preferred for another: where the words could
        // be either, a fix could replace an approved term.
        let checker = try TestSupport.checker(
            yaml: """
                concepts:
                  - id: old
                    terms:
                      en: [crew member, {term: hand, status: deprecated}]
                  - id: body-part
                    terms:
                      en: [hand]
                """)
        let once = try Self.fixedOnce("A hand came.\n", checker: checker, language: .english)
        #expect(once == "A hand came.\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestPackage.root.appendingPathComponent("Evaluation/corpus").path)))
    func fixingTwiceChangesNothingOnTheEvaluationCorpus() throws {
        let corpus = try EvaluationCorpus.load(path: TestPackage.root.appendingPathComponent("Evaluation/corpus").path)
        var changed = 0
        for checker in [Self.evaluationChecker, TestSupport.projectChecker] {
            // Whole files: inconsistencies arise between sentences.
            for (language, sentences) in Dictionary(grouping: corpus.sentences, by: \.language) {
                let text = sentences.map(\.text).joined(separator: "\n\n") + "\n"
                if try Self.expectIdempotent(text, checker: checker, language: language, "\(language) corpus") { changed += 1 }
            }
            // Each sentence; then each sentence a fix changes with every other sentence of its
            // language, before and after it: a fix can make two paragraphs name one concept in
            // two ways.
            var fixable: [EvaluationCorpus.Sentence] = []
            for sentence in corpus.sentences {
                if try Self.expectIdempotent(
                    sentence.text + "\n", checker: checker, language: sentence.language, "\(sentence.file):\(sentence.line)")
                {
                    changed += 1
                    fixable.append(sentence)
                }
            }
            for first in fixable {
                for second in corpus.sentences where second.language == first.language && second.line != first.line {
                    for (a, b) in [(first, second), (second, first)] {
                        let text = a.text + "\n\n" + b.text + "\n"
                        if try Self.expectIdempotent(text, checker: checker, language: a.language, "\(a.line)+\(b.line)") {
                            changed += 1
                        }
                    }
                }
            }
        }
        // The property means something only if fixes happen.
        #expect(changed > 50, "\(changed) texts were changed by a first --fix")
    }

    @Test func fixingTwiceChangesNothingOnTheExamples() throws {
        var texts: [(String, LanguageTag?)] = []
        let examples = TestPackage.root.appendingPathComponent("Examples")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        where name.hasSuffix(".md") && name != "README.md" {
            texts.append((try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8), nil))
        }
        for rule in Rules.all {
            for example in type(of: rule).description.triggeringExamples + type(of: rule).description.nonTriggeringExamples {
                texts.append((example.text.replacingOccurrences(of: "↓", with: ""), example.language))
            }
        }
        #expect(texts.count > 20)
        for (text, language) in texts {
            for checker in [TestSupport.exampleChecker, TestSupport.projectChecker] {
                try Self.expectIdempotent(text, checker: checker, language: language, String(text.prefix(60)))
            }
        }
    }
}
