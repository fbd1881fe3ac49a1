import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

@Suite("Scan sessions carried from text to text")
struct ScanSessionTests {
    /// Texts that share words (so a session's caches are hit) in all three languages.
    static let texts = [
        "Labour trafficking grows. Labor trafficking pays. The ILO's programmes help migrant workers.",
        "Perdagangan tenaga kerja meningkat. Pekerja-pekerja migran dan tenaga kerjanya pulang.",
        "Padagangan tanaga gawé ngaronjat. Pagawé migran jeung pagawéna mulih.",
        "Migrant workers and labour trafficking: the ILO-nya programme, pekerja2 migran.",
    ]

    @Test func findingsAreTheSameWithASharedSession() throws {
        let checker = TestSupport.projectChecker
        var options = CheckOptions()
        options.session = ScanSession(compiled: checker.compiled)
        for round in 0..<3 {
            for (index, text) in Self.texts.enumerated() {
                let source = SourceText(path: "text\(index).md", string: text)
                let fresh = try checker.check(source)
                let shared = try checker.check(source, options: options)
                #expect(fresh == shared, "round \(round), text \(index)")
                #expect(try checker.analyze(source).matches == checker.analyze(source, options: options).matches)
            }
        }
    }

    @Test func aSessionOfAnotherGlossaryIsNotUsed() throws {
        var options = CheckOptions()
        options.session = ScanSession(compiled: TestSupport.exampleChecker.compiled)
        let source = SourceText(path: "t.md", string: Self.texts[0])
        #expect(try TestSupport.projectChecker.check(source, options: options) == TestSupport.projectChecker.check(source))
    }

    @Test func runnerOnOneAndTwoThreadsAgrees() throws {
        let folder = TestScratch.url("scan-session")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for index in 0..<24 {
            let path = folder.appendingPathComponent("doc\(index).md").path
            try Data(Self.texts[index % Self.texts.count].utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        var one = CheckRunner(checker: TestSupport.projectChecker, jobs: 1)
        one.obeysSuppressions = true
        let two = CheckRunner(checker: TestSupport.projectChecker, jobs: 2)
        let (serial, _) = one.run(files: paths)
        let (parallel, _) = two.run(files: paths)
        let fresh = try paths.flatMap { path in
            try TestSupport.projectChecker.check(
                SourceText(path: path, bytes: Array(FileManager.default.contents(atPath: path)!)))
        }
        #expect(serial.findings.count == fresh.count && !fresh.isEmpty)
        #expect(serial.findings.map(\.message) == fresh.map(\.message))
        #expect(serial.findings == parallel.findings)
    }
}
