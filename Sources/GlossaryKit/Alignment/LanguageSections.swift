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
        var result = paragraphs.map(\.language)
        var certainAfter: LanguageTag?
        for index in paragraphs.indices.reversed() {
            let paragraph = paragraphs[index]
            if !paragraph.languageIsUncertain {
                certainAfter = paragraph.language
            } else if paragraph.language != certainAfter {
                result[index] = nil
            }
        }
        var certainBefore: LanguageTag?
        for (index, paragraph) in paragraphs.enumerated() {
            if !paragraph.languageIsUncertain {
                certainBefore = paragraph.language
            } else if result[index] == nil, let language = paragraph.language, language == certainBefore {
                result[index] = language
            }
        }
        return result
    }
}
