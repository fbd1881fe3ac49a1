/// A unit of knowledge and every term that names it, in every language.
///
/// The concept, not the word, is the unit of a terminological glossary (ISO 704): *labour
/// trafficking*, *perdagangan tenaga kerja* and *trafficking tenaga kerja* are three terms of one
/// concept, and a check can ask which of them a text uses.
public struct Concept: Hashable, Sendable, Identifiable {
    /// A stable identifier, unique within a glossary, e.g. `labour-trafficking`.
    public var id: String
    /// What the concept is, in a sentence.
    public var definition: String?
    /// Subject field, e.g. `labour migration`.
    public var subject: String?
    /// A note for writers and translators.
    public var note: String?
    /// All terms, grouped by language in the order they were written.
    public var terms: [Term]
    /// Data kept for round trips (per-language definitions, sources, …).
    public var properties: [Property]
    /// Where the concept was defined, for diagnostics.
    public var location: SourceLocation?

    /// A concept called `id` with its terms in one or more languages.
    public init(
        id: String,
        definition: String? = nil,
        subject: String? = nil,
        note: String? = nil,
        terms: [Term] = [],
        properties: [Property] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.definition = definition
        self.subject = subject
        self.note = note
        self.terms = terms
        self.properties = properties
        self.location = location
    }

    /// The languages this concept has terms in, sorted.
    public var languages: [LanguageTag] {
        Array(Set(terms.map(\.language))).sorted()
    }

    /// The terms of one language, in the order they were written.
    public func terms(in language: LanguageTag) -> [Term] {
        terms.filter { $0.language == language }
    }

    /// The preferred terms of one language (usually one).
    public func preferredTerms(in language: LanguageTag) -> [Term] {
        terms.filter { $0.language == language && $0.status == .preferred }
    }
}
