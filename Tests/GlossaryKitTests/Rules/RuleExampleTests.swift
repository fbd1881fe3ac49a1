import Testing

@testable import GlossaryKit

/// Runs every rule's own examples: each `↓` must be the start of exactly one finding of that
/// rule, and the non-triggering examples must produce none.
@Suite("Rule examples")
struct RuleExampleTests {
    static let rules = Rules.all.map { type(of: $0).description }

    @Test(arguments: rules.flatMap { rule in rule.triggeringExamples.map { (rule.id, $0) } })
    func triggers(rule: String, example: RuleExample) throws {
        var marks: [Int] = []
        var text = ""
        for character in example.text {
            if character == "↓" { marks.append(text.utf8.count) } else { text.append(character) }
        }
        let findings = try TestSupport.findings(text, language: example.language).filter { $0.rule == rule }
        #expect(findings.map(\.byteRange.lowerBound) == marks, "\(example)")
    }

    @Test(arguments: rules.flatMap { rule in rule.nonTriggeringExamples.map { (rule.id, $0) } })
    func doesNotTrigger(rule: String, example: RuleExample) throws {
        let findings = try TestSupport.findings(example.text, language: example.language).filter { $0.rule == rule }
        #expect(findings.isEmpty, "\(example): \(findings.map(\.message))")
    }

    @Test func everyRuleHasExamplesAndAUniqueID() {
        let ids = Self.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in Self.rules {
            #expect(!rule.triggeringExamples.isEmpty && !rule.nonTriggeringExamples.isEmpty, "\(rule.id)")
        }
    }
}
