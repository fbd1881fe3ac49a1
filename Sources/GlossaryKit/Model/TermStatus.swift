/// How a glossary wants a term to be used.
///
/// The four values follow ISO 704 / TBX usage: a *preferred* term is the approved one, an
/// *admitted* term may be used, a *deprecated* term should be replaced (a warning) and a
/// *forbidden* term must not appear (an error).
public enum TermStatus: String, CaseIterable, Sendable, Comparable {
    /// The approved term.
    case preferred
    /// An accepted alternative to the preferred term.
    case admitted
    /// A term to replace with the preferred one (a warning).
    case deprecated
    /// A term that must not appear (an error).
    case forbidden

    /// Whether a writer may use the term without a finding.
    public var isAcceptable: Bool { self == .preferred || self == .admitted }

    private var rank: Int {
        switch self {
        case .preferred: 0
        case .admitted: 1
        case .deprecated: 2
        case .forbidden: 3
        }
    }

    /// Orders from the most to the least acceptable.
    public static func < (lhs: TermStatus, rhs: TermStatus) -> Bool { lhs.rank < rhs.rank }
}
