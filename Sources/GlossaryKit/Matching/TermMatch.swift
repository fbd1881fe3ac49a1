/// An occurrence of a glossary term in a text.
public struct TermMatch: Sendable, Hashable {
    /// The words of the text that make up the occurrence (indices into `TokenizedText.tokens`).
    public var tokens: Range<Int>
    /// The bytes of the occurrence in the source text.
    public var bytes: Range<Int>
    /// The term recognised (in the paragraph's language when the glossary has one there).
    public var term: TermReference
    /// Every term with this normalised form that the occurrence could be (other languages, …).
    public var alternatives: [TermReference]
    /// What differed between the text and the term, per word; empty when it matched as written.
    public var phenomena: [Phenomenon]
    /// How it matched, for findings: `'kerja' + -nya`.
    public var explanation: String
    /// Whether the term is case-sensitive and the text writes it in another case.
    public var caseMismatch: Bool
    /// Text after the term that belongs to the word (a clitic, a plural ending), kept by fixes.
    public var suffix: String
    /// The language of the paragraph, when known.
    public var paragraphLanguage: LanguageTag?

    /// Whether the text wrote the term exactly (up to case and Unicode normalisation).
    public var isVerbatim: Bool { phenomena.allSatisfy { $0 == .identity } }
}
