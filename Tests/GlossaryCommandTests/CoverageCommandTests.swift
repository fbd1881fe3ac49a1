import Foundation
import Testing

@Suite("glossary coverage and check --parallel, end to end")
struct CoverageCommandTests {
    @Test func coverageOfTheTrilingualSample() throws {
        let result = try CommandRunner.run(["coverage", "Examples/abstract.md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("note: language sections id, en, su aligned paragraph by paragraph"))
        #expect(result.stdout.contains("concept "))
        let ilo = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("ilo ") })
        #expect(ilo.split(separator: " ").count == 4)
    }

    @Test func coverageAsJSONAndMarkdown() throws {
        let json = try CommandRunner.run(["coverage", "--format", "json", "--by-segment", "Examples/abstract.md"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["languages"] as? [String] == ["id", "en", "su"])
        #expect(((object["segments"] as? [Any])?.count ?? 0) > 0)
        let markdown = try CommandRunner.run(["coverage", "--format", "markdown", "Examples/abstract.md"])
        #expect(markdown.stdout.contains("| concept | id | en | su |"))
    }

    @Test func brokenBilingualFileExitsTwoWithLineAndColumn() throws {
        let folder = try CommandRunner.temporaryFolder()
        let file = folder.appendingPathComponent("bad.id.xlf")
        try Data("<xliff version=\"1.2\">\n<file source-language=\"en\"><body>\n</file></xliff>\n".utf8).write(to: file)
        for command in [["check"], ["coverage"]] {
            let result = try CommandRunner.run(command + [file.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("bad.id.xlf:3:8: error: XLIFF: malformed XML"), "\(result.stderr)")
        }
        let po = folder.appendingPathComponent("id.po")
        try Data("msgid \"a\"\nmsgstr \"b\n".utf8).write(to: po)
        let result = try CommandRunner.run(["check", po.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("id.po:2:8: error: PO: unterminated string"), "\(result.stderr)")
    }

    @Test func checkOfABilingualFileReportsUntranslatedTerms() throws {
        let folder = try CommandRunner.temporaryFolder()
        let file = folder.appendingPathComponent("app.xlf")
        try Data(
            """
            <xliff version="1.2"><file source-language="en" target-language="id"><body>
            <trans-unit id="1"><source>Every migrant worker has rights.</source>
            <target>Setiap migrant worker punya hak.</target></trans-unit>
            </body></file></xliff>
            """.utf8
        ).write(to: file)
        let result = try CommandRunner.run(["check", file.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "app.xlf:3:16: warning: 'migrant worker' is the en term for concept 'migrant-worker', left untranslated in this id text"
            ), "\(result.stdout)")
    }

    @Test func parallelFilesAreAligned() throws {
        let folder = try CommandRunner.temporaryFolder()
        let indonesian = folder.appendingPathComponent("report.id.md"), english = folder.appendingPathComponent("report.en.md")
        try Data("ILO melindungi pekerja migran di perbatasan.\n\nProgram ini berjalan baik.\n".utf8).write(to: indonesian)
        try Data("The ILO protects migrant workers at the border.\n\nThe ILO programme works for migrant workers.\n".utf8).write(
            to: english)
        let result = try CommandRunner.run(["check", "--parallel", indonesian.path, english.path])
        #expect(result.stderr.contains("note: 2 versions aligned paragraph by paragraph (2 paragraphs each)"), "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "report.id.md:3:1: warning: concept 'ilo' is named in the en version but this id segment has no term for it"),
            "\(result.stdout)")
        #expect(result.status == 1)
        let single = try CommandRunner.run(["check", "--parallel", indonesian.path])
        #expect(single.status == 2)
    }
}
