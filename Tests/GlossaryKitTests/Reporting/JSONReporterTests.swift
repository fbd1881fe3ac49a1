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
}
