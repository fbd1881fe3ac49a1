import Foundation
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

    @Test func realTextsSurveyOrSkip() throws {
        let result = try CommandRunner.run(["evaluate", "--real-texts"])
        #expect(result.status == 0)
        if CommandRunner.sharedData == nil {
            #expect(result.stdout.hasPrefix("skipped:"))
        } else {
            #expect(result.stdout.contains("udhr-sun"))
        }
    }
}
