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

@Suite("untranslated-term and inconsistent-translation at one spot")
struct UntranslatedInconsistencyTests {
    static let example = TranslationExample(
        [
            [(.english, "A migrant worker travels."), (.indonesian, "Seorang pekerja migran berangkat.")],
            [(.english, "Every migrant worker has rights."), (.indonesian, "Setiap ↓migrant worker punya hak.")],
        ], sourceLanguage: .english)

    @Test func onlyTheMoreSpecificRuleReportsWithTheInconsistencyFoldedIn() throws {
        let (corpus, marks) = Self.example.corpus()
        let analyzed = try CrossLanguageRuleExampleTests.checker.analyze(corpus)
        let findings = CrossLanguageRuleExampleTests.checker.crossFindings(analyzed)
        #expect(findings.map(\.rule) == ["untranslated-term"])
        #expect(findings.map(\.byteRange.lowerBound) == marks)
        #expect(findings.first?.foldedRules == ["inconsistent-translation"])
        #expect(
            findings.first?.folded.first?.message
                == "concept 'migrant-worker' (en 'migrant worker') is rendered in 2 ways in the id translations ('pekerja migran' ×1, 'migrant worker' (en) ×1); use 'pekerja migran'",
            "\(findings.map(\.folded))")
    }

    @Test func withUntranslatedTermOffTheInconsistencyIsStillReported() throws {
        let (corpus, marks) = Self.example.corpus()
        let analyzed = try CrossLanguageRuleExampleTests.checker.analyze(corpus)
        let findings = CrossLanguageRuleExampleTests.checker.crossFindings(
            analyzed, options: CheckOptions(ruleSettings: ["untranslated-term": .off]))
        #expect(findings.map(\.rule) == ["inconsistent-translation"])
        #expect(findings.map(\.byteRange.lowerBound) == marks)
        #expect(findings.first?.message.hasSuffix("use 'pekerja migran'") == true)
    }
}
