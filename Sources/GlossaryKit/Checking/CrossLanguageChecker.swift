import Foundation

/// Checks translation corpora: the monolingual rules on every segment and the cross-language
/// rules on every translation set.
///
/// ```swift
/// let checker = CrossLanguageChecker(compiled: try CompiledGlossary(glossary))
/// let corpus = try BilingualFormat.read(paths: ["validators.id.xlf"])[0]
/// let findings = try checker.check(corpus)
/// ```
public struct CrossLanguageChecker: Sendable {
    package let analyzer: CrossLanguageAnalyzer
    /// The monolingual rules, run on each text of a corpus.
    public let rules: [any Rule]
    /// The rules that compare the versions of a translation set.
    public let crossRules: [any CrossLanguageRule]

    /// A checker for the glossary `compiled`, running `rules` on each text and `crossRules` on each corpus.
    public init(
        compiled: CompiledGlossary, rules: [any Rule] = Rules.all, crossRules: [any CrossLanguageRule] = Rules.crossLanguage
    ) {
        analyzer = CrossLanguageAnalyzer(compiled: compiled)
        self.rules = rules
        self.crossRules = crossRules
    }

    /// The glossary the checker checks against.
    public var glossary: Glossary { analyzer.glossary }

    /// `corpus` with every language tag replaced by the glossary language it falls within
    /// (`en-US` → `en`), so that analyzers and terms apply.
    public func normalized(_ corpus: TranslationCorpus) -> TranslationCorpus {
        var corpus = corpus
        let known = analyzer.compiled.languages
        func map(_ tag: LanguageTag?) -> LanguageTag? {
            guard let tag else { return nil }
            return SourceLanguage.glossaryLanguage(for: tag, known: known) ?? tag
        }
        for text in corpus.texts.indices {
            for segment in corpus.texts[text].segments.indices {
                corpus.texts[text].segments[segment].language = map(corpus.texts[text].segments[segment].language)
            }
        }
        corpus.sourceLanguage = map(corpus.sourceLanguage)
        return corpus
    }

    /// Analyses a corpus (after normalising its languages).
    ///
    /// - Parameters:
    ///   - corpus: the versions to analyse.
    ///   - markup: how to read the texts; nil chooses by each text's path.
    ///   - sourceLanguage: the declared source language (`CheckOptions.sourceLanguage`), for a
    ///     corpus whose input declares none (`TranslationCorpus.directed(by:)`).
    public func analyze(_ corpus: TranslationCorpus, markup: Tokenizer.Markup? = nil, sourceLanguage: LanguageTag? = nil)
        throws(TextError) -> AnalyzedCorpus
    {
        try analyzer.analyze(normalized(corpus).directed(by: sourceLanguage), markup: markup)
    }

    /// Analyses a corpus as `analyze(_:markup:sourceLanguage:)` does, with the markup, source
    /// language and scanning state (`CheckOptions.session`) of a check.
    func analyze(_ corpus: TranslationCorpus, options: CheckOptions) throws(TextError) -> AnalyzedCorpus {
        try analyzer.analyze(
            normalized(corpus).directed(by: options.sourceLanguage), markup: options.markup, session: options.session)
    }

    /// Every finding on a corpus read from bilingual files: the monolingual rules on each
    /// extracted text and the cross-language rules on the sets, positioned in the files.
    public func check(_ corpus: TranslationCorpus, options: CheckOptions = CheckOptions()) throws(TextError) -> [Finding] {
        let analyzed = try analyze(corpus, sourceLanguage: options.sourceLanguage)
        let runner = RuleRunner(
            rules: rules, collector: FindingCollector(rules: rules, crossRules: crossRules, settings: options.ruleSettings))
        var findings: [Finding] = []
        for text in analyzed.texts {
            findings += runner.findings(in: text.document).map(text.segmented.inFile)
        }
        findings += crossFindings(analyzed, options: options)
        findings = FindingCollector.ordered(findings, paths: analyzed.texts.map(\.segmented.path))
        runner.collector.fold(&findings)
        return findings
    }

