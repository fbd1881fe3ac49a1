/// What the pipeline makes of a text, and what the monolingual rules read: its paragraphs
/// with their languages, and the terms found in it (made by `AnalysisPipeline`, chunk by chunk).
///
/// It does not keep the text's words: a long text is scanned in chunks, and only the paragraphs
/// and the matches (a small fraction of the words) outlive each chunk. Every match carries its
/// written text and its line and column, so rules never read the text itself; a document
/// analysed from a file that is streamed (`GlossaryChecker.check(_:options:)` on a `MappedFile`) has no
/// `source` at all, and may hold only one chunk of the file.
public struct AnalyzedDocument: Sendable {
    /// The text, when it is held whole; nil for a chunk of a streamed file.
    public let source: SourceText?
    /// The name findings give (a path, or `<stdin>`).
    public let path: String
    /// The paragraphs, in text order.
    public let paragraphs: [Paragraph]
    /// Every term occurrence, in text order.
    public let matches: [TermMatch]
    /// Matches of terms in the language of their paragraph (or all, where the language is
    /// unknown; the likeliest language where it is uncertain): the ones the rules that compare
    /// matches judge (`inconsistent-term` counts each language's names of a concept). A term of
    /// another language (an English gloss in an Indonesian paragraph) is left to the
    /// cross-language rules.
    public let matchesInParagraphLanguage: [TermMatch]
    /// Matches of terms in a language their paragraph may be written in: those of
    /// `matchesInParagraphLanguage`, and on a paragraph whose language is uncertain
    /// (`TermMatch.paragraphLanguageIsUncertain`) those of every language. The rules that judge
    /// a match on its own read these (`deprecated-term`), so that a wrong guess of a short
    /// paragraph's language never silences them.
    public let matchesInPossibleLanguage: [TermMatch]
    /// The glossary the text was matched against.
    public let glossary: Glossary

    /// A paragraph: a run of text between blank lines.
    public struct Paragraph: Sendable, Hashable {
        /// The bytes from the paragraph's first word to the end of its last word.
        public var bytes: Range<Int>
        /// The paragraph's words, as indices over the whole text (`TermMatch.tokens` uses them).
        public var words: Range<Int>
        /// The language the paragraph is written in, nil when unknown; the likeliest one when
        /// `languageIsUncertain`.
        public var language: LanguageTag?
        /// Whether the detector's evidence leaves the language open (`DetectedLanguage`); a
        /// paragraph whose language was given is certain.
        public var languageIsUncertain: Bool

        /// A paragraph over `bytes` of the text and `words` of its scan, in `language`, and
        /// whether that language is uncertain (`DetectedLanguage`).
        public init(bytes: Range<Int>, words: Range<Int>, language: LanguageTag?, languageIsUncertain: Bool = false) {
            self.bytes = bytes
            self.words = words
            self.language = language
            self.languageIsUncertain = languageIsUncertain
        }
    }

    /// A document over a whole text. Matches whose position is unknown (made by `TermMatcher`
    /// directly) get their written text, positions and context from `source`.
    ///
    /// - Complexity: O(*m* log *l*) for *m* such matches in a text of *l* lines (see
    ///   `SourceText.position(of:)`).
    public init(source: SourceText, paragraphs: [Paragraph], matches: [TermMatch], glossary: Glossary) {
        self.source = source
        path = source.path
        self.paragraphs = paragraphs
        var matches = matches
        if matches.contains(where: { $0.start == .unknown }) {
            source.bytes.withUnsafeBufferPointer { bytes in
                for index in matches.indices where matches[index].start == .unknown {
                    let range = matches[index].bytes
                    matches[index].written = source.text(range)
                    let start = source.position(of: range.lowerBound)
                    let end = source.position(of: range.upperBound)
                    matches[index].start = TextPosition(line: start.line, column: start.column)
                    matches[index].end = TextPosition(line: end.line, column: end.column)
                    matches[index].lookBehind = LookBehind(bytes, at: range.lowerBound, contentStart: source.contentStart)
                    matches[index].lookAhead = LookAhead(bytes, at: range.upperBound)
                }
            }
        }
        self.matches = matches
        self.glossary = glossary
        (matchesInParagraphLanguage, matchesInPossibleLanguage) = Self.inParagraphLanguage(matches, glossary: glossary)
    }

    /// A document over part of a text that is not held: every match must carry its written
    /// text, positions and context (as `GlossaryChecker` makes them).
    public init(path: String, paragraphs: [Paragraph], matches: [TermMatch], glossary: Glossary) {
        precondition(!matches.contains { $0.start == .unknown }, "a document without its text needs positioned matches")
        let (inParagraphLanguage, inPossibleLanguage) = Self.inParagraphLanguage(matches, glossary: glossary)
        self.init(
            path: path, paragraphs: paragraphs, matches: matches,
            inParagraphLanguage: inParagraphLanguage, inPossibleLanguage: inPossibleLanguage, glossary: glossary)
    }

