/// A text with everything the rules need: its paragraphs with their languages, and the terms
/// found in it.
///
/// It does not keep the text's words: a long text is scanned in chunks, and only the paragraphs
/// and the matches (a small fraction of the words) outlive each chunk.
public struct AnalyzedDocument: Sendable {
    public let source: SourceText
    /// The paragraphs, in text order.
    public let paragraphs: [Paragraph]
    /// Every term occurrence, in text order.
    public let matches: [TermMatch]
    public let glossary: Glossary

    /// A paragraph: a run of text between blank lines.
    public struct Paragraph: Sendable, Hashable {
        /// The bytes from the paragraph's first word to the end of its last word.
        public var bytes: Range<Int>
        /// The paragraph's words, as indices over the whole text (`TermMatch.tokens` uses them).
        public var words: Range<Int>
        /// The language the paragraph is written in, nil when unknown.
        public var language: LanguageTag?

        public init(bytes: Range<Int>, words: Range<Int>, language: LanguageTag?) {
            self.bytes = bytes
            self.words = words
            self.language = language
        }
    }

    public init(source: SourceText, paragraphs: [Paragraph], matches: [TermMatch], glossary: Glossary) {
        self.source = source
        self.paragraphs = paragraphs
        self.matches = matches
        self.glossary = glossary
    }

    public var path: String { source.path }

    /// The language of each paragraph, in order.
    public var paragraphLanguages: [LanguageTag?] { paragraphs.map(\.language) }

    /// Matches of terms in the language of their paragraph (or all, where the language is
    /// unknown): the ones the monolingual rules judge. A term of another language (an English
    /// gloss in an Indonesian paragraph) is left to the cross-language rules.
    public var matchesInParagraphLanguage: [TermMatch] {
        matches.filter { match in
            guard let language = match.paragraphLanguage else { return true }
            let termLanguage = glossary[term: match.term].language
            return termLanguage.isWithin(language) || language.isWithin(termLanguage)
        }
    }

    /// The text as written at a match.
    public func writtenText(of match: TermMatch) -> String {
        source.text(match.bytes)
    }

    /// A finding located at `match`.
    public func finding(
        at match: TermMatch, rule: String, severity: Severity, message: String,
        suggestions: [String] = [], fix: String? = nil, note: String? = nil
    ) -> Finding {
        let start = source.position(of: match.bytes.lowerBound)
        let end = source.position(of: match.bytes.upperBound)
        let term = glossary[term: match.term]
        return Finding(
            location: SourceLocation(file: path, line: start.line, column: start.column),
            endLocation: SourceLocation(file: path, line: end.line, column: end.column),
            byteRange: match.bytes, rule: rule, severity: severity,
            language: match.paragraphLanguage ?? term.language,
            concept: glossary[concept: match.term].id, text: writtenText(of: match), message: message,
            suggestions: suggestions,
            matchExplanation: match.explanation.isEmpty ? nil : match.explanation,
            fix: fix, note: note)
    }
}
