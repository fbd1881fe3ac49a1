/// SARIF 2.1.0, the format code-scanning services (GitHub code scanning, Azure DevOps) read.
///
/// One run with the tool's rules (`tool.driver.rules`, with descriptions, help and default level),
/// `columnKind` `unicodeCodePoints` (columns count Unicode scalars, as everywhere in this tool),
/// and per finding a result with its region, a `partialFingerprints` entry (see `Fingerprint`)
/// that lets the service track it across commits, and `fixes` when `--fix` could repair it.
package enum SARIFReporter {
    /// The SARIF schema this output follows.
    package static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The check rules' descriptions, which a check report's run describes: the monolingual
    /// rules and the cross-language ones, whose findings a check reports too.
    package static var checkRules: [RuleDocumentation] {
        Rules.all.map { type(of: $0).description.documentation }
            + Rules.crossLanguage.map { type(of: $0).description.documentation }
    }

    package static func render(
        _ report: CheckReport, rules: [RuleDocumentation] = SARIFReporter.checkRules,
        toolVersion: String = GlossaryKitInfo.version
    ) -> String {
        ReportOutput.collecting { write(report, rules: rules, toolVersion: toolVersion, to: &$0) }
    }

    /// Writes the log one result at a time: the same text as `json(_:rules:toolVersion:)`
    /// serialized, without building a value for every result at once.
    static func write(
        _ report: CheckReport, rules: [RuleDocumentation], toolVersion: String = GlossaryKitInfo.version,
        to output: inout ReportOutput
    ) {
        // The log around the results is serialized with a marker where the results go.
        let marker = "\u{0}results\u{0}"
        let frame = log(results: .string(marker), rules: rules, toolVersion: toolVersion).serialized()
        let quotedMarker = JSONValue.string(marker).serialized()
        let parts = frame.components(separatedBy: quotedMarker)
        precondition(parts.count == 2, "the marker occurs once in the SARIF frame")
        output += parts[0]
        let ruleIndex = Self.ruleIndex(rules)
        // The results array as `JSONValue.write` lays it out four levels deep.
        if report.findings.isEmpty {
            output += "[]"
        } else {
            output += "[\n"
            for (index, finding) in report.findings.enumerated() {
                output += String(repeating: " ", count: 2 * 4)
                output.write(result(finding, ruleIndex: ruleIndex), level: 4)
                output += (index < report.findings.count - 1 ? "," : "") + "\n"
                output.flushIfLarge()
            }
            output += String(repeating: " ", count: 2 * 3) + "]"
        }
        output += parts[1] + "\n"
    }

    /// The SARIF log as a JSON value.
    package static func json(_ report: CheckReport, rules: [RuleDocumentation], toolVersion: String) -> JSONValue {
        let ruleIndex = Self.ruleIndex(rules)
        return log(
            results: .array(report.findings.map { result($0, ruleIndex: ruleIndex) }), rules: rules, toolVersion: toolVersion)
    }

    private static func ruleIndex(_ rules: [RuleDocumentation]) -> [String: Int] {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        return ruleIndex
    }

    /// The log with `results` as its run's results.
    private static func log(results: JSONValue, rules: [RuleDocumentation], toolVersion: String) -> JSONValue {
        let driver: JSONValue = .object([
            ("name", .string("glossary")),
            ("version", .string(toolVersion)),
            ("rules", .array(rules.map(ruleJSON))),
        ])
        return .object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        ("tool", .object([("driver", driver)])),
                        ("columnKind", .string("unicodeCodePoints")),
                        ("results", results),
                    ])
                ])
            ),
        ])
    }

    /// One finding as a SARIF result.
    private static func result(_ finding: Finding, ruleIndex: [String: Int]) -> JSONValue {
        let uri = artifactURI(finding.location.file)
        var pairs: [(String, JSONValue)] = [("ruleId", .string(finding.rule))]
        if let index = ruleIndex[finding.rule] { pairs.append(("ruleIndex", .number(index))) }
        pairs += [
            ("level", .string(level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            (
                "locations",
                .array([
                    .object([
                        (
                            "physicalLocation",
                            .object([
                                ("artifactLocation", .object([("uri", .string(uri))])),
                                ("region", region(finding, snippet: true)),
                            ])
                        )
                    ])
                ])
            ),
        ]
        if let fingerprint = finding.fingerprint {
            pairs.append(("partialFingerprints", .object([(Fingerprint.key, .string(fingerprint))])))
        }
        if let fix = finding.fix {
            pairs.append(
                (
                    "fixes",
                    .array([
                        .object([
                            ("description", .object([("text", .string("Replace '\(finding.text)' with '\(fix)'"))])),
                            (
                                "artifactChanges",
                                .array([
                                    .object([
                                        ("artifactLocation", .object([("uri", .string(uri))])),
                                        (
                                            "replacements",
                                            .array([
                                                .object([
                                                    ("deletedRegion", region(finding, snippet: false)),
                                                    ("insertedContent", .object([("text", .string(fix))])),
                                                ])
                                            ])
                                        ),
                                    ])
                                ])
                            ),
                        ])
                    ])
                ))
        }
        var properties: [(String, JSONValue)] = []
        if let concept = finding.concept { properties.append(("concept", .string(concept))) }
        if let language = finding.language { properties.append(("language", .string(language.rawValue))) }
        if finding.languageIsUncertain { properties.append(("languageUncertain", .bool(true))) }
        if !finding.suggestions.isEmpty { properties.append(("suggestions", .array(finding.suggestions.map { .string($0) }))) }
        if let note = finding.note { properties.append(("note", .string(note))) }
        // The findings of other rules on the same words, folded into this one: kept for tools.
        if !finding.folded.isEmpty {
            properties.append(("folded", .array(finding.folded.map { .object(JSONReporter.foldedPairs($0)) })))
        }
        if !properties.isEmpty { pairs.append(("properties", .object(properties))) }
        return .object(pairs)
    }

    /// A `reportingDescriptor` for one rule, with its rationale and examples as help.
    static func ruleJSON(_ rule: RuleDocumentation) -> JSONValue {
        var markdown = "**\(rule.name)** (`\(rule.id)`): \(rule.summary)\n\n\(rule.rationale)\n"
        let examples = { (title: String, list: [String]) in
            guard !list.isEmpty else { return }
            markdown += "\n\(title):\n\n"
            for example in list {
                markdown += "- " + example.replacingArrow() + "\n"
            }
        }
        examples("Triggering examples (↓ marks the finding)", rule.triggeringExamples)
        examples("Non-triggering examples", rule.nonTriggeringExamples)
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([("text", .string(rule.summary + " " + rule.rationale)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
        ])
    }

    /// The finding's region; byte offsets only when the finding has a byte range (lint findings
    /// in glossary files have lines and columns only).
    static func region(_ finding: Finding, snippet: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("startLine", .number(finding.location.line)),
            ("startColumn", .number(finding.location.column)),
            ("endLine", .number(finding.endLocation.line)),
            ("endColumn", .number(finding.endLocation.column)),
        ]
        if !finding.byteRange.isEmpty {
            pairs += [("byteOffset", .number(finding.byteRange.lowerBound)), ("byteLength", .number(finding.byteRange.count))]
        }
        if snippet { pairs.append(("snippet", .object([("text", .string(finding.text))]))) }
        return .object(pairs)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A URI reference for a path: relative paths stay relative (code scanning resolves them
    /// against the repository root), absolute ones become `file://` URIs; characters outside
    /// RFC 3986's unreserved set and `/` are percent-encoded.
    package static func artifactURI(_ path: String) -> String {
        if path == "<stdin>" { return "stdin" }
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

extension String {
    /// Marks `↓` visibly in Markdown help: `↓word` → `**↓**word`.
    fileprivate func replacingArrow() -> String {
        var result = ""
        for character in self {
            if character == "↓" { result += "**↓**" } else { result.append(character) }
        }
        return result
    }
}
