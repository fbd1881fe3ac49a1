import Foundation
import Testing

/// Which glossary and configuration a command uses when none is named, end to end: never one of
/// an unrelated tree above the repository or the home folder, never a folder that only happens to
/// be called `glossary`; `--verbose` says which one was used.
@Suite("Glossary discovery, end to end")
struct DiscoveryCommandTests {
    static let glossary = """
        concepts:
          - id: labour
            terms:
              en:
                - labour
                - term: labor
                  status: deprecated

        """

    /// A scratch folder with `files` (path → text); a path ending in `/` is a folder.
    static func tree(_ files: [String: String]) throws -> URL {
        let root = try CommandRunner.temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
        return root
    }

    @Test func aCloneNamedGlossaryAboveIsNotReadAsTheGlossary() throws {
        // The issue's case: a clone of this project (named glossary) above the working folder,
        // with YAML files that are not glossaries deep inside it.
        let root = try Self.tree([
            "glossary/Package.swift": "// swift-tools-version: 6.1\n",
            "glossary/.git/": "",
            "glossary/Sources/GlossaryKit/Languages/Data/en.yml": "language: en\n",
            "glossary/.build/checkouts/Yams/.bcr/presubmit.yml": "matrix: {}\n",
            "glossary/glossary/terms.yml": Self.glossary,
            "notes/a.en.md": "Labor.\n",
        ])
        let result = try CommandRunner.run(["check", "--no-cache", "a.en.md"], in: root.appendingPathComponent("notes"))
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("error: no glossary"))
        #expect(
            result.stderr.contains("glossary was passed over: it has no .yml, .yaml, .tbx, .csv or .tsv file at its top level"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("presubmit.yml") && !result.stderr.contains("en.yml"))
        // Inside the clone, its own glossary/ folder is the one.
        let inside = try CommandRunner.run(
            ["check", "--no-cache", "--verbose", "../../notes/a.en.md"], in: root.appendingPathComponent("glossary/Sources"))
        #expect(inside.status == 1, "\(inside.stderr)")
        #expect(
            inside.stderr.contains(
                "note: glossary: \(root.appendingPathComponent("glossary/glossary").path) (the nearest glossary/ folder with glossary files)"
            ))
    }

    @Test func theSearchStopsAtTheRepositoryRoot() throws {
        let root = try Self.tree([
            "glossary/terms.yml": Self.glossary,
            ".glossary.yml": "rules:\n  deprecated-term: off\n",
            "project/.git/": "",
            "project/docs/a.en.md": "Labor.\n",
        ])
        let docs = root.appendingPathComponent("project/docs")
        let outside = try CommandRunner.run(["check", "--no-cache", "a.en.md"], in: docs)
        #expect(outside.status == 2, "the glossary above the repository is not used: \(outside.stdout)")
        #expect(outside.stderr.contains("no glossary"))
        // The repository's own glossary is found from below; the configuration above the
        // repository (which turns the rule off) is not read.
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("project/glossary"), withIntermediateDirectories: true)
        try Data(Self.glossary.utf8).write(to: root.appendingPathComponent("project/glossary/terms.yml"))
        let inside = try CommandRunner.run(["check", "--no-cache", "--verbose", "a.en.md"], in: docs)
        #expect(inside.status == 1, "\(inside.stdout)\(inside.stderr)")
        #expect(inside.stdout.contains("a.en.md:1:1: warning: 'Labor' is deprecated"))
        #expect(inside.stderr.contains("note: configuration: none (no .glossary.yml here or in a parent folder"))
        // A configuration at the repository root is read.
        try Data("rules:\n  deprecated-term: off\n".utf8).write(to: root.appendingPathComponent("project/.glossary.yml"))
        let configured = try CommandRunner.run(["check", "--no-cache", "--verbose", "a.en.md"], in: docs)
        #expect(configured.status == 0, "\(configured.stdout)")
        #expect(configured.stderr.contains("note: configuration: \(root.appendingPathComponent("project/.glossary.yml").path)"))
    }

    @Test func theSearchStopsAtTheHomeFolder() throws {
        let root = try Self.tree([
            "glossary/terms.yml": Self.glossary,
            "home/user/notes/a.en.md": "Labor.\n",
        ])
        let notes = root.appendingPathComponent("home/user/notes")
        let home = ["HOME": root.appendingPathComponent("home/user").path]
        let aboveHome = try CommandRunner.run(["check", "--no-cache", "a.en.md"], in: notes, environment: home)
        #expect(aboveHome.status == 2, "a glossary above the home folder is not used: \(aboveHome.stdout)")
        // One in the home folder itself is.
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("home/user/glossary"), withIntermediateDirectories: true)
        try Data(Self.glossary.utf8).write(to: root.appendingPathComponent("home/user/glossary/terms.yml"))
        let inHome = try CommandRunner.run(["check", "--no-cache", "a.en.md"], in: notes, environment: home)
        #expect(inHome.status == 1, "\(inHome.stderr)")
    }

    @Test func verboseNamesTheGlossaryAndWhyItWasUsed() throws {
        let root = try Self.tree([
            "glossary/terms.yml": Self.glossary,
            "other/terms.yml": Self.glossary,
            "a.en.md": "Labour.\n",
        ])
        let discovered = try CommandRunner.run(["check", "--no-cache", "--verbose", "a.en.md"], in: root)
        #expect(discovered.status == 0)
        #expect(
            discovered.stderr.contains("note: glossary: glossary (the nearest glossary/ folder with glossary files)"),
            "\(discovered.stderr)")
        let named = try CommandRunner.run(["lookup", "--no-cache", "--verbose", "-g", "other/terms.yml", "labour"], in: root)
        #expect(named.status == 0)
        #expect(named.stderr.contains("note: glossary: other/terms.yml (--glossary)"))
        try Data("glossary: other/\n".utf8).write(to: root.appendingPathComponent(".glossary.yml"))
        let configured = try CommandRunner.run(["check", "--no-cache", "--verbose", "a.en.md"], in: root)
        #expect(
            configured.stderr.contains("note: glossary: other (the glossary setting of .glossary.yml)"), "\(configured.stderr)")
        // Without --verbose, nothing is said.
        let quiet = try CommandRunner.run(["check", "--no-cache", "a.en.md"], in: root)
        #expect(quiet.stderr.isEmpty)
    }
}
