import Testing

@testable import GlossaryKit

/// A glossary read from the cache decodes a concept only when something needs its data: a
/// finding's message, a listed form's explanation, a match across markup. Matches that need
/// none of it (every occurrence of an approved term in a long text) must leave the concepts in
/// the entry; decoding them all would hold most of a large glossary in memory by the end of
/// the text.
@Suite("Concepts decoded on demand")
struct ConceptsDecodedOnDemandTests {
    /// A checker over the rules' example glossary as the cache gives it back: encoded, then
    /// decoded with its concepts left in the bytes.
    static func cachedChecker() throws -> GlossaryChecker {
        let compiled = try CompiledGlossary(RuleExamples.glossary)
        return GlossaryChecker(compiled: try GlossaryCacheTests.decoded(GlossaryCacheTests.encoded(compiled)))
    }

    static func decodedCount(afterChecking text: String, path: String) throws -> (matches: Int, decoded: Int) {
        let checker = try cachedChecker()
        #expect(checker.glossary.concepts.decodedStoredCount == 0)
        let document = try checker.analyze(SourceText(path: path, string: text), options: CheckOptions(language: .english))
        _ = try checker.check(SourceText(path: path, string: text), options: CheckOptions(language: .english))
        return (document.matches.count, try #require(checker.glossary.concepts.decodedStoredCount))
    }

    @Test(arguments: [
        ("The migrant worker spoke to the International Labour Organization about labour trafficking.", "t.txt"),
        ("Migrant workers and migrant workers' rights; labour trafficking.", "t.txt"),
        ("A migrant worker, *emphasised* nearby; [a link](http://x) to labour trafficking.", "t.md"),
        ("The <em>migrant worker</em> and **labour trafficking**.", "t.md"),
    ])
    func matchesWithoutFindingsDecodeNoConcept(text: String, path: String) throws {
        let (matches, decoded) = try Self.decodedCount(afterChecking: text, path: path)
        #expect(matches >= 2, "\(text)")
        #expect(decoded == 0, "\(text)")
    }

    /// The counter does count: a finding's message names its concept, and a match with markup
    /// inside it compares the markup with the term's own text.
    @Test(arguments: [
        ("The slave trade in workers grew.", "t.txt"),
        ("A *migrant* worker arrived.", "t.md"),
        ("A [migrant](http://x) worker arrived.", "t.md"),
    ])
    func aFindingOrMarkupInsideAMatchDecodesItsConcept(text: String, path: String) throws {
        let (matches, decoded) = try Self.decodedCount(afterChecking: text, path: path)
        #expect(matches == 1, "\(text)")
        #expect(decoded >= 1, "\(text)")
    }
}
