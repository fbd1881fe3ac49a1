import Foundation
import Testing

@testable import GlossaryKit

/// One problem, one finding: findings that a more specific finding on the same words supersedes
/// are folded into it (`Finding.folded`), through checks, suppressions, baselines, fixes and
/// reports.
@Suite("Folded findings")
struct FoldingTests {
    static func finding(_ rule: String, file: String = "a.md", at bytes: Range<Int>, fix: String? = nil) -> Finding {
        var finding = FindingCollectorTests.finding(rule, file: file, at: bytes)
        finding.fix = fix
        return finding
    }

    static let collector = FindingCollector(rules: Rules.all, crossRules: Rules.crossLanguage, settings: [:])

    /// "rule file bytes [folded rules]" for each finding.
    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule) \($0.location.file) \($0.byteRange) \($0.foldedRules)" }
    }

    @Test func theSupersededFindingAtTheSamePlaceBecomesANote() {
        var findings = [
            Self.finding("deprecated-term", at: 4..<9),
            Self.finding("inconsistent-term", at: 4..<9),
            // Not the same bytes, not the same file, not superseded: kept apart.
            Self.finding("inconsistent-term", at: 4..<10),
            Self.finding("inconsistent-term", file: "b.md", at: 4..<9),
            Self.finding("divergent-term", at: 4..<9),
            Self.finding("inconsistent-term", at: 20..<25),
        ]
        Self.collector.fold(&findings)
        #expect(
            Self.summary(findings) == [
                "deprecated-term a.md 4..<9 [\"inconsistent-term\"]",
                "inconsistent-term a.md 4..<10 []",
                "inconsistent-term b.md 4..<9 []",
                "divergent-term a.md 4..<9 []",
                "inconsistent-term a.md 20..<25 []",
            ])
        #expect(findings[0].folded.first?.message == "inconsistent-term")
    }

    @Test func whatAFoldedFindingSupersededStaysSupersededInWhateverOrder() {
        // deprecated-term supersedes inconsistent-term, which supersedes inconsistent-translation.
        let orders = [
            ["inconsistent-translation", "inconsistent-term", "deprecated-term"],
            ["deprecated-term", "inconsistent-translation", "inconsistent-term"],
            ["inconsistent-term", "deprecated-term", "inconsistent-translation"],
        ]
        for order in orders {
            var findings = order.map { Self.finding($0, at: 0..<3) }
            Self.collector.fold(&findings)
            #expect(findings.map(\.rule) == ["deprecated-term"], "\(order)")
            #expect(Set(findings.first?.foldedRules ?? []) == ["inconsistent-term", "inconsistent-translation"], "\(order)")
            // Folding again, or after merging the folded finding with more, changes nothing.
            var again = findings + [Self.finding("inconsistent-translation", at: 0..<3)]
            Self.collector.fold(&again)
            #expect(again.count == 1 && again[0].folded.count == 3, "\(order)")
        }
        // Without the rule that supersedes, nothing is folded.
        let silent = FindingCollector(rules: [TermCaseRule()], crossRules: [], settings: [:])
        var findings = orders[0].map { Self.finding($0, at: 0..<3) }
        silent.fold(&findings)
        #expect(findings.count == 3)
    }

    static let inconsistentDeprecated =
        "The International Labour Organization met.\n\nThe International Labor Organization met.\n"

    /// The findings of `text` in English with the example glossary, after suppressions.
    static func check(_ text: String, settings: [String: RuleSetting] = [:]) throws -> (findings: [Finding], suppressed: Int) {
        let (result, suppressed) = CheckRunner.check(
            .contents(path: "t.md", bytes: Array(text.utf8)), checker: TestSupport.exampleChecker,
            options: CheckOptions(language: .english, ruleSettings: settings))
        guard case let .checked(_, findings) = result else { throw InputError("not checked") }
        return (findings, suppressed)
    }

    @Test func aDeprecatedTermThatMakesItsConceptInconsistentIsOneFinding() throws {
        let (findings, _) = try Self.check(Self.inconsistentDeprecated)
        #expect(findings.map(\.rule) == ["deprecated-term"])
        #expect(findings.first?.foldedRules == ["inconsistent-term"])
        #expect(findings.first?.folded.first?.message.hasPrefix("concept 'ilo' is named in 2 ways") == true)
        // A baseline written before folding holds the deprecated-term finding's fingerprint: the
        // same as the folded finding's.
        let (alone, _) = try Self.check(Self.inconsistentDeprecated, settings: ["inconsistent-term": .off])
        #expect(alone.map(\.fingerprint) == findings.map(\.fingerprint))
        let baseline = Baseline(report: CheckReport(findings: alone, fileCount: 1), path: "baseline.json")
        #expect(baseline.filter(findings).known == 1)
    }

    @Test func suppressingTheKeptRuleSuppressesTheFindingAndAFoldedRuleJustItsNote() throws {
        let lines = Self.inconsistentDeprecated.split(separator: "\n", omittingEmptySubsequences: false)
        func with(_ directive: String) -> String {
            ([lines[0], "", Substring(directive)] + lines[2...]).joined(separator: "\n")
        }
        let primary = try Self.check(with("<!-- glossary-ignore deprecated-term -->"))
        #expect(primary.findings.isEmpty && primary.suppressed == 1)
        let folded = try Self.check(with("<!-- glossary-ignore inconsistent-term -->"))
        #expect(folded.findings.map(\.rule) == ["deprecated-term"])
        #expect(folded.findings.first?.folded.isEmpty == true && folded.suppressed == 1)
        let every = try Self.check(with("<!-- glossary-ignore -->"))
        #expect(every.findings.isEmpty && every.suppressed == 1)
        let other = try Self.check(with("<!-- glossary-ignore term-case -->"))
        #expect(other.findings.first?.foldedRules == ["inconsistent-term"] && other.suppressed == 0)
    }

    @Test func aFoldedFindingsFixAppliesWhenTheKeptOneHasNone() {
        let source = SourceText(path: "a.md", string: "0123456789")
        var kept = Self.finding("deprecated-term", at: 2..<5)
        kept.text = "234"
        kept.folded = [FoldedFinding(rule: "inconsistent-term", severity: .warning, message: "m", fix: "x")]
        #expect(Fixer.edits(for: [kept], in: source).map(\.rule) == ["inconsistent-term"])
        // The kept finding's own fix comes first, as deprecated-term's does among separate findings.
        kept.fix = "y"
        #expect(Fixer.edits(for: [kept], in: source).map { String(decoding: $0.replacement, as: UTF8.self) } == ["y"])
    }

    @Test func reportsShowTheFoldedFindings() throws {
        let (findings, _) = try Self.check(Self.inconsistentDeprecated)
        let report = CheckReport(findings: findings, fileCount: 1)
        let text = TextReporter.render(report)
        #expect(text.contains("\n  also: concept 'ilo' is named in 2 ways"), "\(text)")
        #expect(text.contains("[inconsistent-term]\n"), "\(text)")
        let github = GitHubReporter.render(report)
        #expect(github.contains("%0Aalso: concept 'ilo'"), "\(github)")
        let json = try JSONSerialization.jsonObject(with: Data(JSONReporter.render(report).utf8)) as? [String: Any]
        let first = (json?["findings"] as? [[String: Any]])?.first
        let folded = first?["folded"] as? [[String: Any]]
        #expect(folded?.map { $0["rule"] as? String } == ["inconsistent-term"])
        #expect(folded?.first?["severity"] as? String == "warning")
        let sarif = try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(report).utf8)) as? [String: Any]
        let result = ((sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first
        let properties = result?["properties"] as? [String: Any]
        #expect((properties?["folded"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["inconsistent-term"])
    }
}
