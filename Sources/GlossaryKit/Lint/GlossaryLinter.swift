import Foundation

/// Validates glossary files: `glossary lint`.
///
/// Each file is read on its own, so one broken file does not hide the problems of the others and
/// a concept id defined in two files is reported at both places. A file that cannot be read at
/// all becomes one `invalid-glossary` finding at the place the reader stopped; TBX dialect
/// violations become findings too. The checks on the model are the `LintRule`s in `rules`.
public struct GlossaryLinter {
    /// One loaded file.
    public struct File: Sendable {
        public var path: String
        public var glossary: Glossary

        public init(path: String, glossary: Glossary) {
            self.path = path
            self.glossary = glossary
        }
    }

    /// The rules run on every lint, in the order their findings are listed.
    public static let rules: [any LintRule.Type] = [
        DuplicateConceptIDRule.self,
        InvalidLanguageTagRule.self,
        ConflictingStatusRule.self,
        AmbiguousTermRule.self,
        MissingPreferredTermRule.self,
        MissingRequiredLanguageRule.self,
        TermTokenizationRule.self,
    ]

    /// The rule of a file that cannot be read as a glossary at all.
    public static let invalidGlossaryRule = RuleDescription.lint(
        id: "invalid-glossary", summary: "A glossary file cannot be read: invalid syntax, an unknown key or status, a bad value.",
        rationale: "The reader stopped at the place named; nothing else in the file was linted. Fix the error and lint again.",
        severity: .error)

    /// The descriptions of every rule `report`'s findings can name: the lint rules,
    /// `invalid-glossary`, and the TBX dialect rules that occur in it (`docs/tbx.md`).
    public static func ruleDescriptions(for report: CheckReport) -> [RuleDescription] {
        var descriptions = rules.map { $0.description } + [invalidGlossaryRule]
        var known = Set(descriptions.map(\.id))
        for finding in report.findings where known.insert(finding.rule).inserted {
            descriptions.append(RuleDescription.lint(
                id: finding.rule, summary: "The TBX file breaks the '\(finding.rule)' rule of its dialect, or a value had to be interpreted.",
                rationale: "TBX dialect rules are listed in docs/tbx.md. Errors break the dialect's rules; warnings name values that were read in a way the file may not mean.",
                severity: finding.severity))
        }
        return descriptions
    }

    private let tokenizer: Tokenizer

    public init() throws(TextError) {
        tokenizer = try Tokenizer()
    }

    /// Lints the glossary files at `paths` (files or folders).
    ///
    /// - Throws: `InputError` when a path does not exist or a folder holds no glossary file.
    public func lint(paths: [String]) throws(InputError) -> CheckReport {
        var files: [File] = []
        var findings: [Finding] = []
        var sources: [String: SourceText] = [:]
        var count = 0
        for path in paths {
            for file in try GlossaryLoader.files(at: path) {
                count += 1
                if let text = try? InputFile.readText(file) { sources[file] = SourceText(path: file, string: text) }
                do {
                    var diagnostics: [FormatDiagnostic] = []
                    files.append(File(path: file, glossary: try GlossaryLoader.read(file: file, warnings: &diagnostics)))
                    findings += diagnostics.map(Self.finding)
                } catch {
                    let location = error.location ?? SourceLocation(file: file, line: 1, column: 1)
                    findings.append(LintFinding.make(rule: Self.invalidGlossaryRule.id, severity: .error, at: location, text: "", message: error.message))
                }
            }
        }
        findings += lint(files)
        findings.sort { ($0.location, $0.rule) < ($1.location, $1.rule) }
        Fingerprint.assign(to: &findings)
        return CheckReport(findings: findings, fileCount: count, sources: sources)
    }

    /// Runs every rule over loaded files.
    public func lint(_ files: [File]) -> [Finding] {
        let context = LintContext(files: files, tokenizer: tokenizer)
        return Self.rules.flatMap { $0.check(context) }
    }

    private static func finding(_ diagnostic: FormatDiagnostic) -> Finding {
        LintFinding.make(rule: diagnostic.rule, severity: diagnostic.severity == .error ? .error : .warning,
                         at: diagnostic.location, text: "", message: diagnostic.message)
    }
}

/// What rules see: the files, and each term's tokens computed once.
public final class LintContext {
    public let files: [GlossaryLinter.File]
    private let tokenizer: Tokenizer
    private var cache: [String: [Token]] = [:]

    init(files: [GlossaryLinter.File], tokenizer: Tokenizer) {
        self.files = files
        self.tokenizer = tokenizer
    }

    /// Every concept with the file it came from.
    public var concepts: [(file: String, concept: Concept)] {
        files.flatMap { file in file.glossary.concepts.map { (file.path, $0) } }
    }

    /// The tokens of a term text, or `[]` when tokenizing fails.
    public func tokens(_ text: String) -> [Token] {
        if let cached = cache[text] { return cached }
        let tokens = (try? tokenizer.tokenize(term: text)) ?? []
        cache[text] = tokens
        return tokens
    }

    /// The term as the matcher compares it: folded words joined by their gaps; accents removed
    /// when the term folds accents (or its language does by default: Sundanese).
    public func normalized(_ term: Term) -> String {
        let foldsAccents = term.foldsAccents ?? (term.language.language == "su")
        return tokens(term.text).enumerated().map { index, token in
            (index == 0 ? "" : (token.gapBefore == " " ? " " : token.gapBefore)) + (foldsAccents ? token.bare : token.folded)
        }.joined()
    }
}

/// A check over the whole set of loaded glossary files.
public protocol LintRule: Sendable {
    /// The rule's public id, e.g. `duplicate-concept-id`.
    static var id: String { get }
    /// One sentence saying what the rule reports.
    static var summary: String { get }
    /// Why the rule exists and what to do about a finding.
    static var rationale: String { get }
    /// The severity of its findings (some rules raise it for the worse cases).
    static var defaultSeverity: Severity { get }
    static func check(_ context: LintContext) -> [Finding]
}

extension LintRule {
    public static var defaultSeverity: Severity { .warning }

    /// The rule as reports describe it (SARIF's `tool.driver.rules`).
    public static var description: RuleDescription {
        RuleDescription.lint(id: id, summary: summary, rationale: rationale, severity: defaultSeverity)
    }
}

extension RuleDescription {
    /// A lint rule's description: lint rules have no example texts.
    static func lint(id: String, summary: String, rationale: String, severity: Severity) -> RuleDescription {
        let words = id.split(separator: "-").map(String.init)
        let name = ([words[0].prefix(1).uppercased() + words[0].dropFirst()] + words.dropFirst()).joined(separator: " ")
        return RuleDescription(id: id, name: name, summary: summary, rationale: rationale, defaultSeverity: severity,
                               triggeringExamples: [], nonTriggeringExamples: [])
    }
}

/// Building findings for places in glossary files.
enum LintFinding {
    static func make(rule: String, severity: Severity, at location: SourceLocation, text: String, message: String,
                     language: LanguageTag? = nil, concept: String? = nil, suggestions: [String] = []) -> Finding {
        let end = SourceLocation(file: location.file, line: location.line, column: location.column + max(text.unicodeScalars.count, 1))
        return Finding(location: location, endLocation: end, byteRange: 0..<0, rule: rule, severity: severity,
                       language: language, concept: concept, text: text, message: message, suggestions: suggestions)
    }

    static func location(_ concept: Concept, file: String) -> SourceLocation {
        concept.location ?? SourceLocation(file: file, line: 1, column: 1)
    }

    static func location(_ term: Term, in concept: Concept, file: String) -> SourceLocation {
        term.location ?? location(concept, file: file)
    }
}
