/// JSON for programs:
/// `{"findings":[{"file","line","column","endLine","endColumn","rule","severity","language",
/// "concept","text","message","suggestions":[…]}],"summary":{…}}`.
public enum JSONReporter {
    /// The report as indented JSON.
    ///
    /// Findings are written one at a time rather than as one tree, so a run with hundreds of
    /// thousands of findings holds only the output text, not a second copy of it as values.
    public static func render(_ report: CheckReport) -> String {
        ReportOutput.collecting { write(report, to: &$0) }
    }

    static func write(_ report: CheckReport, to output: inout ReportOutput) {
        output += "{\n  \"findings\": ["
        if report.findings.isEmpty {
            output += "]"
        } else {
            output += "\n"
            for (index, finding) in report.findings.enumerated() {
                output += "    "
                output.write(json(finding), level: 2)
                output += index < report.findings.count - 1 ? ",\n" : "\n"
                output.flushIfLarge()
            }
            output += "  ]"
        }
        output += ",\n  \"summary\": "
        output.write(summary(report), level: 1)
        output += "\n}\n"
    }

    /// The report as one JSON value.
    public static func json(_ report: CheckReport) -> JSONValue {
        .object([
            ("findings", .array(report.findings.map(json))),
            ("summary", summary(report)),
        ])
    }

    private static func summary(_ report: CheckReport) -> JSONValue {
        .object([
            ("files", .number(report.fileCount)),
            ("findings", .number(report.findings.count)),
            ("errors", .number(report.count(.error))),
            ("warnings", .number(report.count(.warning))),
            ("infos", .number(report.count(.info))),
        ])
    }

    /// One finding as a JSON object.
    static func json(_ finding: Finding) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("file", .string(finding.location.file)),
            ("line", .number(finding.location.line)),
            ("column", .number(finding.location.column)),
            ("endLine", .number(finding.endLocation.line)),
            ("endColumn", .number(finding.endLocation.column)),
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("language", JSONValue(finding.language?.rawValue)),
            ("concept", JSONValue(finding.concept)),
            ("text", .string(finding.text)),
            ("message", .string(finding.message)),
            ("suggestions", .array(finding.suggestions.map { .string($0) })),
        ]
        if let explanation = finding.matchExplanation { pairs.append(("matchedAs", .string(explanation))) }
        if let fix = finding.fix { pairs.append(("fix", .string(fix))) }
        if let note = finding.note { pairs.append(("note", .string(note))) }
        return .object(pairs)
    }
}
