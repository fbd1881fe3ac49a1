/// JSON for programs:
/// `{"findings":[{"file","line","column","endLine","endColumn","rule","severity","language",
/// "concept","text","message","suggestions":[…]}],"summary":{…}}`.
///
/// Optional keys follow when they apply: `languageUncertain` (true when the paragraph's language
/// is uncertain and `language` is the language of the term found), `matchedAs`, `fix`, `note`,
/// and `folded`: the findings of other rules on the same words folded into this one, each
/// `{"rule","severity","message"}` (see `FoldedFinding`).
package enum JSONReporter {
    /// The report as indented JSON.
    ///
    /// Findings are written one at a time rather than as one tree, so a run with hundreds of
    /// thousands of findings holds only the output text, not a second copy of it as values.
    package static func render(_ report: CheckReport) -> String {
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
                write(finding, into: &output)
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
    package static func json(_ report: CheckReport) -> JSONValue {
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

    /// Appends `finding` as `json(finding)` nested two deep is written, as UTF-8, without
    /// making the value first: the report writes a finding at a time, and hundreds of thousands
    /// of small trees of values cost more than the text they become.
    static func write(_ finding: Finding, into text: inout ReportOutput) {
        var first = true
        func key(_ name: StaticString) {
            text.append(literal: first ? "{\n      \"" : ",\n      \"")
            first = false
            text.append(literal: name)
            text.append(literal: "\": ")
        }
        func string(_ name: StaticString, _ value: String?) {
            key(name)
            if let value { JSONValue.quote(value, into: &text) } else { text.append(literal: "null") }
        }
        func number(_ name: StaticString, _ value: Int) {
            key(name)
            JSONValue.appendDecimal(value, to: &text)
        }
        string("file", finding.location.file)
        number("line", finding.location.line)
        number("column", finding.location.column)
        number("endLine", finding.endLocation.line)
        number("endColumn", finding.endLocation.column)
        string("rule", finding.rule)
        string("severity", finding.severity.rawValue)
        string("language", finding.language?.rawValue)
        string("concept", finding.concept)
        string("text", finding.text)
        string("message", finding.message)
        key("suggestions")
        if finding.suggestions.isEmpty {
            text.append(literal: "[]")
        } else {
            for (index, suggestion) in finding.suggestions.enumerated() {
                text.append(literal: index == 0 ? "[\n        " : ",\n        ")
                JSONValue.quote(suggestion, into: &text)
            }
            text.append(literal: "\n      ]")
        }
        if finding.languageIsUncertain {
            key("languageUncertain")
            text.append(literal: "true")
        }
        if let explanation = finding.matchExplanation { string("matchedAs", explanation) }
        if let fix = finding.fix { string("fix", fix) }
        if let note = finding.note { string("note", note) }
        if !finding.folded.isEmpty {
            key("folded")
            text.write(.array(finding.folded.map { .object(foldedPairs($0)) }), level: 3)
        }
        text.append(literal: "\n    }")
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
        if finding.languageIsUncertain { pairs.append(("languageUncertain", .bool(true))) }
        if let explanation = finding.matchExplanation { pairs.append(("matchedAs", .string(explanation))) }
        if let fix = finding.fix { pairs.append(("fix", .string(fix))) }
        if let note = finding.note { pairs.append(("note", .string(note))) }
        if !finding.folded.isEmpty { pairs.append(("folded", .array(finding.folded.map { .object(foldedPairs($0)) }))) }
        return .object(pairs)
    }

    /// A folded finding's keys: its rule, severity and message.
    static func foldedPairs(_ folded: FoldedFinding) -> [(String, JSONValue)] {
        [("rule", .string(folded.rule)), ("severity", .string(folded.severity.rawValue)), ("message", .string(folded.message))]
    }
}
