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
        // Devices that end at once (a regression then fails instead of reading without end);
        // named pipes, which would block a regression, are tested in SpecialFileTests.
        for arguments in [
            ["check", "-g", "/dev/null", "a.md"],
            ["check", "--config", "/dev/null", "a.md"],
            ["check", "--baseline", "/dev/null", "a.md"],
            ["check", "/dev/null"],
            ["lookup", "-g", "/dev/null", "labor"],
        ] {
            let result = try project.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("/dev/null: error: is a device, not a regular file"), "\(arguments): \(result.stderr)")
        }
        let written = try project.run(["check", "--write-baseline", "pipe", "a.md"])
        #expect(written.status == 2 && written.stderr.contains("not written"), "\(written.stderr)")
    }

    @Test func aPathSetWithNoFilesIsAnError() throws {
        let project = try Project()
        defer { project.remove() }
        try FileManager.default.createDirectory(
            at: project.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
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
        #expect(
            result.stdout.contains("linkdir/a.md:1:5: warning:") && result.stdout.contains("[deprecated-term]"),
            "\(result.stdout)")
        #expect(result.stdout.contains("1 file"), "\(result.stdout)")
    }

    @Test func oneFileNamedTwiceIsCheckedAndFixedOnce() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("The labor office.\n", to: "a.md")
        try FileManager.default.createSymbolicLink(
            atPath: project.root.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
        let checked = try project.run(["check", "a.md", "./a.md", "b.md"])
        #expect(checked.status == 1)
        #expect(checked.stdout.components(separatedBy: "[deprecated-term]").count == 2, "\(checked.stdout)")
        let fixed = try project.run(["check", "--fix", "a.md", "./a.md", "b.md"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(!fixed.stderr.contains("changed while it was checked"), "\(fixed.stderr)")
        #expect(String(decoding: try project.read("a.md"), as: UTF8.self) == "The labour office.\n")
    }

    @Test func aStagedFileWithANameThatIsNotUTF8IsChecked() throws {
        let project = try Project(git: true)
        defer { project.remove() }
        let path = Array(project.root.path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".md".utf8) + [0]
        let descriptor = path.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        let text = Array("The labor office.\n".utf8)
        _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        try project.git("add", ".")
        // The hook's command: the finding stops the commit, under a readable name.
        let result = try project.run(["check", "--staged"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("bad\\xFF.md:1:5:"), "\(result.stdout)")
    }

    @Test func fixRefusesTheGlossaryConfigurationAndBaselineOfTheRun() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("The labor office.\n", to: "a.md")
        // The glossary holds "labor" itself: --fix would rewrite its own deprecated term.
        let glossaryBefore = try project.read("glossary/terms.yml")
        try FileManager.default.createSymbolicLink(
            atPath: project.root.appendingPathComponent("terms-link.yml").path, withDestinationPath: "glossary/terms.yml")
        for arguments in [
            ["check", "--fix", "a.md", "glossary/terms.yml"],
            ["check", "--fix", "-g", "glossary/terms.yml", "a.md", "./glossary/terms.yml"],
            ["check", "--fix", "a.md", "terms-link.yml"],
            ["check", "--fix", "--dry-run", "a.md", "glossary/terms.yml"],
        ] {
            let result = try project.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.contains("is a glossary file of this run; --fix does not rewrite it"),
                "\(arguments): \(result.stderr)")
            #expect(try project.read("glossary/terms.yml") == glossaryBefore)
            // Nothing is fixed, not even the text beside it.
            #expect(String(decoding: try project.read("a.md"), as: UTF8.self) == "The labor office.\n")
        }
        try project.write("fail-on: warning\n# labor\n", to: "settings.yml")
        let configuration = try project.run(["check", "--fix", "--config", "settings.yml", "a.md", "settings.yml"])
        #expect(
            configuration.status == 2 && configuration.stderr.contains("is the configuration of this run"),
            "\(configuration.stderr)")
        try project.write("{\"version\": 1, \"findings\": []}\n", to: "base.json")
        let baseline = try project.run(["check", "--fix", "--baseline", "base.json", "a.md", "base.json"])
        #expect(baseline.status == 2 && baseline.stderr.contains("is the baseline of this run"), "\(baseline.stderr)")
        // Checking a glossary as a text, without --fix, is allowed.
        #expect(try project.run(["check", "glossary/terms.yml"]).status != 2)
    }

    @Test func fixKeepsReadOnlyFilesUnlessForced() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("The labor office.\n", to: "a.md")
        let path = project.root.appendingPathComponent("a.md").path
        chmod(path, 0o444)
        let refused = try project.run(["check", "--fix", "a.md"])
        #expect(refused.status == 2 && refused.stderr.contains("read-only"), "\(refused.stderr)")
        #expect(String(decoding: try project.read("a.md"), as: UTF8.self) == "The labor office.\n")
        let forced = try project.run(["check", "--fix", "--force", "a.md"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(String(decoding: try project.read("a.md"), as: UTF8.self) == "The labour office.\n")
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o444)
        #expect(try project.run(["check", "--force", "a.md"]).status == 2)
    }

    @Test func fixUnderAConcurrentWriterAppliesToTheLatestContentOrExitsTwo() throws {
        let project = try Project()
        defer { project.remove() }
        let base = String(repeating: "The labor office is open.\n", count: 300)
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<40 {
            let name = "race-\(trial).md"
            try project.write(base, to: name)
            let path = project.root.appendingPathComponent(name).path
            let stop = Flag()
            let lines = Lines()
            // A burst of lines at a random moment of the run (which takes some tens of
            // milliseconds), so that some trials write while the fix is being written.
            let delay = UInt32.random(in: 0...120_000, using: &generator)
            let thread = Thread {
                usleep(delay)
                var number = 0
                while !stop.isSet && number < 40 {
                    let descriptor = open(path, O_WRONLY | O_APPEND)
                    if descriptor >= 0 {
                        let line = "appended \(number)"
                        let bytes = Array((line + "\n").utf8)
                        if bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count {
                            lines.add(line)
                        }
                        close(descriptor)
                    }
                    number += 1
                    usleep(100)
                }
                stop.done()
            }
            thread.start()
            let result = try project.run(["check", "--fix", name])
            stop.set()
            #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
            // The fixed text or the original, then every line the writer wrote, once each.
            let final = String(decoding: try project.read(name), as: UTF8.self)
            let fixed = base.replacingOccurrences(of: "labor", with: "labour")
            let prefix = final.hasPrefix(fixed) ? fixed : base
            #expect(final.hasPrefix(prefix), "trial \(trial): \(result.stderr)")
            let appended = final.dropFirst(prefix.count).split(separator: "\n").map(String.init)
            #expect(
                appended.sorted() == lines.all.sorted(),
                "trial \(trial): \(lines.all.count) lines written, \(appended.count) kept")
            #expect((prefix == fixed) == (result.status != 2), "trial \(trial): exit \(result.status)")
            if result.status == 2 { #expect(result.stderr.contains("changed"), "\(result.stderr)") }
        }
    }
}

