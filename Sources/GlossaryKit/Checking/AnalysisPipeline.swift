/// Runs a text through the stages of the pipeline, one chunk at a time: chunking and masking
/// (`TextChunker`), scanning (`Tokenizer`), language detection (`LanguageDetector`), matching
/// (`TermMatcher`) and placing the matches (`MatchPlacement`).
///
/// Each chunk comes out as an analysed document without source, whose matches carry their
/// written text, positions and look-behind; nothing else of the chunk outlives it. The checker
/// collects the chunks into one document or hands them to the rules as they come; the section
/// aligner takes their paragraphs.
struct AnalysisPipeline {
    let compiled: CompiledGlossary
    let matcher: TermMatcher
    let detector: LanguageDetector

    init(compiled: CompiledGlossary, matcher: TermMatcher) {
        self.compiled = compiled
        self.matcher = matcher
        detector = LanguageDetector(languages: compiled.tables.detectorLanguages)
    }

    /// How many distinct unknown words the reading cache of one text holds before it starts
    /// afresh (at a chunk boundary; the readings are recomputed, the results do not change).
    static let unknownWordLimit = 1 << 19

    /// Runs `bytes`, the text `path` whose content starts at `contentStart`, through the
    /// pipeline and hands each chunk's paragraphs (and matches, when `matching`) to `body`.
    ///
    /// The language is `options.language` if given, else the one the file name declares, else
    /// detected per paragraph. `passed(offset)` is called with offsets the pipeline will not read
    /// below again (except for the few bytes before a match that its `LookBehind` reads), so that
    /// a mapped file's pages can be given back.
    ///
    /// - Parameter matching: false stops after language detection: the chunks have paragraphs
    ///   and no matches.
    /// - Throws: `TextError.invalidUTF8` at the first bad byte (line and offset in the whole
    ///   text); chunks before it have been given to `body` by then.
    /// - Complexity: O(*n*) in the text's length.
    func run(
        path: String, bytes: UnsafeBufferPointer<UInt8>, contentStart: Int, options: CheckOptions, matching: Bool = true,
        unknownWordLimit: Int = AnalysisPipeline.unknownWordLimit, passed: (Int) -> Void = { _ in },
        body: (AnalyzedDocument) -> Void
    ) throws(TextError) {
        // A session of the runner's worker carries the scanning state over from earlier texts.
        let session =
            options.session.flatMap { $0.compiled === compiled && $0.referencePath == options.referencePath ? $0 : nil }
            ?? ScanSession(compiled: compiled, referencePath: options.referencePath)
        try session.use { (tokenizer, unknownWords, cache) throws(TextError) in
            var chunker = TextChunker(
                path: path, bytes: bytes, contentStart: contentStart, size: options.chunkSize,
                markdown: (options.markup ?? Tokenizer.Markup(path: path)) == .markdown, passed: passed)
            let declared = options.language ?? LanguageDetector.language(fromPath: path, known: compiled.languages)
            var previousLanguage: LanguageTag?
            var wordBase = 0
            while let chunk = try chunker.next() {
                let text = try tokenizer.scan(
                    chunk.source, chunk: chunk.masked, at: 0, words: compiled.tables.words, gaps: compiled.tables.gapLexicon,
                    unknownWords: unknownWords, wordFlags: compiled.tables.flags)
                // A text in one chunk is scanned again, alike, to align its language sections.
                if chunk.offset == 0, chunk.end == bytes.count { session.paragraphMatches?.keep(text, masked: chunk.masked) }
                let languages =
                    declared.map { tag in text.paragraphs.map { _ in DetectedLanguage.declared(tag) } }
                    ?? detector.paragraphLanguages(of: text, previous: previousLanguage)
                let (document, end) = analyze(
                    chunk, text: text, languages: languages, matching: matching, wordBase: wordBase,
                    whole: bytes, contentStart: contentStart, cache: cache, reusing: session.paragraphMatches)
                body(document)
                previousLanguage = languages.last?.language ?? previousLanguage
                wordBase += text.words.count
                chunker.finish(chunk, endingAt: end)
                passed(chunk.end)
                // The distinct unknown words only serve as a cache of their readings: a text of
                // endless new words (names, numbers, noise) would otherwise grow it without bound.
                if unknownWords.count > unknownWordLimit {
                    tokenizer.forgetWords()
                    unknownWords = ByteLexicon()
                    cache = WordReadingCache(compiled: compiled, unknownWords: unknownWords)
                }
            }
        }
    }

    /// The analysed document of one scanned chunk, whose paragraphs are in `languages`, and the
    /// line and column just past the chunk. A paragraph of uncertain language is matched against
    /// every language's terms (`TermMatcher.Session.forEachMatch`). A paragraph whose matches
    /// `paragraphMatches` holds is not matched again (`ParagraphMatchCache`).
    private func analyze(
        _ chunk: TextChunker.Chunk, text: ScannedText, languages: [DetectedLanguage], matching: Bool, wordBase: Int,
        whole: UnsafeBufferPointer<UInt8>, contentStart: Int, cache: WordReadingCache,
        reusing paragraphMatches: ParagraphMatchCache?
    ) -> (AnalyzedDocument, end: TextPosition) {
        var placement = MatchPlacement(
            chunk: chunk.source, at: chunk.offset, position: chunk.position, wordBase: wordBase, in: whole,
            contentStart: contentStart)
        var session = TermMatcher.Session(matcher: matcher, text: text, cache: cache)
        var paragraphs: [AnalyzedDocument.Paragraph] = []
        var matches: [TermMatch] = []
        var outOfLanguage: [Int] = []
        let offset = chunk.offset
        let end = chunk.source.bytes.withUnsafeBufferPointer { local in
            for (paragraph, detected) in zip(text.paragraphs, languages) {
                if matching {
                    func add(_ match: TermMatch, isInLanguage: Bool) {
                        var match = match
                        placement.place(&match, in: local)
                        if !isInLanguage { outOfLanguage.append(matches.count) }
                        matches.append(match)
                    }
                    if let paragraphMatches {
                        paragraphMatches.forEachMatch(
                            in: paragraph, of: text, language: detected.language, isUncertain: detected.isUncertain,
                            session: &session, add)
                    } else {
                        session.forEachMatch(
                            in: paragraph, language: detected.language, isUncertain: detected.isUncertain, add)
                    }
                }
                paragraphs.append(
                    AnalyzedDocument.Paragraph(
                        bytes: (Int(text.words[paragraph.lowerBound].start) + offset)..<(Int(
                            text.words[paragraph.upperBound - 1].end) + offset),
                        words: (paragraph.lowerBound + wordBase)..<(paragraph.upperBound + wordBase),
                        language: detected.language, languageIsUncertain: detected.isUncertain))
            }
            return placement.endPosition(in: local)
        }
        let document = AnalyzedDocument(
            path: chunk.source.path, paragraphs: paragraphs, matches: matches, outOfLanguage: outOfLanguage,
            glossary: compiled.glossary)
        return (document, end)
    }
}
