import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

@Suite("Parallel files by name and configuration; folder search")
struct ParallelFilesTests {
    // As `Glossary.languages` gives them: sorted.
    let known: [LanguageTag] = [.english, .indonesian, .sundanese]

    @Test func theLanguageTagAndTheKeyOfAPath() {
        func key(_ path: String) -> String? {
            LanguageDetector.languageTag(inPath: path, known: known).map { "\($0.language.rawValue) \($0.key)" }
        }
        #expect(key("docs/report.id.md") == "id docs/report.{lang}.md")
        #expect(key("report_en.txt") == "en report_{lang}.txt")
        #expect(key("abstract-su.md") == "su abstract-{lang}.md")
        #expect(key("/p/en/guide/report.md") == "en /p/{lang}/guide/report.md")
        #expect(key("/p/en-GB/report.md") == "en /p/{lang}/report.md")
        // The file's own tag wins over a folder's.
        #expect(key("id/report.en.md") == "en id/report.{lang}.md")
        #expect(key("notes.md") == nil)
        #expect(key("data.v2.txt") == nil)
        #expect(key("report.fr.md") == nil, "fr is not a glossary language")
        #expect(key("id.md") == nil, "a name that is only a tag declares nothing")
        // language(fromPath:) reads the same tag.
        #expect(LanguageDetector.language(fromPath: "x/report_su.md", known: known) == .sundanese)
    }

