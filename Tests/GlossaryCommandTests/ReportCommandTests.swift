import Foundation
import Testing

/// `glossary report`, end to end: the page is written whole, has every finding of `check`, and a
/// bad input or output leaves every file as it was.
@Suite("glossary report, end to end")
struct ReportCommandTests {
    /// How many findings `check --format json` reports for `arguments`.
    static func checkedFindings(_ arguments: [String]) throws -> Int {
        let result = try CommandRunner.run(["check", "--format", "json"] + arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(object["findings"] as? [Any]).count
    }

    static func findingsOnPage(_ html: String) -> Int {
        html.components(separatedBy: "<li class=\"finding ").count - 1
    }

    @Test func theTrilingualSampleGetsOnePageWithEveryFinding() throws {
        let folder = try CommandRunner.temporaryFolder()
        let page = folder.appendingPathComponent("abstract.html")
        let result = try CommandRunner.run(["report", "Examples/abstract.md", "-o", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<div class=\"cell\" lang=\"su\""))
        let expected = try Self.checkedFindings(["Examples/abstract.md"])
        #expect(expected > 0)
        #expect(Self.findingsOnPage(html) == expected)
        #expect(result.stderr.contains("\(expected) finding"))
    }

    @Test func parallelFilesGetTheCrossLanguageFindingsOfCheckParallel() throws {
        let folder = try CommandRunner.temporaryFolder()
        let english = folder.appendingPathComponent("note.en.md")
        let indonesian = folder.appendingPathComponent("note.id.md")
        try Data("The ILO protects migrant workers.\n\nLabour trafficking is a crime.\n".utf8).write(to: english)
        try Data("ILO melindungi pekerja migran.\n\nIni kejahatan.\n".utf8).write(to: indonesian)
        let page = folder.appendingPathComponent("note.html")
        let result = try CommandRunner.run(["report", english.path, indonesian.path, "-o", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        let expected = try Self.checkedFindings(["--parallel", english.path, indonesian.path])
        #expect(expected > 0)
        #expect(Self.findingsOnPage(html) == expected)
        #expect(html.contains("data-rule=\"missing-translation\""))
    }

    @Test func aBilingualFileIsShownUnitByUnit() throws {
        let folder = try CommandRunner.temporaryFolder()
        let file = folder.appendingPathComponent("app.xlf")
        try Data(
            """
            <xliff version="1.2"><file source-language="en" target-language="id"><body>
            <trans-unit id="greeting"><source>Every migrant worker &lt;b&gt;has rights.</source>
            <target>Setiap migrant worker punya hak.</target></trans-unit>
            </body></file></xliff>
            """.utf8
        ).write(to: file)
        let page = folder.appendingPathComponent("app.html")
        let result = try CommandRunner.run(["report", file.path, "-o", page.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("unit greeting") || html.contains("greeting"))
        #expect(html.contains("&lt;b&gt;has rights"))
        #expect(Self.findingsOnPage(html) == (try Self.checkedFindings([file.path])))
        #expect(html.contains("data-rule=\"untranslated-term\""))
    }

    @Test func aBadInputExitsTwoAndLeavesTheOldPageAlone() throws {
        let folder = try CommandRunner.temporaryFolder()
        let page = folder.appendingPathComponent("old.html")
        try Data("an earlier page".utf8).write(to: page)
        let bad = folder.appendingPathComponent("bad.en.md")
        try Data([0x4F, 0x4B, 0x0A, 0x61, 0xFF, 0x62, 0x0A]).write(to: bad)
        let result = try CommandRunner.run(["report", bad.path, "-o", page.path])
        #expect(result.status == 2)
        let check = try CommandRunner.run(["check", bad.path])
        let firstError = try #require(check.stderr.split(separator: "\n").first { $0.contains("error:") })
        #expect(result.stderr.contains(firstError), "report: \(result.stderr)\ncheck: \(check.stderr)")
        #expect(result.stderr.contains("bad.en.md:2:"), "\(result.stderr)")
        #expect(try String(contentsOf: page, encoding: .utf8) == "an earlier page")

        let missing = try CommandRunner.run(["report", folder.appendingPathComponent("none.md").path, "-o", page.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.md: error:"), "\(missing.stderr)")
        #expect(try String(contentsOf: page, encoding: .utf8) == "an earlier page")
        // Nothing is left beside it either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.en.md", "old.html"])
    }

    @Test func anEarlierPageIsReplacedButAnInputNever() throws {
        let folder = try CommandRunner.temporaryFolder()
        let text = folder.appendingPathComponent("draft.en.md")
        let content = "The ILO protects migrant workers.\n"
        try Data(content.utf8).write(to: text)
        let page = folder.appendingPathComponent("draft.html")
        try Data("an earlier page".utf8).write(to: page)
        #expect(try CommandRunner.run(["report", text.path, "-o", page.path]).status == 0)
        #expect(try String(contentsOf: page, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

        // The text itself, under another name too, is refused.
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.md"), withDestinationURL: text)
        for output in [text.path, folder.appendingPathComponent("link.md").path] {
            let result = try CommandRunner.run(["report", text.path, "-o", output])
            #expect(result.status == 2)
            #expect(result.stderr.contains("error: is a file this run reads"), "\(result.stderr)")
            #expect(try String(contentsOf: text, encoding: .utf8) == content)
        }
        // So is a glossary file.
        let glossary = folder.appendingPathComponent("terms.yml")
        let yaml = "concepts:\n  - id: ilo\n    terms:\n      en: [ILO]\n"
        try Data(yaml.utf8).write(to: glossary)
        let result = try CommandRunner.run(["report", "-g", glossary.path, text.path, "-o", glossary.path])
        #expect(result.status == 2)
        #expect(try String(contentsOf: glossary, encoding: .utf8) == yaml)
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["report", "Examples/abstract.md"], ["report", "-o", "x.html"], ["report", "-", "-o", "x.html"]] {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
    }
}
