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
        for variant in 0..<32 {
            var finding = Finding(
                location: location, endLocation: end, byteRange: 10..<20, rule: "deprecated-term",
                severity: variant % 3 == 0 ? .error : .warning,
                language: variant % 2 == 0 ? .indonesian : nil,
                concept: variant % 4 == 1 ? nil : "c\(variant)",
                text: "Tab\there \\ and\nline \u{1}",
                message: "'X' is deprecated; use 'Y'",
                suggestions: Array(["pekerja migran", "buruh \"migran\"", "é"].prefix(variant % 4)),
                matchExplanation: variant & 1 != 0 ? "'kerja' + -nya" : nil,
                fix: variant & 2 != 0 ? "pekerja" : nil,
                note: variant & 4 != 0 ? "note with \\ backslash" : nil)
            finding.languageIsUncertain = variant & 16 != 0
            if variant & 8 != 0 {
                finding.folded = [
                    FoldedFinding(rule: "inconsistent-term", severity: .warning, message: "named in 2 ways (\"a\" ×1)"),
                    FoldedFinding(rule: "inconsistent-translation", severity: .info, message: "rendered\tin 2 ways"),
                ].prefix(variant % 3 + 1).map { $0 }
            }
            findings.append(finding)
        }
        let report = CheckReport(findings: findings, fileCount: 1)
        #expect(JSONReporter.render(report) == JSONReporter.json(report).serialized() + "\n")
        for finding in findings {
            let written = ReportOutput.collecting { JSONReporter.write(finding, into: &$0) }
            var expected = ""
            JSONReporter.json(finding).write(into: &expected, indent: 2, level: 2)
            #expect(written == expected)
        }
    }

    /// A finding on a paragraph of uncertain language says so; the others are written as before.
    @Test func onlyAFindingOfUncertainLanguageHasTheKey() throws {
        var finding = Finding(
            location: SourceLocation(file: "a.md", line: 1, column: 1),
            endLocation: SourceLocation(file: "a.md", line: 1, column: 4),
            byteRange: 0..<3, rule: "deprecated-term", severity: .warning, language: .english, concept: "c", text: "abc",
            message: "m")
        func object(_ finding: Finding) throws -> [String: Any] {
            let report = CheckReport(findings: [finding], fileCount: 1)
            let parsed = try JSONSerialization.jsonObject(with: Data(JSONReporter.render(report).utf8)) as? [String: Any]
            return try #require((parsed?["findings"] as? [[String: Any]])?.first)
        }
        #expect(try object(finding)["languageUncertain"] == nil)
        finding.languageIsUncertain = true
        #expect(try object(finding)["languageUncertain"] as? Bool == true)
        #expect(try object(finding)["language"] as? String == "en")
    }

    /// The report buffer grows from a few kilobytes as pieces of every size are appended.
    @Test func outputKeepsEveryPieceInOrder() {
        var expected = ""
        let written = ReportOutput.collecting { output in
            for index in 0..<3_000 {
                let piece = String(repeating: "é\(index % 10)", count: index % 97) + "|"
                output += piece
                expected += piece
            }
        }
        #expect(written == expected)
    }

    /// Quoting works on bytes; it must write what escaping character by character writes, and
    /// JSON that parses back to the same string: every control character, quotes, backslashes,
    /// non-ASCII letters and emoji, at the start, the middle and the end.
    @Test func quotingEqualsEscapingCharacterByCharacter() throws {
        func reference(_ text: String) -> String {
            var output = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case let s where s.value < 0x20:
                    let hex = String(s.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output + "\""
        }
        var samples = ["", "plain", "é", "pekerja \"migran\"", "a\\b", "\\", "\"", "🇮🇩 bendera", "x\u{7F}y"]
        samples += (0..<0x20).map { "[\(Character(Unicode.Scalar(UInt8($0))))]" }
        samples += (0..<0x20).map { String(Character(Unicode.Scalar(UInt8($0)))) + "Sunda" }
        for sample in samples {
            let written = ReportOutput.collecting { JSONValue.quote(sample, into: &$0) }
            #expect(written == reference(sample), "\(sample.debugDescription)")
            let parsed = try JSONSerialization.jsonObject(with: Data(("[" + written + "]").utf8)) as? [String]
            #expect(parsed == [sample], "\(sample.debugDescription)")
        }
    }

    @Test func decimalsAreWrittenAsStringDoes() {
        for value in [0, 7, -7, 10, 99, 100, 12_345, -1_000_000, Int.max, Int.min] {
            #expect(ReportOutput.collecting { JSONValue.appendDecimal(value, to: &$0) } == String(value))
        }
    }
}