/// A flag one thread sets and another reads, and a wait for the thread to end.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private let finished = DispatchSemaphore(value: 0)

    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }

    /// Sets the flag and waits until the other thread calls `done()`.
    func set() {
        lock.lock()
        value = true
        lock.unlock()
        finished.wait()
    }

    func done() { finished.signal() }
}

/// Lines written by another thread.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }

    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

/// Outputs that would replace what a run reads or what is not a file, and inputs built to make
/// reading or matching slow: refused with a clear message and status 2, nothing changed.
@Suite("Outputs and inputs that would lose data or time, end to end")
struct UnsafeOutputCommandTests {
    /// `--write-baseline` named after a text being checked, a glossary file or the configuration
    /// (under another name too) would replace it with the baseline.
    @Test func aBaselineIsNotWrittenOverAFileTheRunReads() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("The labor office.\n", to: "a.md")
        try project.write("rules: {}\n", to: ".glossary.yml")
        try FileManager.default.createSymbolicLink(
            atPath: project.root.appendingPathComponent("alias.md").path, withDestinationPath: "a.md")
        let files = ["a.md", "glossary/terms.yml", ".glossary.yml"]
        let before = try files.map { try Data(contentsOf: project.root.appendingPathComponent($0)) }
        for target in ["a.md", "alias.md", "glossary/terms.yml", ".glossary.yml"] {
            let result = try project.run(["check", "--write-baseline", target, "a.md"])
            #expect(result.status == 2, "\(target): \(result.stderr)")
            #expect(
                result.stderr.contains("\(target): error: is a file this run reads; the baseline is not written over it"),
                "\(target): \(result.stderr)")
        }
        let after = try files.map { try Data(contentsOf: project.root.appendingPathComponent($0)) }
        #expect(before == after)
        // Another file is written as before.
        let written = try project.run(["check", "--write-baseline", "baseline.json", "a.md"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("baseline.json").path))
    }

    /// `convert --force` replaces a file, never a pipe, a device or a folder, and a path that
    /// ends in a slash names a folder, not a file to create.
    @Test func convertWritesOnlyRegularFiles() throws {
        let project = try Project()
        defer { project.remove() }
        let pipe = project.root.appendingPathComponent("pipe.yml").path
        #expect(mkfifo(pipe, 0o600) == 0)
        try FileManager.default.createDirectory(
            at: project.root.appendingPathComponent("folder.yml"), withIntermediateDirectories: true)
        for (target, message) in [
            ("pipe.yml", "is a named pipe"), ("/dev/null", "is a device"), ("folder.yml", "is a folder"),
            ("new.yml/", "names a folder"),
        ] {
            let result = try project.run(["convert", "glossary/terms.yml", target, "--to", "yaml", "--force"])
            #expect(result.status == 2, "\(target): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(target): \(result.stderr)")
        }
        var status = stat()
        #expect(lstat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("new.yml").path))
        // A regular file is replaced as before.
        try project.write("old\n", to: "out.yml")
        #expect(try project.run(["convert", "glossary/terms.yml", "out.yml", "--force"]).status == 0)
        #expect(try String(contentsOf: project.root.appendingPathComponent("out.yml"), encoding: .utf8).contains("labour"))
    }

    /// A file the tool creates gets the permissions the umask allows, as any program's; one it
    /// replaces keeps its own.
    @Test func newFilesFollowTheUmask() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("kept\n", to: "kept.tbx")
        #expect(chmod(project.root.appendingPathComponent("kept.tbx").path, 0o640) == 0)
        let result = try CommandRunner.run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            [
                "-c",
                "umask 077 && \"$0\" convert glossary/terms.yml private.tbx && \"$0\" convert glossary/terms.yml kept.tbx --force",
                CommandRunner.binary.path,
            ], in: project.root)
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(stat(project.root.appendingPathComponent("private.tbx").path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(stat(project.root.appendingPathComponent("kept.tbx").path, &status) == 0 && status.st_mode & 0o777 == 0o640)
    }

    /// A term of more words than the matcher takes is refused where it is written, by `check`
    /// and by `lint`; one of the most words allowed is matched.
    @Test func aTermOfTooManyWordsIsRefusedWithItsPlace() throws {
        let project = try Project()
        defer { project.remove() }
        let long = Array(repeating: "word", count: 33).joined(separator: " ")
        let longest = Array(repeating: "word", count: 32).joined(separator: " ")
        try project.write(
            "concepts:\n  - id: long\n    terms:\n      en:\n        - \(long)\n", to: "long/terms.yml")
        try project.write(
            "concepts:\n  - id: longest\n    terms:\n      en:\n        - term: \(longest)\n          status: deprecated\n",
            to: "longest/terms.yml")
        try project.write("A text of \(longest) and more.\n", to: "a.md")
        let checked = try project.run(["check", "--no-cache", "-g", "long", "a.md"])
        #expect(checked.status == 2, "\(checked.stderr)")
        #expect(checked.stderr.contains("long/terms.yml:5:11: error: the term 'word word"), "\(checked.stderr)")
        #expect(checked.stderr.contains("has 33 words; at most 32 are matched"), "\(checked.stderr)")
        try project.write(
            "concepts:\n  - id: phrase\n    terms:\n      en:\n        - term: word\n          exceptions: [\(long)]\n",
            to: "phrase/terms.yml")
        let phrase = try project.run(["check", "--no-cache", "-g", "phrase", "a.md"])
        #expect(phrase.status == 2 && phrase.stderr.contains("the exception phrase 'word word"), "\(phrase.stderr)")
        let linted = try project.run(["lint", "long"])
        #expect(linted.status == 1 && linted.stdout.contains("has 33 words"), "\(linted.stdout)")
        let matched = try project.run(["check", "--no-cache", "-g", "longest", "a.md"])
        #expect(matched.stderr.isEmpty, "\(matched.stderr)")
        #expect(matched.stdout.contains("a.md:1:11: warning: '\(longest)' is deprecated"), "\(matched.stdout)")
    }

    /// A lint error known only by its line and column quotes that line, not the file's first.
    @Test func aGlossaryErrorQuotesItsOwnLine() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("concepts:\n  - id: x\n    terms:\n\t  en: [a]\n", to: "tabs/terms.yml")
        let result = try project.run(["lint", "tabs"])
        #expect(result.status != 0)
        #expect(result.stdout.contains("tabs/terms.yml:4:1"), "\(result.stdout)")
        #expect(result.stdout.contains("[invalid-glossary]\n\t  en: [a]\n^"), "\(result.stdout)")
        #expect(!result.stdout.contains("\nconcepts:\n"), "\(result.stdout)")
    }
}
