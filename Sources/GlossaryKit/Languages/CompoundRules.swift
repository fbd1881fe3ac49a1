/// How a language writes the words of a compound: together (*housemaid*, *nonpemerintah*), with a
/// hyphen (*house-maid*, *jual-beli manusia*) or apart (*house maid*, *jual beli manusia*), and
/// which hyphenated words are derivations rather than compounds (*anti-trafficking*,
/// *non-pemerintah*, *NGO-isation*).
///
/// Compiling reads it to give each term its other ways of being written (closed forms of open
/// and hyphenated words, open forms of closed words); the matcher reads it to accept a hyphen
/// for a space and to refuse a term after a hyphenated prefix. It comes from the language's
/// data file; a language without one keeps every term as written.
public struct CompoundRules: Sendable, Hashable {
    /// Whether a hyphen and a space between two words of a term are interchangeable:
    /// *jual-beli manusia* is *jual beli manusia*, *live in maid* is *live-in maid*.
    public var hyphenAndSpaceInterchange: Bool
    /// Whether a compound may be written closed, hyphenated or open: two words joined by a hyphen
    /// (or the two words of a two-word term) also match written as one word (*guestworker*,
    /// *nongovernmental*), and a word of a term made of two known words also matches written as
    /// two (*house-maid*, *non-pemerintah* for *housemaid*, *nonpemerintah*).
    public var closedCompounds: Bool
    /// Prefixes that, hyphenated to a word, make a new word and not the term: *anti-*, *co-*,
    /// *non-* (*anti-trafficking* is not *trafficking*). As the first part of a closed term word
    /// they are known parts (*non* + *pemerintah*).
    public var prefixes: Set<String>
    /// Endings that, hyphenated to a word, make a new word and not the term: *-isation*, *-ism*
    /// (*NGO-isation* is not *NGO*), Indonesian *-isasi*.
    public var suffixes: Set<String>
    /// Words that, besides the glossary's own words, may be a part of a closed compound, so that
    /// the closed word splits there (*house* + *maid*, *middle* + *man*).
    public var parts: Set<String>
    /// Words after which a hyphenated term written open is read as separate words, not as the
    /// compound: *they live in* begins a verb phrase, *a live in maid* is the compound.
    public var notBeforeOpenCompound: Set<String>

    /// Rules as given; the defaults keep every term as written.
    public init(
        hyphenAndSpaceInterchange: Bool = false, closedCompounds: Bool = false, prefixes: Set<String> = [],
        suffixes: Set<String> = [],
        parts: Set<String> = [],
        notBeforeOpenCompound: Set<String> = []
    ) {
        self.hyphenAndSpaceInterchange = hyphenAndSpaceInterchange
        self.closedCompounds = closedCompounds
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.parts = parts
        self.notBeforeOpenCompound = notBeforeOpenCompound
    }

    /// Every term as written, nothing else.
    public static let none = CompoundRules()

    /// The rules of a language data file.
    init(data: LanguageData) {
        self.init(
            hyphenAndSpaceInterchange: data.hyphenSpace, closedCompounds: data.closedCompounds,
            prefixes: Set(data.derivationalPrefixes), suffixes: Set(data.derivationalSuffixes), parts: Set(data.compoundParts),
            notBeforeOpenCompound: Set(data.openCompoundNotAfter))
    }
}
