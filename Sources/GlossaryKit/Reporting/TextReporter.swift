import Foundation

/// Compiler-style text: `path:line:col: warning: message [rule-id]`, the source line with carets
/// under the term, the findings folded into it (`  also: message [rule-id]`), notes, and a
/// summary line.
package enum TextReporter {
    package static func render(_ report: CheckReport) -> String {
        ReportOutput.collecting { write(report, to: &$0) }
    }

    static func write(_ report: CheckReport, to output: inout ReportOutput) {
        for finding in report.findings {
            defer { output.flushIfLarge() }
            output += "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n"
            if let excerpt = report.excerpt(of: finding) {
                output += excerpt.text + "\n"
                output +=
                    InputError.caret(under: excerpt.column, in: excerpt.text) + String(repeating: "~", count: excerpt.width - 1)
                    + "\n"
            }
            for folded in finding.folded {
                output += "  also: \(folded.message) [\(folded.rule)]\n"
            }
            if let explanation = finding.matchExplanation {
                output += "  matched '\(finding.text)' as \(explanation)\n"
            }
            if let note = finding.note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
                output += "  note: \(note)\n"
            }
        }
        output += summary(report) + "\n"
    }

    /// The line itself when it is short; else a window of it around the finding, with `…` where
    /// it was cut (prose paragraphs are often one long line). Returns the column of the finding in
    /// the excerpt. `LineExcerpt` cuts the same window from the file's bytes without the line.
    ///
    /// - Complexity: O(the line's length).
    static func excerpt(of line: String, around column: Int, width: Int, context: Int = LineExcerpt.context) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > 2 * context + width + 20 else { return (line, column) }
        var start = max(0, column - 1 - context)
        var end = min(scalars.count, column - 1 + width + context)
        // Cut at spaces so that words stay whole.
        while start > 0, start < column - 1, scalars[start - 1] != " " { start += 1 }
        while end < scalars.count, end > column - 1 + width, scalars[end] != " " { end -= 1 }
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var newColumn = column - start
        if start > 0 { text = "…" + text; newColumn += 1 }
        if end < scalars.count { text += "…" }
        return (text, newColumn)
    }

    /// `3 warnings, 1 error in 2 files.` or `No findings in 2 files.`
    package static func summary(_ report: CheckReport) -> String {
        let files = English.counted(report.fileCount, "file")
        var parts: [String] = []
        for severity in [Severity.error, .warning, .info] {
            let count = report.count(severity)
            if count > 0 { parts.append(English.counted(count, severity.rawValue)) }
        }
        var hidden: [String] = []
        if report.suppressedCount > 0 { hidden.append("\(report.suppressedCount) suppressed") }
        if report.baselinedCount > 0 { hidden.append("\(report.baselinedCount) in the baseline") }
        let tail = hidden.isEmpty ? "" : " (\(hidden.joined(separator: ", ")))"
        return (parts.isEmpty ? "No findings in \(files)" : parts.joined(separator: ", ") + " in \(files)") + tail + "."
    }
}
