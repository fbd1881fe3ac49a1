/// A check over an analysed document.
///
/// Every rule describes itself (`description`) with examples that must and must not trigger it;
/// the test suite runs every example against `RuleExamples.glossary`, so reading a rule's
/// description tells exactly what it does.
public protocol Rule: Sendable {
    /// The rule's documentation and examples.
    static var description: RuleDescription { get }
    /// The findings in `document`, at the rule's default severity.
    func check(_ document: AnalyzedDocument) -> [Finding]
}

extension Rule {
    public var id: String { Self.description.id }
}

/// What a rule is, why it exists, and examples that show it.
public struct RuleDescription: Sendable {
    /// The public rule id, e.g. `deprecated-term`. Stable: configurations and suppressions use it.
    public var id: String
    public var name: String
    /// One sentence.
    public var summary: String
    /// Why the rule exists and what to do about a finding.
    public var rationale: String
    public var defaultSeverity: Severity
    /// Texts with `↓` before each place a finding must start.
    public var triggeringExamples: [RuleExample]
    /// Texts on which the rule must stay silent.
    public var nonTriggeringExamples: [RuleExample]
}

/// A text a rule is tried on, in a known language.
public struct RuleExample: Sendable, CustomStringConvertible {
    /// The text; `↓` marks where a finding starts (and is removed before checking).
    public var text: String
    public var language: LanguageTag

    public init(_ text: String, language: LanguageTag) {
        self.text = text
        self.language = language
    }

    public var description: String { "[\(language)] \(text)" }
}

/// Every built-in rule, in the order their findings are listed when several share a place.
public enum Rules {
    public static let all: [any Rule] = [
        DeprecatedTermRule(),
        InconsistentTermRule(),
        TermCaseRule(),
    ]

    /// The rule with the public id `id`.
    public static func rule(withID id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }
}
