/// The ways a word in a text may differ from the glossary's form of a term and still be it.
///
/// Each match records the phenomena it needed, so a finding can say how it matched and the
/// evaluation can count precision and recall per phenomenon.
public enum Phenomenon: String, Sendable, CaseIterable, Codable {
    /// The word is the term's word (after case and Unicode normalisation).
    case identity
    /// The word equals the term's word once accents are removed (`pagawean` for `pagawéan`).
    case accent
    /// An enclitic or particle follows the word (`kerjanya`, `migranna`).
    case clitic
    /// A clitic joined with a hyphen (`ILO-nya`, `TKI-na`).
    case hyphenatedClitic = "hyphenated-clitic"
    /// Full reduplication marking plural (`pekerja-pekerja`, `hak-hak`, informal `pekerja2`).
    case reduplication
    /// A regular plural ending (`workers`, `programmes`, `policies`).
    case plural
    /// A possessive ending (`ILO's`, `workers'`).
    case possessive
    /// The Sundanese plural infix -ar-/-al- (`barudak` for `budak`).
    case pluralInfix = "plural-infix"
    /// Another spelling of the same word (`labor` for `labour`, older `boeroeh` for `buruh`).
    case spelling
    /// A form the glossary lists explicitly for the term.
    case listedForm = "listed-form"
    /// The word starts with the term's last word (`match: prefix`).
    case prefix
    /// A compound written closed, open or hyphenated unlike the glossary's form: `house-maid` and
    /// `house maid` for `housemaid`, `guestworker` and the modifier `guest-worker` for `guest
    /// worker`, `jual-beli manusia` for `jual beli manusia`.
    case compound
    /// A word hyphenated across a line break and joined again (`traf-⏎ficking`), or a
    /// reduplication whose halves a line break separates (`majikan-⏎majikan`).
    case lineBreak = "line-break"
    /// A zero-width space, word joiner, zero-width (non-)joiner or soft hyphen inside a word,
    /// ignored for matching (`traf\u{AD}ficking`).
    case invisible
    /// Markdown markup a reader does not see inside the match, ignored for matching: an emphasis
    /// or strike-through delimiter, a link's brackets and destination or reference label, a
    /// phrasing HTML tag (`*guest* worker`, `[guest](https://…) worker`, `<em>guest</em> worker`).
    /// Such a match gets an automatic fix only when the fix keeps the markup (emphasis closed
    /// before an ending: `*TKI*-nya` → `*pekerja migran*nya`); any other replacement would drop
    /// or misplace it.
    case markup

    /// Phenomena that only the last word of a term may show (`perdagangan tenaga kerjanya`, not
    /// `perdagangannya tenaga kerja`); the plural also on the words `PluralPositions` allows
    /// (`victims of trafficking`).
    var isFinalOnly: Bool {
        switch self {
        case .clitic, .hyphenatedClitic, .plural, .possessive: true
        default: false
        }
    }

    /// How far the word is from the written term; the matcher prefers the closest reading.
    var cost: Int {
        switch self {
        case .identity, .listedForm: 0
        case .accent, .invisible, .lineBreak, .markup: 1
        case .clitic, .hyphenatedClitic, .reduplication, .plural, .possessive, .pluralInfix, .prefix, .compound: 2
        case .spelling: 3
        }
    }
}
