import Foundation
import TestLocations
import TestScratch
import Testing

@testable import GlossaryKit

@Suite("SARIF and GitHub output")
struct SARIFReporterTests {
    /// A report over the sample draft with the project glossary, fingerprints included.
    static func sampleReport() -> CheckReport {
        let runner = CheckRunner(checker: TestSupport.projectChecker, jobs: 1)
        let path = TestPackage.root.appendingPathComponent("Examples/abstract.md").path
        var report = runner.run(files: [path]).report
        // Paths as a CI run prints them: relative to the repository.
        for index in report.findings.indices {
            report.findings[index].location.file = "Examples/abstract.md"
            report.findings[index].endLocation.file = "Examples/abstract.md"
        }
        return report
    }

    /// The SARIF 2.1.0 schema in `../shared/data`.
    static let schema = SharedData.data.appendingPathComponent("schemas/sarif-schema-2.1.0.json")

    /// Whether SARIF can be validated here: the schema is there and python3 can import jsonschema.
    static let canValidate = FileManager.default.fileExists(atPath: schema.path) && pythonImports("jsonschema")

    /// Whether `python3` runs and can import `module`.
    static func pythonImports(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Validates `sarif` against ``schema`` with python3's jsonschema, together with a copy
    /// broken on purpose that must be rejected (so the validation itself is shown to work).
    /// Tests that call it carry `.needsSARIFValidator`.
    static func expectValidSARIF(_ sarif: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let folder = TestScratch.url("sarif")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = folder.appendingPathComponent("valid.sarif")
        try Data(sarif.utf8).write(to: valid)
        let broken = folder.appendingPathComponent("broken.sarif")
        #expect(sarif.contains("\"startLine\": "), sourceLocation: sourceLocation)
        try Data(sarif.replacingOccurrences(of: "\"startLine\": ", with: "\"startLine\": -").utf8).write(to: broken)
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(json.load(open(path))), key=str)
                print(path.rsplit('/', 1)[-1], len(errors), errors[0].message if errors else "")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Self.schema.path, valid.path, broken.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)", sourceLocation: sourceLocation)
        let lines = output.split(separator: "\n")
        #expect(lines.first == "valid.sarif 0 ", "\(output)", sourceLocation: sourceLocation)
        #expect(lines.last?.hasPrefix("broken.sarif 0") == false, "\(output)", sourceLocation: sourceLocation)
    }

    @Test(.needsSARIFValidator) func validatesAgainstTheSARIFSchema() throws {
        let report = Self.sampleReport()
        #expect(report.findings.contains { $0.fix != nil }, "the sample must exercise fixes")
        try Self.expectValidSARIF(SARIFReporter.render(report))
    }

    @Test(.needsSARIFValidator) func foldedFindingsValidateAgainstTheSARIFSchema() throws {
        let source = SourceText(
            path: "t.en.md", string: "The International Labour Organization met.\n\nThe International Labor Organization met.\n")
        let findings = try TestSupport.exampleChecker.check(source)
        #expect(findings.contains { !$0.folded.isEmpty }, "the report must exercise folded findings")
        try Self.expectValidSARIF(SARIFReporter.render(CheckReport(findings: findings, fileCount: 1)))
    }

    /// The lint fixtures' report and its SARIF output.
    static func lintSARIF() throws -> (report: CheckReport, sarif: String) {
        let fixtures = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/lint").path
        let report = try GlossaryLinter().lint(paths: [fixtures])
        #expect(Set(report.findings.map(\.rule)).count >= 4, "the fixtures must exercise several lint rules")
        return (report, Reporter.render(report, format: .sarif, rules: GlossaryLinter.ruleDescriptions(for: report)))
    }

    @Test(.needsSARIFValidator) func lintOutputValidatesAgainstTheSARIFSchema() throws {
        try Self.expectValidSARIF(Self.lintSARIF().sarif)
    }

    /// Lint output: the lint rules with descriptions, every result tied to one, fingerprints.
    @Test func lintOutputListsTheLintRules() throws {
        let (report, sarif) = try Self.lintSARIF()
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(Array(ids.prefix(GlossaryLinter.rules.count + 1)) == GlossaryLinter.rules.map { $0.id } + ["invalid-glossary"])
        #expect(!ids.contains("deprecated-term"), "check rules are not lint rules")
        for rule in rules {
            let short = (rule["shortDescription"] as? [String: Any])?["text"] as? String
            let full = (rule["fullDescription"] as? [String: Any])?["text"] as? String
            #expect(short?.isEmpty == false && full?.isEmpty == false, "\(rule)")
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int, "\(result)")
            #expect(ids[index] == result["ruleId"] as? String)
        }
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?[Fingerprint.key] }
        #expect(prints.count == results.count)
        #expect(Set(prints).count == prints.count, "fingerprints tell the findings apart")
        // Lint findings have no byte range, so their regions have none either.
        #expect(!sarif.contains("\"byteOffset\""))
    }

    @Test func lintRuleDescriptionsCoverTBXDialectRules() throws {
        let finding = Finding(
            location: SourceLocation(file: "t.tbx", line: 3, column: 5),
            endLocation: SourceLocation(file: "t.tbx", line: 3, column: 6),
            byteRange: 0..<0, rule: "tbx-picklist", severity: .error, language: nil, concept: nil, text: "", message: "bad value")
        let rules = GlossaryLinter.ruleDescriptions(for: CheckReport(findings: [finding, finding], fileCount: 1))
        #expect(rules.filter { $0.id == "tbx-picklist" }.count == 1)
        #expect(rules.first { $0.id == "tbx-picklist" }?.defaultSeverity == .error)
        #expect(rules.count == GlossaryLinter.rules.count + 2)
    }

    @Test func carriesRulesColumnKindFingerprintsAndFixes() throws {
        let report = Self.sampleReport()
        let data = Data(SARIFReporter.render(report).utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // The cross-language rules too: the sample's language sections give their findings.
        #expect(rules.map { $0["id"] as? String } == Rules.all.map(\.id) + Rules.crossLanguage.map(\.id))
        for (index, rule) in rules.enumerated() {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String != nil)
            // Examples of one line only: a corpus of translation sets does not fit in the help.
            let help = (rule["help"] as? [String: Any])?["markdown"] as? String
            #expect(help?.contains("Triggering examples") == (index < Rules.all.count), "\(rule["id"] ?? "")")
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        #expect(Set(report.findings.map(\.rule)).contains(DivergentTermRule.id))
        #expect(results.allSatisfy { $0["ruleIndex"] as? Int != nil })
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?[Fingerprint.key] }
        #expect(prints.count == results.count)
        let fixed = try #require(
            results.first {
                ($0["message"] as? [String: Any])?["text"] as? String == report.findings.first { $0.fix != nil }?.message
            })
        let fixes = try #require(fixed["fixes"] as? [[String: Any]])
        let replacement = try #require(
            ((fixes.first?["artifactChanges"] as? [[String: Any]])?.first?["replacements"] as? [[String: Any]])?.first)
        #expect(
            (replacement["insertedContent"] as? [String: Any])?["text"] as? String == report.findings.first { $0.fix != nil }?.fix
        )
        #expect(results.filter { $0["fixes"] != nil }.count == report.findings.filter { $0.fix != nil }.count)
    }

    @Test func artifactURIsArePercentEncoded() {
        #expect(SARIFReporter.artifactURI("docs/a b/é.md") == "docs/a%20b/%C3%A9.md")
        #expect(SARIFReporter.artifactURI("/abs/x.md") == "file:///abs/x.md")
        #expect(SARIFReporter.artifactURI("<stdin>") == "stdin")
    }

    @Test func githubWorkflowCommandsEscapeDataAndProperties() {
        let finding = Finding(
            location: SourceLocation(file: "docs/a,b:c.md", line: 3, column: 5),
            endLocation: SourceLocation(file: "docs/a,b:c.md", line: 3, column: 10),
            byteRange: 0..<5, rule: "deprecated-term", severity: .warning, language: .english, concept: "x",
            text: "Labor", message: "100% wrong: use 'x', not\r\n'y'", note: "a note")
        var info = finding
        info.severity = .info
        var error = finding
        error.severity = .error
        let output = GitHubReporter.render(CheckReport(findings: [finding, info, error], fileCount: 1))
        let lines = output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines[0]
                == "::warning file=docs/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=10,title=glossary%3A deprecated-term::100%25 wrong: use 'x', not%0D%0A'y'%0Aa note"
        )
        #expect(lines[1].hasPrefix("::notice file="))
        #expect(lines[2].hasPrefix("::error file="))
        #expect(GitHubReporter.render(CheckReport(findings: [], fileCount: 1)).isEmpty)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only where SARIF can be validated (the schema in ../shared/data, python3 with
    /// jsonschema); otherwise it is reported as skipped.
    fileprivate static var needsSARIFValidator: Self {
        .enabled(if: SARIFReporterTests.canValidate, "needs \(SARIFReporterTests.schema.path) and python3 with jsonschema")
    }
}
