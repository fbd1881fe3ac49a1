import Testing

@testable import GlossaryKit

/// The one path findings take: severities, supersession, order.
@Suite("Finding collector")
struct FindingCollectorTests {
    static func finding(_ rule: String, file: String = "a.md", at bytes: Range<Int>, severity: Severity = .warning) -> Finding {
        let location = GlossaryKit.SourceLocation(file: file, line: 1, column: bytes.lowerBound + 1)
        return Finding(
            location: location, endLocation: location, byteRange: bytes, rule: rule, severity: severity,
            language: nil, concept: nil, text: "", message: rule)
    }

    static let collector = FindingCollector(rules: Rules.all, crossRules: Rules.crossLanguage, settings: [:])

    @Test func aRuleSupersedesWhatItDeclaresAtTheSamePlaceOnly() {
        let earlier = [Self.finding("inconsistent-term", at: 4..<9)]
        let new = [
            Self.finding("inconsistent-translation", at: 4..<9),
            Self.finding("inconsistent-translation", at: 4..<10),
            Self.finding("inconsistent-translation", file: "b.md", at: 4..<9),
            Self.finding("term-count", at: 4..<9),
            Self.finding("untranslated-term", at: 20..<25),
            Self.finding("inconsistent-translation", at: 20..<25),
        ]
        let kept = Self.collector.removingSuperseded(from: new, earlier: earlier)
        #expect(
            kept.map { "\($0.rule) \($0.location.file) \($0.byteRange)" } == [
                "inconsistent-translation a.md 4..<10",
                "inconsistent-translation b.md 4..<9",
                "term-count a.md 4..<9",
                "untranslated-term a.md 20..<25",
            ])
        // Nothing supersedes without a rule that says so.
        let silent = FindingCollector(rules: [DeprecatedTermRule()], crossRules: [InconsistentTranslationRule()], settings: [:])
        #expect(silent.removingSuperseded(from: new, earlier: earlier).count == new.count)
    }

    @Test func everySupersededRuleExists() {
        let ids = Set(Rules.all.map(\.id) + Rules.crossLanguage.map(\.id))
        let declared =
            Rules.all.flatMap { type(of: $0).description.supersedes }
            + Rules.crossLanguage.flatMap { type(of: $0).description.supersedes }
        #expect(!declared.isEmpty)
        for id in declared { #expect(ids.contains(id), "\(id)") }
    }

    @Test func severitiesAreOverriddenOrSwitchOffARule() {
        let collector = FindingCollector(
            rules: Rules.all, crossRules: Rules.crossLanguage,
            settings: ["deprecated-term": .severity(.error), "term-case": .off])
        #expect(!collector.runs("term-case"))
        #expect(collector.runs("deprecated-term") && collector.runs("inconsistent-term"))
        var findings: [Finding] = []
        collector.add([Self.finding("deprecated-term", at: 0..<3)], of: "deprecated-term", to: &findings)
        collector.add([Self.finding("inconsistent-term", at: 0..<3, severity: .info)], of: "inconsistent-term", to: &findings)
        #expect(findings.map(\.severity) == [.error, .info])
    }

    @Test func findingsOfOneTextFollowPositionThenTheRulesOrder() {
        var findings = [
            Self.finding("term-case", at: 0..<3), Self.finding("deprecated-term", at: 5..<8),
            Self.finding("inconsistent-term", at: 0..<3), Self.finding("deprecated-term", at: 0..<3),
        ]
        Self.collector.sortInTextOrder(&findings)
        #expect(
            findings.map { "\($0.byteRange.lowerBound) \($0.rule)" } == [
                "0 deprecated-term", "0 inconsistent-term", "0 term-case", "5 deprecated-term",
            ])
    }
}
