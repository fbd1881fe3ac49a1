/// The analyzers by language: Indonesian, Sundanese and English are built in; any other language
/// gets a `NormalizingAnalyzer`.
public struct AnalyzerRegistry: Sendable {
    private var analyzers: [String: any LanguageAnalyzer]

    /// The built-in analyzers, read from the language data compiled into the library.
    public static let standard: AnalyzerRegistry = {
        do {
            return try AnalyzerRegistry(analyzers: [
                LanguageDataAnalyzer(data: .builtIn("id")),
                LanguageDataAnalyzer(data: .builtIn("su")),
                LanguageDataAnalyzer(data: .builtIn("en")),
            ])
        } catch {
            // The data files are compiled into the library and checked by its tests; one that
            // does not parse means the build is broken, not the user's input.
            fatalError("GlossaryKit's language data could not be read: \(error)")
        }
    }()

    /// A registry of `analyzers`; a later analyzer for a language replaces an earlier one.
    public init(analyzers: [any LanguageAnalyzer]) {
        var table: [String: any LanguageAnalyzer] = [:]
        for analyzer in analyzers { table[analyzer.language.language] = analyzer }
        self.analyzers = table
    }

    /// The analyzer for `tag`'s primary language (`en-GB` uses the English one).
    public func analyzer(for tag: LanguageTag) -> any LanguageAnalyzer {
        analyzers[tag.language] ?? NormalizingAnalyzer(language: tag)
    }

    /// Languages with a built-in analyzer.
    public var languages: [LanguageTag] {
        analyzers.values.map(\.language).sorted()
    }
}
