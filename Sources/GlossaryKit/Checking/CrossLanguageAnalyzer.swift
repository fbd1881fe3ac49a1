/// Turns files into segmented texts and translation corpora into analysed ones, through the
/// same pipeline as the checker: the same scan, the same language detector, the same matcher.
///
/// One analyzer serves one compiled glossary and may be used from any thread (it creates a
/// tokenizer per call).
package struct CrossLanguageAnalyzer: Sendable {
    package let compiled: CompiledGlossary
    let matcher: TermMatcher

    package init(compiled: CompiledGlossary) {
        self.compiled = compiled
        matcher = TermMatcher(compiled)
    }

    package var glossary: Glossary { compiled.glossary }

    /// A plain-text or Markdown file as paragraphs, each with the language of its section.
    ///
    /// The paragraphs and their languages are the checker's: `language` if given, else the one
    /// the file name declares, else detected per paragraph by `LanguageDetector` (paragraphs it
    /// cannot decide on their own, a heading or a keyword line, go with their section). A
    /// paragraph of uncertain language in a language no section around it has (a one-line
    /// reply in another language) has none: it is an aside, not a section
    /// (`LanguageSections.sectionLanguages(of:)`).
    ///
    /// - Complexity: O(*n*) in the text's length.
    package func paragraphs(of source: SourceText, markup: Tokenizer.Markup? = nil, language: LanguageTag? = nil)
        throws(TextError) -> SegmentedText
    {
        try paragraphs(of: source, options: CheckOptions(language: language, markup: markup))
    }

    /// `paragraphs(of:markup:language:)` with the language, markup and chunk size of `options`,
    /// so that the paragraphs' languages are exactly the ones a check with `options` finds.
    func paragraphs(of source: SourceText, options: CheckOptions) throws(TextError) -> SegmentedText {
        var paragraphs: [AnalyzedDocument.Paragraph] = []
        try source.bytes.withUnsafeBufferPointer { bytes throws(TextError) in
            try AnalysisPipeline(compiled: compiled, matcher: matcher).run(
                path: source.path, bytes: bytes, contentStart: source.contentStart, options: options, matching: false
            ) { chunk in
                paragraphs += chunk.paragraphs
            }
        }
        return Self.paragraphs(of: source, paragraphs, markup: options.markup)
    }

    /// `source` segmented into `paragraphs`, as the pipeline found them: each segment runs from
    /// the paragraph's first word to the end of its last word's line (closing punctuation
    /// included), in the language of its section (`LanguageSections.sectionLanguages(of:)`:
    /// nil for a paragraph of uncertain language that belongs to no section of its own).
    ///
    /// - Complexity: O(*p*) in the paragraphs, plus the bytes after each paragraph's last word on
    ///   its line.
    static func paragraphs(of source: SourceText, _ paragraphs: [AnalyzedDocument.Paragraph], markup: Tokenizer.Markup?)
        -> SegmentedText
    {
        let bytes = source.bytes
        let languages = LanguageSections.sectionLanguages(of: paragraphs)
        var segments: [Segment] = []
        for (index, paragraph) in paragraphs.enumerated() {
            let lastWordEnd = paragraph.bytes.upperBound
            var end = lastWordEnd
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            while end > lastWordEnd && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            segments.append(
                Segment(id: "paragraph \(index + 1)", language: languages[index], bytes: paragraph.bytes.lowerBound..<end))
        }
        let markdown = (markup ?? Tokenizer.Markup(path: source.path)) == .markdown
        var segmented = SegmentedText(
            file: source, segments: segments, format: markdown ? "Markdown" : "plain text", markup: markup)
        segmented.directiveRanges = bytes.withUnsafeBufferPointer {
            Suppressions.directiveRanges(in: $0, contentStart: source.contentStart, markdown: markdown)
        }
        return segmented
    }

    /// Matches every segment of `segmented` in its language.
    ///
    /// The text is scanned once (Markdown by the file name for a plain file, plain for text
    /// extracted from a bilingual format) and each segment's words are matched in the segment's
    /// language; the result is an analysed document whose paragraphs are the segments.
    /// With a `session` (see `ScanSession`), the words are folded, looked up and read with the
    /// state it carries over from earlier texts, as the monolingual check does; the result is
    /// the same with or without one.
    ///
    /// - Complexity: O(*n*) in the text's length.
    package func analyze(_ segmented: SegmentedText, markup: Tokenizer.Markup? = nil, session: ScanSession? = nil)
        throws(TextError) -> AnalyzedText
    {
        let markup = segmented.fileOffsets == nil ? markup ?? Tokenizer.Markup(path: segmented.path) : .plain
        guard let session, session.compiled === compiled, !session.referencePath else {
            let unknownWords = ByteLexicon()
            return try analyze(
                segmented, markup: markup, tokenizer: Tokenizer(), unknownWords: unknownWords,
                cache: WordReadingCache(compiled: compiled, unknownWords: unknownWords))
        }
        return try session.use { (tokenizer, unknownWords, cache) throws(TextError) in
            let analyzed = try analyze(
                segmented, markup: markup, tokenizer: tokenizer, unknownWords: unknownWords, cache: cache,
                reusing: session.paragraphMatches)
            // As in `AnalysisPipeline.run`: the distinct unknown words are only a cache.
            if unknownWords.count > AnalysisPipeline.unknownWordLimit {
                tokenizer.forgetWords()
                unknownWords = ByteLexicon()
                cache = WordReadingCache(compiled: compiled, unknownWords: unknownWords)
            }
            return analyzed
        }
    }

    /// `analyze(_:markup:session:)` with the given scanning state, reusing the matches of the
    /// segments `paragraphMatches` holds (`ParagraphMatchCache`).
    private func analyze(
        _ segmented: SegmentedText, markup: Tokenizer.Markup, tokenizer: Tokenizer, unknownWords: ByteLexicon,
        cache: WordReadingCache, reusing paragraphMatches: ParagraphMatchCache? = nil
    ) throws(TextError) -> AnalyzedText {
        // The check that aligns a text's language sections has scanned it already.
        let scanned: ScannedText
        if let kept = paragraphMatches?.scan(of: segmented.text, markup: markup, unknownWords: unknownWords) {
            scanned = kept
        } else {
            scanned = try tokenizer.scan(
                segmented.text, markup: markup, words: compiled.tables.words, gaps: compiled.tables.gapLexicon,
                unknownWords: unknownWords, wordFlags: compiled.tables.flags)
        }
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
            var found: [TermMatch] = []
            if first < last, let paragraphMatches {
                paragraphMatches.forEachMatch(
                    in: first..<last, of: scanned, language: segment.language, isUncertain: false, session: &session
                ) { match, _ in found.append(match) }
            } else if first < last {
                found = session.matches(in: first..<last, language: segment.language)
            }
            segmentMatches.append(Array(matches.count..<matches.count + found.count))
            matches += found
            paragraphs.append(AnalyzedDocument.Paragraph(bytes: segment.bytes, words: first..<last, language: segment.language))
        }
        let document = AnalyzedDocument(source: segmented.text, paragraphs: paragraphs, matches: matches, glossary: glossary)
        return AnalyzedText(segmented: segmented, document: document, segmentMatches: segmentMatches)
    }

    /// Matches every text of `corpus`.
    package func analyze(_ corpus: TranslationCorpus, markup: Tokenizer.Markup? = nil, session: ScanSession? = nil)
        throws(TextError) -> AnalyzedCorpus
    {
        var texts: [AnalyzedText] = []
        for text in corpus.texts {
            texts.append(try analyze(text, markup: markup, session: session))
        }
        return AnalyzedCorpus(
            texts: texts, sets: corpus.sets, sourceLanguage: corpus.sourceLanguage, notes: corpus.notes, glossary: glossary)
    }
}
