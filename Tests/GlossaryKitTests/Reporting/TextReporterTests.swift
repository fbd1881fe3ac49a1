import Foundation
import TestRandom
import TestScratch
import Testing

@testable import GlossaryKit

/// The text reporter's excerpts: a window around each finding cut from the file's bytes, the
/// same as cutting it from the whole line, without reading the whole line (a 200 MB line with 200
/// findings once took more than 10 s and 1 GB).
@Suite("Text reporter")
struct TextReporterTests {
    /// A finding over `range` of `source`, positioned as the checker positions findings.
    static func finding(_ range: Range<Int>, in source: SourceText) -> Finding {
        let start = source.position(of: range.lowerBound), end = source.position(of: range.upperBound)
        return Finding(
            location: SourceLocation(file: source.path, line: start.line, column: start.column),
            endLocation: SourceLocation(file: source.path, line: end.line, column: end.column),
            byteRange: range, rule: "deprecated-term", severity: .warning, language: nil, concept: nil,
            text: source.text(range), message: "m")
    }

    /// What the reporter printed before it cut excerpts from bytes: the whole line, then a window
    /// of its scalars.
    static func referenceRender(_ report: CheckReport) -> String {
        var output = ""
        for finding in report.findings {
            output += "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n"
            if let line = report.sources[finding.location.file]?.lineText(finding.location.line) {
                let width =
                    finding.endLocation.line == finding.location.line
                    ? max(1, finding.endLocation.column - finding.location.column)
                    : max(1, line.unicodeScalars.count - finding.location.column + 1)
                let (excerpt, column) = TextReporter.excerpt(of: line, around: finding.location.column, width: width)
                output += excerpt + "\n"
                output += InputError.caret(under: column, in: excerpt) + String(repeating: "~", count: width - 1) + "\n"
            }
        }
        return output + TextReporter.summary(report) + "\n"
    }

    /// Random lines of words, spaces, tabs, accented letters, emoji and carriage returns, with
    /// findings of every length, some across a line break.
    @Test func excerptsAreCutAsFromTheWholeLine() throws {
        let pieces = [
            "word", " ", "  ", "\t", "é", "😀", "TKI", "pekerja migran", "\n", "\r\n", "\r", ".",
            String(repeating: "x", count: 70),
            String(repeating: "kata ", count: 30),
        ]
        var generator = SeededGenerator(seed: 4)
        for round in 0..<300 {
            let body = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            let text = (round % 5 == 0 ? "\u{FEFF}" : "") + body
            let source = SourceText(path: "r\(round).md", string: text)
            let starts = source.bytes.indices.filter { source.bytes[$0] & 0xC0 != 0x80 && $0 >= source.contentStart }
            guard starts.count > 2 else { continue }
            var findings: [Finding] = []
            for _ in 0..<5 {
                let first = Int.random(in: 0..<(starts.count - 1), using: &generator)
                let last = min(starts.count - 1, first + Int.random(in: 1...12, using: &generator))
                findings.append(Self.finding(starts[first]..<starts[last], in: source))
            }
            let report = CheckReport(findings: findings, fileCount: 1, sources: [source.path: source])
            #expect(TextReporter.render(report) == Self.referenceRender(report), "\(text.debugDescription)")
        }
    }

    /// A streamed file gives the same excerpts as a held one.
    @Test func streamedFilesGiveTheSameExcerpts() throws {
        let line = (0..<400).map { $0 % 7 == 0 ? "TKI" : "kata\($0)" }.joined(separator: " ")
        let text = "first line\r\n" + line + "\r\n" + line + "\n"
        let url = TestScratch.url("streamed").appendingPathExtension("md")
        try Data(text.utf8).write(to: url)
        let source = SourceText(path: url.path, string: text)
        let pattern = Array("TKI".utf8)
        let findings = source.bytes.indices.filter { source.bytes[$0...].starts(with: pattern) }.map {
            Self.finding($0..<($0 + 3), in: source)
        }
        let held = CheckReport(findings: findings, fileCount: 1, sources: [source.path: source])
        var streamed = CheckReport(findings: findings, fileCount: 1)
        streamed.streamed = [source.path: try MappedFile(path: url.path)]
        #expect(TextReporter.render(streamed) == TextReporter.render(held))
        #expect(TextReporter.render(held) == Self.referenceRender(held))
    }

    /// The work of cutting the excerpts: about twice as much when a one-line text and its
    /// findings double, not four times.
    @Test func excerptsTakeWorkLinearInTheText() throws {
        func steps(_ count: Int) -> Int {
            let text = (0..<count).map { _ in String(repeating: "kata ", count: 200) + "TKI" }.joined(separator: " ") + "\n"
            let source = SourceText(path: "long.md", string: text)
            // One line of ASCII: a byte's column is its offset + 1.
            let findings = (0..<count).map { index in
                let offset = 1_000 + index * 1_004
                return Finding(
                    location: SourceLocation(file: source.path, line: 1, column: offset + 1),
                    endLocation: SourceLocation(file: source.path, line: 1, column: offset + 4),
                    byteRange: offset..<(offset + 3), rule: "deprecated-term", severity: .warning, language: nil, concept: nil,
                    text: "TKI", message: "m")
            }
            let report = CheckReport(findings: findings, fileCount: 1, sources: [source.path: source])
            return WorkMeter.count { _ = TextReporter.render(report) }
        }
        let small = steps(200), large = steps(400)
        try #require(small > 0)
        #expect(Double(large) / Double(small) < 2.5, "the work grew \(Double(large) / Double(small)) times when the text doubled")
    }
}
