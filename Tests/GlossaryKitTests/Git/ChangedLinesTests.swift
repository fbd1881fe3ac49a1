import Foundation
import Testing

@testable import GlossaryKit

@Suite("Changed lines from git diff")
struct ChangedLinesTests {
    private func lines(_ changes: GitChanges, _ path: String) -> [ClosedRange<Int>] {
        changes.lines.ranges[Array(path.utf8)] ?? []
    }

    @Test func addedChangedAndRemovedLinesOfAModifiedFile() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        try repository.write("one\ntwo\nthree\nfour\nfive\n", to: "a.md")
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "first")
        // Line 2 changed, line 4 removed, a line added at the end.
        try repository.write("one\nTWO\nthree\nfive\nsix\n", to: "a.md")
        let changes = try GitChanges(since: "HEAD", staged: false, in: repository.root.path)
        #expect(changes.files.map(\.path) == ["a.md"])
        #expect(lines(changes, "a.md") == [2...2, 5...5])
        #expect(changes.lines.contains(2, in: Array("a.md".utf8)))
        #expect(!changes.lines.contains(1, in: Array("a.md".utf8)))
        #expect(!changes.lines.contains(4, in: Array("a.md".utf8)))
        #expect(!changes.lines.contains(2, in: Array("b.md".utf8)))
    }

    @Test func namesWithSpacesQuotesTabsAndNonASCIIBytes() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        let names = [
            "with space.md", "trailing space .md", "quote\"d.md", "tab\tname.md", "bahasa/ngaran ñ é.md", "back\\slash.md",
        ]
        for name in names { try repository.write("old\n", to: name) }
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "first")
        for name in names { try repository.write("old\nnew\n", to: name) }
        let changes = try GitChanges(since: "HEAD", staged: false, in: repository.root.path)
        #expect(Set(changes.files.map(\.path)) == Set(names))
        for name in names { #expect(lines(changes, name) == [2...2], "\(name)") }
    }

    @Test func noNewlineMarkersBinaryFilesAndHeaderLookalikes() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        try repository.write("-- a/x\n+++ b/evil.md\nlast without newline", to: "a.md")
        try Data([0, 1, 2, 0xFF]).write(to: repository.root.appendingPathComponent("blob.bin"))
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "first")
        // Removed lines that look like a file header, added ones that do too, and a last line
        // that gains a newline.
        try repository.write("++ b/evil.md\n@@ -1 +1 @@\nlast without newline\n", to: "a.md")
        try Data([0, 1, 3, 0xFF]).write(to: repository.root.appendingPathComponent("blob.bin"))
        let changes = try GitChanges(since: "HEAD", staged: false, in: repository.root.path)
        #expect(lines(changes, "a.md") == [1...3])
        #expect(changes.lines.ranges[Array("evil.md".utf8)] == nil)
        #expect(changes.lines.ranges[Array("blob.bin".utf8)] == nil, "a binary file has no lines")
    }

    @Test func aRenamedFileKeepsItsHistory() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        let text = (1...20).map { "Line \($0) of a long enough text to be found again." }.joined(separator: "\n") + "\n"
        try repository.write(text, to: "old.md")
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "first")
        try repository.git("mv", "old.md", "new name.md")
        try repository.write(text.replacingOccurrences(of: "Line 7 ", with: "Changed 7 "), to: "new name.md")
        let changes = try GitChanges(since: "HEAD", staged: false, in: repository.root.path)
        #expect(changes.files.map(\.path) == ["new name.md"])
        #expect(lines(changes, "new name.md") == [7...7])
        // The index holds the rename but not the edit.
        let staged = try GitChanges(since: "HEAD", staged: true, in: repository.root.path)
        #expect(staged.files.map(\.path) == ["new name.md"])
        #expect(lines(staged, "new name.md").isEmpty)
    }

    @Test func theMergeBaseIsTheStartingPoint() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        try repository.write("base\n", to: "a.md")
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "first")
        try repository.git("branch", "-M", "main")
        try repository.git("checkout", "-qb", "topic")
        try repository.write("base\ntopic\n", to: "a.md")
        try repository.git("commit", "-qam", "topic")
        try repository.git("checkout", "-q", "main")
        try repository.write("elsewhere\n", to: "b.md")
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "main moves on")
        try repository.git("checkout", "-q", "topic")
        // What main did since the branch point is not the topic's change.
        let changes = try GitChanges(since: "main", staged: false, in: repository.root.path)
        #expect(changes.files.map(\.path) == ["a.md"])
        #expect(lines(changes, "a.md") == [2...2])
    }

    @Test func aRevisionThatDoesNotExistIsAnError() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        try repository.write("x\n", to: "a.md")
        try repository.git("add", ".")
        try repository.git("commit", "-qm", "first")
        for revision in ["no-such-branch", "HEAD~3", "--output=x", "a.md"] {
            #expect(throws: InputError.self, "\(revision)") {
                try GitChanges(since: revision, staged: false, in: repository.root.path)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: repository.root.appendingPathComponent("x").path))
    }

    @Test(arguments: [
        ("b/plain.md", "plain.md"),
        ("b/with space.md\t", "with space.md"),
        ("\"b/q\\\"uote\\\\.md\"", "q\"uote\\.md"),
        ("\"b/tab\\there\"", "tab\there"),
        ("\"b/\\303\\251.md\"", "é.md"),
    ])
    func newNamesAreUnquoted(line: String, path: String) {
        #expect(ChangedLines.path(afterPrefix: Array(line.utf8)[...]) == Array(path.utf8))
    }

    @Test func deletedFilesAndBrokenQuotesHaveNoName() {
        #expect(ChangedLines.path(afterPrefix: Array("/dev/null".utf8)[...]) == nil)
        #expect(ChangedLines.path(afterPrefix: Array("\"b/unterminated".utf8)[...]) == nil)
        #expect(ChangedLines.path(afterPrefix: Array("\"b/bad\\3\"".utf8)[...]) == nil, "a cut octal escape")
        #expect(ChangedLines.path(afterPrefix: Array("a/old.md".utf8)[...]) == nil, "not a new name")
    }

    @Test func hunkHeaders() {
        func range(_ header: String) -> ClosedRange<Int>? { ChangedLines.newLines(ofHunkHeader: Array(header.utf8)[...]) }
        #expect(range("@@ -3 +3 @@") == 3...3)
        #expect(range("@@ -3,0 +4,2 @@ context") == 4...5)
        #expect(range("@@ -3,2 +2,0 @@") == nil, "only removed")
        #expect(range("@@ -0,0 +1 @@") == 1...1)
        #expect(range("@@ garbage @@") == nil)
    }
}
