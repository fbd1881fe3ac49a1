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
    public convenience init(glossary: Glossary, rules: [any Rule] = Rules.all, crossRules: [any CrossLanguageRule] = Rules.crossLanguage, registry: AnalyzerRegistry = .standard) throws {
        self.init(compiled: try CompiledGlossary(glossary, registry: registry), rules: rules, crossRules: crossRules)
    }

    /// Creates a checker over an already compiled glossary.
    public init(compiled: CompiledGlossary, rules: [any Rule] = Rules.all, crossRules: [any CrossLanguageRule] = Rules.crossLanguage) {
        self.compiled = compiled
        self.rules = rules
        self.crossRules = crossRules
        matcher = TermMatcher(compiled)
        detector = LanguageDetector(languages: compiled.languages, registry: compiled.registry)
    }

    public var glossary: Glossary { compiled.glossary }

    /// Scans `source`, decides each paragraph's language and finds every term.
    ///
    /// The language is `options.language` if given, else the one the file name declares, else
    /// detected per paragraph. A long text is scanned in chunks of whole paragraphs (about
    /// `chunkSize` bytes each), so its words never all exist at once.
    ///
    /// - Complexity: O(*n*) in the text's length.
    public func analyze(_ source: SourceText, options: CheckOptions = CheckOptions()) throws(TextError) -> AnalyzedDocument {
        let tokenizer = try Tokenizer(referencePath: options.referencePath)
        let markup = options.markup ?? Tokenizer.Markup(path: source.path)
        // Only the masked regions are computed for the whole text; each chunk is copied and
        // masked on its own, so a long text is never held twice.
        let maskedRanges = MarkdownMasker.maskedRanges(source.bytes, markdown: markup == .markdown)
        let declared = options.language
            ?? LanguageDetector.language(fromPath: source.path, known: compiled.languages)
        let types = ByteLexicon()
        let cache = WordReadingCache(compiled: compiled, types: types)
        var paragraphs: [AnalyzedDocument.Paragraph] = []
        var matches: [TermMatch] = []
        var previousLanguage: LanguageTag?
        var wordBase = 0
        var offset = source.contentStart
        var rangeIndex = 0
        while offset < source.bytes.count {
            let end = Self.chunkEnd(source.bytes, from: offset, size: options.chunkSize)
            var chunk = Array(source.bytes[offset..<end])
            while rangeIndex < maskedRanges.count && maskedRanges[rangeIndex].upperBound <= offset { rangeIndex += 1 }
            let relevant = maskedRanges[rangeIndex...].prefix { $0.lowerBound < end }
            if !relevant.isEmpty {
                MarkdownMasker.apply(Array(relevant), to: &chunk, original: source.bytes[offset..<end], offset: offset)
            }
            let text = try tokenizer.scan(
                source, chunk: chunk, at: offset, words: compiled.words, gaps: compiled.gapLexicon, types: types)
            let languages: [LanguageTag?] = declared.map { tag in text.paragraphs.map { _ in tag } }
                ?? detectLanguages(text, previous: previousLanguage)
            for (paragraph, language) in zip(text.paragraphs, languages) {
                for var match in matcher.matches(in: text, range: paragraph, language: language, cache: cache) {
                    match.tokens = (match.tokens.lowerBound + wordBase)..<(match.tokens.upperBound + wordBase)
                    matches.append(match)
                }
                paragraphs.append(AnalyzedDocument.Paragraph(
                    bytes: Int(text.words[paragraph.lowerBound].start)..<Int(text.words[paragraph.upperBound - 1].end),
                    words: (paragraph.lowerBound + wordBase)..<(paragraph.upperBound + wordBase),
                    language: language))
            }
            previousLanguage = languages.last ?? previousLanguage
            wordBase += text.words.count
            offset = end
        }
        return AnalyzedDocument(source: source, paragraphs: paragraphs, matches: matches, glossary: glossary)
    }

    /// Where the chunk that starts at `start` ends: at the first blank line after `size` bytes
    /// (so no paragraph, and no term, is cut), else at a line break, else at the end.
    static func chunkEnd(_ bytes: [UInt8], from start: Int, size: Int) -> Int {
        guard bytes.count - start > size else { return bytes.count }
        var index = start + size
        let limit = min(bytes.count, start + size * 4)
        var newlineAt: Int?
        while index < limit {
            if bytes[index] == 0x0A {
                if let previous = newlineAt, bytes[(previous + 1)..<index].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }),
                   !endsWithShortParagraph(bytes, before: previous, from: start) {
                    return index + 1
                }
                newlineAt = index
            }
            index += 1
        }
        // A paragraph longer than four chunks: cut it at a line break (a term that crosses that
        // very line break is not found), or where the limit falls between two characters.
        if let newlineAt { return newlineAt + 1 }
        var cut = limit
        while cut < bytes.count && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
        while cut < bytes.count && bytes[cut] != 0x20 && bytes[cut] != 0x0A && cut < limit + 256 { cut += 1 }
        return cut
    }

    /// Whether the paragraph that ends at `end` (a line break) is short enough to be a section
    /// heading (at most `LanguageDetector.headingWordLimit` words, found within 160 bytes after
    /// a blank line or `start`). A chunk does not end after such a paragraph, so that the
    /// heading and the paragraph it introduces are detected together.
    static func endsWithShortParagraph(_ bytes: [UInt8], before end: Int, from start: Int) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var index = end
        var words = 0
        var inWord = false
        while index > start {
            let byte = bytes[index - 1]
            if byte == 0x0A {
                // A line that holds only white space before this one ends the paragraph.
                var back = index - 1
                while back > start, isSpace(bytes[back - 1]) { back -= 1 }
                if back == start || bytes[back - 1] == 0x0A { break }
            }
            let space = isSpace(byte) || byte == 0x0A
            if !space && !inWord { words += 1 }
            inWord = !space
            if words > LanguageDetector.headingWordLimit || end - index > 160 { return false }
            index -= 1
        }
        return words > 0
    }

    /// Each paragraph's language, from the stopword bits of the compiled lexicon; undecided
    /// paragraphs take their section's (`LanguageDetector.fillUndecided`, with `previous`, the
    /// previous chunk's last language, before the first; a short heading before a paragraph in a
    /// new language takes that language).
    private func detectLanguages(_ text: ScannedText, previous: LanguageTag?) -> [LanguageTag?] {
        let languages = compiled.detectorLanguages
        guard !languages.isEmpty else { return text.paragraphs.map { _ in previous } }
        let decided = text.paragraphs.map { paragraph -> LanguageTag? in
            var counts = [Int](repeating: 0, count: languages.count)
            for word in text.words[paragraph] where word.folded >= 0 {
                let bits = compiled.flags[Int(word.folded)] >> 16
                guard bits != 0 else { continue }
                for index in languages.indices where bits & (1 << UInt32(index)) != 0 { counts[index] += 1 }
            }
            return detector.decide(Array(zip(languages, counts)))
        }
        let wordCounts = text.paragraphs.map { paragraph in
            text.words[paragraph].reduce(0) { $0 + ($1.kind == WordKind.letter.rawValue ? 1 : 0) }
        }
        return LanguageDetector.fillUndecided(decided, wordCounts: wordCounts, previous: previous)
    }

    /// The findings of every rule on `source`, in text order.
    ///
    /// A document with sections in several languages (an abstract in Indonesian, English and
    /// Sundanese) also gets the cross-language rules' findings on its aligned sections.
    public func check(_ source: SourceText, options: CheckOptions = CheckOptions()) throws(TextError) -> [Finding] {
        let document = try analyze(source, options: options)
        let monolingual = findings(in: document, options: options)
        guard !crossRules.isEmpty, Self.hasLanguageSections(document) else { return monolingual }
        let cross = try CrossLanguageChecker(compiled: compiled, rules: rules, crossRules: crossRules)
            .sectionFindings(in: source, options: options, monolingual: monolingual)
        return cross.isEmpty ? monolingual : CrossLanguageChecker.ordered(monolingual + cross, paths: [source.path])
    }

    /// The most language switches a document may have and still be read as language sections
    /// that translate each other: a trilingual abstract has 2, a report with summaries in three
    /// languages a handful. A text that changes language every few paragraphs (a corpus, a
    /// glossary dump, a bilingual chat) is no set of versions, and aligning it would be noise.
    public static let maximumSectionSwitches = 24

    /// Whether `document` has between 2 and `maximumSectionSwitches` + 1 language sections.
    static func hasLanguageSections(_ document: AnalyzedDocument) -> Bool {
        var switches = 0
        var current: LanguageTag?
        var languages: Set<LanguageTag> = []
        for language in document.paragraphLanguages.compactMap({ $0 }) {
            languages.insert(language)
            if let current, current != language {
                switches += 1
                if switches > maximumSectionSwitches { return false }
            }
            current = language
        }
        return languages.count >= 2
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
    /// About how many bytes are scanned at a time (a chunk ends at a blank line).
    public var chunkSize: Int
    /// Split and fold every word with ICU instead of the fast paths: the reference the
    /// differential tests compare the fast paths with.
    var referencePath = false

    public init(
        language: LanguageTag? = nil, markup: Tokenizer.Markup? = nil, severities: [String: Severity?] = [:],
        chunkSize: Int = 1 << 20
    ) {
        self.language = language
        self.markup = markup
        self.severities = severities
        self.chunkSize = chunkSize
    }
}
