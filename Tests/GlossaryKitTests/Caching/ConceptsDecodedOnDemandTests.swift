import Testing

@testable import GlossaryKit

/// A glossary read from the cache decodes a concept only when something needs its data: a
/// finding's message, a listed form's explanation, a match across markup. Matches that need
/// none of it (every occurrence of an approved term in a long text) must leave the concepts in
/// the entry; decoding them all would hold most of a large glossary in memory by the end of
/// the text.
@Suite("Concepts decoded on demand")
struct ConceptsDecodedOnDemandTests {
    static let yaml = """
        concepts:
          - id: migrant-worker
            terms:
              en:
                - migrant worker
                - term: guest worker
                  status: deprecated
          - id: labour-trafficking
            terms:
              en:
                - labour trafficking
          - id: recruitment-agency
            terms:
              en:
                - recruitment agency
        """

    /// A checker over the glossary as the cache gives it back: encoded, then decoded with its
    /// concepts left in the bytes.
    static func cachedChecker() throws -> GlossaryChecker {
        let compiled = try CompiledGlossary(YAMLGlossaryReader.read(yaml, path: "test.yml"))
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
        ("The migrant worker met a recruitment agency about labour trafficking.", "t.txt"),
        ("Migrant workers and migrant workers' rights; a recruitment agency.", "t.txt"),
        ("A migrant worker, *emphasised* nearby; [a link](http://x) to labour trafficking.", "t.md"),
        ("The <em>migrant worker</em> and the **recruitment agency**.", "t.md"),
    ])
    func matchesWithoutFindingsDecodeNoConcept(text: String, path: String) throws {
        let (matches, decoded) = try Self.decodedCount(afterChecking: text, path: path)
        #expect(matches >= 2, "\(text)")
        #expect(decoded == 0, "\(text)")
    }

    /// The counter does count: a finding's message names its concept, and a match with markup
    /// inside it compares the markup with the term's own text.
    @Test(arguments: [
        ("A guest worker arrived.", "t.txt"),
        ("A *migrant* worker arrived.", "t.md"),
        ("A [migrant](http://x) worker arrived.", "t.md"),
    ])
    func aFindingOrMarkupInsideAMatchDecodesItsConcept(text: String, path: String) throws {
        let (matches, decoded) = try Self.decodedCount(afterChecking: text, path: path)
        #expect(matches == 1, "\(text)")
        #expect(decoded >= 1, "\(text)")
    }
}
