/// A finding that a more specific finding on the same words made redundant, kept as a note of
/// that finding (`Finding.folded`) instead of being reported again.
///
/// A deprecated term that also makes its concept inconsistent is one problem: it is reported
/// once, as `deprecated-term`, and the `inconsistent-term` finding on the same words becomes one
/// of its folded findings. Which rule's finding is kept is each rule's declaration
/// (`RuleDescription.supersedes`); reports show the folded findings under the one kept, and
/// JSON and SARIF list their rule ids, so that nothing is lost for tools.
public struct FoldedFinding: Sendable, Hashable {
    /// The folded finding's rule id, e.g. `inconsistent-term`.
    public var rule: String
    /// The severity the folded finding had.
    public var severity: Severity
    /// The folded finding's message.
    public var message: String
    /// The folded finding's replacement, which `--fix` applies when the kept finding has none of
    /// its own (in the rules' order, as for separate findings on the same words).
    public var fix: String?

    /// A folded finding of rule `rule` with `message`.
    public init(rule: String, severity: Severity, message: String, fix: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.fix = fix
    }

    /// `finding` as a note of another finding on the same words.
    public init(_ finding: Finding) {
        self.init(rule: finding.rule, severity: finding.severity, message: finding.message, fix: finding.fix)
    }
}
