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
    /// What the matcher read of `term` in its compiled entry (nil for a match made otherwise).
    ///
    /// The matcher holds the entry anyway; the rules that judge every match (deprecated and
    /// inconsistent terms) read these here rather than in the glossary model. A glossary from
    /// the cache decodes a concept when it is first read and keeps it: reading the term of
    /// every match there kept tens of thousands of concepts (over 20 MB) in memory by the end
    /// of a 100 MB text checked with 100,000 concepts, and cost three cache misses a match.
    var termFacts: TermFacts?

    /// The status of `term` when the matcher found it (`termFacts`); setting nil drops the facts.
    var termStatus: TermStatus? {
        get { termFacts?.status }
        set {
            if let newValue { termFacts?.status = newValue } else { termFacts = nil }
        }
    }

    /// What a match needs to know of its term for the rules that read every match.
    struct TermFacts: Sendable, Hashable {
        var status: TermStatus
        var language: LanguageTag
        /// Whether the term is an acronym or another abbreviation (`TermType.isAbbreviated`).
        var isAbbreviated: Bool
    }

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
