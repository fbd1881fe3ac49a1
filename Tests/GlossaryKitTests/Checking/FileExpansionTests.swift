import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// How paths given on the command line become files: folders searched (following links to
/// folders, each folder once), one file under two names checked once.
@Suite("Files for paths")
struct FileExpansionTests {
    let root: URL

    init() throws {
        root = TestScratch.url("expansion")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func write(_ relative: String, _ text: String = "text\n") throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }

    @Test func aLinkToAFolderIsFollowed() throws {
        try write("real/a.md")
        try write("real/sub/b.txt")
        try link("linked", to: "real")
        #expect(try CheckRunner.files(for: [path("linked")]) == [path("linked/a.md"), path("linked/sub/b.txt")])
        // Inside a folder too.
        try write("docs/c.md")
        try link("docs/more", to: "../real")
        #expect(
            try CheckRunner.files(for: [path("docs")]) == [
                path("docs/c.md"), path("docs/more/a.md"), path("docs/more/sub/b.txt"),
            ])
    }

    @Test func linkLoopsEndAndEachFolderIsListedOnce() throws {
        try write("tree/a.md")
        try link("tree/up", to: "..")
        try link("tree/self", to: ".")
        try write("tree/x/b.md")
        try link("tree/x/back", to: "../x")
        #expect(try CheckRunner.files(for: [path("tree")]) == [path("tree/a.md"), path("tree/x/b.md")])
        // Two links to one folder: its files once, under the first name in order.
        try write("shared/c.md")
        try FileManager.default.createDirectory(atPath: path("two"), withIntermediateDirectories: true)
        try link("two/first", to: "../shared")
        try link("two/second", to: "../shared")
        #expect(try CheckRunner.files(for: [path("two")]) == [path("two/first/c.md")])
    }

    @Test func aLinkLoopGivenAsAPathIsNamed() throws {
        try link("a", to: "b")
        try link("b", to: "a")
        let error = #expect(throws: InputError.self) { try CheckRunner.files(for: [path("a")]) }
        #expect(error?.message.contains("symbolic link loop") == true, "\(String(describing: error))")
        let missing = #expect(throws: InputError.self) { try CheckRunner.files(for: [path("none")]) }
        #expect(missing?.message == "no such file or folder")
    }

    @Test func oneFileNamedTwiceIsCheckedOnce() throws {
        try write("a.md")
        try write("b.md")
        try link("c.md", to: "a.md")
        try FileManager.default.linkItem(atPath: path("b.md"), toPath: path("d.md"))
        let files = try CheckRunner.files(for: [
            path("a.md"), root.path + "/./a.md", path("c.md"), path("b.md"), path("d.md"), "-", "-",
        ])
        #expect(files == [path("a.md"), path("b.md"), "-", "-"])
        // A folder and a file in it.
        try write("f/e.md")
        #expect(try CheckRunner.files(for: [path("f"), path("f/e.md")]) == [path("f/e.md")])
    }

    @Test func aNameThatIsNotUTF8IsAnErrorNotASilentMiss() throws {
        try write("names/good.md")
        let bad = Array(path("names").utf8) + Array("/bad".utf8) + [0xFF] + Array(".md".utf8) + [0]
        let descriptor = bad.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let error = #expect(throws: InputError.self) { try CheckRunner.files(for: [path("names")]) }
        #expect(error?.message.contains("UTF-8") == true, "\(String(describing: error))")
        #expect(error?.file?.contains("\\xFF") == true, "\(String(describing: error))")
    }

    @Test func glossaryFoldersFollowLinksToo() throws {
        try write("terms/g.yml", "concepts:\n  - id: a\n    terms:\n      en: [alpha]\n")
        try link("glossary-link", to: "terms")
        try link("terms/loop", to: ".")
        #expect(try GlossaryLoader.files(at: path("glossary-link")) == [path("glossary-link/g.yml")])
        // The same file twice is loaded once, not reported as a duplicate concept.
        let glossary = try GlossaryLoader.load(paths: [path("terms/g.yml"), path("glossary-link"), root.path + "/./terms/g.yml"])
        #expect(glossary.concepts.count == 1)
        try link("g-loop", to: "g-loop")
        let error = #expect(throws: InputError.self) { try GlossaryLoader.files(at: path("g-loop")) }
        #expect(error?.message.contains("symbolic link loop") == true)
    }
}
