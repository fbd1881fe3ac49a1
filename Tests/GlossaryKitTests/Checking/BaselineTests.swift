import Foundation
import Testing

@testable import GlossaryKit

@Suite("Baselines and fingerprints")
struct BaselineTests {
    func findings(_ text: String, path: String = "/work/docs/a.md") -> [Finding] {
        let (result, _) = CheckRunner.check(
            .contents(path: path, bytes: Array(text.utf8)), checker: TestSupport.exampleChecker,
            options: CheckOptions(language: .english))
        guard case let .checked(_, findings) = result else { return [] }
        return findings
    }

    let labor = "The International Labor Organization met."

    @Test func fingerprintsIgnoreLinesButCountOccurrences() {
        let before = findings(labor + "\n\n" + labor + "\n")
        let after = findings("A new first paragraph.\n\nAnother.\n\n" + labor + "\n\n" + labor + "\n")
        #expect(before.count == 2 && after.count == 2)
        #expect(before.map(\.fingerprint) == after.map(\.fingerprint))
        #expect(before[0].fingerprint != before[1].fingerprint)
        #expect(before[0].location.line != after[0].location.line)
    }

    @Test func baselineAbsorbsKnownFindingsAndReportsNewOnes() throws {
        let old = findings(labor + "\n")
        let baseline = Baseline(report: CheckReport(findings: old, fileCount: 1), path: "/work/baseline.json")
        #expect(baseline.entries.map(\.file) == ["docs/a.md"])
        // Moved down by an edit elsewhere: still known.
        let moved = findings("Intro.\n\n" + labor + "\n")
        #expect(baseline.filter(moved).new.isEmpty)
        #expect(baseline.filter(moved).known == 1)
        // A second occurrence is new.
        let more = findings(labor + "\n\n" + labor + "\n")
        #expect(baseline.filter(more).new.map(\.location.line) == [3])
        // The same text in another file is new.
        #expect(baseline.filter(findings(labor + "\n", path: "/work/docs/b.md")).new.count == 1)
    }

    @Test func serializationRoundTrips() throws {
        let baseline = Baseline(report: CheckReport(findings: findings(labor + "\n"), fileCount: 1), path: "/work/baseline.json")
        let read = try Baseline.read(baseline.serialized(), path: "/work/baseline.json")
        #expect(read == baseline)
    }

    @Test func invalidBaselinesArePositioned() {
        #expect(throws: InputError.self) { try Baseline.read("[1, 2]", path: "b.json") }
        do {
            _ = try Baseline.read("{\"version\": 2, \"findings\": []}", path: "b.json")
            Issue.record("version 2 accepted")
        } catch {
            #expect(error.location?.line == 1)
            #expect(error.message.contains("unsupported baseline version"))
        }
        do {
            _ = try Baseline.read("{\"version\": 1,\n \"findings\": [\n  {\"file\": \"a.md\"}]}", path: "b.json")
            Issue.record("entry without fingerprint accepted")
        } catch {
            #expect(error.location?.line == 3)
            #expect(error.message == "baseline entry lacks \"fingerprint\"")
        }
    }
}
