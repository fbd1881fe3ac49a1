/// The analyzers by language: Indonesian, Sundanese and English are built in; any other language
/// gets a `NormalizingAnalyzer`.
public struct AnalyzerRegistry: Sendable {
    private var analyzers: [String: any LanguageAnalyzer]

    /// The built-in analyzers, read from the bundled language data.
    public static let standard: AnalyzerRegistry = {
        do {
            return try AnalyzerRegistry(analyzers: [
                LanguageDataAnalyzer(data: .bundled("id")),
                LanguageDataAnalyzer(data: .bundled("su")),
                LanguageDataAnalyzer(data: .bundled("en")),
            ])
        } catch {
            // The data files ship inside the module's resource bundle; without them the build is
            // broken, not the user's input.
            fatalError("GlossaryKit's language data could not be read: \(error)")
        }
    }()

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
