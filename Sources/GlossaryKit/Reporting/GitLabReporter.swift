import Foundation

/// GitLab's code quality report: a JSON array with one object per finding, which a CI job
/// publishes as `artifacts: reports: codequality:` for the merge request widget and diff view.
///
/// Each object has the fields GitLab documents: `description` (the message), `check_name` (the
/// rule id), `fingerprint`, `severity` (`info`, `minor`, `major`, `critical` or `blocker`; an
/// error is `major`, a warning `minor`, an info `info`) and `location` with the file's `path`
/// and `lines.begin`. GitLab shows one issue per fingerprint, so it must be unique in the
/// report: it hashes the file's path with the finding's own fingerprint (rule, concept, text
/// and occurrence in the file; see `Fingerprint`), which keeps it stable when lines move.
package enum GitLabReporter {
    package static func render(_ report: CheckReport) -> String {
        ReportOutput.collecting { write(report, to: &$0) }
    }

    static func write(_ report: CheckReport, to output: inout ReportOutput) {
        guard !report.findings.isEmpty else {
            output += "[]\n"
            return
        }
        output += "["
        for (index, finding) in report.findings.enumerated() {
            output += index == 0 ? "\n  {\n    \"description\": " : ",\n  {\n    \"description\": "
            JSONValue.quote(finding.message, into: &output)
            output += ",\n    \"check_name\": "
            JSONValue.quote(finding.rule, into: &output)
            output += ",\n    \"fingerprint\": \""
            output += fingerprint(of: finding)
            output += "\",\n    \"severity\": \""
            output += severity(finding.severity)
            output += "\",\n    \"location\": {\n      \"path\": "
            JSONValue.quote(path(finding.location.file), into: &output)
            output += ",\n      \"lines\": {\n        \"begin\": "
            JSONValue.appendDecimal(max(1, finding.location.line), to: &output)
            output += "\n      }\n    }\n  }"
            output.flushIfLarge()
        }
        output += "\n]\n"
    }

    /// GitLab's severity for `severity`.
    package static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }

    /// The path as GitLab expects it: relative (an absolute path is made relative to the
    /// current folder, the repository's top in a CI job) and without a leading `./`.
    static func path(_ file: String) -> String {
        if file.hasPrefix("/") { return Paths.relative(file, to: FileManager.default.currentDirectoryPath) }
        var path = Substring(file)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// A fingerprint unique in the report: the file's path and the finding's fingerprint (or,
    /// for a finding without one, its rule, position and text), hashed into 32 hex digits.
    static func fingerprint(of finding: Finding) -> String {
        let identity =
            finding.fingerprint
            ?? "\(finding.rule)\u{0}\(finding.location.line):\(finding.location.column)\u{0}\(finding.text)"
        let key = path(finding.location.file) + "\u{0}" + identity
        // Two 64-bit hashes, the second over the key read backwards, make 128 bits.
        return Fingerprint.hex(Fingerprint.fnv1a(key)) + Fingerprint.hex(Fingerprint.fnv1a(String(key.reversed())))
    }
}
