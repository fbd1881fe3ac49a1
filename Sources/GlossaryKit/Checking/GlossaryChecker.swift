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
    /// The glossary, compiled for matching.
    public let compiled: CompiledGlossary
    /// The rules run on each text, in the order their findings are listed at one place.
    public let rules: [any Rule]
    /// Rules over the language sections of a multilingual document.
    public let crossRules: [any CrossLanguageRule]
    private let matcher: TermMatcher

    /// Compiles `glossary` for checking with `rules`.
    public convenience init(
        glossary: Glossary, rules: [any Rule] = Rules.all, crossRules: [any CrossLanguageRule] = Rules.crossLanguage,
        registry: AnalyzerRegistry = .standard
    ) throws {
        self.init(compiled: try CompiledGlossary(glossary, registry: registry), rules: rules, crossRules: crossRules)
    }

    /// Creates a checker over an already compiled glossary.
    public init(
        compiled: CompiledGlossary, rules: [any Rule] = Rules.all, crossRules: [any CrossLanguageRule] = Rules.crossLanguage
    ) {
        self.compiled = compiled
        self.rules = rules
        self.crossRules = crossRules
        matcher = TermMatcher(compiled)
    }

    /// The glossary the checker checks against.
    public var glossary: Glossary { compiled.glossary }

    /// The ids of every rule the checker runs, monolingual and cross-language: what suppression
    /// directives may name.
    package var ruleIDs: Set<String> { Set(rules.map(\.id) + crossRules.map(\.id)) }

    /// The pipeline every text of this checker goes through.
    var pipeline: AnalysisPipeline { AnalysisPipeline(compiled: compiled, matcher: matcher) }

    /// Scans `source`, decides each paragraph's language and finds every term.
    ///
    /// The language is `options.language` if given, else the one the file name declares, else
    /// detected per paragraph. A long text is scanned in chunks of whole paragraphs (about
    /// `chunkSize` bytes each), so its words never all exist at once.
    ///
    /// - Complexity: O(*n*) in the text's length.
    public func analyze(_ source: SourceText, options: CheckOptions = CheckOptions()) throws(TextError) -> AnalyzedDocument {
        var paragraphs: [AnalyzedDocument.Paragraph] = []
        var matches: [TermMatch] = []
        try source.bytes.withUnsafeBufferPointer { bytes throws(TextError) in
            try pipeline.run(path: source.path, bytes: bytes, contentStart: source.contentStart, options: options) { chunk in
                paragraphs += chunk.paragraphs
                matches += chunk.matches
            }
        }
        return AnalyzedDocument(source: source, paragraphs: paragraphs, matches: matches, glossary: glossary)
    }

    /// The findings of every rule on `source`, in text order.
    ///
    /// A document with sections in several languages (an abstract in Indonesian, English and
    /// Sundanese) also gets the cross-language rules' findings on its aligned sections.
    public func check(_ source: SourceText, options: CheckOptions = CheckOptions()) throws(TextError) -> [Finding] {
        let document = try analyze(source, options: options)
        var sections = LanguageSections()
        sections.add(document.paragraphs)
        return try addingSectionFindings(
            to: findings(in: document, options: options), hasSections: sections.areSections, path: source.path, options: options
        ) { () throws(TextError) in
            try CrossLanguageChecker(compiled: compiled, rules: rules, crossRules: crossRules)
                .sectionFindings(in: source, paragraphs: document.paragraphs, options: options)
        }
    }

    /// The findings of every rule on a mapped file, which is read chunk by chunk and never held
    /// whole: the same findings, positions and order as `check(_:options:)` on the same bytes.
    ///
    /// Each rule sees the file through its `Rule.accumulator(path:glossary:)`; the pages of the
    /// file are given back behind the scan, so memory grows with the matches and findings the
    /// rules keep, not with the file. A file that turns out to be language sections (see
    /// `SectionAligner.maximumSectionSwitches`) has them aligned from what the scan kept of
    /// each paragraph and checked a few translation sets at a time (`StreamedSections`); only
    /// a checker with a cross-language rule of its own, which may compare any sets, reads such
    /// a file whole.
    ///
    /// - Throws: `TextError.invalidUTF8` at the file's first bad byte.
    /// - Complexity: O(*n*) in the file's length.
    public func check(_ file: MappedFile, options: CheckOptions = CheckOptions()) throws(TextError) -> [Finding] {
        var runner = RuleRunner(rules: rules, collector: findingCollector(options)).streaming(path: file.path, glossary: glossary)
        var sections = LanguageSections()
        // The facts the sections are aligned from, while the file may still be sections.
        var streamedSections =
            !crossRules.isEmpty && options.language == nil && StreamedSections.checksPiecewise(crossRules)
            ? StreamedSections(file) : nil
        var releaser = PageReleaser(file)
        try pipeline.run(
            path: file.path, bytes: file.bytes, contentStart: file.contentStart, options: options,
            passed: { releaser.passed($0) },
            body: { chunk in
                sections.add(chunk.paragraphs)
                if sections.maySwitchToSections { streamedSections?.add(chunk.paragraphs) } else { streamedSections = nil }
                runner.add(chunk)
            })
        file.releaseAll()
        let monolingual = runner.finish()
        let cross = CrossLanguageChecker(compiled: compiled, rules: rules, crossRules: crossRules)
        return try addingSectionFindings(to: monolingual, hasSections: sections.areSections, path: file.path, options: options) {
            () throws(TextError) in
            if let streamedSections { return try streamedSections.findings(in: file, checker: cross, options: options) }
            // A rule that may compare any sets: the sections are checked with the text held.
            let source = try SourceText(path: file.path, bytes: Array(file.bytes))
            file.releaseAll()
            return try cross.sectionFindings(in: source, options: options)
        }
    }

    /// The collector of this checker's findings under `options`.
    func findingCollector(_ options: CheckOptions) -> FindingCollector {
        FindingCollector(rules: rules, crossRules: crossRules, settings: options.ruleSettings)
    }

    /// `monolingual`, the findings of the text at `path`'s monolingual rules, with the
    /// cross-language findings of its language sections when it has some (`hasSections`) and
    /// the checker has cross-language rules: the one tail of both `check` methods.
    ///
    /// - Parameter sectionFindings: the sections' cross-language findings; called only when the
    ///   text has sections.
    private func addingSectionFindings(
        to monolingual: [Finding], hasSections: Bool, path: String, options: CheckOptions,
        sectionFindings: () throws(TextError) -> [Finding]
    ) throws(TextError) -> [Finding] {
        guard !crossRules.isEmpty, hasSections else { return monolingual }
        let cross = try sectionFindings()
        guard !cross.isEmpty else { return monolingual }
        // A cross-language finding on the words of a more specific monolingual one is folded into it.
        var findings = FindingCollector.ordered(monolingual + cross, paths: [path])
        findingCollector(options).fold(&findings)
        return findings
    }

    /// The findings of every enabled rule on an analysed document, in text order.
    public func findings(in document: AnalyzedDocument, options: CheckOptions = CheckOptions()) -> [Finding] {
        RuleRunner(rules: rules, collector: findingCollector(options)).findings(in: document)
    }
}
