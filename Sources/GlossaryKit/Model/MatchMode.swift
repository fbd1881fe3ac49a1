/// How freely a term may be recognised in running text.
public enum MatchMode: String, CaseIterable, Sendable {
    /// Only the normalised form as written (case and accent folding still apply).
    case exact
    /// The written form plus what the language's analyzer allows: clitics, reduplication,
    /// plurals, spelling families. The default.
    case inflected
    /// The last word of the term may be the start of a longer word (`migra` → `migran`).
    case prefix
}
