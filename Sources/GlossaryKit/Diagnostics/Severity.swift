/// How serious a finding is. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    /// Worth knowing: a suggestion rather than a problem.
    case info
    /// Should be fixed: a deprecated term, an inconsistent one.
    case warning
    /// Must be fixed: a forbidden term.
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders by seriousness: `info` < `warning` < `error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
