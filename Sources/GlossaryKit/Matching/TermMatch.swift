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
    /// The text as written at `bytes`. This and the fields below are filled in by
    /// `GlossaryChecker` while the text's bytes are at hand, so that rules and findings never
    /// need the text again (a long file is checked without holding it).
    public var written: String = ""
    /// Where `bytes` starts and ends (1-based line, column in Unicode scalars).
    public var start = TextPosition.unknown
    public var end = TextPosition.unknown
    /// Whether the occurrence begins a sentence (see `SentenceStart`).
    public var startsSentence = false
    /// The bytes just before the occurrence, as far as `InconsistentTermRule` looks for a gloss.
    public var lead = GlossLead.none
    /// The status of `term` when the matcher found it (nil for a match made otherwise): read
    /// from the compiled entry the matcher holds anyway, it spares a rule a look-up in the
    /// glossary model for every match.
    var termStatus: TermStatus?

    /// Whether the text wrote the term exactly (up to case and Unicode normalisation).
    public var isVerbatim: Bool { phenomena.allSatisfy { $0 == .identity } }
}

/// A 1-based line and column (columns count Unicode scalars) in a text.
public struct TextPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of a match that was not made by `GlossaryChecker` (line 0).
    public static let unknown = TextPosition(line: 0, column: 0)

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// What separates an occurrence from the text before it, up to 12 bytes back: enough to tell
/// whether it glosses the term just before it (`perdagangan tenaga kerja (*labour trafficking*)`).
public struct GlossLead: Sendable, Hashable {
    /// How many bytes right before the occurrence (at most `InconsistentTermRule.glossReach`) are
    /// ones a gloss may be set off with: blanks, line breaks, `(`, emphasis, quotes, `:`, `,` and
    /// non-ASCII bytes.
    public var separators: UInt8
    /// How far back the nearest `(` among those bytes is (1 = just before), 0 when none.
    public var parenthesis: UInt8

    public init(separators: UInt8, parenthesis: UInt8) {
        self.separators = separators
        self.parenthesis = parenthesis
    }

    public static let none = GlossLead(separators: 0, parenthesis: 0)
}
