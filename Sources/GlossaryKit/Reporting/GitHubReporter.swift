/// GitHub Actions workflow commands: one `::warning file=…,line=…::message` line per finding,
/// which the Actions runner turns into annotations on the pull request.
///
/// Severities map to `error`, `warning` and `notice`. Property values escape `%`, `\r`, `\n`, `:`
/// and `,`; the message escapes `%`, `\r` and `\n`, as the runner expects.
package enum GitHubReporter {
    package static func render(_ report: CheckReport) -> String {
        ReportOutput.collecting { write(report, to: &$0) }
    }

    static func write(_ report: CheckReport, to output: inout ReportOutput) {
        for finding in report.findings {
            defer { output.flushIfLarge() }
            let command =
                switch finding.severity {
                case .error: "error"
                case .warning: "warning"
                case .info: "notice"
                }
            let properties = [
                ("file", finding.location.file),
                ("line", String(finding.location.line)),
                ("col", String(finding.location.column)),
                ("endLine", String(finding.endLocation.line)),
                ("endColumn", String(finding.endLocation.column)),
                ("title", "glossary: \(finding.rule)"),
            ].map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
            var message = finding.message
            for folded in finding.folded { message += "\nalso: \(folded.message) [\(folded.rule)]" }
            if let note = finding.note, !note.isEmpty { message += "\n" + note }
            output += "::\(command) \(properties)::\(escapeData(message))\n"
        }
    }

    /// Escapes a message: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    package static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes a property value: as `escapeData`, and `:` → `%3A`, `,` → `%2C`.
    package static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
