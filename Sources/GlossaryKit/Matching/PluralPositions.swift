/// Which words of a multi-word term, besides its last, may take the plural: the head before a
/// linking preposition (*victims of trafficking*, *countries of origin*) and the modifiers that
/// agree with their head in number (*women migrant workers*); and in which languages every word
/// of a term takes the plural infix (Sundanese *paragawé*, *hak paragawé*).
///
/// Each language says which words these are in its data (`head-prepositions`,
/// `number-agreeing-modifiers`); a language without them inflects the last word only. The table
/// names the words by their ids in the compiled glossary's lexicon, leaving out those no term
/// has, and is made from the analyzers whenever a compiled glossary is made or read from the
/// cache, so the cache file does not hold it.
struct PluralPositions: Sendable {
    /// Per entry language (`EntryTable.languages` index): the ids of its head prepositions, and
    /// of its number-agreeing modifiers, that are term words.
    private let prepositions: [Set<Int32>]
    private let modifiers: [Set<Int32>]
    /// Per entry language: whether its analyzer reads a plural infix.
    private let infixes: [Bool]

    /// The positions for the entry languages `languages`, from `registry`'s analyzers, over the
    /// lexicon `words`.
    ///
    /// - Complexity: O(*p*) in the number of listed words.
    init(languages: [LanguageTag], registry: AnalyzerRegistry, words: ByteLexicon) {
        func ids(_ list: [String]) -> Set<Int32> { Set(list.compactMap { words.find($0) }) }
        var prepositions: [Set<Int32>] = []
        var modifiers: [Set<Int32>] = []
        var infixes: [Bool] = []
        for language in languages {
            let data = (registry.analyzer(for: language) as? LanguageDataAnalyzer)?.rules.data
            prepositions.append(ids(data?.headPrepositions ?? []))
            modifiers.append(ids(data?.numberAgreeingModifiers ?? []))
            infixes.append(!(data?.pluralInfixes ?? []).isEmpty)
        }
        self.prepositions = prepositions
        self.modifiers = modifiers
        self.infixes = infixes
    }

    /// Whether the words of a term of entry language `language` take the plural infix: the
    /// language has one (a term in another language may still opt in with `plural-infix: true`).
    ///
    /// - Complexity: O(1).
    func allowsPluralInfix(language: Int) -> Bool {
        language < infixes.count && infixes[language]
    }

    /// Whether, in a term of entry language `language`, the word `word` that the word `next`
    /// follows may be written in the plural: it is the head before a linking preposition, or a
    /// modifier that agrees in number.
    ///
    /// - Complexity: O(1).
    func allowsPlural(language: Int, word: Int32, next: Int32) -> Bool {
        guard language < prepositions.count else { return false }
        return prepositions[language].contains(next) || modifiers[language].contains(word)
    }

    /// Whether `word` is a head preposition of entry language `language`: a term with one links
    /// its head to an object (*victims of trafficking*).
    ///
    /// - Complexity: O(1).
    func isHeadPreposition(_ word: Int32, language: Int) -> Bool {
        language < prepositions.count && prepositions[language].contains(word)
    }
}
