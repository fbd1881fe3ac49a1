import Foundation
import Testing

/// A temporary project folder with a small glossary, for end-to-end runs.
struct Project {
    let root: URL

    static let glossary = """
        concepts:
          - id: labour
            terms:
              en:
                - labour
                - term: labor
                  status: deprecated
          - id: workforce
            terms:
              id:
                - tenaga kerja
                - term: buruh
                  status: deprecated

        """

    init(git: Bool = false) throws {
        root = try CommandRunner.temporaryFolder()
        try write(Self.glossary, to: "glossary/terms.yml")
        if git {
            try self.git("init", "-q")
            try self.git("config", "user.email", "test@example.com")
            try self.git("config", "user.name", "Test")
            try self.git("config", "commit.gpgsign", "false")
        }
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func run(_ arguments: [String], in folder: String? = nil, input: String? = nil) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, in: folder.map { root.appendingPathComponent($0) } ?? root, input: input)
    }

    /// Runs git in the project through the runner, so that a hook it starts uses the scratch
    /// cache too; returns the status and standard output followed by standard error.
    @discardableResult
    func git(_ arguments: String...) throws -> (status: Int32, output: String) {
        let result = try CommandRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: root)
        return (result.status, result.stdout + result.stderr)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Workflow commands, end to end")
struct WorkflowCommandTests {
    // MARK: Output formats

