import Foundation
import GlossaryKit
import TestLocations
import Testing

/// The version is written once, in `GlossaryKitInfo.version`: the tool, SARIF logs and the
/// changelog name that one.
@Suite("One version")
struct VersionTests {
    @Test func toolPrintsTheLibraryVersion() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == GlossaryKitInfo.version + "\n")
    }

    @Test func sarifNamesTheLibraryVersion() throws {
        let result = try CommandRunner.run(["check", "--format", "sarif", "--no-cache", "Examples/clean.en.md"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == GlossaryKitInfo.version)
    }

    @Test func changelogsNewestEntryIsTheLibraryVersion() throws {
        let text = try String(contentsOf: TestPackage.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        // An `## Unreleased` section above it collects the changes since (Keep a Changelog).
        let newest = try #require(text.split(separator: "\n").first { $0.hasPrefix("## ") && $0 != "## Unreleased" })
        #expect(newest.dropFirst(3).split(separator: " ").first.map(String.init) == GlossaryKitInfo.version, "\(newest)")
    }
}
