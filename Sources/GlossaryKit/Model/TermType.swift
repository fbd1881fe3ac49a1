/// The grammatical shape of a term, as TBX's `termType` names it.
public enum TermType: String, CaseIterable, Sendable {
    /// The complete form, e.g. `International Labour Organization`.
    case fullForm = "full-form"
    /// An acronym, e.g. `ILO`.
    case acronym
    /// An abbreviation, e.g. `Dept.`.
    case abbreviation
    /// A shortened form of the full form.
    case shortForm = "short-form"
    /// A variant spelling or form.
    case variant
    /// A phrase rather than a single designation.
    case phrase

    /// Acronyms and abbreviations are matched as written: case-sensitive, no inflection beyond a
    /// hyphenated clitic (`ILO-nya`, `TKI-na`).
    public var isAbbreviated: Bool { self == .acronym || self == .abbreviation }
}
