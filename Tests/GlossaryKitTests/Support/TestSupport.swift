import Foundation
import TestLocations
import Testing

@testable import GlossaryKit

/// Shared helpers for the GlossaryKit tests.
enum TestSupport {
    /// A folder of generated benchmark data (`Benchmarks/run.py` writes `.build-bench/data-…`)
    /// with a corpus and a 1k-concept glossary, or nil.
    static var benchmarkData: URL? {
        let folder = TestPackage.root.appendingPathComponent(".build-bench")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted().reversed() where name.hasPrefix("data-") {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus.txt").path),
                FileManager.default.fileExists(atPath: url.appendingPathComponent("glossary-1000.yml").path)
            {
                return url
            }
        }
        return nil
    }

    /// The first `count` bytes (about) of the generated benchmark corpus, cut after a line, with
    /// its data folder; nil when no benchmark data has been generated.
    static func benchmarkCorpusPrefix(_ count: Int) -> (folder: URL, bytes: [UInt8])? {
        guard let folder = benchmarkData,
            let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent("corpus.txt").path)
        else { return nil }
        defer { try? handle.close() }
        var bytes = Array(handle.readData(ofLength: count))
        while let last = bytes.last, last != 0x0A { bytes.removeLast() }
        return (folder, bytes)
    }

    /// A checker over the rule examples' glossary.
    static let exampleChecker: GlossaryChecker = try! GlossaryChecker(glossary: RuleExamples.glossary)

    /// A checker over the project's own glossary folder.
    static let projectChecker: GlossaryChecker = try! GlossaryChecker(
        glossary: GlossaryLoader.load(paths: [TestPackage.root.appendingPathComponent("glossary").path]))

    /// A checker over `Examples/udhr-glossary.yml`, the glossary written for the UDHR texts.
    static let udhrChecker: GlossaryChecker = try! GlossaryChecker(
        glossary: GlossaryLoader.load(
            paths: [TestPackage.root.appendingPathComponent("Examples/udhr-glossary.yml").path]))

    /// A checker over a glossary written inline.
    static func checker(yaml: String) throws -> GlossaryChecker {
        try GlossaryChecker(glossary: YAMLGlossaryReader.read(yaml, path: "test.yml"))
    }

    /// The findings on `text`.
    static func findings(
        _ text: String, language: LanguageTag? = nil, path: String = "test.txt",
        checker: GlossaryChecker = exampleChecker
    ) throws -> [Finding] {
        try checker.check(SourceText(path: path, string: text), options: CheckOptions(language: language))
    }

    /// The matches in `text`, as (written text, concept id) pairs.
    static func matches(
        _ text: String, language: LanguageTag?, checker: GlossaryChecker = exampleChecker
    ) throws -> [(text: String, concept: String, match: TermMatch)] {
        let document = try checker.analyze(SourceText(path: "test.txt", string: text), options: CheckOptions(language: language))
        return document.matches.map { (document.writtenText(of: $0), document.glossary[concept: $0.term].id, $0) }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `Benchmarks/run.py` has generated its data; otherwise it is
    /// reported as skipped.
    static var needsBenchmarkData: Self {
        .enabled(if: TestSupport.benchmarkData != nil, "needs benchmark data: run Benchmarks/run.py to generate it")
    }
}
