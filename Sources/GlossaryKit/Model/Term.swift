/// One designation of a concept in one language.
public struct Term: Hashable, Sendable {
    /// The term as it should be written, e.g. `labour trafficking`.
    public var text: String
    /// The language the term belongs to.
    public var language: LanguageTag
    /// How the glossary wants the term used: preferred, admitted, deprecated or forbidden.
    public var status: TermStatus
    /// The term's shape: a full form, an acronym, an abbreviation, …
    public var type: TermType
    /// Whether case distinguishes this term from other words. Acronyms default to `true`.
    public var isCaseSensitive: Bool
    /// Whether é and e count as the same letter for this term; `nil` uses the language's default
    /// (on for Sundanese, off elsewhere).
    public var foldsAccents: Bool?
    /// How the term is matched in a text: inflected forms, or exactly as written.
    public var matchMode: MatchMode
    /// Extra written forms that count as this term (irregular plurals, known misspellings).
    public var forms: [String]
    /// Whether the Sundanese plural infix -ar-/-al- may be applied (`pagawé` → `paragawé`).
    public var allowsPluralInfix: Bool
    /// Phrases in which the term does not name its concept (`maid of honour` for `maid`).
    public var exceptions: [TermException]
    /// A note for writers and translators.
    public var note: String?
    /// The part of speech, e.g. `noun`.
    public var partOfSpeech: String?
    /// An example sentence showing the term in use.
    public var context: String?
    /// Data kept for round trips.
    public var properties: [Property]
    /// Where the term was defined, for diagnostics.
    public var location: SourceLocation?

    /// A term `text` in `language`; the defaults make a preferred full form matched with its inflections.
    public init(
        text: String,
        language: LanguageTag,
        status: TermStatus = .preferred,
        type: TermType = .fullForm,
        isCaseSensitive: Bool? = nil,
        foldsAccents: Bool? = nil,
        matchMode: MatchMode = .inflected,
        forms: [String] = [],
        allowsPluralInfix: Bool = false,
        exceptions: [TermException] = [],
        note: String? = nil,
        partOfSpeech: String? = nil,
        context: String? = nil,
        properties: [Property] = [],
        location: SourceLocation? = nil
    ) {
        self.text = text
        self.language = language
        self.status = status
        self.type = type
        self.isCaseSensitive = isCaseSensitive ?? type.isAbbreviated
        self.foldsAccents = foldsAccents
        self.matchMode = matchMode
        self.forms = forms
        self.allowsPluralInfix = allowsPluralInfix
        self.exceptions = exceptions
        self.note = note
        self.partOfSpeech = partOfSpeech
        self.context = context
        self.properties = properties
        self.location = location
    }
}
