import Foundation
import TestLocations
import Testing

@Suite("check and coverage: translation sets by file name and configuration, bilingual files in folders")
struct ParallelCommandTests {
    static let indonesian = "Seorang pekerja migran berangkat.\n\nSetiap migrant worker punya hak.\n"
    static let english = "A migrant worker travels.\n\nEvery migrant worker has rights.\n"

    static func folder(_ files: [String: String]) throws -> URL {
        let root = try CommandRunner.temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func filesNamedByLanguageAreCheckedAsOneTranslationSet() throws {
        for (id, en) in [("report.id.md", "report.en.md"), ("report_id.md", "report_en.md"), ("id/report.md", "en/report.md")] {
            let root = try Self.folder([id: Self.indonesian, en: Self.english, "notes.md": "Catatan saja.\n"])
            let result = try CommandRunner.run(["check", "--no-config", root.path])
            #expect(result.status == 1, "\(id): \(result.stdout)\(result.stderr)")
            #expect(
                result.stdout.contains(
                    "\(id):3:8: warning: 'migrant worker' is the en term for concept 'migrant-worker', left untranslated in this id text"
                ), "\(result.stdout)")
            // The inconsistent translation of the same words is folded into that finding.
            #expect(
                result.stdout.contains("\n  also: concept 'migrant-worker' (en 'migrant worker') is rendered in 2 ways"),
                "\(result.stdout)")
            #expect(!result.stdout.contains("warning: concept 'migrant-worker'"), "\(result.stdout)")
            #expect(
                result.stderr.contains("by file name): 2 versions aligned paragraph by paragraph (2 paragraphs each)"),
                "\(result.stderr)")
            #expect(!result.stderr.contains("notes.md"), "\(result.stderr)")

