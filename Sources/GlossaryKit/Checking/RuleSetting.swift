/// How a check treats one rule: switched off, or reporting at a chosen severity.
///
/// A rule with no setting runs at its description's default severity
/// (``RuleDescription/defaultSeverity``). A configuration file's `rules:` mapping gives the
/// same choice: `off`, `info`, `warning` or `error`.
public enum RuleSetting: Sendable, Hashable {
    /// The rule does not run, so it reports nothing.
    case off
    /// The rule runs and its findings have this severity.
    case severity(Severity)
}
