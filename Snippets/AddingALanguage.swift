// Teach the checker a language it does not know: Malay, whose enclitic -nya ("possessive, the")
// is written joined to the word, as in Indonesian.
import GlossaryKit

// snippet.analyzer
struct MalayAnalyzer: WordFormAnalyzer {
    let language = LanguageTag("ms")!
    var foldsAccentsByDefault: Bool { false }
    /// Function words, which tell a Malay paragraph from others when its language is detected.
    var stopwords: Set<String> { ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "ialah"] }

    /// Readings of one word, given case-folded and normalised: the form glossary terms are
    /// keyed by.
    func analyses(ofWord word: String) -> [WordAnalysis] {
        // Propose the word without -nya when a stem of three letters or more remains; the
        // matcher keeps the reading only if the glossary has a term ending in that stem.
        guard word.hasSuffix("nya"), word.count >= 6 else { return [] }
        let stem = String(word.dropLast(3))
        return [WordAnalysis(key: stem, phenomena: [.clitic], explanation: "'\(stem)' + -nya", suffix: "nya")]
    }

    /// Readings in context: this analyzer reads no word together with the next one.
    func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] {
        analyses(ofWord: tokens[index].folded)
    }

    func readsAcross(gap: String) -> Bool { false }
}
// snippet.end

// snippet.registry
// The built-in analyzers (Indonesian, Sundanese, English) and the new one.
let standard = AnalyzerRegistry.standard
let registry = AnalyzerRegistry(analyzers: standard.languages.map(standard.analyzer(for:)) + [MalayAnalyzer()])

let glossary = try YAMLGlossaryReader.read(
    """
    concepts:
      - id: migrant-worker
        terms:
          ms:
            - pekerja asing
            - term: buruh asing
              status: deprecated
    """,
    path: "glossary.yml")
let checker = try GlossaryChecker(glossary: glossary, registry: registry)
let text = SourceText(path: "laporan.txt", string: "Majikan menahan pasport buruh asingnya.")
for finding in try checker.check(text, options: CheckOptions(language: LanguageTag("ms")!)) {
    print("\(finding.location): \(finding.message)")
    if let explanation = finding.matchExplanation { print("  matched '\(finding.text)' as \(explanation)") }
}
// snippet.end

// Without the analyzer, Malay gets normalisation only: the inflected form is not the term.
let plain = try GlossaryChecker(glossary: glossary)
print("without MalayAnalyzer: \(try plain.check(text, options: CheckOptions(language: LanguageTag("ms")!)).count) findings")
