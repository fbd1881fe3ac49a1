/// Knows how words of one language inflect, so that a glossary term is recognised in its
/// inflected forms and nothing else.
///
/// An analyzer is used twice: when the glossary is compiled (`foldsAccentsByDefault` chooses the
/// key of the language's terms) and when a text is scanned (`analyses(of:at:)` proposes base forms
/// for each word). Proposals are only hypotheses: the matcher accepts one only when the glossary
/// has that base form, and only when the term allows the phenomenon (acronyms take only a
/// hyphenated clitic; `match: exact` takes none).
public protocol LanguageAnalyzer: Sendable {
    /// The language analysed.
    var language: LanguageTag { get }
    /// Whether é and e are the same letter for this language's terms unless a term says otherwise.
    var foldsAccentsByDefault: Bool { get }
    /// Function words, for paragraph language detection.
    var stopwords: Set<String> { get }
    /// Readings of the word at `index` other than the word as written (which the matcher always
    /// tries). May cover following tokens joined by hyphens.
    func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis]
}

/// An analyzer that can read words one at a time, which the matcher needs to analyse each
/// distinct word of a text once and reuse the result for every occurrence.
public protocol WordFormAnalyzer: LanguageAnalyzer {
    /// Readings of one word on its own (no hyphen groups), other than the word itself.
    func analyses(ofWord word: String) -> [WordAnalysis]
    /// Clitics accepted after a hyphen (`nya` in `ILO-nya`).
    var hyphenatedClitics: Set<String> { get }
    /// Whether `X-X` reads as `X`.
    var readsReduplication: Bool { get }
    /// Other spellings of a word (for reduplicated words spelt otherwise).
    func spellingVariants(of word: String) -> [String]
}
