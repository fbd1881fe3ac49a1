/// Indonesian: enclitics -nya, -ku, -mu and particles -lah, -kah, -pun, -tah, also after a hyphen
/// (`ILO-nya`); full reduplication as plural (`pekerja-pekerja`, `hak-haknya`); spelling pairs.
///
/// It never strips derivational affixes: *pedagang* (trader), *perdagangan* (trade, trafficking)
/// and *memperdagangkan* (to trade in) are different words with different meanings, and a
/// stemmer that conflates them (as Snowball's Indonesian stemmer does) would turn a mention of
/// traders into a finding about trafficking.
public struct IndonesianAnalyzer: WordFormAnalyzer {
    let rules: RuleBasedAnalyzer
    public var language: LanguageTag { .indonesian }
    public var foldsAccentsByDefault: Bool { rules.data.accentFolding }
    public let stopwords: Set<String>

    init(data: LanguageData) {
        rules = RuleBasedAnalyzer(data: data)
        stopwords = Set(data.stopwords)
    }

    public func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] {
        rules.analyses(of: tokens, at: index)
    }

    public func analyses(ofWord word: String) -> [WordAnalysis] { rules.analyses(ofWord: word) }
    public var hyphenatedClitics: Set<String> { rules.hyphenatedCliticSet }
    public var readsReduplication: Bool { rules.data.reduplication }
    public func spellingVariants(of word: String) -> [String] { rules.spellingVariants(of: word) }
}

/// Sundanese: possessive/definite -na and -nana (`migranna`, `TKI-na`), reduplication, the plural
/// infix -ar-/-al- for terms that opt in, and accent folding on by default (é ≡ e), because
/// Sundanese is often typed without é.
public struct SundaneseAnalyzer: WordFormAnalyzer {
    let rules: RuleBasedAnalyzer
    public var language: LanguageTag { .sundanese }
    public var foldsAccentsByDefault: Bool { rules.data.accentFolding }
    public let stopwords: Set<String>

    init(data: LanguageData) {
        rules = RuleBasedAnalyzer(data: data)
        stopwords = Set(data.stopwords)
    }

    public func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] {
        rules.analyses(of: tokens, at: index)
    }

    public func analyses(ofWord word: String) -> [WordAnalysis] { rules.analyses(ofWord: word) }
    public var hyphenatedClitics: Set<String> { rules.hyphenatedCliticSet }
    public var readsReduplication: Bool { rules.data.reduplication }
    public func spellingVariants(of word: String) -> [String] { rules.spellingVariants(of: word) }
}

/// English: regular plurals (-s, -es, -ies), listed irregular plurals, possessive 's, and
/// British/American spelling families (labour/labor, programme/program, -ise/-ize, -our/-or,
/// -tre/-ter) from data. It does not stem derivations: *labourer* is not *labour*.
public struct EnglishAnalyzer: WordFormAnalyzer {
    let rules: RuleBasedAnalyzer
    public var language: LanguageTag { .english }
    public var foldsAccentsByDefault: Bool { rules.data.accentFolding }
    public let stopwords: Set<String>

    init(data: LanguageData) {
        rules = RuleBasedAnalyzer(data: data)
        stopwords = Set(data.stopwords)
    }

    public func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] {
        rules.analyses(of: tokens, at: index)
    }

    public func analyses(ofWord word: String) -> [WordAnalysis] { rules.analyses(ofWord: word) }
    public var hyphenatedClitics: Set<String> { rules.hyphenatedCliticSet }
    public var readsReduplication: Bool { rules.data.reduplication }
    public func spellingVariants(of word: String) -> [String] { rules.spellingVariants(of: word) }
}

/// Any other language: normalisation only (case, Unicode, and accents when a term asks).
public struct NormalizingAnalyzer: LanguageAnalyzer {
    public let language: LanguageTag
    public var foldsAccentsByDefault: Bool { false }
    public var stopwords: Set<String> { [] }

    public init(language: LanguageTag) {
        self.language = language
    }

    public func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] { [] }
}
