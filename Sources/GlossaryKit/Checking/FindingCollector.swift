/// The one path every finding of a check takes from the rules to the caller: a rule the user
/// switched off is not run, the others' findings get the user's severity, a finding that a more
/// specific rule's finding supersedes at the same place is folded into it as a note
/// (`Finding.folded`), and the findings are put in order.
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

    /// The rules whose findings `finding` supersedes at its place: those its own rule declares
    /// and those of the rules folded into it (what they superseded stays superseded).
    private func supersededRules(by finding: Finding) -> [String] {
        var rules = supersedes[finding.rule] ?? []
        for folded in finding.folded { rules += supersedes[folded.rule] ?? [] }
        return rules
    }

    /// `new` without the findings that a finding of `new` or `earlier` supersedes: one of a rule
    /// that another finding's rule (or a rule folded into it) names in its `supersedes`, at the
    /// same file and bytes.
    ///
    /// For a caller that reports `new` apart from `earlier`; one that reports them together
    /// merges them and folds the superseded findings into the others instead (`fold(_:)`).
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
            for rule in supersededRules(by: finding) {
                superseded.insert(Place(rule: rule, file: finding.location.file, bytes: finding.byteRange))
            }
        }
        guard !superseded.isEmpty else { return new }
        return new.filter { !superseded.contains(Place(rule: $0.rule, file: $0.location.file, bytes: $0.byteRange)) }
    }

    /// Folds every finding that another finding at the same file and bytes supersedes into that
    /// one (`Finding.folded`): one problem, one finding.
    ///
    /// The findings must be in text order per file (as `sortInTextOrder(_:)` and `ordered(_:paths:)`
    /// leave them), so that the findings at one place are neighbours. The kept findings keep
    /// their order; a finding already holding folded ones supersedes what they did, so folding
    /// twice, or again after merging more findings, gives the same result.
    ///
    /// - Complexity: O(*n*) in the findings (the findings starting at one place are few); the
    ///   array is compacted in place, not copied.
    func fold(_ findings: inout [Finding]) {
        guard !supersedes.isEmpty, findings.count >= 2 else { return }
        var kept = 0
        var start = 0
        while start < findings.count {
            var end = start + 1
            while end < findings.count, findings[end].byteRange.lowerBound == findings[start].byteRange.lowerBound,
                findings[end].location.file == findings[start].location.file
            {
                end += 1
            }
            let folded = end - start >= 2 ? foldRun(&findings, start..<end) : []
            for index in start..<end where !folded.contains(index) {
                if kept != index { findings.swapAt(kept, index) }
                kept += 1
            }
            start = end
        }
        findings.removeLast(findings.count - kept)
    }

    /// Folds the findings of `run` (which start at one place) into each other; returns the
    /// indices of the ones folded away.
    private func foldRun(_ findings: inout [Finding], _ run: Range<Int>) -> Set<Int> {
        var foldedAway = Set<Int>()
        // Until nothing changes: a finding that takes another's folded findings may then
        // supersede one it did not before.
        var changed = true
        while changed {
            changed = false
            for folded in run where !foldedAway.contains(folded) {
                let rule = findings[folded].rule
                guard
                    let keeper = run.first(where: { index in
                        index != folded && !foldedAway.contains(index)
                            && findings[index].byteRange == findings[folded].byteRange
                            && supersededRules(by: findings[index]).contains(rule)
                    })
                else { continue }
                findings[keeper].folded.append(FoldedFinding(findings[folded]))
                findings[keeper].folded += findings[folded].folded
                foldedAway.insert(folded)
                changed = true
            }
        }
        return foldedAway
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
