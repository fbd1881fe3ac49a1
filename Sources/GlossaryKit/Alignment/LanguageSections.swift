/// Counts the language switches of a document's paragraphs, given in order and in parts, to
/// tell whether the document may be language sections that translate each other (see
/// `SectionAligner.maximumSectionSwitches`), and gives the aligner each paragraph's section.
///
/// Every paragraph's language counts towards the switches: a text that changes language every
/// few paragraphs, however short, is a chat or a list, not versions of one text. But only
/// paragraphs of certain language delimit the sections the aligner pairs
/// (`sectionLanguages(of:)`): a short paragraph in another language (a reply, a caption) is no
/// section of its own.
struct LanguageSections {
    private var switches = 0
    private var current: LanguageTag?
    private var languages: Set<LanguageTag> = []

    /// Takes the next paragraphs.
    ///
    /// - Complexity: O(*p*) in the paragraphs, and O(1) once the switches exceed the limit.
    mutating func add(_ paragraphs: [AnalyzedDocument.Paragraph]) {
        guard switches <= SectionAligner.maximumSectionSwitches else { return }
        for paragraph in paragraphs {
            guard let language = paragraph.language else { continue }
            languages.insert(language)
            if let current, current != language {
                switches += 1
                if switches > SectionAligner.maximumSectionSwitches { return }
            }
            current = language
        }
    }

    /// Whether the paragraphs so far switch language few enough times to be sections; once
    /// false, no paragraph to come makes it true again.
    var maySwitchToSections: Bool { switches <= SectionAligner.maximumSectionSwitches }

    /// Whether the paragraphs so far form between 2 and `SectionAligner.maximumSectionSwitches`
    /// + 1 language sections.
    var areSections: Bool { switches <= SectionAligner.maximumSectionSwitches && languages.count >= 2 }

    /// The language of the section each of `paragraphs` belongs to, for `SectionAligner`.
    ///
    /// A paragraph of certain language belongs to its language's section. A paragraph of
    /// uncertain language belongs to the section of the nearest certain paragraph after it when
    /// they have the same language (a heading opens its section: `ABSTRACT`), else to that of the
    /// nearest certain paragraph before it when they have the same language (a keyword line
    /// closes it), else to none: nil, an aside in another language (a one-line reply, a
    /// caption) that joins the section around it and is no version of anything. So sections
    /// switch only where certain paragraphs do.
    ///
    /// - Complexity: O(*p*) in the paragraphs.
    static func sectionLanguages(of paragraphs: [AnalyzedDocument.Paragraph]) -> [LanguageTag?] {
        sectionLanguages(count: paragraphs.count) {
            paragraphs[$0].language
        } isUncertain: {
            paragraphs[$0].languageIsUncertain
        }
    }

    /// `sectionLanguages(of:)` for `count` paragraphs given by their detected `language` and
    /// whether it `isUncertain`, for a caller that keeps only those facts of each paragraph (a
    /// streamed file, `StreamedSections`).
    ///
    /// - Complexity: O(*p*) in the paragraphs.
    static func sectionLanguages(count: Int, language: (Int) -> LanguageTag?, isUncertain: (Int) -> Bool) -> [LanguageTag?] {
        var result = (0..<count).map(language)
        var certainAfter: LanguageTag?
        for index in (0..<count).reversed() {
            if !isUncertain(index) {
                certainAfter = language(index)
            } else if language(index) != certainAfter {
                result[index] = nil
            }
        }
        var certainBefore: LanguageTag?
        for index in 0..<count {
            if !isUncertain(index) {
                certainBefore = language(index)
            } else if result[index] == nil, let detected = language(index), detected == certainBefore {
                result[index] = detected
            }
        }
        return result
    }
}
