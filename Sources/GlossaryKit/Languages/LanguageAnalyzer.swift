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
    /// How the language writes compounds (closed, hyphenated, open) and which hyphenated prefixes
    /// make new words; none by default.
    var compoundRules: CompoundRules { get }
    /// Words of this language that a term of another language writes alike with another
    /// meaning (Indonesian *budak*, a slave; Sundanese *budak*, a child): in a paragraph that is
    /// certainly in this language they are this language's words, not that term. None by
    /// default.
    var falseFriends: Set<String> { get }
    /// Readings of the word at `index` other than the word as written (which the matcher always
    /// tries). May cover following tokens joined by hyphens.
    func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis]
}

/// An analyzer that can also read a word on its own, which lets the matcher analyse each distinct
/// word of a text once and reuse the result for every occurrence.
public protocol WordFormAnalyzer: LanguageAnalyzer {
    /// Readings of one word on its own (token count 1), other than the word itself: exactly the
    /// one-word readings `analyses(of:at:)` gives for that word when the next word follows after
    /// a gap it does not read across (see `readsAcross(gap:)`).
    func analyses(ofWord word: String) -> [WordAnalysis]

    /// Whether `analyses(of:at:)` may read a word otherwise when the next word follows after
    /// `gap` (a gap signature, as `Token.gapBefore` gives it: `"-"`, `"'"`, `", "`) than
    /// `analyses(ofWord:)` reads it on its own. The matcher analyses a word in its context only
    /// after such a gap; after any other it uses the word's own readings, computed once per
    /// distinct word. The default, every gap, is always right, and slow. Across a plain space
    /// (`" "`) the matcher asks only where the same word follows: reading across it may give a
    /// reduplication written without a hyphen (*pekerja pekerja*), and nothing else.
    func readsAcross(gap: String) -> Bool

    /// Whether the word at `index` is only the first half of one word made with the next (a
    /// reduplication with a derivational ending: *kapal-kapalan*, *LSM-LSMan*), so that it is no
    /// term's word on its own. The matcher asks only where `readsAcross(gap:)` is true. The
    /// default: never.
    func bindsToNext(_ tokens: [Token], at index: Int) -> Bool
}

extension LanguageAnalyzer {
    /// No compound rules: every term as written.
    public var compoundRules: CompoundRules { .none }

    /// No false friends: another language's terms are found in this language's text.
    public var falseFriends: Set<String> { [] }
}

extension WordFormAnalyzer {
    /// Reads across every gap: words joined by any punctuation may form one term.
    public func readsAcross(gap: String) -> Bool { true }

    /// Never binds: every word may be a term's word on its own.
    public func bindsToNext(_ tokens: [Token], at index: Int) -> Bool { false }
}
