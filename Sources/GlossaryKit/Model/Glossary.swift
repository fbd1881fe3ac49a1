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
    ///
    /// - Complexity: O(*t* · *l*) for *t* terms in *l* languages: a glossary has a handful, so
    ///   a list compared tag by tag beats an array of every term's tag and a set of them.
    public var languages: [LanguageTag] {
        var distinct: [LanguageTag] = []
        // By index: a copy of each concept and term would cost a dozen reference counts.
        for index in concepts.indices {
            let terms = concepts[index].terms
            for term in terms.indices where !distinct.contains(terms[term].language) { distinct.append(terms[term].language) }
        }
        return distinct.sorted()
    }

    /// The concept with `id`, if any.
    ///
    /// - Complexity: O(*n*) in the number of concepts.
    public func concept(withID id: String) -> Concept? {
        concepts.first { $0.id == id }
    }

    /// Appends the concepts of `other`; the caller checks for duplicate ids.
    public mutating func merge(_ other: Glossary) {
        // Into an empty glossary (the first file of a run), the other's list is taken as it is
        // instead of copied concept by concept.
        if concepts.isEmpty { concepts = other.concepts } else { concepts += other.concepts }
        if name == nil { name = other.name }
        for tag in other.requiredLanguages where !requiredLanguages.contains(tag) {
            requiredLanguages.append(tag)
        }
        properties += other.properties
    }
}
