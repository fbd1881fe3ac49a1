/// A text with everything the rules need: its words, each paragraph's language and the terms
/// found in it.
public struct AnalyzedDocument: Sendable {
    /// The words of the text (`TermMatch.tokens` index them).
    public let text: ScannedText
    /// The language of each paragraph (parallel to `text.paragraphs`), nil where unknown.
    public let paragraphLanguages: [LanguageTag?]
    /// Every term occurrence, in text order.
    public let matches: [TermMatch]
    public let glossary: Glossary

    public init(text: ScannedText, paragraphLanguages: [LanguageTag?], matches: [TermMatch], glossary: Glossary) {
        self.text = text
        self.paragraphLanguages = paragraphLanguages
        self.matches = matches
        self.glossary = glossary
    }

    public var source: SourceText { text.source }

    public var path: String { text.source.path }

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
        text.source.text(match.bytes)
    }

    /// A finding located at `match`.
    public func finding(
        at match: TermMatch, rule: String, severity: Severity, message: String,
        suggestions: [String] = [], fix: String? = nil, note: String? = nil
    ) -> Finding {
        let start = text.source.position(of: match.bytes.lowerBound)
        let end = text.source.position(of: match.bytes.upperBound)
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