    /// The cross-language findings on an analysed corpus, with `options`' severity overrides,
    /// in report order (by file in the corpus' order, then position).
    ///
    /// A finding that another of these supersedes at the same place (`RuleDescription.supersedes`)
    /// is folded into it (`Finding.folded`). One that a finding of `monolingual`, the findings
    /// already reported on the same files, supersedes is dropped: the more specific rule already
    /// said it. (The checks that report both kinds together fold it into that finding instead.)
    public func crossFindings(
        _ corpus: AnalyzedCorpus, options: CheckOptions = CheckOptions(), excluding monolingual: [Finding] = []
    ) -> [Finding] {
        let collector = FindingCollector(rules: rules, crossRules: crossRules, settings: options.ruleSettings)
        var findings: [Finding] = []
        for rule in crossRules where collector.runs(rule.id) {
            collector.add(rule.check(corpus), of: rule.id, to: &findings)
        }
        findings = FindingCollector.ordered(findings, paths: corpus.texts.map(\.segmented.path))
        collector.fold(&findings)
        return monolingual.isEmpty ? findings : collector.removingSuperseded(from: findings, earlier: monolingual)
    }

    /// The cross-language findings of one plain-text or Markdown document with sections in
    /// several languages; none for a document in one language.
    ///
    /// - Parameters:
    ///   - source: the whole document.
    ///   - paragraphs: the document's paragraphs as the checker's pipeline found them, when at
    ///     hand; nil finds them again.
    ///   - options: the check's options; a set `language` means one language, so no sections.
    ///   - monolingual: the document's findings already reported, which supersede these.
    public func sectionFindings(
        in source: SourceText, paragraphs: [AnalyzedDocument.Paragraph]? = nil, options: CheckOptions = CheckOptions(),
        monolingual: [Finding] = []
    ) throws(TextError) -> [Finding] {
        guard options.language == nil else { return [] }
        let segmented: SegmentedText
        if let paragraphs {
            segmented = CrossLanguageAnalyzer.paragraphs(of: source, paragraphs, markup: options.markup)
        } else {
            segmented = try analyzer.paragraphs(of: source, options: options)
        }
        guard let corpus = SectionAligner.align(segmented) else { return [] }
        return crossFindings(
            try analyze(corpus, options: options), options: options,
            excluding: monolingual)
    }

    /// Reads versions of one text from separate plain-text or Markdown files and aligns them.
    ///
    /// A file's language is the one its name declares, else the one most of its paragraphs are
    /// detected in; every paragraph of the file takes it.
    ///
    /// - Parameters:
    ///   - sources: the versions, one file each.
    ///   - languages: each file's language when the caller knows it (a configuration's parallel
    ///     set); nil entries, or no array, use the file name or detection.
    ///   - options: the check's options; its `language` applies to files without one of their own.
    public func parallelCorpus(_ sources: [SourceText], languages: [LanguageTag?]? = nil, options: CheckOptions = CheckOptions())
        throws(TextError) -> TranslationCorpus
    {
        var texts: [SegmentedText] = []
        for (index, source) in sources.enumerated() {
            let known = languages.flatMap { index < $0.count ? $0[index] : nil } ?? options.language
            var fileOptions = options
            fileOptions.language = known
            var text = try analyzer.paragraphs(of: source, options: fileOptions)
            // Each file is one version: its paragraphs take the language most of them are in.
            var votes: [LanguageTag: Int] = [:]
            for segment in text.segments { if let language = segment.language { votes[language, default: 0] += 1 } }
            if let majority = votes.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key {
                for index in text.segments.indices { text.segments[index].language = majority }
            }
            texts.append(text)
        }
        return ParallelAligner.align(texts)
    }

    /// The cross-language findings of parallel files (the monolingual ones come from checking
    /// each file on its own).
    public func parallelFindings(
        _ sources: [SourceText], languages: [LanguageTag?]? = nil, options: CheckOptions = CheckOptions(),
        monolingual: [Finding] = []
    ) throws(TextError) -> (findings: [Finding], notes: [String]) {
        let corpus = try parallelCorpus(sources, languages: languages, options: options)
        let analyzed = try analyze(corpus, options: options)
        return (crossFindings(analyzed, options: options, excluding: monolingual), analyzed.notes)
    }
}