    /// A document over part of a text that is not held, whose matches at the indices
    /// `outOfLanguage` (ascending) are of terms not in their paragraph's language: the matcher
    /// knows, so the glossary is not read again for every match.
    init(path: String, paragraphs: [Paragraph], matches: [TermMatch], outOfLanguage: [Int], glossary: Glossary) {
        func removing(_ indices: some Collection<Int>) -> [TermMatch] {
            guard !indices.isEmpty else { return matches }
            var kept: [TermMatch] = []
            kept.reserveCapacity(matches.count - indices.count)
            var from = 0
            for index in indices {
                kept += matches[from..<index]
                from = index + 1
            }
            kept += matches[from...]
            return kept
        }
        let kept = removing(outOfLanguage)
        // Out of language on an uncertain paragraph is still possible.
        let impossible = outOfLanguage.filter { !matches[$0].paragraphLanguageIsUncertain }
        let possible = impossible.count == outOfLanguage.count ? kept : removing(impossible)
        self.init(
            path: path, paragraphs: paragraphs, matches: matches, inParagraphLanguage: kept, inPossibleLanguage: possible,
            glossary: glossary)
    }

    private init(
        path: String, paragraphs: [Paragraph], matches: [TermMatch], inParagraphLanguage: [TermMatch],
        inPossibleLanguage: [TermMatch],
        glossary: Glossary
    ) {
        source = nil
        self.path = path
        self.paragraphs = paragraphs
        self.matches = matches
        matchesInParagraphLanguage = inParagraphLanguage
        matchesInPossibleLanguage = inPossibleLanguage
        self.glossary = glossary
    }

    /// The language of each paragraph, in order.
    public var paragraphLanguages: [LanguageTag?] { paragraphs.map(\.language) }

    /// The matches of `matches` that `matchesInParagraphLanguage` and `matchesInPossibleLanguage`
    /// keep; made once per document, as every monolingual rule reads them.
    ///
    /// - Complexity: O(*m*) in the matches; none is copied when all are kept.
    private static func inParagraphLanguage(_ matches: [TermMatch], glossary: Glossary) -> (
        paragraph: [TermMatch], possible: [TermMatch]
    ) {
        let concepts = glossary.concepts
        func isInLanguage(_ match: TermMatch) -> Bool {
            guard let language = match.paragraphLanguage else { return true }
            // The term's language alone, not a copy of the whole term: this runs for every match.
            // The matcher's facts spare reading (and, from the cache, decoding) the concept.
            let termLanguage = match.termFacts?.language ?? concepts[match.term.concept].terms[match.term.term].language
            return termLanguage.overlaps(language)
        }
        // Often every match is: then the array is shared, not copied.
        guard let first = matches.firstIndex(where: { !isInLanguage($0) }) else { return (matches, matches) }
        let inLanguage = Array(matches[..<first]) + matches[(first + 1)...].filter(isInLanguage)
        let possible =
            matches.contains { !$0.paragraphLanguageIsUncertain && !isInLanguage($0) }
            ? matches.filter { $0.paragraphLanguageIsUncertain || isInLanguage($0) } : matches
        return (inLanguage, possible)
    }

    /// The text as written at a match.
    public func writtenText(of match: TermMatch) -> String {
        match.written
    }

    /// A finding located at `match`.
    public func finding(
        at match: TermMatch, rule: String, severity: Severity, message: String,
        suggestions: [String] = [], fix: String? = nil, note: String? = nil
    ) -> Finding {
        Finding(
            at: match, path: path, glossary: glossary, rule: rule, severity: severity, message: message,
            suggestions: suggestions, fix: fix, note: note)
    }
}

extension Finding {
    /// A finding at `match` in the file `path`, from the position and text the match carries.
    ///
    /// Its language is the paragraph's; on a paragraph whose language is uncertain
    /// (`TermMatch.paragraphLanguageIsUncertain`) it is the language of the term found, the
    /// finding says so (`languageIsUncertain`), and the message ends by naming that language.
    ///
    /// A match with Markdown markup inside (`Phenomenon.markup`, `*guest* worker`) carries
    /// `fix` only when the fix keeps that markup (`TermMatcher.keepsMarkup(of:in:)`, as
    /// `*TKI*-nya` → `*pekerja migran*nya` does): any other fix would drop or misplace it. A
    /// match left without a fix says so in its explanation.
    public init(
        at match: TermMatch, path: String, glossary: Glossary, rule: String, severity: Severity, message: String,
        suggestions: [String] = [], fix: String? = nil, note: String? = nil
    ) {
        let termLanguage = glossary.concepts[match.term.concept].terms[match.term.term].language
        let isUncertain = match.paragraphLanguageIsUncertain
        var fix = fix
        var explanation = match.explanation
        if match.phenomena.contains(.markup) {
            if let written = fix, !TermMatcher.keepsMarkup(of: match.written, in: written) { fix = nil }
            if fix == nil { explanation += " (no automatic fix across it)" }
        }
        self.init(
            location: SourceLocation(file: path, line: match.start.line, column: match.start.column),
            endLocation: SourceLocation(file: path, line: match.end.line, column: match.end.column),
            byteRange: match.bytes, rule: rule, severity: severity,
            language: isUncertain ? termLanguage : match.paragraphLanguage ?? termLanguage,
            concept: glossary.concepts[match.term.concept].id, text: match.written,
            message: isUncertain ? message + " (\(Self.uncertainLanguageNote(termLanguage)))" : message,
            suggestions: suggestions,
            matchExplanation: explanation.isEmpty ? nil : explanation,
            fix: fix, note: note)
        languageIsUncertain = isUncertain
    }

    /// What a finding on a paragraph of uncertain language adds to its message.
    static func uncertainLanguageNote(_ termLanguage: LanguageTag) -> String {
        "\(termLanguage) term; the language of this paragraph is uncertain"
    }
}
