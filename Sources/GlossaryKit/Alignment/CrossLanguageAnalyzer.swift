/// Turns files into segmented texts and translation corpora into analysed ones.
///
/// One analyzer serves one compiled glossary and may be used from any thread (it creates a
/// tokenizer per call).
public struct CrossLanguageAnalyzer: Sendable {
    public let compiled: CompiledGlossary
    private let matcher: TermMatcher
    private let detector: LanguageDetector

    public init(compiled: CompiledGlossary) {
        self.compiled = compiled
        matcher = TermMatcher(compiled)
        detector = LanguageDetector(languages: compiled.languages, registry: compiled.registry)
    }

    public var glossary: Glossary { compiled.glossary }

    /// A plain-text or Markdown file as paragraphs, each with its language, and its words.
    ///
    /// The language is `language` if given, else the one the file name declares, else detected
    /// per paragraph by `LanguageDetector`. Paragraphs the detector cannot decide on their own (a
    /// heading, a keyword line) go with their section: a short paragraph just before a paragraph
    /// in a new language is that section's heading and takes the new language; any other takes
    /// the language before it.
    public func paragraphs(of source: SourceText, markup: Tokenizer.Markup? = nil, language: LanguageTag? = nil) throws(TextError) -> SegmentedText {
        let tokenizer = try Tokenizer()
        let tokenized = try tokenizer.tokenize(source, markup: markup ?? Tokenizer.Markup(path: source.path))
        let declared = language ?? LanguageDetector.language(fromPath: source.path, known: compiled.languages)
        let languages = declared.map { tag in tokenized.paragraphs.map { _ in tag } } ?? sectionLanguages(of: tokenized)
        var segments: [Segment] = []
        for (index, paragraph) in tokenized.paragraphs.enumerated() {
            // From the first word to the end of the last word's line (closing punctuation included).
            var end = tokenized.tokens[paragraph.upperBound - 1].end
            while end < source.bytes.count && source.bytes[end] != 0x0A && source.bytes[end] != 0x0D { end += 1 }
            while end > tokenized.tokens[paragraph.upperBound - 1].end && (source.bytes[end - 1] == 0x20 || source.bytes[end - 1] == 0x09) { end -= 1 }
            let bytes = tokenized.tokens[paragraph.lowerBound].start..<end
            segments.append(Segment(id: "paragraph \(index + 1)", language: languages[index], bytes: bytes))
        }
        let format = (markup ?? Tokenizer.Markup(path: source.path)) == .markdown ? "Markdown" : "plain text"
        return SegmentedText(file: source, segments: segments, format: format)
    }

    /// Each paragraph's language, with undecided paragraphs given to their section
    /// (`LanguageDetector.fillUndecided(_:wordCounts:previous:)`).
    ///
    /// - Complexity: O(*n*) in the number of words.
    func sectionLanguages(of text: TokenizedText) -> [LanguageTag?] {
        detector.detect(paragraphsOf: text)
    }

    /// Matches every segment of `segmented` in its language.
    ///
    /// The text is scanned once (Markdown by the file name for a plain file, plain for text
    /// extracted from a bilingual format) and each segment's words are matched in the segment's
    /// language; the result is an analysed document whose paragraphs are the segments.
    /// - Complexity: O(*n*) in the text's length.
    public func analyze(_ segmented: SegmentedText, markup: Tokenizer.Markup? = nil) throws(TextError) -> AnalyzedText {
        let markup = segmented.fileOffsets == nil ? markup ?? Tokenizer.Markup(path: segmented.path) : .plain
        let types = ByteLexicon()
        let scanned = try Tokenizer().scan(
            segmented.text, markup: markup, words: compiled.tables.words, gaps: compiled.tables.gapLexicon, types: types, wordFlags: compiled.tables.flags)
        let cache = WordReadingCache(compiled: compiled, types: types)
        let words = scanned.words
        var paragraphs: [AnalyzedDocument.Paragraph] = []
        var matches: [TermMatch] = []
        var segmentMatches: [[Int]] = []
        // Segments are in text order: one forward walk finds each one's words.
        var cursor = 0
        var session = TermMatcher.Session(matcher: matcher, text: scanned, cache: cache)
        for segment in segmented.segments {
            var first = cursor
            while first < words.count && Int(words[first].start) < segment.bytes.lowerBound { first += 1 }
            var last = first
            while last < words.count && Int(words[last].end) <= segment.bytes.upperBound { last += 1 }
            cursor = first
            let found = first < last ? session.matches(in: first..<last, language: segment.language) : []
            segmentMatches.append(Array(matches.count..<matches.count + found.count))
            matches += found
            paragraphs.append(AnalyzedDocument.Paragraph(bytes: segment.bytes, words: first..<last, language: segment.language))
        }
        let document = AnalyzedDocument(source: segmented.text, paragraphs: paragraphs, matches: matches, glossary: glossary)
        return AnalyzedText(segmented: segmented, document: document, segmentMatches: segmentMatches)
    }

    /// Matches every text of `corpus`.
    public func analyze(_ corpus: TranslationCorpus, markup: Tokenizer.Markup? = nil) throws(TextError) -> AnalyzedCorpus {
        var texts: [AnalyzedText] = []
        for text in corpus.texts {
            texts.append(try analyze(text, markup: markup))
        }
        return AnalyzedCorpus(texts: texts, sets: corpus.sets, sourceLanguage: corpus.sourceLanguage, notes: corpus.notes, glossary: glossary)
    }
}
