/// The one path every finding of a check takes from the rules to the caller: a rule the user
/// switched off is not run, the others' findings get the user's severity, a finding that a more
/// specific rule's finding supersedes is dropped, and the findings are put in order.
///
/// Monolingual checks, streamed files, bilingual files, language sections and parallel files
/// all collect their findings here, so no rule is known by name outside `Rules/`: which rule
/// supersedes which is each rule's own declaration (`RuleDescription.supersedes`).
struct FindingCollector: Sendable {
    /// The user's setting per rule id: off, or a severity for its findings.
    let settings: [String: RuleSetting]
    /// The position of each monolingual rule in the checker's list: findings at one place
    /// follow it.
    private let ruleOrder: [String: Int]
    /// For each rule that declares some, the ids of the rules its findings supersede.
    private let supersedes: [String: [String]]

    init(rules: [any Rule], crossRules: [any CrossLanguageRule], settings: [String: RuleSetting]) {
        self.settings = settings
        ruleOrder = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var supersedes: [String: [String]] = [:]
        for rule in rules where !type(of: rule).description.supersedes.isEmpty {
            supersedes[rule.id] = type(of: rule).description.supersedes
        }
        for rule in crossRules where !type(of: rule).description.supersedes.isEmpty {
            supersedes[rule.id] = type(of: rule).description.supersedes
        }
        self.supersedes = supersedes
    }

    /// Whether the rule `id` runs at all.
    func runs(_ id: String) -> Bool {
        if settings[id] == .off { return false }
        return true
    }

    /// Appends `found`, the findings of rule `id`, to `findings` at the user's severity.
    func add(_ found: [Finding], of id: String, to findings: inout [Finding]) {
        guard case let .severity(severity) = settings[id] else {
            findings += found
            return
        }
        for var finding in found {
            finding.severity = severity
            findings.append(finding)
        }
    }

    /// Puts the findings of one text in text order: by position, then by the rules' order.
    ///
    /// Sorted in place, not copied (a streamed file may have very many).
    func sortInTextOrder(_ findings: inout [Finding]) {
        let order = ruleOrder
        findings.sort {
            ($0.byteRange.lowerBound, order[$0.rule] ?? 0) < ($1.byteRange.lowerBound, order[$1.rule] ?? 0)
        }
    }

    /// `new` without the findings that a finding of `new` or `earlier` supersedes: one of a rule
    /// that another finding's rule names in its `supersedes`, at the same file and bytes.
    ///
    /// - Complexity: O(*n* + *e*) in the findings.
    func removingSuperseded(from new: [Finding], earlier: [Finding]) -> [Finding] {
        guard !supersedes.isEmpty else { return new }
        struct Place: Hashable {
            var rule: String
            var file: String
            var bytes: Range<Int>
        }
        var superseded = Set<Place>()
        for finding in earlier + new {
            for rule in supersedes[finding.rule] ?? [] {
                superseded.insert(Place(rule: rule, file: finding.location.file, bytes: finding.byteRange))
            }
        }
        guard !superseded.isEmpty else { return new }
        return new.filter { !superseded.contains(Place(rule: $0.rule, file: $0.location.file, bytes: $0.byteRange)) }
    }

    /// Findings of several files (or of one file's two kinds of rules) in report order: by
    /// file (in `paths` order), then position, then rule id.
    static func ordered(_ findings: [Finding], paths: [String]) -> [Finding] {
        let fileOrder = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return findings.sorted {
            (fileOrder[$0.location.file] ?? 0, $0.byteRange.lowerBound, $0.rule) < (
                fileOrder[$1.location.file] ?? 0, $1.byteRange.lowerBound, $1.rule
            )
        }
    }
}
