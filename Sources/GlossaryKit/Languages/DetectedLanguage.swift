/// The language the detector gives a paragraph, and whether its evidence settles it.
///
/// A paragraph is *certain* when its own function words decide it and nothing around it
/// contradicts them; every other paragraph is *uncertain* (short, mixed, or disagreeing with its
/// section on thin evidence: `LanguageDetector.languages(from:languages:previous:)` states the
/// rule). An uncertain paragraph still has a language, the most likely one, but the matcher
/// reads it with every language's analyzer and the rules that judge a match on its own judge
/// every language's terms in it (`AnalyzedDocument.matchesInPossibleLanguage`), so that a wrong
/// guess never silences a finding; and it does not make a language section of its own
/// (`LanguageSections.sectionLanguages(of:)`).
package struct DetectedLanguage: Sendable, Hashable {
    /// The most likely language; nil when nothing in or around the paragraph says.
    package var language: LanguageTag?
    /// Whether the evidence leaves the language open.
    package var isUncertain: Bool

    package init(language: LanguageTag?, isUncertain: Bool) {
        self.language = language
        self.isUncertain = isUncertain
    }

    /// A language given, not detected (`--lang`, a file name's tag): certain.
    package static func declared(_ language: LanguageTag) -> DetectedLanguage {
        DetectedLanguage(language: language, isUncertain: false)
    }
}
