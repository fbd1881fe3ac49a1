import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// Where the default glossary and configuration are looked for: the current folder and its
/// parents, no further than the repository root or the home folder, and only `glossary/` folders
/// that hold glossary files.
@Suite("Glossary and configuration discovery")
struct DiscoveryTests {
    /// A scratch folder tree made from paths: a path ending in `/` is a folder, any other a file
    /// with `text`.
    struct Tree {
        let root: URL

        init(_ paths: [String], text: String = "concepts: []\n") throws {
            root = TestScratch.url("discovery")
            for path in paths {
                let url = root.appendingPathComponent(path)
                if path.hasSuffix("/") {
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                } else {
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url)
                }
            }
        }

        func path(_ relative: String) -> String { root.appendingPathComponent(relative).standardizedFileURL.path }
    }

    // MARK: How far the search goes

    @Test func searchStopsAtTheRepositoryRootWithAGitFolderOrFile() throws {
        let folder = try Tree(["outer/repo/.git/", "outer/repo/docs/en/", "outer/worktree/.git", "outer/worktree/docs/"])
        let repository = Paths.searchedFolders(from: folder.path("outer/repo/docs/en"), home: "/nonexistent")
        #expect(repository == [folder.path("outer/repo/docs/en"), folder.path("outer/repo/docs"), folder.path("outer/repo")])
        // A worktree or submodule has a .git file, not a folder.
        let worktree = Paths.searchedFolders(from: folder.path("outer/worktree/docs"), home: "/nonexistent")
        #expect(worktree.last == folder.path("outer/worktree"))
    }

    @Test func searchStopsAtTheHomeFolderAndOtherwiseGoesToTheRoot() throws {
        let folder = try Tree(["home/user/notes/"])
        let underHome = Paths.searchedFolders(from: folder.path("home/user/notes"), home: folder.path("home/user"))
        #expect(underHome == [folder.path("home/user/notes"), folder.path("home/user")])
        // Outside both, every parent up to / is searched.
        let outside = Paths.searchedFolders(from: folder.path("home/user/notes"), home: "/nonexistent")
        #expect(outside.first == folder.path("home/user/notes") && outside.last == "/")
        #expect(outside.contains(folder.path("home")))
    }

    // MARK: Which glossary/ folder is taken

    @Test func aGlossaryAboveTheRepositoryIsNotTaken() throws {
        let folder = try Tree(["glossary/terms.yml", "project/.git/", "project/docs/"])
        #expect(GlossaryLoader.discover(from: folder.path("project/docs")) == nil)
        // The repository's own glossary is.
        let inside = try Tree(["glossary/terms.yml", "project/.git/", "project/docs/", "project/glossary/terms.yml"])
        #expect(GlossaryLoader.discover(from: inside.path("project/docs")) == inside.path("project/glossary"))
        // So is one at the repository root itself, found from the root.
        #expect(GlossaryLoader.discover(from: inside.path("project")) == inside.path("project/glossary"))
    }

    @Test func aGlossaryFolderWithoutGlossaryFilesAtItsTopIsPassedOver() throws {
        // A clone of a project named glossary: YAML deep inside (language data, CI files, build
        // checkouts), none at its top level.
        let folder = try Tree([
            "glossary/Package.swift", "glossary/README.md", "glossary/.pre-commit-hooks.yaml",
            "glossary/Sources/GlossaryKit/Languages/Data/en.yml", "glossary/glossary/terms.yml",
            "glossary/.build/checkouts/Yams/.bcr/presubmit.yml", "work/docs/",
        ])
        #expect(GlossaryLoader.discover(from: folder.path("work/docs")) != folder.path("glossary"))
        #expect(GlossaryLoader.passedOver(from: folder.path("work/docs")).first == folder.path("glossary"))
        // A nearer folder with glossary files wins over it; a farther one is found past it.
        let nearer = try Tree(["glossary/Package.swift", "glossary/Sources/a.yml", "work/glossary/terms.tsv", "work/docs/"])
        #expect(GlossaryLoader.discover(from: nearer.path("work/docs")) == nearer.path("work/glossary"))
        let farther = try Tree(["glossary/terms.yml", "work/glossary/Sources/a.yml", "work/docs/"])
        #expect(GlossaryLoader.discover(from: farther.path("work/docs")) == farther.path("glossary"))
        #expect(GlossaryLoader.passedOver(from: farther.path("work/docs")) == [farther.path("work/glossary")])
    }

    @Test func hiddenFilesAndNonGlossaryFilesDoNotMakeAGlossaryFolder() throws {
        let folder = try Tree(["glossary/.terms.yml", "glossary/notes.md", "glossary/terms.yml/", "docs/"])
        #expect(!GlossaryLoader.holdsGlossaryFiles(folder.path("glossary")))
        for name in ["a.yml", "a.YAML", "a.tbx", "a.csv", "a.tsv"] {
            let one = try Tree(["glossary/\(name)"])
            #expect(GlossaryLoader.holdsGlossaryFiles(one.path("glossary")), "\(name)")
        }
    }

    // MARK: What is read from a glossary folder

    @Test func loadingAFolderSkipsHiddenAndBuildFolders() throws {
        let folder = try Tree([
            "glossary/terms.yml", "glossary/health/more.yml", "glossary/.old/terms.yml", "glossary/.hidden.yml",
            "glossary/build/terms.yml", "glossary/DerivedData/x.yml", "glossary/node_modules/p/x.yml",
            "glossary/health/.build/x.yml", "glossary/builds/kept.yml",
        ])
        let files = try GlossaryLoader.files(at: folder.path("glossary")).map { Paths.relative($0, to: folder.path("glossary")) }
        #expect(files == ["builds/kept.yml", "health/more.yml", "terms.yml"])
    }

    // MARK: .glossary.yml

    @Test func configurationIsFoundUpToTheRepositoryRootOnly() throws {
        let folder = try Tree([".glossary.yml", "project/.git/", "project/docs/"])
        #expect(Configuration.discover(from: folder.path("project/docs")) == nil)
        let inside = try Tree([".glossary.yml", "project/.git/", "project/docs/", "project/.glossary.yml"])
        #expect(Configuration.discover(from: inside.path("project/docs")) == inside.path("project/.glossary.yml"))
        // Outside a repository, a parent's is found.
        let plain = try Tree([".glossary.yml", "a/b/"])
        #expect(Configuration.discover(from: plain.path("a/b")) == plain.path(".glossary.yml"))
    }
}
