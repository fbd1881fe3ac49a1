import Foundation
import TestLocations
import TestScratch
import Testing

@testable import GlossaryKit

@Suite("GitLab code quality output")
struct GitLabReporterTests {
    /// Our JSON Schema of GitLab's documented code quality report format.
    static let schema = TestPackage.root.appendingPathComponent(
        "Tests/GlossaryKitTests/Fixtures/schemas/gitlab-code-quality.schema.json")

    /// Validates each of `reports` against ``schema`` with python3's jsonschema; returns the
    /// number of errors of each.
    static func schemaErrors(_ reports: [String]) throws -> [Int] {
        let folder = TestScratch.url("gitlab")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, report) in reports.enumerated() {
            let path = folder.appendingPathComponent("\(index).json").path
            try Data(report.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let script = """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            for path in sys.argv[2:]:
                print(len(list(jsonschema.Draft7Validator(schema).iter_errors(json.load(open(path))))))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        return output.split(separator: "\n").compactMap { Int($0) }
    }

    /// An issue shaped as GitLab's documentation shows one (our own values).
    static let documentedShape = """
        [{"description": "'x' is deprecated", "check_name": "some-rule", "fingerprint": "0123abcd",
          "severity": "minor", "location": {"path": "src/file.md", "lines": {"begin": 7}}}]
        """

    @Test(.enabled(if: SARIFReporterTests.pythonImports("jsonschema"))) func validatesAgainstTheDocumentedFormat() throws {
        let report = SARIFReporterTests.sampleReport()
        #expect(Set(report.findings.map(\.severity)).count >= 1 && !report.findings.isEmpty)
        let gitlab = GitLabReporter.render(report)
        let lint = Reporter.render(
            try GlossaryLinter().lint(paths: [
                TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/lint").path
            ]),
            format: .gitlab)
        // Copies broken on purpose show that the schema is enforced.
        let badSeverity = gitlab.replacingOccurrences(of: "\"severity\": \"minor\"", with: "\"severity\": \"warning\"")
        let noLine = gitlab.replacingOccurrences(of: "\"begin\": ", with: "\"start\": ")
        let absolute = gitlab.replacingOccurrences(of: "\"path\": \"", with: "\"path\": \"/")
        #expect(badSeverity != gitlab && noLine != gitlab && absolute != gitlab)
        let errors = try Self.schemaErrors([Self.documentedShape, gitlab, lint, "[]\n", badSeverity, noLine, absolute, "{}"])
        #expect(errors.count == 8)
        #expect(Array(errors.prefix(4)) == [0, 0, 0, 0], "valid reports")
        #expect(errors.dropFirst(4).allSatisfy { $0 > 0 }, "broken copies are rejected: \(errors)")
    }

    @Test func fieldsSeveritiesAndUniqueFingerprints() throws {
        var report = SARIFReporterTests.sampleReport()
        // The same findings in a second file: each issue keeps a fingerprint of its own.
        let copy = report.findings.map { finding in
            var finding = finding
            finding.location.file = "./Examples/copy.md"
            return finding
        }
        report.findings += copy
        let issues = try #require(
            try JSONSerialization.jsonObject(with: Data(GitLabReporter.render(report).utf8)) as? [[String: Any]])
        #expect(issues.count == report.findings.count)
        let prints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(prints.count == issues.count && Set(prints).count == prints.count)
        #expect(prints.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
        for (issue, finding) in zip(issues, report.findings) {
            #expect(issue["description"] as? String == finding.message)
            #expect(issue["check_name"] as? String == finding.rule)
            let location = try #require(issue["location"] as? [String: Any])
            #expect(
                location["path"] as? String
                    == (finding.location.file.hasPrefix("./") ? "Examples/copy.md" : finding.location.file))
            #expect((location["lines"] as? [String: Any])?["begin"] as? Int == finding.location.line)
        }
        #expect(GitLabReporter.severity(.error) == "major")
        #expect(GitLabReporter.severity(.warning) == "minor")
        #expect(GitLabReporter.severity(.info) == "info")
        // The fingerprint stays when lines move (it does not hash the line).
        var moved = report
        moved.findings[0].location.line += 10
        #expect(GitLabReporter.fingerprint(of: moved.findings[0]) == GitLabReporter.fingerprint(of: report.findings[0]))
        #expect(GitLabReporter.render(CheckReport(findings: [], fileCount: 0)) == "[]\n")
    }
}
