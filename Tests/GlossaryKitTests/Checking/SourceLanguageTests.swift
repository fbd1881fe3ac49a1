import Testing

@testable import GlossaryKit

/// The declared source language: read from `.glossary.yml`, resolved against the glossary, and
/// applied to corpora that declare none.
@Suite("Source language: configuration, resolution, directed corpora")
struct SourceLanguageTests {
    static let known: [LanguageTag] = [.english, .indonesian, .sundanese]

    static func configuration(_ text: String) throws(InputError) -> Configuration {
        try ConfigurationReader.read(text, path: "/project/.glossary.yml", knownRules: [])
    }

    @Test func theConfigurationReadsSourceWithItsPlace() throws {
        let configuration = try Self.configuration("glossary: []\nsource:  en-GB\n")
        let setting = try #require(configuration.sourceLanguage)
        #expect(setting.language == LanguageTag("en-GB"))
        #expect(setting.location == SourceLocation(file: "/project/.glossary.yml", line: 2, column: 10))
        #expect(setting.line == "source:  en-GB")
        #expect(try Self.configuration("rules: {}\n").sourceLanguage == nil)
    }

    @Test func aMalformedSourceIsAnErrorAtItsPlace() {
        for (text, message, column) in [
            ("source: english language\n", "'english language' is not a valid BCP 47 language tag for source", 9),
            ("source: [en, id]\n", "expected text for source", 9),
            ("source: \"\"\n", "source is empty", 9),
            ("sorce: en\n", "unknown key 'sorce' in the configuration; did you mean 'source'?", 1),
        ] {
            #expect {
                _ = try Self.configuration(text)
            } throws: { error in
                guard let error = error as? InputError else { return false }
                return error.message.hasPrefix(message) && error.location?.line == 1 && error.location?.column == column
            }
        }
    }

    @Test func theOptionWinsAndEitherMustBeAGlossaryLanguage() throws {
        let configuration = try Self.configuration("source: su\n")
        #expect(try SourceLanguage.resolve(named: nil, configuration: configuration, known: Self.known) == .sundanese)
        #expect(try SourceLanguage.resolve(named: .english, configuration: configuration, known: Self.known) == .english)
        #expect(try SourceLanguage.resolve(named: LanguageTag("en-GB"), configuration: nil, known: Self.known) == .english)
        #expect(try SourceLanguage.resolve(named: nil, configuration: nil, known: Self.known) == nil)
        #expect(
            SourceLanguage.glossaryLanguage(for: LanguageTag("en-AU")!, known: [LanguageTag("en-US")!]) == LanguageTag("en-US"))

        #expect(throws: InputError("--source fr: the glossary has no terms in fr (its languages: en, id, su)")) {
            try SourceLanguage.resolve(named: LanguageTag("fr"), configuration: configuration, known: Self.known)
        }
        let french = try Self.configuration("# a comment\nsource: fr\n")
        do {
            _ = try SourceLanguage.resolve(named: nil, configuration: french, known: Self.known)
            Issue.record("no error")
        } catch {
            #expect(
                error.description == """
                    /project/.glossary.yml:2:9: error: source language 'fr' is not a language of the glossary (its languages: en, id, su)
                    source: fr
                            ^
                    """)
        }
        // --source replaces the configuration's, so a wrong setting does not matter then.
        #expect(try SourceLanguage.resolve(named: .indonesian, configuration: french, known: Self.known) == .indonesian)
    }

    /// Two undirected versions in one text.
    static func corpus(declaring source: LanguageTag? = nil) -> TranslationCorpus {
        TranslationExample([[(.english, "The ILO met."), (.indonesian, "Rapat.")]], sourceLanguage: source).corpus().corpus
    }

    @Test func aCorpusWithoutASourceTakesTheDeclaredOne() {
        let directed = Self.corpus().directed(by: .english)
        #expect(directed.sourceLanguage == .english)
        #expect(directed.texts[0].segments.map(\.role) == [.source, .target])
        #expect(directed.notes == ["en is the declared source: the other versions are compared with it"])
        // No source declared: unchanged.
        let free = Self.corpus().directed(by: nil)
        #expect(free.sourceLanguage == nil && free.texts[0].segments.map(\.role) == [.version, .version] && free.notes.isEmpty)
    }

    @Test func aCorpusThatDeclaresItsSourceKeepsIt() {
        let declared = Self.corpus(declaring: .indonesian).directed(by: .english)
        #expect(declared.sourceLanguage == .indonesian)
        #expect(declared.texts[0].segments.map(\.role) == [.target, .source])
        #expect(declared.notes.isEmpty)
    }

    @Test func aCorpusWithoutAVersionInTheSourceStaysUndirected() {
        let corpus = Self.corpus().directed(by: .sundanese)
        #expect(corpus.sourceLanguage == nil)
        #expect(corpus.texts[0].segments.map(\.role) == [.version, .version])
        #expect(corpus.notes == ["no su version, the declared source: the versions are compared with each other"])
    }

    @Test func theCheckerDirectsBilingualCorporaWithoutASourceOnly() throws {
        let checker = CrossLanguageChecker(compiled: TestSupport.exampleChecker.compiled)
        // The Indonesian version lacks the ILO: missing as one of two undirected versions, and
        // with English as the source; with Indonesian as the source, English adds it.
        let options = { (source: LanguageTag?) in CheckOptions(sourceLanguage: source) }
        func rules(_ corpus: TranslationCorpus, _ source: LanguageTag?) throws -> [String] {
            try checker.check(corpus, options: options(source)).map(\.rule)
        }
        #expect(try rules(Self.corpus(), nil) == ["missing-translation"])
        #expect(try rules(Self.corpus(), .english) == ["missing-translation"])
        #expect(try rules(Self.corpus(), .indonesian) == [])
        #expect(try rules(Self.corpus(declaring: .english), .indonesian) == ["missing-translation"])
    }
}

@Suite("The starter configuration")
struct StarterConfigurationTests {
    @Test func itShowsEverySettingAndItsSourceLineWorks() throws {
        let text = StarterFiles.configuration
        for key in ConfigurationReader.keys {
            #expect(text.contains("\n\(key):") || text.contains("\n# \(key):"), "\(key)")
        }
        let known = Set(Rules.all.map(\.id) + Rules.crossLanguage.map(\.id))
        // The glossary folder it names is written beside it by `glossary init`.
        let withoutGlossary = text.replacingOccurrences(of: "glossary:\n  - glossary/\n", with: "")
        #expect(withoutGlossary != text)
        #expect(try ConfigurationReader.read(withoutGlossary, path: "/p/.glossary.yml", knownRules: known).sourceLanguage == nil)
        let uncommented = withoutGlossary.replacingOccurrences(of: "# source: en", with: "source: en")
        #expect(
            try ConfigurationReader.read(uncommented, path: "/p/.glossary.yml", knownRules: known).sourceLanguage?.language
                == .english)
    }
}
