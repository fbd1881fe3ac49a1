import Foundation
import TestLocations
import Testing

@Suite("glossary check, end to end")
struct CheckCommandTests {
    @Test func sampleDraftReportsPlantedProblemsAndExitsOne() throws {
        let result = try CommandRunner.run(["check", "Examples/abstract.md"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Examples/abstract.md:22:16: warning: 'International Labor Organization' is deprecated"))
        #expect(result.stdout.contains("[deprecated-term]"))
        #expect(result.stdout.contains("[inconsistent-term]"))
        #expect(result.stdout.hasSuffix(" in 1 file.\n"))
    }

    @Test func cleanTextExitsZero() throws {
        let result = try CommandRunner.run(["check", "Examples/clean.en.md"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "No findings in 1 file.\n")
    }

    @Test func jsonShape() throws {
        let result = try CommandRunner.run(["check", "--format", "json", "Examples/abstract.md"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        for key in [
            "file", "line", "column", "endLine", "endColumn", "rule", "severity", "language", "concept", "text", "message",
            "suggestions",
        ] {
            #expect(first[key] != nil, "missing \(key)")
        }
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == findings.count)
    }

    @Test func failOnErrorIgnoresWarnings() throws {
        let result = try CommandRunner.run(["check", "--fail-on", "error", "Examples/abstract.md"])
        #expect(result.status == 0)
    }

    @Test func standardInputWithLanguage() throws {
        let result = try CommandRunner.run(["check", "--lang", "en", "-"], input: "The International Labor Organization met.\n")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("<stdin>:1:5: warning: 'International Labor Organization' is deprecated"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CommandRunner.run(["check"]).status == 2)
        #expect(try CommandRunner.run(["check", "--lang", "not a tag!", "x.md"]).status == 2)
        #expect(try CommandRunner.run(["check", "--format", "xml", "x.md"]).status == 2)
        #expect(try CommandRunner.run(["frobnicate"]).status == 2)
    }

    @Test func missingFileExitsTwo() throws {
        let result = try CommandRunner.run(["check", "no/such/file.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/file.md: error: no such file or folder"))
    }

    @Test func invalidUTF8ExitsTwoWithLine() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.en.txt")
        try Data(Array("ok line\nbad \u{0}".utf8).dropLast() + [0xC3, 0x28]).write(to: file)
        let result = try CommandRunner.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.en.txt:2:5: error: invalid UTF-8 at line 2, byte offset 12 (byte 0xC3)"))
    }

    /// Standard input and a glossary file that are not UTF-8 are errors at their line and
    /// column too, standard input under the name its findings have (`<stdin>`).
    @Test func invalidUTF8OnStandardInputAndInAGlossaryHasAPosition() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let piped = try CommandRunner.run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            ["-c", "printf 'a \\377 b\\n' | \"$0\" check -g glossary -", CommandRunner.binary.path], in: TestPackage.root)
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("<stdin>:1:3: error: invalid UTF-8"), "\(piped.stderr)")
        let glossary = folder.appendingPathComponent("g.yml")
        try Data(Array("concepts:\n  - id: x\n    terms:\n      en:\n        - \"p\u{E9}".utf8) + [0xFF] + Array("b\"\n".utf8))
            .write(to: glossary)
        try Data("text\n".utf8).write(to: folder.appendingPathComponent("t.md"))
        let result = try CommandRunner.run(["check", "-g", glossary.path, folder.appendingPathComponent("t.md").path])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("g.yml:5:14: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8"), "\(result.stderr)")
    }

    @Test func brokenGlossaryExitsTwoWithPosition() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "concepts:\n  - id: a\n    terms:\n      en:\n        - term: x\n          status: wrong\n"
            .write(to: folder.appendingPathComponent("g.yml"), atomically: true, encoding: .utf8)
        try "x\n".write(to: folder.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "--glossary", "g.yml", "t.txt"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("g.yml:6:19: error: unknown status 'wrong'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func noGlossaryFoundExitsTwo() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "x\n".write(to: folder.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "t.txt"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no glossary"))
    }

    @Test func glossaryIsFoundInAParentFolder() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossary = folder.appendingPathComponent("glossary")
        let docs = folder.appendingPathComponent("docs/en")
        try FileManager.default.createDirectory(at: glossary, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "concepts:\n  - id: a\n    terms:\n      en:\n        - colour\n        - {term: color, status: deprecated}\n"
            .write(to: glossary.appendingPathComponent("g.yml"), atomically: true, encoding: .utf8)
        try "The color is red.\n".write(to: docs.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "note.md"], in: docs)
        #expect(result.status == 1)
        #expect(result.stdout.contains("note.md:1:5: warning: 'color' is deprecated"))
    }

    @Test(.needsSeed) func seedFindings() throws {
        let seed = SharedData.seed.path
        let result = try CommandRunner.run(["check", "--format", "json", seed])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        /// Whether a finding on `text` is of `rule`, or has a finding of `rule` folded into it.
        func has(_ rule: String, _ language: String, _ text: String) -> Bool {
            findings.contains {
                let folded = ($0["folded"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
                return ($0["rule"] as? String == rule || folded.contains(rule)) && $0["language"] as? String == language
                    && $0["text"] as? String == text
            }
        }
        // The labour/labor trafficking inconsistency in the English part.
        #expect(has("inconsistent-term", "en", "labor trafficking"))
        #expect(has("inconsistent-term", "en", "Labor Trafficking"))
        // "International Labor Organization" as deprecated.
        #expect(has("deprecated-term", "en", "International Labor Organization"))
        // Programme / Programs, folded into the deprecated-term finding on the same words.
        #expect(has("deprecated-term", "en", "Decent Work Country Programs"))
        #expect(has("inconsistent-term", "en", "Decent Work Country Programs"))
        // The two Sundanese names of the DWCP.
        #expect(has("inconsistent-term", "su", "Program Negara Kerja Layak"))
        #expect(has("inconsistent-term", "su", "program nagara kerja berkualitas"))
        // Nothing on correct uses of ILO, NTT or perdagangan manusia.
        let texts = findings.compactMap { $0["text"] as? String }
        #expect(!texts.contains("ILO") && !texts.contains("NTT") && !texts.contains("perdagangan manusia"))
        // The glosses of human trafficking with labour trafficking, in the three versions.
        #expect(has("gloss-mismatch", "id", "Labour Trafficking"))
        #expect(has("gloss-mismatch", "en", "Labour Trafficking"))
        #expect(has("gloss-mismatch", "su", "Labour Trafficking"))
    }

    @Test func markdownCodeIsNotChecked() throws {
        let result = try CommandRunner.run(
            ["check", "--lang", "en", "--markup", "markdown", "-"],
            input: "Use `International Labor Organization` in code only.\n\n```\nInternational Labor Organization\n```\n")
        #expect(result.status == 0, "\(result.stdout)")
    }
}
