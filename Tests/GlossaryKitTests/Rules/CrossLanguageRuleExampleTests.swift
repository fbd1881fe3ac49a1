import Testing
@testable import GlossaryKit

/// Runs every cross-language rule's own examples against the example glossary.
@Suite("Cross-language rule examples")
struct CrossLanguageRuleExampleTests {
    static let rules = Rules.crossLanguage.map { type(of: $0).description }
    static let checker = CrossLanguageChecker(compiled: TestSupport.exampleChecker.compiled)

    static func findings(_ example: TranslationExample, rule: String) throws -> (found: [Int], marks: [Int]) {
        let (corpus, marks) = example.corpus()
        let analyzed = try checker.analyze(corpus)
        let found = checker.crossFindings(analyzed).filter { $0.rule == rule }.map(\.byteRange.lowerBound)
        return (found, marks)
    }

    @Test(arguments: rules.flatMap { rule in rule.triggeringExamples.map { (rule.id, $0) } })
    func triggers(rule: String, example: TranslationExample) throws {
        let (found, marks) = try Self.findings(example, rule: rule)
        #expect(found == marks, "\(example)")
    }

    @Test(arguments: rules.flatMap { rule in rule.nonTriggeringExamples.map { (rule.id, $0) } })
    func doesNotTrigger(rule: String, example: TranslationExample) throws {
        let (found, _) = try Self.findings(example, rule: rule)
        #expect(found.isEmpty, "\(example)")
    }

    @Test func everyRuleHasExamplesAndAUniqueID() {
        let ids = Self.rules.map(\.id) + Rules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in Self.rules {
            #expect(!rule.triggeringExamples.isEmpty && !rule.nonTriggeringExamples.isEmpty, "\(rule.id)")
        }
    }
}
