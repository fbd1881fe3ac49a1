import Foundation
import Testing

/// Files that are not what they seem — devices, pipes, links, the same file under two names, a
/// glossary named as a text — give a clear error and exit status 2, and nothing is changed.
@Suite("Hostile files, end to end")
struct HostileFileCommandTests {
    @Test func specialFilesAreRefusedAsTextsGlossariesAndSettings() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("TKI and labor.\n", to: "a.md")
        #expect(mkfifo(project.root.appendingPathComponent("pipe").path, 0o600) == 0)
        for arguments in [
            ["check", "-g", "/dev/zero", "a.md"],
            ["check", "-g", "pipe", "a.md"],
            ["check", "--config", "/dev/urandom", "a.md"],
            ["check", "--baseline", "pipe", "a.md"],
            ["check", "/dev/zero"],
            ["check", "pipe"],
            ["lookup", "-g", "pipe", "labor"],
        ] {
            let result = try project.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is a device") || result.stderr.contains("is a named pipe"), "\(arguments): \(result.stderr)")
        }
        let written = try project.run(["check", "--write-baseline", "pipe", "a.md"])
        #expect(written.status == 2 && written.stderr.contains("not written"), "\(written.stderr)")
    }

    @Test func aPathSetWithNoFilesIsAnError() throws {
        let project = try Project()
        defer { project.remove() }
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try project.write("not a text", to: "images/logo.svg")
        for folder in ["empty", "images"] {
            let result = try project.run(["check", folder])
            #expect(result.status == 2, "\(folder): \(result.stdout)")
            #expect(result.stderr.contains("no files to check in \(folder)") && result.stderr.contains(".md"), "\(result.stderr)")
            #expect(!result.stdout.contains("No findings"))
        }
        try project.write("labor\n", to: "docs/a.md")
        try project.write("include: [\"notes/**\"]\n", to: ".glossary.yml")
        let excluded = try project.run(["check", "docs"])
        #expect(excluded.status == 2)
        #expect(excluded.stderr.contains("left out by the include and exclude patterns"), "\(excluded.stderr)")
        // Standard input and a folder with a text are checked as before.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(".glossary.yml"))
        #expect(try project.run(["check", "docs"]).status == 1)
        #expect(try project.run(["check", "-"], input: "labour\n").status == 0)
    }

    @Test func linksToFoldersAreFollowedForTextsAndGlossaries() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("The labor office.\n", to: "real/a.md")
        try FileManager.default.createSymbolicLink(
            atPath: project.root.appendingPathComponent("linkdir").path, withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(
            atPath: project.root.appendingPathComponent("real/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: project.root.appendingPathComponent("glossary-link").path, withDestinationPath: "glossary")
        let result = try project.run(["check", "-g", "glossary-link", "linkdir"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("linkdir/a.md:1:5: warning:") && result.stdout.contains("[deprecated-term]"), "\(result.stdout)")
        #expect(result.stdout.contains("1 file"), "\(result.stdout)")
    }

    @Test func oneFileNamedTwiceIsCheckedAndFixedOnce() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("The labor office.\n", to: "a.md")
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
        let checked = try project.run(["check", "a.md", "./a.md", "b.md"])
        #expect(checked.status == 1)
        #expect(checked.stdout.components(separatedBy: "[deprecated-term]").count == 2, "\(checked.stdout)")
        let fixed = try project.run(["check", "--fix", "a.md", "./a.md", "b.md"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(!fixed.stderr.contains("changed while it was checked"), "\(fixed.stderr)")
        #expect(String(decoding: try project.read("a.md"), as: UTF8.self) == "The labour office.\n")
    }
}
