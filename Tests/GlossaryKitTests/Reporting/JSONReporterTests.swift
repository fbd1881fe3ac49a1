import Foundation
import Testing
@testable import GlossaryKit

@Suite("JSON reporter")
struct JSONReporterTests {
    @Test func streamedOutputEqualsTheValueTree() throws {
        let text = "The International Labor Organization met. Labour trafficking and labor trafficking.\n"
        let source = SourceText(path: "x.en.md", string: text)
        let findings = try TestSupport.exampleChecker.check(source)
        #expect(findings.count >= 2)
        for report in [CheckReport(findings: findings, fileCount: 1), CheckReport(findings: [], fileCount: 3)] {
            #expect(JSONReporter.render(report) == JSONReporter.json(report).serialized() + "\n")
            let parsed = try JSONSerialization.jsonObject(with: Data(JSONReporter.render(report).utf8)) as? [String: Any]
            #expect((parsed?["findings"] as? [Any])?.count == report.findings.count)
        }
    }

    /// The findings are written field by field, not through `JSONValue`: every optional field
    /// present and absent, no, one and several suggestions, and text that needs escapes must
    /// come out as the value tree writes them.
    @Test func directlyWrittenFindingsEqualTheValueTree() {
        let location = SourceLocation(file: "dir/\"quoted\".md", line: 3, column: 7)
        let end = SourceLocation(file: location.file, line: 4, column: 1)
        var findings: [Finding] = []
        for variant in 0..<16 {
            findings.append(Finding(
                location: location, endLocation: end, byteRange: 10..<20, rule: "deprecated-term",
                severity: variant % 3 == 0 ? .error : .warning,
                language: variant % 2 == 0 ? .indonesian : nil,
                concept: variant % 4 == 1 ? nil : "c\(variant)",
                text: "Tab\there \\ and\nline \u{1}",
                message: "'X' is deprecated; use 'Y'",
                suggestions: Array(["pekerja migran", "buruh \"migran\"", "é"].prefix(variant % 4)),
                matchExplanation: variant & 1 != 0 ? "'kerja' + -nya" : nil,
                fix: variant & 2 != 0 ? "pekerja" : nil,
                note: variant & 4 != 0 ? "note with \\ backslash" : nil))
        }
        let report = CheckReport(findings: findings, fileCount: 1)
        #expect(JSONReporter.render(report) == JSONReporter.json(report).serialized() + "\n")
        for finding in findings {
            var text = ""
            JSONReporter.write(finding, into: &text)
            var expected = ""
            JSONReporter.json(finding).write(into: &expected, indent: 2, level: 2)
            #expect(text == expected)
        }
    }
}
