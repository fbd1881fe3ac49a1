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
    /// Something that checks the file `path` chunk by chunk and finds what `check(_:)` finds on
    /// the whole file, for files too long to analyse at once.
    ///
    /// The default keeps every chunk's paragraphs and matches and checks them together at the
    /// end, which is right for any rule but holds every match of the file; a rule that needs
    /// less returns an accumulator of its own.
    func accumulator(path: String, glossary: Glossary) -> any RuleAccumulator
}

extension Rule {
    public var id: String { Self.description.id }

    public func accumulator(path: String, glossary: Glossary) -> any RuleAccumulator {
        WholeDocumentAccumulator(rule: self, path: path, glossary: glossary)
    }
}

/// Checks a document given as consecutive chunks (see `Rule.accumulator(path:glossary:)`).
public protocol RuleAccumulator {
    /// Takes the next chunk (its matches carry their positions; it has no `source`) and returns
    /// the findings already certain, in text order.
    mutating func add(_ chunk: AnalyzedDocument) -> [Finding]
    /// The findings left once every chunk is added, in text order.
    mutating func finish() -> [Finding]
}

/// Runs a rule on each chunk alone: right for a rule whose findings each depend on one match and
/// the text at it (`deprecated-term`, `term-case`), and holds nothing between chunks.
public struct EachChunkAccumulator: RuleAccumulator {
    public let rule: any Rule

    public init(rule: any Rule) {
        self.rule = rule
    }

    public mutating func add(_ chunk: AnalyzedDocument) -> [Finding] { rule.check(chunk) }
    public mutating func finish() -> [Finding] { [] }
}

/// Keeps every chunk and runs the rule once on all of them: right for any rule.
public struct WholeDocumentAccumulator: RuleAccumulator {
    public let rule: any Rule
    public let path: String
    public let glossary: Glossary
    private var paragraphs: [AnalyzedDocument.Paragraph] = []
    private var matches: [TermMatch] = []

    public init(rule: any Rule, path: String, glossary: Glossary) {
        self.rule = rule
        self.path = path
        self.glossary = glossary
    }

    public mutating func add(_ chunk: AnalyzedDocument) -> [Finding] {
        paragraphs += chunk.paragraphs
        matches += chunk.matches
        return []
    }

    public mutating func finish() -> [Finding] {
        let document = AnalyzedDocument(path: path, paragraphs: paragraphs, matches: matches, glossary: glossary)
        paragraphs = []
        matches = []
        return rule.check(document)
    }
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