    @Test func sarifAndGithubFormats() throws {
        let sarif = try CommandRunner.run(["check", "--format", "sarif", "Examples/abstract.md"])
        #expect(sarif.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let github = try CommandRunner.run(["check", "--format", "github", "Examples/abstract.md"])
        #expect(github.status == 1)
        // The sample's one divergence between its sections is a notice, its term problems warnings.
        #expect(
            github.stdout.hasPrefix(
                "::notice file=Examples/abstract.md,line=3,col=1,endLine=3,endColumn=5,title=glossary%3A divergent-term::"))
        #expect(github.stdout.contains("\n::warning file=Examples/abstract.md,line="))
        #expect(
            github.stdout.split(separator: "\n").allSatisfy {
                $0.hasPrefix("::warning ") || $0.hasPrefix("::error ") || $0.hasPrefix("::notice ")
            })
        #expect(try CommandRunner.run(["lookup", "--format", "sarif", "ILO"]).status == 2)
    }

    // MARK: Configuration and init

    @Test func initWritesStarterFilesOnceAndTheyWork() throws {
        let project = try Project()
        defer { project.remove() }
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("glossary"))
        let first = try project.run(["init"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(project.exists(".glossary.yml") && project.exists("glossary/terms.yml"))
        try project.write("A guest worker arrived.\n", to: "docs/en/a.md")
        let check = try project.run(["check", "docs"])
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("docs/en/a.md:1:3: warning: 'guest worker' is deprecated"))
        // A second init overwrites nothing.
        try project.write("fail-on: error\n", to: ".glossary.yml")
        let second = try project.run(["init"])
        #expect(second.status == 2)
        #expect(second.stderr.contains(".glossary.yml: error: already exists"))
        #expect(String(decoding: try project.read(".glossary.yml"), as: UTF8.self) == "fail-on: error\n")
    }

    @Test func configurationSetsLanguagesSeveritiesFailOnAndExcludes() throws {
        let project = try Project()
        defer { project.remove() }
        // Short texts whose language could not be detected: the configuration names it.
        try project.write("Buruh.\n", to: "docs/id/a.md")
        try project.write("Labor.\n", to: "docs/en/a.md")
        try project.write("Labor.\n", to: "docs/archive/old.md")
        try project.write(
            """
            languages:
              "docs/{id,en}/**": en
              "docs/id/**": id
            exclude: ["docs/archive/**"]
            rules:
              deprecated-term: info
            """, to: ".glossary.yml")
        var result = try project.run(["check", "--format", "json", "docs"])
        #expect(result.status == 0, "info does not fail at the default fail-on")
        #expect(result.stdout.contains("\"severity\": \"info\""))
        #expect(!result.stdout.contains("archive"))
        // The first matching pattern wins: docs/id is English here, so buruh is not looked up as Indonesian.
        #expect(!result.stdout.contains("\"text\": \"Buruh\""))
        try project.write(
            """
            languages:
              "docs/id/**": id
              "docs/en/**": en
            fail-on: info
            rules:
              deprecated-term: info
            """, to: ".glossary.yml")
        result = try project.run(["check", "id", "en"], in: "docs")
        #expect(result.status == 1, "fail-on: info from the file")
        #expect(result.stdout.contains("id/a.md:1:1: info: 'Buruh' is deprecated"), "\(result.stdout)\(result.stderr)")
        #expect(try project.run(["check", "--fail-on", "error", "id", "en"], in: "docs").status == 0, "the option wins")
        #expect(try project.run(["check", "--no-config", "--lang", "en", "docs/en"]).stdout.contains("warning"))
    }

    @Test func configurationErrorsExitTwoWithPosition() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("Labor.\n", to: "a.en.md")
        try project.write("glossary: glossary/\nrules:\n  term-case: sometimes\n", to: ".glossary.yml")
        let result = try project.run(["check", "a.en.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".glossary.yml:3:14: error: unknown severity 'sometimes'"))
        #expect(result.stderr.contains("  term-case: sometimes\n             ^"))
        #expect(result.stdout.isEmpty)
        let explicit = try project.run(["check", "--config", "missing.yml", "a.en.md"])
        #expect(explicit.status == 2)
        #expect(explicit.stderr.contains("missing.yml: error: no such file"))
    }

    // MARK: Suppressions and baseline

    @Test func inlineSuppressionsInAFile() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("<!-- glossary-ignore -->\nLabor.\n\nLabor again.\n", to: "a.en.md")
        let result = try project.run(["check", "a.en.md"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("a.en.md:4:1:"))
        #expect(!result.stdout.contains("a.en.md:2:1:"))
        #expect(result.stdout.hasSuffix("1 warning in 1 file (1 suppressed).\n"))
    }

    @Test func baselineLetsOnlyNewFindingsFail() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("Labor.\n\nMore labor.\n", to: "docs/a.en.md")
        let write = try project.run(["check", "--write-baseline", "glossary-baseline.json", "docs"])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stderr.contains("recorded 2 findings"))
        #expect(try project.run(["check", "--baseline", "glossary-baseline.json", "docs"]).status == 0)
        // Lines move: still known. From another folder: still known.
        try project.write("New intro.\n\nLabor.\n\nMore labor.\n", to: "docs/a.en.md")
        let moved = try project.run(["check", "--baseline", "../glossary-baseline.json", "."], in: "docs")
        #expect(moved.status == 0, "\(moved.stdout)")
        #expect(moved.stdout.contains("(2 in the baseline)"))
        // A new occurrence fails.
        try project.write("New intro.\n\nLabor.\n\nMore labor.\n\nEven more labor.\n", to: "docs/a.en.md")
        let new = try project.run(["check", "--baseline", "glossary-baseline.json", "docs"])
        #expect(new.status == 1)
        #expect(new.stdout.contains("docs/a.en.md:7:11:"))
        // A bad baseline is an input error.
        try project.write("{\"version\": 1, \"findings\": [{}]}", to: "bad.json")
        let bad = try project.run(["check", "--baseline", "bad.json", "docs"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.json:1:29: error: baseline entry lacks \"file\""))
    }

    @Test func writeBaselineRefusesWhenAFileFailed() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("Labor.\n", to: "a.en.md")
        try project.write(Data([0x61, 0xC3, 0x28, 0x0A]), to: "bad.en.md")
        try project.write("previous\n", to: "base.json")
        let result = try project.run(["check", "--write-baseline", "base.json", "a.en.md", "bad.en.md"])
        #expect(result.status == 2)
        #expect(String(decoding: try project.read("base.json"), as: UTF8.self) == "previous\n")
    }

    // MARK: --fix

    @Test func fixRewritesOnlyTheTermsAndKeepsBytes() throws {
        let project = try Project()
        defer { project.remove() }
        let original = Data([0xEF, 0xBB, 0xBF] + Array("Labor, LABOR.\r\n\r\nlabor and labor\r\n".utf8))
        try project.write(original, to: "a.en.txt")
        let dry = try project.run(["check", "--fix", "--dry-run", "a.en.txt"])
        #expect(dry.status == 1)
        #expect(dry.stdout.hasPrefix("--- a/a.en.txt\n+++ b/a.en.txt\n@@ -1,3 +1,3 @@\n"))
        #expect(dry.stdout.contains("+\u{FEFF}Labour, LABOUR.\r\n"))
        #expect(try project.read("a.en.txt") == original, "--dry-run writes nothing")
        let fix = try project.run(["check", "--fix", "a.en.txt"])
        #expect(fix.status == 0, "\(fix.stdout)\(fix.stderr)")
        #expect(fix.stderr.contains("fixed 4 findings in 1 file"))
        // A paragraph's first word is capitalised; the rest keeps the writer's case.
        #expect(
            try project.read("a.en.txt") == Data([0xEF, 0xBB, 0xBF] + Array("Labour, LABOUR.\r\n\r\nLabour and labour\r\n".utf8)))
    }

    @Test func nothingToFixLeavesBytesAndModificationTime() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("Labour is fine.\n", to: "a.en.md")
        let path = project.root.appendingPathComponent("a.en.md").path
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        let before = try project.read("a.en.md")
        let result = try project.run(["check", "--fix", "a.en.md"])
        #expect(result.status == 0)
        #expect(try project.read("a.en.md") == before)
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(modified == past)
    }

    @Test func fixNeverTouchesAFileItCouldNotRead() throws {
        let project = try Project()
        defer { project.remove() }
        let bad = Data(Array("Labor.\n".utf8) + [0xFF, 0x0A])
        try project.write(bad, to: "bad.en.txt")
        try project.write("Labor.\n", to: "good.en.txt")
        let result = try project.run(["check", "--fix", "bad.en.txt", "good.en.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.en.txt:2:1: error: invalid UTF-8"))
        #expect(try project.read("bad.en.txt") == bad)
        #expect(String(decoding: try project.read("good.en.txt"), as: UTF8.self) == "Labour.\n")
    }

    @Test func fixOptionConflictsAreUsageErrors() throws {
        #expect(try CommandRunner.run(["check", "--dry-run", "x.md"]).status == 2)
        #expect(try CommandRunner.run(["check", "--fix", "-"]).status == 2)
        #expect(try CommandRunner.run(["check", "--fix", "--staged"]).status == 2)
    }

    // MARK: git

    @Test func stagedChecksTheIndexVersion() throws {
        let project = try Project(git: true)
        defer { project.remove() }
        try project.write("Labour.\n", to: "docs/a.en.md")
        try project.git("add", ".")
        try project.git("commit", "-qm", "first")
        try project.write("Labor.\n", to: "docs/a.en.md")
        try project.git("add", "docs/a.en.md")
        try project.write("Labour again.\n", to: "docs/a.en.md")
        let staged = try project.run(["check", "--staged"])
        #expect(staged.status == 1)
        #expect(staged.stdout.contains("docs/a.en.md:1:1: warning: 'Labor' is deprecated"))
        let fromSubfolder = try project.run(["check", "--staged"], in: "docs")
        #expect(fromSubfolder.stdout.contains("a.en.md:1:1: warning"))
        #expect(try project.run(["check", "docs"]).status == 0, "the working tree is clean")
        #expect(try project.run(["check", "--staged", "other"]).stdout == "No findings in 0 files.\n")
    }

    @Test func installedHookBlocksABadCommitAndPassesAGoodOne() throws {
        let project = try Project(git: true)
        defer { project.remove() }
        let install = try project.run(["install-hook"])
        #expect(install.status == 0, "\(install.stderr)")
        let hook = project.root.appendingPathComponent(".git/hooks/pre-commit").path
        #expect(FileManager.default.isExecutableFile(atPath: hook))
        try project.write("Labour.\n", to: "a.en.md")
        try project.git("add", ".")
        #expect(try project.git("commit", "-qm", "good").status == 0)
        // Partially staged: the bad version is staged, the working tree is fixed.
        try project.write("Labor.\n", to: "a.en.md")
        try project.git("add", "a.en.md")
        try project.write("Labour.\n", to: "a.en.md")
        let rejected = try project.git("commit", "-qm", "bad")
        #expect(rejected.status != 0)
        #expect(rejected.output.contains("a.en.md:1:1: warning: 'Labor' is deprecated"))
        try project.git("add", "a.en.md")
        #expect(try project.git("commit", "-qm", "fixed").status == 0 || project.git("status", "--porcelain").output.isEmpty)
        // Reinstalling replaces its own hook.
        #expect(try project.run(["install-hook"]).stdout.contains("Updated"))
    }

    @Test func foreignHookIsKeptUnlessForcedThenBackedUp() throws {
        let project = try Project(git: true)
        defer { project.remove() }
        try project.git("config", "core.hooksPath", "custom-hooks")
        let foreign = "#!/bin/sh\necho mine\n"
        try project.write(foreign, to: "custom-hooks/pre-commit")
        let refused = try project.run(["install-hook"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("custom-hooks/pre-commit: error: a pre-commit hook that glossary did not write"))
        #expect(String(decoding: try project.read("custom-hooks/pre-commit"), as: UTF8.self) == foreign)
        let forced = try project.run(["install-hook", "--force"])
        #expect(forced.status == 0)
        #expect(String(decoding: try project.read("custom-hooks/pre-commit.backup"), as: UTF8.self) == foreign)
        #expect(String(decoding: try project.read("custom-hooks/pre-commit"), as: UTF8.self).contains("check --staged"))
        #expect(!project.exists(".git/hooks/pre-commit"), "core.hooksPath is respected")
    }

    @Test func installHookOutsideARepositoryExitsTwo() throws {
        let project = try Project()
        defer { project.remove() }
        let result = try project.run(["install-hook"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("git repository"))
    }

    // MARK: Many files

    @Test func thousandFilesGiveTheSameOutputOnOneOrTwoThreads() throws {
        let project = try Project()
        defer { project.remove() }
        for index in 0..<1000 {
            let text = index % 3 == 0 ? "File \(index): labor and labour.\n" : "File \(index) is about labour.\n"
            try project.write(text, to: "docs/\(index / 100)/f\(index).en.txt")
        }
        let one = try project.run(["check", "--jobs", "1", "--format", "json", "docs"])
        let two = try project.run(["check", "--jobs", "2", "--format", "json", "docs"])
        #expect(one.status == 1 && two.status == 1)
        #expect(one.stdout == two.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 1000)
        // One finding on each 'labor': deprecated-term, with the inconsistent-term finding folded in.
        #expect(summary["findings"] as? Int == 334)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(
            findings.allSatisfy {
                $0["rule"] as? String == "deprecated-term"
                    && ($0["folded"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["inconsistent-term"]
            })
    }
}
