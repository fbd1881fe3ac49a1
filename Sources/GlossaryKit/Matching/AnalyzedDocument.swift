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
    /// unknown): the ones the monolingual rules judge. A term of another language (an English
    /// gloss in an Indonesian paragraph) is left to the cross-language rules.
    public let matchesInParagraphLanguage: [TermMatch]
    /// The glossary the text was matched against.
    public let glossary: Glossary

    /// A paragraph: a run of text between blank lines.
    public struct Paragraph: Sendable, Hashable {
        /// The bytes from the paragraph's first word to the end of its last word.
        public var bytes: Range<Int>
        /// The paragraph's words, as indices over the whole text (`TermMatch.tokens` uses them).
        public var words: Range<Int>
        /// The language the paragraph is written in, nil when unknown.
        public var language: LanguageTag?

        /// A paragraph over `bytes` of the text and `words` of its scan, in `language`.
        public init(bytes: Range<Int>, words: Range<Int>, language: LanguageTag?) {
            self.bytes = bytes
            self.words = words
            self.language = language
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
                }
            }
        }
        self.matches = matches
        self.glossary = glossary
        matchesInParagraphLanguage = Self.inParagraphLanguage(matches, glossary: glossary)
    }

    /// A document over part of a text that is not held: every match must carry its written
    /// text, positions and context (as `GlossaryChecker` makes them).
    public init(path: String, paragraphs: [Paragraph], matches: [TermMatch], glossary: Glossary) {
        precondition(!matches.contains { $0.start == .unknown }, "a document without its text needs positioned matches")
        self.init(
            path: path, paragraphs: paragraphs, matches: matches,
            inParagraphLanguage: Self.inParagraphLanguage(matches, glossary: glossary), glossary: glossary)
    }

    /// A document over part of a text that is not held, whose matches at the indices
    /// `outOfLanguage` (ascending) are of terms not in their paragraph's language: the matcher
    /// knows, so the glossary is not read again for every match.
    init(path: String, paragraphs: [Paragraph], matches: [TermMatch], outOfLanguage: [Int], glossary: Glossary) {
        var kept = matches
        if !outOfLanguage.isEmpty {
            kept = []
            kept.reserveCapacity(matches.count - outOfLanguage.count)
            var from = 0
            for index in outOfLanguage {
                kept += matches[from..<index]
                from = index + 1
            }
            kept += matches[from...]
        }
        self.init(path: path, paragraphs: paragraphs, matches: matches, inParagraphLanguage: kept, glossary: glossary)
    }

    private init(path: String, paragraphs: [Paragraph], matches: [TermMatch], inParagraphLanguage: [TermMatch], glossary: Glossary) {
        source = nil
        self.path = path
        self.paragraphs = paragraphs
        self.matches = matches
        matchesInParagraphLanguage = inParagraphLanguage
        self.glossary = glossary
    }

    /// The language of each paragraph, in order.
    public var paragraphLanguages: [LanguageTag?] { paragraphs.map(\.language) }

    /// The matches of `matches` that `matchesInParagraphLanguage` keeps; made once per
    /// document, as every monolingual rule reads them.
    ///
    /// - Complexity: O(*m*) in the matches; none is copied when all are kept.
    private static func inParagraphLanguage(_ matches: [TermMatch], glossary: Glossary) -> [TermMatch] {
        let concepts = glossary.concepts
        func isInLanguage(_ match: TermMatch) -> Bool {
            guard let language = match.paragraphLanguage else { return true }
            // The term's language alone, not a copy of the whole term: this runs for every match.
            let termLanguage = concepts[match.term.concept].terms[match.term.term].language
            return termLanguage.overlaps(language)
        }
        // Often every match is: then the array is shared, not copied.
        guard let first = matches.firstIndex(where: { !isInLanguage($0) }) else { return matches }
        return Array(matches[..<first]) + matches[(first + 1)...].filter(isInLanguage)
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
        Finding(at: match, path: path, glossary: glossary, rule: rule, severity: severity, message: message,
                suggestions: suggestions, fix: fix, note: note)
    }
}

extension Finding {
    /// A finding at `match` in the file `path`, from the position and text the match carries.
    public init(
        at match: TermMatch, path: String, glossary: Glossary, rule: String, severity: Severity, message: String,
        suggestions: [String] = [], fix: String? = nil, note: String? = nil
    ) {
        self.init(
            location: SourceLocation(file: path, line: match.start.line, column: match.start.column),
            endLocation: SourceLocation(file: path, line: match.end.line, column: match.end.column),
            byteRange: match.bytes, rule: rule, severity: severity,
            language: match.paragraphLanguage ?? glossary.concepts[match.term.concept].terms[match.term.term].language,
            concept: glossary.concepts[match.term.concept].id, text: match.written, message: message,
            suggestions: suggestions,
            matchExplanation: match.explanation.isEmpty ? nil : match.explanation,
            fix: fix, note: note)
    }
}
