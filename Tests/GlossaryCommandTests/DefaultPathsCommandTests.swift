import Foundation
import Testing

/// `glossary check` with no path checks what the configuration's `include` patterns choose, and
/// the command `glossary init` suggests works in the folder it was run in.
@Suite("check without paths, and init's next command")
struct DefaultPathsCommandTests {
    /// The command `init` printed between backticks, as arguments after `glossary`.
    static func suggestedCommand(in output: String) throws -> [String] {
        let parts = output.split(separator: "`", omittingEmptySubsequences: false)
        let command = try #require(parts.count >= 3 ? parts[1] : nil, "no command in \(output)")
        let words = command.split(separator: " ").map(String.init)
        try #require(words.first == "glossary", "\(command)")
        return Array(words.dropFirst())
    }

    @Test func initsSuggestedCommandWorksWhereInitRan() throws {
        let folder = try CommandRunner.temporaryFolder()
        let cache = ["GLOSSARY_CACHE_DIR": folder.appendingPathComponent(".cache").path]
        let initialised = try CommandRunner.run(["init"], in: folder)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let command = try Self.suggestedCommand(in: initialised.stdout)
        // Exactly as suggested, in the fresh folder: it succeeds.
        let fresh = try CommandRunner.run(command, in: folder, environment: cache)
        #expect(fresh.status == 0, "\(command): \(fresh.stdout)\(fresh.stderr)")
        // With texts: the ones the starter configuration includes are checked, the excluded
        // and not included ones are not.
        for (path, text) in [
            "docs/en/guide.md": "A guest worker arrived.\n", "notes.txt": "Banyak TKI di sini.\n",
            "node_modules/pkg/readme.md": "A guest worker.\n", "CHANGELOG.md": "A guest worker.\n",
            "docs/en/page.markdown": "A guest worker.\n",
        ] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let checked = try CommandRunner.run(command, in: folder, environment: cache)
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(checked.stdout.contains("docs/en/guide.md:1:3: warning: 'guest worker' is deprecated"), "\(checked.stdout)")
        #expect(checked.stdout.contains("notes.txt:1:8: warning: 'TKI' is deprecated"))
        #expect(
            !checked.stdout.contains("node_modules") && !checked.stdout.contains("CHANGELOG")
                && !checked.stdout.contains("page.markdown"))
        #expect(checked.stdout.hasSuffix("2 warnings in 2 files.\n"))
        // From a subfolder, the files are named as seen from there.
        let below = try CommandRunner.run(command, in: folder.appendingPathComponent("docs"), environment: cache)
        #expect(below.stdout.contains("../docs/en/guide.md:1:3:"), "\(below.stdout)")
    }

    @Test func withoutIncludePatternsAPathIsNeeded() throws {
        let folder = try CommandRunner.temporaryFolder()
        let cache = ["GLOSSARY_CACHE_DIR": folder.appendingPathComponent(".cache").path]
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("glossary"), withIntermediateDirectories: true)
        try Data(DiscoveryCommandTests.glossary.utf8).write(to: folder.appendingPathComponent("glossary/terms.yml"))
        try Data("Labor.\n".utf8).write(to: folder.appendingPathComponent("a.en.md"))
        let none = try CommandRunner.run(["check"], in: folder, environment: cache)
        #expect(none.status == 2)
        #expect(none.stderr.contains("Error: give at least one file or folder to check"))
        #expect(none.stderr.contains("but no .glossary.yml was found"), "\(none.stderr)")
        #expect(none.stderr.contains("Usage: glossary check"))
        #expect(none.stdout.isEmpty)
        try Data("fail-on: error\n".utf8).write(to: folder.appendingPathComponent(".glossary.yml"))
        let noInclude = try CommandRunner.run(["check"], in: folder, environment: cache)
        #expect(noInclude.status == 2)
        #expect(noInclude.stderr.contains("but .glossary.yml has none"), "\(noInclude.stderr)")
        let ignored = try CommandRunner.run(["check", "--no-config"], in: folder, environment: cache)
        #expect(ignored.status == 2)
        #expect(ignored.stderr.contains("but --no-config is given"))
        // Staged content needs no path either; a path still works as before.
        #expect(try CommandRunner.run(["check", "a.en.md"], in: folder, environment: cache).status == 0)
        try Data("include: ['*.md']\n".utf8).write(to: folder.appendingPathComponent(".glossary.yml"))
        let included = try CommandRunner.run(["check"], in: folder, environment: cache)
        #expect(included.status == 1)
        #expect(included.stdout.hasPrefix("a.en.md:1:1: warning: 'Labor' is deprecated"), "\(included.stdout)")
    }
}
