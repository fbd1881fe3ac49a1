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
        var paragraphs: [AnalyzedDocument.Paragraph] = []
        var matches: [TermMatch] = []
        try source.bytes.withUnsafeBufferPointer { bytes throws(TextError) in
            try analyzeChunks(path: source.path, bytes: bytes, contentStart: source.contentStart, options: options) { chunk in
                paragraphs += chunk.paragraphs
                matches += chunk.matches
            }
        }
        return AnalyzedDocument(source: source, paragraphs: paragraphs, matches: matches, glossary: glossary)
    }

    /// Scans `bytes` chunk by chunk and hands each chunk's paragraphs and matches to `body`, as
    /// a document without source whose matches carry their written text and absolute positions.
    ///
    /// Every chunk is copied, validated as UTF-8, masked and scanned on its own; nothing of it
    /// but the paragraphs and matches given to `body` outlives it. Whether the bytes are an
    /// array or a mapped file, the chunks, and so the results, are the same. `passed(offset)` is
    /// called with offsets the scan will not read below again (except for the few bytes before a
    /// match that `SentenceStart` and `InconsistentTermRule.glossLead` look at), so that a mapped
    /// file's pages can be given back.
    ///
    /// - Throws: `TextError.invalidUTF8` at the first bad byte (line and offset in the whole
    ///   text); chunks before it have been given to `body` by then.
    /// - Complexity: O(*n*) in the text's length.
    func analyzeChunks(
        path: String, bytes: UnsafeBufferPointer<UInt8>, contentStart: Int, options: CheckOptions,
        typeLimit: Int = GlossaryChecker.typeLimit, passed: (Int) -> Void = { _ in }, body: (AnalyzedDocument) -> Void
    ) throws(TextError) {
        // A session of the runner's worker carries the scanning state over from earlier texts.
        let session = options.session.flatMap { $0.compiled === compiled && $0.referencePath == options.referencePath ? $0 : nil }
            ?? ScanSession(compiled: compiled, referencePath: options.referencePath)
        try session.use { (tokenizer, types, cache) throws(TextError) in
            try analyzeChunks(
                path: path, bytes: bytes, contentStart: contentStart, options: options, typeLimit: typeLimit,
                tokenizer: tokenizer, types: &types, cache: &cache, passed: passed, body: body)
        }
    }

    private func analyzeChunks(
        path: String, bytes: UnsafeBufferPointer<UInt8>, contentStart: Int, options: CheckOptions, typeLimit: Int,
        tokenizer: Tokenizer, types: inout ByteLexicon, cache: inout WordReadingCache,
        passed: (Int) -> Void, body: (AnalyzedDocument) -> Void
    ) throws(TextError) {
        let markup = options.markup ?? Tokenizer.Markup(path: path)
        // Only the masked regions are computed for the whole text; each chunk is copied and
        // masked on its own, so a long text is never held twice.
        let maskedRanges = MarkdownMasker.maskedRanges(bytes, markdown: markup == .markdown, passed: passed)
        let declared = options.language
            ?? LanguageDetector.language(fromPath: path, known: compiled.languages)
        var previousLanguage: LanguageTag?
        var wordBase = 0
        var offset = contentStart
        var rangeIndex = 0
        // The line and column of `offset`.
        var position = TextPosition(line: 1, column: 1)
        while offset < bytes.count {
            let end = Self.chunkEnd(bytes, from: offset, size: options.chunkSize)
            let raw = Array(bytes[offset..<end])
            // The chunk as a text of its own: validated, with offsets from its first byte.
            let source: SourceText
            do {
                source = try SourceText(path: path, bytes: raw, allowsByteOrderMark: false)
            } catch {
                guard case let .invalidUTF8(line, byteOffset, byte) = error else { throw error }
                throw .invalidUTF8(line: position.line + line - 1, byteOffset: offset + byteOffset, byte: byte)
            }
            var chunk = raw
            while rangeIndex < maskedRanges.count && maskedRanges[rangeIndex].upperBound <= offset { rangeIndex += 1 }
            let relevant = maskedRanges[rangeIndex...].prefix { $0.lowerBound < end }
            if !relevant.isEmpty {
                MarkdownMasker.apply(relevant, to: &chunk, original: raw, offset: offset)
            }
            let text = try tokenizer.scan(
                source, chunk: chunk, at: 0, words: compiled.tables.words, gaps: compiled.tables.gapLexicon, types: types,
                wordFlags: compiled.tables.flags)
            let languages: [LanguageTag?] = declared.map { tag in text.paragraphs.map { _ in tag } }
                ?? detectLanguages(text, previous: previousLanguage)
            var cursor = PositionCursor(base: position)
            var session = TermMatcher.Session(matcher: matcher, text: text, cache: cache)
            var paragraphs: [AnalyzedDocument.Paragraph] = []
            var matches: [TermMatch] = []
            var outOfLanguage: [Int] = []
            raw.withUnsafeBufferPointer { local in
                for (paragraph, language) in zip(text.paragraphs, languages) {
                    session.forEachMatch(in: paragraph, language: language) { match, isInLanguage in
                        var match = match
                        let range = match.bytes
                        match.tokens = (match.tokens.lowerBound + wordBase)..<(match.tokens.upperBound + wordBase)
                        match.bytes = (range.lowerBound + offset)..<(range.upperBound + offset)
                        match.written = source.text(range)
                        match.start = cursor.position(of: range.lowerBound, in: local)
                        match.end = cursor.peek(range.upperBound, in: local)
                        // These look back past the chunk's start when the match is at its start.
                        match.startsSentence = SentenceStart.isSentenceStart(bytes, at: match.bytes.lowerBound, contentStart: contentStart)
                        match.lead = InconsistentTermRule.glossLead(bytes, before: match.bytes.lowerBound)
                        if !isInLanguage { outOfLanguage.append(matches.count) }
                        matches.append(match)
                    }
                    paragraphs.append(AnalyzedDocument.Paragraph(
                        bytes: (Int(text.words[paragraph.lowerBound].start) + offset)..<(Int(text.words[paragraph.upperBound - 1].end) + offset),
                        words: (paragraph.lowerBound + wordBase)..<(paragraph.upperBound + wordBase),
                        language: language))
                }
                position = cursor.position(of: raw.count, in: local)
            }
            body(AnalyzedDocument(path: path, paragraphs: paragraphs, matches: matches, outOfLanguage: outOfLanguage, glossary: glossary))
            previousLanguage = languages.last ?? previousLanguage
            wordBase += text.words.count
            passed(end)
            offset = end
            // The distinct unknown words only serve as a cache of their readings: a text of
            // endless new words (names, numbers, noise) would otherwise grow it without bound.
            if types.count > typeLimit {
                tokenizer.forgetWords()
                types = ByteLexicon()
                cache = WordReadingCache(compiled: compiled, types: types)
            }
        }
    }

    /// How many distinct unknown words the reading cache of one text holds before it starts
    /// afresh (at a chunk boundary; the readings are recomputed, the results do not change).
    static let typeLimit = 1 << 19

    /// Where the chunk that starts at `start` ends: at the first blank line after `size` bytes
    /// (so no paragraph, and no term, is cut), else at a line break, else at the end.
    static func chunkEnd(_ bytes: [UInt8], from start: Int, size: Int) -> Int {
        bytes.withUnsafeBufferPointer { chunkEnd($0, from: start, size: size) }
    }

    /// `chunkEnd` over a buffer.
    ///
    /// - Complexity: O(`size`): it reads at most four chunks and 256 bytes ahead.
    static func chunkEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, size: Int) -> Int {
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
        bytes.withUnsafeBufferPointer { endsWithShortParagraph($0, before: end, from: start) }
    }

    /// `endsWithShortParagraph` over a buffer.
    static func endsWithShortParagraph(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, from start: Int) -> Bool {
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

    /// Each paragraph's language, from the stopword bits the scan copied into each word's record
    /// from the compiled lexicon's flags; undecided
    /// paragraphs take their section's (`LanguageDetector.fillUndecided`, with `previous`, the
    /// previous chunk's last language, before the first; a short heading before a paragraph in a
    /// new language takes that language).
    private func detectLanguages(_ text: ScannedText, previous: LanguageTag?) -> [LanguageTag?] {
        let languages = compiled.tables.detectorLanguages
        guard !languages.isEmpty else { return text.paragraphs.map { _ in previous } }
        var decided: [LanguageTag?] = []
        var wordCounts: [Int] = []
        decided.reserveCapacity(text.paragraphs.count)
        wordCounts.reserveCapacity(text.paragraphs.count)
        var counts = [Int](repeating: 0, count: languages.count)
        let letter = WordKind.letter.rawValue
        precondition(text.hasLexiconFlags, "the text is scanned with the glossary's word flags")
        // The scan copied each word's stopword bits into its record. Whether a word is a
        // stopword is a coin toss in running text, so the words are counted without a
        // branch on it: with up to four languages, in four 16-bit lanes of one integer that
        // each word adds its bits to (emptied into `counts` before a lane can overflow);
        // beyond, every language's counter adds its bit.
        let languageCount = languages.count
        text.words.withUnsafeBufferPointer { words in
            counts.withUnsafeMutableBufferPointer { counts in
                for paragraph in text.paragraphs {
                    for index in 0..<languageCount { counts[index] = 0 }
                    var letters = 0
                    if languageCount <= 4 {
                        var lanes: UInt64 = 0
                        var inLanes = 0
                        for word in words[paragraph] {
                            letters &+= word.kind == letter ? 1 : 0
                            let bits = UInt64(word.lexiconFlags >> 1)
                            lanes &+= bits & 1 | (bits & 2) << 15 | (bits & 4) << 30 | (bits & 8) << 45
                            inLanes &+= 1
                            if inLanes == 0xFFFF {
                                Self.empty(&lanes, into: counts)
                                inLanes = 0
                            }
                        }
                        Self.empty(&lanes, into: counts)
                    } else {
                        for word in words[paragraph] {
                            letters &+= word.kind == letter ? 1 : 0
                            let bits = Int(word.lexiconFlags >> 1)
                            for index in 0..<languageCount { counts[index] &+= bits >> index & 1 }
                        }
                    }
                    decided.append(LanguageDetector.decide(languages: languages, counts: counts))
                    wordCounts.append(letters)
                }
            }
        }
        return LanguageDetector.fillUndecided(decided, wordCounts: wordCounts, previous: previous)
    }

    /// Adds the four 16-bit lanes of `lanes` to the first `counts` (as many as there are) and
    /// empties them.
    private static func empty(_ lanes: inout UInt64, into counts: UnsafeMutableBufferPointer<Int>) {
        for index in 0..<min(4, counts.count) { counts[index] &+= Int(lanes >> (16 * UInt64(index)) & 0xFFFF) }
        lanes = 0
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

    /// The findings of every rule on a mapped file, which is read chunk by chunk and never held
    /// whole: the same findings, positions and order as `check(_:options:)` on the same bytes.
    ///
    /// Each rule sees the file through its `Rule.accumulator(path:glossary:)`; the pages of the
    /// file are given back behind the scan, so memory grows with the matches and findings the
    /// rules keep, not with the file. A file that turns out to be language sections (see
    /// `maximumSectionSwitches`) is read whole for their alignment, which needs every section at
    /// once.
    ///
    /// - Throws: `TextError.invalidUTF8` at the file's first bad byte.
    /// - Complexity: O(*n*) in the file's length.
    public func check(_ file: MappedFile, options: CheckOptions = CheckOptions()) throws(TextError) -> [Finding] {
        var accumulators: [(rule: any Rule, override: Severity?, accumulator: any RuleAccumulator)] = []
        for rule in rules {
            let override = options.severities[rule.id]
            if case .some(.none) = override { continue }
            accumulators.append((rule, override ?? nil, rule.accumulator(path: file.path, glossary: glossary)))
        }
        var findings: [Finding] = []
        var sections = LanguageSections()
        func collect(_ found: [Finding], override: Severity?) {
            for var finding in found {
                if let override { finding.severity = override }
                findings.append(finding)
            }
        }
        var releaser = PageReleaser(file)
        try analyzeChunks(
            path: file.path, bytes: file.bytes, contentStart: file.contentStart, options: options,
            passed: { releaser.passed($0) }
        ) { chunk in
            sections.add(chunk.paragraphs.map(\.language))
            for index in accumulators.indices {
                collect(accumulators[index].accumulator.add(chunk), override: accumulators[index].override)
            }
        }
        file.releaseAll()
        for index in accumulators.indices {
            collect(accumulators[index].accumulator.finish(), override: accumulators[index].override)
        }
        let order = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        // Sorted in place (as stably as `findings(in:)` sorts), not copied.
        findings.sort {
            ($0.byteRange.lowerBound, order[$0.rule] ?? 0) < ($1.byteRange.lowerBound, order[$1.rule] ?? 0)
        }
        let monolingual = findings
        findings = []
        guard !crossRules.isEmpty, sections.areSections else { return monolingual }
        let source = try SourceText(path: file.path, bytes: Array(file.bytes))
        file.releaseAll()
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
        var sections = LanguageSections()
        sections.add(document.paragraphLanguages)
        return sections.areSections
    }

    /// Counts the language switches of a document's paragraphs, given in order and in parts.
    struct LanguageSections {
        private var switches = 0
        private var current: LanguageTag?
        private var languages: Set<LanguageTag> = []

        /// Takes the languages of the next paragraphs.
        mutating func add(_ paragraphLanguages: [LanguageTag?]) {
            guard switches <= maximumSectionSwitches else { return }
            for language in paragraphLanguages.compactMap({ $0 }) {
                languages.insert(language)
                if let current, current != language {
                    switches += 1
                    if switches > maximumSectionSwitches { return }
                }
                current = language
            }
        }

        /// Whether the paragraphs so far form between 2 and `maximumSectionSwitches` + 1
        /// language sections.
        var areSections: Bool { switches <= maximumSectionSwitches && languages.count >= 2 }
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
    /// The scanning state to carry over from earlier texts (`CheckRunner` gives each of its
    /// threads one); nil starts afresh.
    var session: ScanSession?
    /// Files of at least this many bytes are checked without reading them whole (see
    /// `GlossaryChecker.check(_:options:)` for a `MappedFile`); `Int.max` never streams. The
    /// findings are the same either way; `--fix` needs the text whole and turns streaming off.
    public var streamingThreshold: Int

    /// The default `streamingThreshold`: 32 MiB. Below it, holding the text costs little and
    /// keeps every feature on the one path; above it, memory would grow with the file.
    public static let defaultStreamingThreshold = 32 << 20

    public init(
        language: LanguageTag? = nil, markup: Tokenizer.Markup? = nil, severities: [String: Severity?] = [:],
        chunkSize: Int = 1 << 20, streamingThreshold: Int = CheckOptions.defaultStreamingThreshold
    ) {
        self.language = language
        self.markup = markup
        self.severities = severities
        self.chunkSize = chunkSize
        self.streamingThreshold = streamingThreshold
    }
}

/// Turns offsets in one chunk of a text into lines and columns of the whole text, walking
/// forward from the chunk's first byte, whose position is known.
///
/// The same counting as `SourceText.position(of:)`: a line break starts a new line at column 1,
/// every byte that is not a UTF-8 continuation byte starts a new column.
struct PositionCursor {
    private let base: TextPosition
    private var offset = 0
    private var current: TextPosition

    init(base: TextPosition) {
        self.base = base
        current = base
    }

    /// The position of byte `target` of `bytes`; moves the cursor there.
    ///
    /// - Complexity: O(distance from the previous position) forward, in vector code; going
    ///   back starts again from the chunk's first byte.
    mutating func position(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextPosition {
        if target < offset {
            offset = 0
            current = base
        }
        ByteSearch.advance(&current, in: bytes, from: offset, to: target)
        offset = target
        return current
    }

    /// The position of byte `target` without moving the cursor.
    func peek(_ target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextPosition {
        var copy = self
        return copy.position(of: target, in: bytes)
    }
}
