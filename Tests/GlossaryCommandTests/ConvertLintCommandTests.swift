import Foundation
import TestLocations
import Testing

@Suite("glossary convert and lint")
struct ConvertLintCommandTests {
    @Test func convertsTheProjectGlossaryAndRefusesToOverwrite() throws {
        let folder = try CommandRunner.temporaryFolder()
        let out = folder.appendingPathComponent("project.tbx").path
        let first = try CommandRunner.run(["convert", "glossary", out])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("concepts"))
        let tbx = try String(contentsOfFile: out, encoding: .utf8)
        #expect(tbx.contains("<tbx type=\"TBX-Basic\" style=\"dca\""))
        let again = try CommandRunner.run(["convert", "glossary", out])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--force"))
        let forced = try CommandRunner.run(["convert", "glossary", out, "--force"])
        #expect(forced.status == 0)

        let csv = folder.appendingPathComponent("project.csv").path
        let wide = try CommandRunner.run(["convert", out, csv, "--csv-layout", "wide"])
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(wide.stderr.contains("warning:"))
        let yaml = folder.appendingPathComponent("back.yml").path
        #expect(try CommandRunner.run(["convert", out, yaml]).status == 0)
        #expect(try CommandRunner.run(["lint", yaml]).status == 0)
    }

    /// The project glossary's exception phrases go through TBX and the long CSV layout and come
    /// back, and still exempt what they exempted.
    @Test func exceptionPhrasesSurviveConversionAndStillExempt() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tbx = folder.appendingPathComponent("project.tbx").path
        let csv = folder.appendingPathComponent("project.csv").path
        let yaml = folder.appendingPathComponent("back.yml").path
        for (from, to) in [("glossary", tbx), (tbx, csv), (csv, yaml)] {
            let result = try CommandRunner.run(["convert", from, to])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try String(contentsOfFile: tbx, encoding: .utf8).contains("<note>glossary:exception=maid of honour</note>"))
        #expect(try String(contentsOfFile: csv, encoding: .utf8).contains(",maid of honour | maid of honor | Old Maid | "))
        #expect(
            try String(contentsOfFile: yaml, encoding: .utf8).contains("exceptions: [maid of honour, maid of honor, Old Maid, "))
        #expect(try CommandRunner.run(["lint", yaml]).status == 0)
        try Data("The maid of honour spoke. The maid was tired.\n".utf8).write(to: folder.appendingPathComponent("text.en.md"))
        for glossary in ["glossary", tbx, csv, yaml] {
            let result = try CommandRunner.run([
                "check", "--no-cache", "-g", glossary, folder.appendingPathComponent("text.en.md").path,
            ])
            #expect(result.stdout.components(separatedBy: "[deprecated-term]").count == 2, "\(glossary): \(result.stdout)")
            #expect(result.stdout.contains("text.en.md:1:31: warning: 'maid' is deprecated"), "\(glossary): \(result.stdout)")
        }
    }

    @Test func badInputExitsWithStatusTwo() throws {
        let folder = try CommandRunner.temporaryFolder()
        let broken = folder.appendingPathComponent("broken.tbx")
        try Data("<tbx xml:lang=\"en\"><text><body>\n<conceptEntry id=\"a\">\n</tbx>\n".utf8).write(to: broken)
        let result = try CommandRunner.run(["convert", broken.path, folder.appendingPathComponent("out.yml").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.tbx:3:"))
        let unknown = try CommandRunner.run(["convert", "glossary", folder.appendingPathComponent("out.docx").path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--to"))
    }

    @Test func tbxWarningsArePrintedByCheckAndLookupWithoutFailing() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tbx = folder.appendingPathComponent("terms.tbx")
        try FileManager.default.copyItem(
            at: TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/formats/warnings.tbx"), to: tbx)
        try Data("The International Labour Organization met.\n".utf8).write(to: folder.appendingPathComponent("clean.en.md"))
        let warning = "terms.tbx:7:17: warning: unknown administrativeStatus value 'oddValue'"
        let clean = try CommandRunner.run(["check", "--no-cache", "-g", tbx.path, "clean.en.md"], in: folder)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stderr.contains(warning), "\(clean.stderr)")
        #expect(clean.stderr.contains("[tbx-status-value]"))
        #expect(!clean.stdout.contains("tbx-status-value"), "warnings go to standard error only")
        let lookup = try CommandRunner.run(["lookup", "--no-cache", "-g", tbx.path, "ILO Labour"], in: folder)
        #expect(lookup.stderr.contains(warning), "\(lookup.stderr)")
        let found = try CommandRunner.run(
            ["lookup", "--no-cache", "-g", tbx.path, "International Labor Organization"], in: folder)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stderr.contains(warning))
    }

    @Test func lintReportsFindingsWithExitStatusOne() throws {
        let fixture = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/lint/problems.yml").path
        let result = try CommandRunner.run(["lint", fixture])
        #expect(result.status == 1)
        #expect(result.stdout.contains("problems.yml:9:11: error:"))
        #expect(result.stdout.contains("[ambiguous-term]"))
        let sarif = try CommandRunner.run(["lint", "--format", "sarif", fixture])
        #expect(sarif.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(
            rules.contains { $0["id"] as? String == "ambiguous-term" }
                && !rules.contains { $0["id"] as? String == "deprecated-term" })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty && results.allSatisfy { $0["partialFingerprints"] != nil && $0["ruleIndex"] != nil })
        let json = try CommandRunner.run(["lint", "--format", "json", fixture])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"missing-required-language\""))
        let clean = try CommandRunner.run(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)")
    }
}
