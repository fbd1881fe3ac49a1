/// The grammatical shape of a term, as TBX's `termType` names it.
public enum TermType: String, CaseIterable, Sendable {
    case fullForm = "full-form"
    case acronym
    case abbreviation
    case shortForm = "short-form"
    case variant
    case phrase

    /// Acronyms and abbreviations are matched as written: case-sensitive, no inflection beyond a
    /// hyphenated clitic (`ILO-nya`, `TKI-na`).
    public var isAbbreviated: Bool { self == .acronym || self == .abbreviation }
}