            let off = try CommandRunner.run(["check", "--no-config", "--no-parallel", root.path])
            #expect(off.status == 0, "\(off.stdout)")
            #expect(!off.stderr.contains("aligned"))
            // Named files are grouped as well as a folder's.
            let named = try CommandRunner.run([
                "check", "--no-config", root.appendingPathComponent(id).path, root.appendingPathComponent(en).path,
            ])
            #expect(named.status == 1 && named.stdout.contains("[untranslated-term]"))
        }
    }

    @Test func oneLanguageOrAnUnknownTagIsNotASet() throws {
        let root = try Self.folder([
            "report.id.md": Self.indonesian, "report.fr.md": Self.english, "other.id.md": Self.indonesian,
        ])
        let result = try CommandRunner.run(["check", "--no-config", root.path])
        #expect(!result.stderr.contains("aligned"), "\(result.stderr)")
        #expect(!result.stdout.contains("[untranslated-term]"))
        // Two Indonesian versions of one text: not grouped, and said so.
        let twice = try Self.folder(["id/a.md": Self.indonesian, "id-ID/a.md": Self.indonesian, "en/a.md": Self.english])
        let noted = try CommandRunner.run(["check", "--no-config", twice.path])
        #expect(noted.stderr.contains("not grouped as versions of"), "\(noted.stderr)")
        #expect(noted.stderr.contains("more than one file in id"))
        #expect(!noted.stdout.contains("[untranslated-term]"))
    }

    @Test func aDirectiveInOneVersionLeavesItsMissingTermsReported() throws {
        let glossary = TestPackage.root.appendingPathComponent("glossary").path
        let indonesian = """
            ILO mencatat bahwa pekerja migran rentan di perbatasan.

            Program ini melindungi mereka setiap tahun.

            Pemerintah daerah mencegah perdagangan tenaga kerja sejak di desa.

            Banyak orang berangkat tanpa kontrak tertulis.

            """
        // The first English paragraph leaves the migrant workers out, and ends with a directive
        // about another rule: a comment, which adds nothing to the paragraph's length.
        let english = """
            The ILO notes that they are vulnerable at the border.

            This programme protects them every year.

            The local government prevents labour trafficking in the village.

            Many people leave without a written contract.

            """
        let directive = " <!-- glossary-ignore deprecated-term -- quoted as written in the 2019 report -->"
        let withDirective = english.replacingOccurrences(of: "at the border.", with: "at the border." + directive)
        for text in [english, withDirective] {
            let root = try Self.folder(["report.id.md": indonesian, "report.en.md": text])
            let result = try CommandRunner.run(["check", "--no-config", "-g", glossary, root.path])
            #expect(
                result.stdout.contains(
                    "report.en.md:1:1: warning: concept 'migrant-worker' is named in the id version but this en segment has no term for it"
                ), "\(result.stdout)\(result.stderr)")
            #expect(!result.stdout.contains("[alignment-confidence]"), "\(result.stdout)")
            #expect(
                result.stderr.contains("2 versions aligned paragraph by paragraph (4 paragraphs each); mean confidence 0.9"),
                "\(result.stderr)")
        }
    }

    @Test func parallelAndNoParallelExcludeEachOther() throws {
        let result = try CommandRunner.run(["check", "--parallel", "--no-parallel", "a.md", "b.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--parallel and --no-parallel exclude each other"))
    }

    @Test func configuredParallelSetsAreAlignedAndChecked() throws {
        let glossary = TestPackage.root.appendingPathComponent("glossary").path
        // Folder names that are not language tags: only the configuration can tell the set.
        let root = try Self.folder([
            ".glossary.yml": "glossary: [\"\(glossary)\"]\nparallel: [\"docs/{lang}_version/**\"]\n",
            "docs/id_version/guide.md": Self.indonesian,
            "docs/en_version/guide.md": Self.english,
        ])
        let result = try CommandRunner.run(["check", "docs"], in: root)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains("docs/id_version/guide.md:3:8: warning: 'migrant worker' is the en term"), "\(result.stdout)")
        #expect(
            result.stderr.contains("(parallel set 'docs/{lang}_version/**' of the configuration): 2 versions aligned"),
            "\(result.stderr)")
        let off = try CommandRunner.run(["check", "--no-parallel", "docs"], in: root)
        #expect(off.status == 0, "\(off.stdout)")
        // A malformed pattern is an error with its line and column.
        try Data("parallel: [\"docs/{lang\"]\n".utf8).write(to: root.appendingPathComponent(".glossary.yml"))
        let bad = try CommandRunner.run(["check", "docs"], in: root)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".glossary.yml:1:"), "\(bad.stderr)")
    }

    @Test func folderSearchChecksBilingualFiles() throws {
        let root = try Self.folder([
            "app.xlf": """
            <xliff version="1.2"><file source-language="en" target-language="id"><body>
            <trans-unit id="1"><source>Every migrant worker has rights.</source>
            <target>Setiap migrant worker punya hak.</target></trans-unit>
            </body></file></xliff>
            """,
            "messages.json": "{\"a\": \"Every migrant worker has rights.\"}",
            "readme.md": "Pekerja migran.\n",
        ])
        let result = try CommandRunner.run(["check", "--no-config", root.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("app.xlf:3:16: warning: 'migrant worker' is the en term"), "\(result.stdout)")
        #expect(!result.stdout.contains("messages.json"))
        #expect(result.stdout.contains("in 2 files"), "\(result.stdout)")
        // A broken bilingual file in a folder: file:line:col and exit 2.
        try Data("msgid \"a\"\nmsgstr \"b\n".utf8).write(to: root.appendingPathComponent("id.po"))
        let broken = try CommandRunner.run(["check", "--no-config", root.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("id.po:2:8: error: PO: unterminated string"), "\(broken.stderr)")
    }

    @Test func coverageGroupsAFoldersFilesByName() throws {
        let root = try Self.folder([
            "a.id.md": "ILO melindungi pekerja migran.\n", "a.en.md": "The ILO protects migrant workers.\n",
            "b/id/x.md": "Pekerja migran.\n", "b/en/x.md": "Migrant workers.\n", "b/su/x.md": "Pagawé migran.\n",
        ])
        let result = try CommandRunner.run(["coverage", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        // One header line per table.
        func tables(_ output: String) -> Int { output.split(separator: "\n").filter { $0.hasPrefix("concept ") }.count }
        #expect(tables(result.stdout) == 2, "\(result.stdout)")
        // Members in the glossary's (sorted) language order.
        #expect(result.stdout.contains("a.en.md, \(root.path)/a.id.md:"), "\(result.stdout)")
        #expect(result.stdout.contains("b/en/x.md, \(root.path)/b/id/x.md, \(root.path)/b/su/x.md:"), "\(result.stdout)")
        #expect(result.stdout.contains("concept         en  id  su"), "\(result.stdout)")
        let separate = try CommandRunner.run(["coverage", "--no-parallel", root.path])
        #expect(tables(separate.stdout) == 5, "\(separate.stdout)")
        #expect(separate.stdout.contains("one language: one set per paragraph"))
    }

    @Test(.needsSeed) func theSeedKeepsItsFindingsAndCoverage() throws {
        let seed = SharedData.seed.path
        let coverage = try CommandRunner.run(["coverage", "--format", "json", seed])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])
        let concepts = try #require(json["concepts"] as? [[String: Any]])
        for id in ["ilo", "labour-trafficking", "human-trafficking", "dwcp", "east-nusa-tenggara"] {
            let row = try #require(concepts.first { $0["concept"] as? String == id }, "\(id)")
            let counts = try #require(row["counts"] as? [String: Int])
            #expect(["id", "en", "su"].allSatisfy { (counts[$0] ?? 0) > 0 }, "\(id): \(counts)")
        }
        // No spurious cross-language finding on the seed.
        let check = try CommandRunner.run(["check", "--format", "json", seed])
        let findings = try #require(
            (try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        let cross: Set<String> = ["missing-translation", "untranslated-term", "inconsistent-translation", "term-count"]
        #expect(!findings.contains { cross.contains($0["rule"] as? String ?? "") }, "\(findings.map { $0["rule"] ?? "" })")
    }
}
