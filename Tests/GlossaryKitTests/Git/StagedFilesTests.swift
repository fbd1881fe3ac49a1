import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// A throwaway git repository.
struct TemporaryRepository {
    let root: URL

    init() throws {
        root = TestScratch.url("git")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q")
        try git("config", "user.email", "test@example.com")
        try git("config", "user.name", "Test")
        try git("config", "commit.gpgsign", "false")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let output = try Git.run(arguments, in: root.path)
        guard output.status == 0 else { throw InputError("git \(arguments.joined(separator: " ")): \(output.stderr)") }
        return output.text
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Staged content")
struct StagedFilesTests {
    @Test func judgesTheIndexVersionNotTheWorkingTree() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        try repository.write("The International Labour Organization met.\n", to: "docs/a.en.md")
        try repository.write("Clean.\n", to: "docs/b.en.md")
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "first")
        // Stage a bad line, then fix it in the working tree only: the commit would still hold it.
        try repository.write("The International Labor Organization met.\n", to: "docs/a.en.md")
        try repository.git("add", "docs/a.en.md")
        try repository.write("The International Labour Organization met again.\n", to: "docs/a.en.md")
        // An unstaged change to another file is not looked at.
        try repository.write("The International Labor Organization.\n", to: "docs/b.en.md")

        let entries = try StagedFiles.list(in: repository.root.path)
        #expect(entries.map(\.path) == ["docs/a.en.md"])
        let inputs = try StagedFiles.inputs(in: repository.root.path) { _ in true }
        let runner = CheckRunner(checker: TestSupport.exampleChecker, jobs: 1)
        let report = runner.run(inputs: inputs).report
        #expect(!report.findings.isEmpty)
        #expect(
            report.findings.allSatisfy { $0.location.file == "docs/a.en.md" && $0.location.line == 1 },
            "findings name the real path")
        #expect(report.findings.contains { $0.rule == "deprecated-term" })
        // The working tree alone is clean for that file.
        let working = runner.run(files: [repository.root.appendingPathComponent("docs/a.en.md").path]).report
        #expect(working.findings.filter { $0.rule == "deprecated-term" }.isEmpty)
    }

    @Test func aNameThatIsNotUTF8IsCheckedNotSkipped() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        try repository.write("Clean.\n", to: "docs/ok.en.md")
        let name = Array("docs/bad".utf8) + [0xFF] + Array(".en.md".utf8)
        let path = Array(repository.root.path.utf8) + [0x2F] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        let text = Array("The International Labor Organization met.\n".utf8)
        _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        try repository.git("add", ".")

        let entries = try StagedFiles.list(in: repository.root.path).sorted { $0.path < $1.path }
        #expect(entries.map(\.path) == ["docs/bad\\xFF.en.md", "docs/ok.en.md"])
        #expect(entries.first?.repositoryPathBytes == name)
        let inputs = try StagedFiles.inputs(in: repository.root.path) { _ in true }
        let report = CheckRunner(checker: TestSupport.exampleChecker, jobs: 1).run(inputs: inputs).report
        #expect(
            report.findings.contains { $0.rule == "deprecated-term" && $0.location.file == "docs/bad\\xFF.en.md" },
            "\(report.findings)")
        // From a subfolder too.
        let below = try StagedFiles.list(in: repository.root.appendingPathComponent("docs").path)
        #expect(Set(below.map(\.path)) == ["bad\\xFF.en.md", "ok.en.md"])
    }

    @Test func pathsAreRelativeToTheCurrentFolder() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        try repository.write("x\n", to: "docs/en/a.md")
        try repository.write("y\n", to: "top.md")
        try repository.git("add", ".")
        let entries = try StagedFiles.list(in: repository.root.appendingPathComponent("docs").path)
        #expect(Set(entries.map(\.path)) == ["en/a.md", "../top.md"])
        #expect(Set(entries.map(\.repositoryPath)) == ["docs/en/a.md", "top.md"])
        let contents = try StagedFiles.contents(of: entries.sorted { $0.path < $1.path }, in: repository.root.path)
        #expect(contents.map { String(decoding: $0, as: UTF8.self) } == ["y\n", "x\n"])
    }

    @Test func deletedFilesAndSymlinksAreLeftOut() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        try repository.write("x\n", to: "gone.md")
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "first")
        try repository.git("rm", "-q", "gone.md")
        try FileManager.default.createSymbolicLink(
            atPath: repository.root.appendingPathComponent("link.md").path, withDestinationPath: "elsewhere.md")
        try repository.git("add", "link.md")
        #expect(try StagedFiles.list(in: repository.root.path).isEmpty)
    }

    @Test func outsideARepositoryIsAClearError() throws {
        let folder = TestScratch.url("nogit")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: InputError.self) { try StagedFiles.list(in: folder.path) }
    }
}