extension CheckRunner {
    /// Reads and checks one bilingual file (XLIFF, PO, TMX, String Catalog, i18n JSON).
    package static func checkBilingualFile(_ path: String, checker: GlossaryChecker, options: CheckOptions) -> FileResult {
        checkBilingual(path, checker: checker, options: options) { file, format throws(InputError) in
            try BilingualFormat.readSource(file, isXML: format.isXML)
        }
    }

    /// Checks one bilingual file from `bytes` (an editor's unsaved text of the file at `path`)
    /// as `checkBilingualFile(_:checker:options:)` checks it from disk.
    ///
    /// An i18n JSON file is read with the other JSON files of its folder, or the files of the
    /// same name in the folders beside its own when its folder is named by a language
    /// (`locales/en/app.json`), from disk: its strings are matched with theirs by key. Only its
    /// own findings are returned.
    package static func checkBilingualBytes(_ bytes: [UInt8], path: String, checker: GlossaryChecker, options: CheckOptions)
        -> FileResult
    {
        let result = checkBilingual(
            path, companions: BilingualFormat(path: path) == .i18nJSON ? jsonCompanions(of: path) : [], checker: checker,
            options: options
        ) { file, format throws(InputError) in
            file == path
                ? try BilingualFormat.source(bytes, path: file, isXML: format.isXML)
                : try BilingualFormat.readSource(file, isXML: format.isXML)
        }
        guard case let .checked(_, findings) = result else { return result }
        // The file's own text: the findings of the companions are theirs.
        do {
            let source = try BilingualFormat.source(bytes, path: path, isXML: BilingualFormat(path: path)?.isXML ?? false)
            return .checked(source, findings.filter { $0.location.file == path })
        } catch {
            return .failed(error)
        }
    }

    /// The i18n JSON files read with the one at `path` (see `checkBilingualBytes`).
    static func jsonCompanions(of path: String) -> [String] {
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        var companions: [String] = []
        if I18nJSONReader.language(ofPath: (folder as NSString).lastPathComponent) != nil {
            let parent = (folder as NSString).deletingLastPathComponent
            let name = (path as NSString).lastPathComponent
            for entry in ((try? manager.contentsOfDirectory(atPath: parent)) ?? []).sorted()
            where I18nJSONReader.language(ofPath: entry) != nil {
                let file = ((parent as NSString).appendingPathComponent(entry) as NSString).appendingPathComponent(name)
                if file != path, manager.fileExists(atPath: file) { companions.append(file) }
            }
        } else {
            for entry in ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            where (entry as NSString).pathExtension.lowercased() == "json" {
                let file = (folder as NSString).appendingPathComponent(entry)
                if file != path { companions.append(file) }
            }
        }
        return companions
    }

    /// Reads `path` and `companions` with `text` and checks them as one bilingual input.
    private static func checkBilingual(
        _ path: String, companions: [String] = [], checker: GlossaryChecker, options: CheckOptions,
        text: (String, BilingualFormat) throws(InputError) -> SourceText
    ) -> FileResult {
        do {
            let corpora = try BilingualFormat.read(paths: [path] + companions, text: text)
            let cross = CrossLanguageChecker(compiled: checker.compiled, rules: checker.rules, crossRules: checker.crossRules)
            var findings: [Finding] = []
            for corpus in corpora {
                do {
                    findings += try cross.check(corpus, options: options)
                } catch {
                    return .failed(InputError(error.description, file: path))
                }
            }
            guard let file = corpora.first?.texts.first?.file else {
                return .failed(InputError("no text to check", file: path))
            }
            return .checked(file, findings)
        } catch {
            return .failed(error)
        }
    }
}

extension CheckReport {
    /// Adds the cross-language findings of `files` read as versions of one text
    /// (`glossary check --parallel`, or a configuration's parallel set with its `languages`) and
    /// returns the alignment's notes for the caller to print.
    @discardableResult
    package mutating func addParallelFindings(
        files: [String], languages: [LanguageTag?]? = nil, checker: GlossaryChecker, options: CheckOptions
    ) throws(InputError) -> [String] {
        try addParallelFindings(
            ParallelGroup(files: files, languages: languages ?? files.map { _ in nil }, origin: .explicit),
            checker: checker, options: options, order: files)
    }
}
