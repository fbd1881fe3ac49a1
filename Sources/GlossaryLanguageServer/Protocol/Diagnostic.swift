/// How serious a diagnostic is, as LSP numbers it.
package enum DiagnosticSeverity: Int, Sendable {
    case error = 1
    case warning = 2
    case information = 3
    case hint = 4
}

/// A problem shown in the editor (LSP's `Diagnostic`).
package struct Diagnostic: Equatable, Sendable {
    package var range: TextRange
    package var severity: DiagnosticSeverity
    /// The rule id.
    package var code: String?
    /// Where the rule is documented (`codeDescription.href`).
    package var codeDescription: String?
    package var source: String?
    package var message: String
    /// Places elsewhere that the diagnostic speaks of (the other version of a translated text),
    /// each with what to say of it (`relatedInformation`).
    package var related: [(location: Location, message: String)] = []

    package init(
        range: TextRange, severity: DiagnosticSeverity, code: String? = nil, codeDescription: String? = nil,
        source: String? = nil, message: String, related: [(location: Location, message: String)] = []
    ) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        self.source = source
        self.message = message
        self.related = related
    }

    package static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.range, lhs.severity, lhs.code, lhs.codeDescription, lhs.source, lhs.message)
            == (rhs.range, rhs.severity, rhs.code, rhs.codeDescription, rhs.source, rhs.message)
            && lhs.related.map(\.location) == rhs.related.map(\.location)
            && lhs.related.map(\.message) == rhs.related.map(\.message)
    }

    /// The diagnostic as JSON for a client with `capabilities`: `codeDescription` only when the
    /// client says it can show one.
    func json(for capabilities: ClientCapabilities) -> JSONValue {
        var members: [String: JSONValue] = [
            "range": range.json, "severity": .integer(severity.rawValue), "message": .string(message),
        ]
        if let code { members["code"] = .string(code) }
        if let codeDescription, capabilities.diagnosticCodeDescription {
            members["codeDescription"] = ["href": .string(codeDescription)]
        }
        if let source { members["source"] = .string(source) }
        if !related.isEmpty, capabilities.diagnosticRelatedInformation {
            members["relatedInformation"] = .array(
                related.map { ["location": $0.location.json, "message": .string($0.message)] })
        }
        return .object(members)
    }
}

/// The kinds of `window/showMessage` and `window/logMessage`.
package enum MessageType: Int, Sendable {
    case error = 1
    case warning = 2
    case info = 3
    case log = 4
}