    @Test func filesThatDifferOnlyByTheirTagAreGrouped() {
        let (groups, skipped) = ParallelFiles.groups(
            [
                "a/report.id.md", "a/notes.md", "a/report.en.md", "a/report.su.md",
                "b/summary_en.txt", "b/summary_id.txt",
                "c/id/guide.md", "c/en/guide.md", "c/en/other.md",
            ], known: known)
        #expect(skipped.isEmpty)
        #expect(
            groups.map(\.files) == [
                ["a/report.en.md", "a/report.id.md", "a/report.su.md"],
                ["b/summary_en.txt", "b/summary_id.txt"],
                ["c/en/guide.md", "c/id/guide.md"],
            ])
        // Members in the glossary's language order (sorted), whatever order they came in.
        #expect(groups[0].languages == [.english, .indonesian, .sundanese])
        #expect(groups[1].languages == [.english, .indonesian])
        #expect(groups[0].origin == .naming("a/report.{lang}.md"))
        #expect(groups[2].description == "c/en/guide.md, c/id/guide.md (versions of c/{lang}/guide.md by file name)")
    }

    @Test func neverGroupedSilentlyWrong() {
        // One language only, another extension, an unknown tag, bilingual files, standard input.
        let (groups, skipped) = ParallelFiles.groups(
            [
                "report.id.md", "report.id.txt", "report.en.txt", "report.fr.md", "report.de.md",
                "app.id.xlf", "app.en.xlf", "-",
                "x/id/a.md", "x/id-ID/a.md", "x/en/a.md",
            ], known: known)
        #expect(groups.map(\.files) == [["report.en.txt", "report.id.txt"]])
        // Two Indonesian versions of x/{lang}/a.md: not grouped, and said so.
        #expect(
            skipped == ["x/id/a.md, x/id-ID/a.md, x/en/a.md not grouped as versions of x/{lang}/a.md: more than one file in id"])
    }

    @Test func configuredSetsComeFirstAndTakeTheirFiles() throws {
        let configuration = try ConfigurationReader.read(
            "parallel: [\"docs/{lang}/**\"]\n", path: "/project/.glossary.yml", knownRules: Set(Rules.all.map(\.id)))
        let paths = [
            "/project/docs/id/a.md", "/project/docs/en/a.md", "/project/docs/en/b.md",
            "/project/book.id.md", "/project/book.en.md",
        ]
        let (groups, _) = ParallelFiles.groups(paths, configuration: configuration, byName: true, known: known)
        #expect(
            groups.map(\.files) == [
                ["/project/docs/en/a.md", "/project/docs/id/a.md"], ["/project/book.en.md", "/project/book.id.md"],
            ])
        #expect(groups[0].origin == .configuration("docs/{lang}/**"))
        #expect(groups[0].languages == [.english, .indonesian])
        let (configuredOnly, _) = ParallelFiles.groups(paths, configuration: configuration, byName: false, known: known)
        #expect(configuredOnly.map(\.files) == [["/project/docs/en/a.md", "/project/docs/id/a.md"]])
    }

    static func write(_ files: [String: String]) throws -> URL {
        let root = TestScratch.url("parallel")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func folderSearchFindsBilingualFilesButNotJSON() throws {
        let root = try Self.write([
            "a.md": "x", "b.txt": "x", "c.xlf": "x", "d.xliff": "x", "e.po": "x", "f.tmx": "x",
            "g.xcstrings": "x", "h.json": "{}", "i.swift": "x", ".hidden/j.po": "x", "k.pot": "x",
        ])
        let found = try CheckRunner.files(for: [root.path]).map { ($0 as NSString).lastPathComponent }
        #expect(found == ["a.md", "b.txt", "c.xlf", "d.xliff", "e.po", "f.tmx", "g.xcstrings"])
        // Named explicitly, JSON is read as i18n messages.
        #expect(try CheckRunner.files(for: [root.appendingPathComponent("h.json").path]).count == 1)
    }

    @Test func aConfiguredOrNamedSetGetsCrossLanguageFindings() throws {
        let root = try Self.write([
            "report.id.md": "Seorang pekerja migran berangkat.\n\nSetiap migrant worker punya hak.\n",
            "report.en.md": "A migrant worker travels.\n\nEvery migrant worker has rights.\n",
        ])
        let files = try CheckRunner.files(for: [root.path])
        let runner = CheckRunner(checker: TestSupport.exampleChecker, jobs: 1)
        var (report, errors) = runner.run(files: files)
        #expect(errors.isEmpty)
        #expect(!report.findings.contains { $0.rule == "untranslated-term" })
        // The glossary's languages, sorted: en leads (the first version of an undirected set).
        let (groups, _) = ParallelFiles.groups(files, configuration: nil, byName: true, known: runner.checker.glossary.languages)
        #expect(groups.count == 1)
        #expect(groups.first?.languages == [.english, .indonesian])
        let notes = try report.addParallelFindings(groups[0], checker: runner.checker, options: runner.options, order: files)
        #expect(notes.first?.hasPrefix("2 versions aligned paragraph by paragraph") == true)
        let untranslated = report.findings.filter { $0.rule == "untranslated-term" }
        #expect(untranslated.map(\.text) == ["migrant worker"])
        #expect(untranslated.first?.location.file.hasSuffix("report.id.md") == true)
        #expect(untranslated.first?.location.line == 3)
        #expect(untranslated.allSatisfy { $0.fingerprint != nil })
        // Reported once: not also as inconsistent-translation, which is folded into it.
        #expect(!report.findings.contains { $0.rule == "inconsistent-translation" })
        #expect(untranslated.first?.foldedRules == ["inconsistent-translation"], "\(report.findings)")
    }

    @Test func suppressionsAndTheBaselineApplyToParallelFindings() throws {
        let root = try Self.write([
            "report.id.md": "Seorang pekerja migran berangkat.\n\n<!-- glossary-ignore -->\nSetiap migrant worker punya hak.\n",
            "report.en.md": "A migrant worker travels.\n\nEvery migrant worker has rights.\n",
        ])
        let files = try CheckRunner.files(for: [root.path])
        let runner = CheckRunner(checker: TestSupport.exampleChecker, jobs: 1)
        var (report, _) = runner.run(files: files)
        let group = ParallelGroup(files: files.reversed(), languages: [.indonesian, .english], origin: .explicit)
        try report.addParallelFindings(group, checker: runner.checker, options: runner.options, order: files)
        #expect(!report.findings.contains { $0.rule == "untranslated-term" }, "\(report.findings.map(\.message))")
        #expect(report.suppressedCount >= 1)
    }
}
