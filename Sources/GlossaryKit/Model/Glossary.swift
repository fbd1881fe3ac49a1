/// A concept-oriented multilingual glossary: the unit that checks, lookups and conversions use.
public struct Glossary: Sendable {
    /// A name for the glossary, e.g. from a TBX title or the YAML `name:` key.
    public var name: String?
    /// Languages every concept is expected to cover (for `glossary lint`).
    public var requiredLanguages: [LanguageTag]
    /// The concepts, each with its terms in one or more languages: an array, or, for a
    /// glossary read from the cache, concepts decoded as they are read (`ConceptList`).
    public var concepts: ConceptList
    /// Data kept for round trips (TBX header fields, …).
    public var properties: [Property]

    /// A glossary of `concepts`; empty by default, to be built in code.
    public init(
        name: String? = nil,
        requiredLanguages: [LanguageTag] = [],
        concepts: [Concept] = [],
        properties: [Property] = []
    ) {
        self.name = name
        self.requiredLanguages = requiredLanguages
        self.concepts = ConceptList(concepts)
        self.properties = properties
    }

    /// Every language any term is written in, sorted.
    public var languages: [LanguageTag] {
        Array(Set(concepts.flatMap { $0.terms.map(\.language) })).sorted()
    }

    /// The concept with `id`, if any.
    ///
    /// - Complexity: O(*n*) in the number of concepts.
    public func concept(withID id: String) -> Concept? {
        concepts.first { $0.id == id }
    }

    /// Appends the concepts of `other`; the caller checks for duplicate ids.
    public mutating func merge(_ other: Glossary) {
        concepts += other.concepts
        if name == nil { name = other.name }
        for tag in other.requiredLanguages where !requiredLanguages.contains(tag) {
            requiredLanguages.append(tag)
        }
        properties += other.properties
    }
}
