/// Checks texts against a glossary: the library's main entry point.
///
/// Create one checker per glossary; it compiles the glossary once and can then check any number
/// of texts, from any number of threads.
///
/// ```swift
/// let glossary = try GlossaryLoader.load(paths: ["glossary"])
/// let checker = try GlossaryChecker(glossary: glossary)
/// let findings = try checker.check(SourceText(path: "draft.md", string: draft))
/// ```
public final class GlossaryChecker: Sendable {
    public let compiled: CompiledGlossary
    public let rules: [any Rule]
    /// Rules over the language sections of a multilingual document.
    public let crossRules: [any CrossLanguageRule]
    private let matcher: TermMatcher
    private let detector: LanguageDetector

    /// Compiles `glossary` for checking with `rules`.
    public init(glossary: Glossary, rules: [any Rule] = Rules.all, crossRules: [any CrossLanguageRule] = Rules.crossLanguage, registry: AnalyzerRegistry = .standard) throws {
        compiled = try CompiledGlossary(glossary, registry: registry)
        self.rules = rules
        self.crossRules = crossRules
        matcher = TermMatcher(compiled)
        detector = LanguageDetector(languages: glossary.languages, registry: registry)
    }

    /// Creates a checker over an already compiled glossary.
    public init(compiled: CompiledGlossary, rules: [any Rule] = Rules.all, crossRules: [any CrossLanguageRule] = Rules.crossLanguage) {
        self.compiled = compiled
        self.rules = rules
        self.crossRules = crossRules
        matcher = TermMatcher(compiled)
        detector = LanguageDetector(languages: compiled.glossary.languages, registry: compiled.registry)
    }

    public var glossary: Glossary { compiled.glossary }

    /// Tokenizes `source`, decides each paragraph's language and finds every term.
    ///
    /// The language is `options.language` if given, else the one the file name declares, else
    /// detected per paragraph.
    public func analyze(_ source: SourceText, options: CheckOptions = CheckOptions()) throws(TextError) -> AnalyzedDocument {
        let tokenizer = try Tokenizer()
        let markup = options.markup ?? Tokenizer.Markup(path: source.path)
        let text = try tokenizer.tokenize(source, markup: markup)
        let declared = options.language
            ?? LanguageDetector.language(fromPath: source.path, known: glossary.languages)
        let languages: [LanguageTag?] = declared.map { tag in text.paragraphs.map { _ in tag } }
            ?? detector.detect(paragraphsOf: text)
        var matches: [TermMatch] = []
        for (paragraph, language) in zip(text.paragraphs, languages) {
            matches += matcher.matches(in: text, range: paragraph, language: language)
        }
        return AnalyzedDocument(text: text, paragraphLanguages: languages, matches: matches, glossary: glossary)
    }

    /// The findings of every rule on `source`, in text order.
    ///
    /// A document with sections in several languages (an abstract in Indonesian, English and
    /// Sundanese) also gets the cross-language rules' findings on its aligned sections.
    public func check(_ source: SourceText, options: CheckOptions = CheckOptions()) throws(TextError) -> [Finding] {
        let document = try analyze(source, options: options)
        let monolingual = findings(in: document, options: options)
        guard !crossRules.isEmpty, Set(document.paragraphLanguages.compactMap { $0 }).count >= 2 else { return monolingual }
        let cross = try CrossLanguageChecker(compiled: compiled, rules: rules, crossRules: crossRules)
            .sectionFindings(in: source, options: options, monolingual: monolingual)
        return cross.isEmpty ? monolingual : CrossLanguageChecker.ordered(monolingual + cross, paths: [source.path])
    }

    /// The findings of every enabled rule on an analysed document, in text order.
    public func findings(in document: AnalyzedDocument, options: CheckOptions = CheckOptions()) -> [Finding] {
        var findings: [Finding] = []
        for rule in rules {
            let override = options.severities[rule.id]
            if case .some(.none) = override { continue }
            for var finding in rule.check(document) {
                if case let .some(.some(severity)) = override { finding.severity = severity }
                findings.append(finding)
            }
        }
        let order = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        return findings.sorted {
            ($0.byteRange.lowerBound, order[$0.rule] ?? 0) < ($1.byteRange.lowerBound, order[$1.rule] ?? 0)
        }
    }
}

/// Options for one check.
public struct CheckOptions: Sendable {
    /// The language of the whole text; nil: from the file name, else detected per paragraph.
    public var language: LanguageTag?
    /// The markup; nil: from the file name.
    public var markup: Tokenizer.Markup?
    /// Per-rule severity overrides: `.some(nil)` switches a rule off.
    public var severities: [String: Severity?]

    public init(language: LanguageTag? = nil, markup: Tokenizer.Markup? = nil, severities: [String: Severity?] = [:]) {
        self.language = language
        self.markup = markup
        self.severities = severities
    }
}
