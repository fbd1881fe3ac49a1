/// A language whose analysis is entirely its data file (`Languages/Data/<tag>.yml`): the
/// built-in languages differ in their data, not in code. `docs/languages.md` lists what each
/// does and does not do.
///
/// - **Indonesian** (`id.yml`): enclitics -nya, -ku, -mu and particles -lah, -kah, -pun, also
///   after a hyphen (`ILO-nya`, `2019-nya`); full reduplication as plural (`pekerja-pekerja`,
///   `hak-haknya`, `hak - hak`, `pekerja2`); spelling pairs (`praktek`/`praktik`) and the
///   pre-1972 letters oe, dj, tj (`boeroeh`, `pekerdja`). It never strips derivational affixes:
///   *pedagang* (trader), *perdagangan* (trade, trafficking) and *memperdagangkan* (to trade in)
///   are different words with different meanings, and a stemmer that conflates them (as
///   Snowball's Indonesian stemmer does) would turn a mention of traders into a finding about
///   trafficking.
/// - **Sundanese** (`su.yml`): possessive/definite -na, -nana and (after n) -ana (`migranna`,
///   `TKI-na`, `tujuanana`), reduplication, the plural infix -ar-/-al- on every term (not in
///   the listed look-alikes: `barang`), accent folding on by default (é ≡ e), because Sundanese
///   is often typed without é, and older or scholarly spellings of eu (`ö`, `ɨ`).
/// - **English** (`en.yml`): regular plurals (-s, -es, -ies), irregular plurals listed and by
///   ending (`fishermen`, `housewives`), possessive 's and s', and British/American spelling
///   families (labour/labor, programme/program, -ise/-ize, -our/-or, -tre/-ter). It does not
///   stem derivations: *labourer* is not *labour*.
package struct LanguageDataAnalyzer: WordFormAnalyzer {
    /// The shared machinery, configured by the language's data.
    let rules: RuleBasedAnalyzer
    package let language: LanguageTag
    package let stopwords: Set<String>
    package let compoundRules: CompoundRules
    package let falseFriends: Set<String>

    /// The analyzer of the language `data` describes.
    init(data: LanguageData) {
        guard let language = LanguageTag(data.language) else {
            preconditionFailure("language data names no language tag: \(data.language)")
        }
        self.language = language
        rules = RuleBasedAnalyzer(data: data)
        stopwords = Set(data.stopwords)
        compoundRules = CompoundRules(data: data)
        falseFriends = Set(data.falseFriends)
    }

    package var foldsAccentsByDefault: Bool { rules.data.accentFolding }

    package func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] {
        rules.analyses(of: tokens, at: index)
    }

    package func analyses(ofWord word: String) -> [WordAnalysis] { rules.analyses(ofWord: word) }

    package func readsAcross(gap: String) -> Bool { rules.readsAcross(gap: gap) }

    package func bindsToNext(_ tokens: [Token], at index: Int) -> Bool { rules.bindsToNext(tokens, at: index) }
}

/// Any other language: normalisation only (case, Unicode, and accents when a term asks).
package struct NormalizingAnalyzer: LanguageAnalyzer {
    package let language: LanguageTag
    package var foldsAccentsByDefault: Bool { false }
    package var stopwords: Set<String> { [] }

    package init(language: LanguageTag) {
        self.language = language
    }

    package func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] { [] }
}
