/// A rule of any kind: it describes itself in one shape (`RuleDescription`, with examples that
/// must and must not trigger it) and checks what its stage of the pipeline hands it.
///
/// The three kinds differ only in what they check and what their examples are:
/// - `Rule` checks one analysed document (a text's paragraphs and term matches); its examples
///   are texts in a language;
/// - `CrossLanguageRule` checks a corpus of translation sets; its examples are small corpora;
/// - `LintRule` checks loaded glossary files; its examples are glossary files.
///
/// The test suite runs every rule's examples, so reading a rule's description tells exactly what
/// it does.
public protocol DescribedRule: Sendable {
    /// What the rule checks.
    associatedtype Subject
    /// What the rule's examples are.
    associatedtype Example: RuleExampleKind
    /// The rule's documentation and examples.
    static var description: RuleDescription<Example> { get }
    /// The findings in `subject`, at the rule's default severity (some rules raise it for the
    /// worse cases).
    func check(_ subject: Subject) -> [Finding]
}

extension DescribedRule {
    /// The rule's public id.
    public var id: String { Self.description.id }
    /// The rule's public id.
    public static var id: String { description.id }
}

/// A check over an analysed document.
///
/// Its examples are texts with `↓` before each place a finding must start; the test suite checks
/// each against `RuleExamples.glossary`.
public protocol Rule: DescribedRule where Subject == AnalyzedDocument, Example == RuleExample {
    /// Something that checks the file `path` chunk by chunk and finds what `check(_:)` finds on
    /// the whole file, for files too long to analyse at once.
    ///
    /// The default keeps every chunk's paragraphs and matches and checks them together at the
    /// end, which is right for any rule but holds every match of the file; a rule that needs
    /// less returns an accumulator of its own.
    func accumulator(path: String, glossary: Glossary) -> any RuleAccumulator
}

extension Rule {
    /// Keeps every chunk and checks them together at the end (a ``WholeDocumentAccumulator``).
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
    /// The rule run on each chunk.
    public let rule: any Rule

    /// An accumulator that runs `rule` on each chunk as it comes.
    public init(rule: any Rule) {
        self.rule = rule
    }

    /// The findings of the rule on this chunk alone.
    public mutating func add(_ chunk: AnalyzedDocument) -> [Finding] { rule.check(chunk) }
    /// Nothing: every finding was returned with its chunk.
    public mutating func finish() -> [Finding] { [] }
}

/// Keeps every chunk and runs the rule once on all of them: right for any rule.
public struct WholeDocumentAccumulator: RuleAccumulator {
    /// The rule run once every chunk is in.
    public let rule: any Rule
    /// The path of the file being checked.
    public let path: String
    /// The glossary the chunks were matched against.
    public let glossary: Glossary
    private var paragraphs: [AnalyzedDocument.Paragraph] = []
    private var matches: [TermMatch] = []

    /// An accumulator that keeps every chunk of `path` and runs `rule` on them at the end.
    public init(rule: any Rule, path: String, glossary: Glossary) {
        self.rule = rule
        self.path = path
        self.glossary = glossary
    }

    /// Keeps the chunk; returns nothing yet.
    public mutating func add(_ chunk: AnalyzedDocument) -> [Finding] {
        paragraphs += chunk.paragraphs
        matches += chunk.matches
        return []
    }

    /// The rule's findings on the whole document.
    public mutating func finish() -> [Finding] {
        let document = AnalyzedDocument(path: path, paragraphs: paragraphs, matches: matches, glossary: glossary)
        paragraphs = []
        matches = []
        return rule.check(document)
    }
}

/// What a rule is, why it exists, and examples that show it: the one shape every kind of rule
/// describes itself in.
public struct RuleDescription<Example: RuleExampleKind>: Sendable {
    /// The public rule id, e.g. `deprecated-term`. Stable: configurations and suppressions use it.
    public var id: String
    /// A short human-readable name, e.g. `Deprecated term`.
    public var name: String
    /// One sentence.
    public var summary: String
    /// Why the rule exists and what to do about a finding.
    public var rationale: String
    /// The severity of the rule's findings unless the user sets another.
    public var defaultSeverity: Severity
    /// The ids of rules whose findings this rule's findings make redundant at the same place
    /// (the same file and bytes): the more specific of two findings on the same words is kept.
    /// The checker drops the superseded ones wherever they come from.
    public var supersedes: [String]
    /// Examples with `↓` before each place a finding must start.
    public var triggeringExamples: [Example]
    /// Examples on which the rule must stay silent.
    public var nonTriggeringExamples: [Example]

    /// A description of a rule with the given id, texts and examples.
    public init(
        id: String, name: String, summary: String, rationale: String, defaultSeverity: Severity, supersedes: [String] = [],
        triggeringExamples: [Example], nonTriggeringExamples: [Example]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.supersedes = supersedes
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }

    /// What reports say of the rule (SARIF's `tool.driver.rules`).
    public var documentation: RuleDocumentation {
        let shown = { (examples: [Example]) in Example.isShownInReports ? examples.map(\.description) : [] }
        return RuleDocumentation(
            id: id, name: name, summary: summary, rationale: rationale, defaultSeverity: defaultSeverity,
            triggeringExamples: shown(triggeringExamples), nonTriggeringExamples: shown(nonTriggeringExamples))
    }
}

/// What reports say of a rule of any kind: its description, with the examples that fit on a line.
public struct RuleDocumentation: Sendable {
    /// The rule's public id, e.g. `deprecated-term`.
    public var id: String
    /// A short human-readable name.
    public var name: String
    /// What the rule checks, in one sentence.
    public var summary: String
    /// Why the rule exists and what to do about a finding.
    public var rationale: String
    /// The severity of the rule's findings unless the user sets another.
    public var defaultSeverity: Severity
    /// The triggering examples as one line each (`[id] Banyak ↓TKI berangkat.`), for the rules
    /// whose examples are texts; empty for the others.
    public var triggeringExamples: [String]
    /// The non-triggering examples as one line each; empty for rules whose examples are not texts.
    public var nonTriggeringExamples: [String]

    /// Documentation of a rule with the given id, texts and examples.
    public init(
        id: String, name: String, summary: String, rationale: String, defaultSeverity: Severity,
        triggeringExamples: [String] = [], nonTriggeringExamples: [String] = []
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// What a kind of rule's examples are.
public protocol RuleExampleKind: Sendable, CustomStringConvertible {
    /// Whether reports list the examples in a rule's help: a one-line text fits there, a corpus
    /// or a glossary file does not.
    static var isShownInReports: Bool { get }
}

/// A text a rule is tried on, in a known language.
public struct RuleExample: RuleExampleKind {
    /// The text; `↓` marks where a finding starts (and is removed before checking).
    public var text: String
    /// The language the text is in.
    public var language: LanguageTag

    /// An example `text` in `language`.
    public init(_ text: String, language: LanguageTag) {
        self.text = text
        self.language = language
    }

    /// `[language] text`.
    public var description: String { "[\(language)] \(text)" }

    /// Yes: a one-line text fits in a report.
    public static var isShownInReports: Bool { true }
}

/// Every built-in rule, in the order their findings are listed when several share a place.
public enum Rules {
    /// The built-in monolingual rules, in the order their findings are listed at one place.
    public static let all: [any Rule] = [
        DeprecatedTermRule(),
        InconsistentTermRule(),
        TermCaseRule(),
        GlossMismatchRule(),
    ]

    /// The rule with the public id `id`.
    public static func rule(withID id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }
}
