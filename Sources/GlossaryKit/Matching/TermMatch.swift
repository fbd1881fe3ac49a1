/// An occurrence of a glossary term in a text.
public struct TermMatch: Sendable, Hashable {
    /// The words of the text that make up the occurrence (indices into the scanned words).
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
    /// Whether the paragraph's language is uncertain (`DetectedLanguage`): `paragraphLanguage` is
    /// then only the likeliest, the paragraph was matched against every language's terms, and
    /// the term may be of another language.
    public var paragraphLanguageIsUncertain = false
    /// The text as written at `bytes`. This and the fields below are filled in by the pipeline
    /// while the text's bytes are at hand, so that rules and findings never need the text
    /// again (a long file is checked without holding it).
    public var written: String = ""
    /// Where `bytes` starts and ends (1-based line, column in Unicode scalars).
    public var start = TextPosition.unknown
    /// Where `bytes` ends (1-based line, column in Unicode scalars).
    public var end = TextPosition.unknown
    /// What precedes the occurrence in its text: whether a sentence starts there, and the
    /// punctuation that sets it off (`LookBehind`), for the rules that ask.
    public var lookBehind = LookBehind.none
    /// What follows the occurrence in its text: whether a parenthesis or emphasis closes right
    /// after it (`LookAhead`), for the rules that ask.
    public var lookAhead = LookAhead.none
    /// The status of `term` when the matcher found it (nil for a match made otherwise): read
    /// from the compiled entry the matcher holds anyway, it spares a rule a look-up in the
    /// glossary model for every match.
    var termStatus: TermStatus?

    /// Whether the text wrote the term exactly (up to case and Unicode normalisation).
    public var isVerbatim: Bool { phenomena.allSatisfy { $0 == .identity } }
}

extension TermMatch {
    /// Whether the occurrence glosses the occurrence of concept `concept` that ends at byte `end`,
    /// in parentheses: `perdagangan tenaga kerja (*labour trafficking*)`. A gloss repeats the
    /// concept on purpose: it is neither a second name for it nor a second mention.
    public func isGloss(ofConcept concept: Int, endingAt end: Int) -> Bool {
        term.concept == concept && lookBehind.setsOffGloss(at: bytes.lowerBound, of: end)
    }
}
