import Foundation
import TestLocations
import Testing

@Suite("glossary evaluate, end to end")
struct EvaluateCommandTests {
    @Test func projectCorpusMeetsTheTargets() throws {
        let result = try CommandRunner.run(["evaluate", "--quiet", "--min-precision", "0.99", "--min-recall", "0.97"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("language             expected  found  correct  precision  recall\n"))
        for row in ["\nid ", "\nen ", "\nsu ", "\nreduplication ", "\nplural-infix ", "\ntrap "] {
            #expect(result.stdout.contains(row), "missing row \(row)")
        }
    }

    @Test func paragraphLanguagesArePrintedAfterTheTerms() throws {
        let result = try CommandRunner.run(["evaluate", "--quiet"])
        let table = try #require(
            result.stdout.range(of: "\nparagraph language   paragraphs  correct  accuracy  uncertain  missed\n"))
        #expect(result.stdout[..<table.lowerBound].contains("\nphenomenon "))
        for row in ["\nid ", "\nen ", "\nsu ", "\n1-2 words ", "\n9+ words ", "\nshort (1-8 words) "] {
            #expect(("\n" + result.stdout[table.upperBound...]).contains(row), "missing row \(row)")
        }
        // --quiet lists no paragraph.
        #expect(!result.stdout.contains("(uncertain): "))
    }

    @Test func aParagraphWithoutATagExitsTwo() throws {
        let folder = try CommandRunner.temporaryFolder()
        try "[en] Fine.\n\nNo tag.\n".write(to: folder.appendingPathComponent("doc.md"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["evaluate", "--paragraph-languages", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("doc.md:3:1: error: a paragraph must start with its language in square brackets"))
    }

    @Test func unreachableTargetsExitOne() throws {
        let folder = try CommandRunner.temporaryFolder()
        try "# language: en\nThe [[victim|victims|plural]] and the [[victim|witness]].\n"
            .write(to: folder.appendingPathComponent("en.txt"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["evaluate", "--corpus", folder.path, "--min-recall", "0.9"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("missed: 'witness' (victim)"))
        #expect(result.stderr.contains("below the thresholds: en"))
    }

    @Test func corpusErrorsExitTwo() throws {
        let folder = try CommandRunner.temporaryFolder()
        try "# language: en\nThe [[victim|victims|stemmed]].\n"
            .write(to: folder.appendingPathComponent("en.txt"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["evaluate", "--corpus", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("en.txt:2:5: error: unknown phenomenon 'stemmed'"))
    }

    @Test(.needsSharedData) func realTextsSurvey() throws {
        let result = try CommandRunner.run(["evaluate", "--real-texts", "--data", SharedData.data.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("udhr-sun"))
    }

    /// Outside a checkout with `../shared/data` beside it, `--real-texts` says what it needs.
    @Test func realTextsWithoutDataSayWhatTheyNeed() throws {
        let project = try CommandRunner.temporaryFolder()
        try FileManager.default.copyItem(
            at: TestPackage.root.appendingPathComponent("glossary"), to: project.appendingPathComponent("glossary"))
        let result = try CommandRunner.run(["evaluate", "--real-texts"], in: project)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("skipped: no real-text folder"), "\(result.stdout)")
    }
}
