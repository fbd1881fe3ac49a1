/// Counts the language switches of a document's paragraphs, given in order and in parts, to
/// tell whether the document is language sections that translate each other (see
/// `SectionAligner.maximumSectionSwitches`).
struct LanguageSections {
    private var switches = 0
    private var current: LanguageTag?
    private var languages: Set<LanguageTag> = []

    /// Takes the languages of the next paragraphs.
    ///
    /// - Complexity: O(*p*) in the paragraphs, and O(1) once the switches exceed the limit.
    mutating func add(_ paragraphLanguages: [LanguageTag?]) {
        guard switches <= SectionAligner.maximumSectionSwitches else { return }
        for language in paragraphLanguages.compactMap({ $0 }) {
            languages.insert(language)
            if let current, current != language {
                switches += 1
                if switches > SectionAligner.maximumSectionSwitches { return }
            }
            current = language
        }
    }

    /// Whether the paragraphs so far form between 2 and `SectionAligner.maximumSectionSwitches`
    /// + 1 language sections.
    var areSections: Bool { switches <= SectionAligner.maximumSectionSwitches && languages.count >= 2 }
}
