import Testing

@testable import GlossaryKit

/// Runs every lint rule's own examples: each `↓` must be the start of exactly one finding of that
/// rule, and the non-triggering examples must produce none.
@Suite("Lint rule examples")
struct LintRuleExampleTests {
    static let rules = GlossaryLinter.rules.map { type(of: $0).description }

    /// The places `rule`'s findings on `example` start at, and the places its marks stand for.
    static func findings(_ example: LintExample, rule: String) throws -> (
        found: [GlossaryKit.SourceLocation], marks: [GlossaryKit.SourceLocation]
    ) {
        let (files, marks) = try example.glossaries()
        let found = try GlossaryLinter().lint(files).filter { $0.rule == rule }.map(\.location)
        return (found.sorted(), marks.sorted())
    }

    @Test(arguments: rules.flatMap { rule in rule.triggeringExamples.map { (rule.id, $0) } })
    func triggers(rule: String, example: LintExample) throws {
        let (found, marks) = try Self.findings(example, rule: rule)
        #expect(!marks.isEmpty)
        #expect(found == marks, "\(example)")
    }

    @Test(arguments: rules.flatMap { rule in rule.nonTriggeringExamples.map { (rule.id, $0) } })
    func doesNotTrigger(rule: String, example: LintExample) throws {
        let (found, _) = try Self.findings(example, rule: rule)
        #expect(found.isEmpty, "\(example)")
    }

    @Test func everyRuleHasExamplesAndAUniqueID() {
        let ids = Self.rules.map(\.id) + [GlossaryLinter.invalidGlossaryRule.id]
        #expect(Set(ids).count == ids.count)
        for rule in Self.rules {
            #expect(!rule.triggeringExamples.isEmpty && !rule.nonTriggeringExamples.isEmpty, "\(rule.id)")
        }
    }

    /// A rule's examples stay out of SARIF help (a glossary file does not fit a line), as before
    /// lint rules had examples.
    @Test func reportsDoNotListGlossaryExamples() {
        for rule in Self.rules {
            #expect(rule.documentation.triggeringExamples.isEmpty && rule.documentation.nonTriggeringExamples.isEmpty)
        }
    }
}
