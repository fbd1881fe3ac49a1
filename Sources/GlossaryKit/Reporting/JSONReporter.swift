/// JSON for programs:
/// `{"findings":[{"file","line","column","endLine","endColumn","rule","severity","language",
/// "concept","text","message","suggestions":[…]}],"summary":{…}}`.
public enum JSONReporter {
    public static func render(_ report: CheckReport) -> String {
        json(report).serialized() + "\n"
    }

    public static func json(_ report: CheckReport) -> JSONValue {
        let findings = report.findings.map { finding -> JSONValue in
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
        return .object([
            ("findings", .array(findings)),
            ("summary", .object([
                ("files", .number(report.fileCount)),
                ("findings", .number(report.findings.count)),
                ("errors", .number(report.count(.error))),
                ("warnings", .number(report.count(.warning))),
                ("infos", .number(report.count(.info))),
            ])),
        ])
    }
}
