/// What one paragraph's function words say about its language: the detector's evidence.
///
/// The detector counts, per language, the paragraph's words that are stopwords of that language
/// (`LanguageDetector`). A word that two languages share (*di* in Indonesian and Sundanese) counts
/// for both. From the counts this keeps the leader, its lead, and which languages tie at the top;
/// `LanguageDetector.languages(from:languages:previous:)` decides the paragraphs of a chunk from
/// their evidence and their neighbours'.
struct LanguageEvidence: Sendable, Hashable {
    /// The index (in the detector's languages) of the language with the most hits, the first of
    /// those tied; -1 when no language has a hit.
    var leader: Int
    /// The leader's hits.
    var leaderHits: Int
    /// The most hits of any other language (equal to `leaderHits` on a tie; 0 with one language).
    var runnerUpHits: Int
    /// The languages with `leaderHits` hits, bit *i* for language *i*; 0 when no language has a hit.
    var topLanguages: UInt32
    /// The paragraph's words made of letters (numbers and symbols left out).
    var words: Int

    /// The hits a language needs to decide a paragraph on its own.
    static let decisiveHits = 2

    /// The evidence of a paragraph of `words` words with `counts` stopword hits per language.
    ///
    /// - Complexity: O(*n*) in the number of languages.
    init(counts: some Collection<Int>, words: Int) {
        var leader = -1, first = 0, second = 0
        var top: UInt32 = 0
        for (index, count) in counts.enumerated() where count > 0 {
            if count > first {
                second = first
                first = count
                leader = index
                top = 1 << UInt32(index)
            } else {
                if count == first { top |= 1 << UInt32(index) }
                second = max(second, count)
            }
        }
        self.leader = leader
        leaderHits = first
        runnerUpHits = second
        topLanguages = top
        self.words = words
    }

    /// Whether the paragraph is decided on its own: the leader has at least `decisiveHits` hits
    /// and a third more than any other language.
    var decides: Bool { leaderHits >= Self.decisiveHits && leaderHits * 3 >= runnerUpHits * 4 + 1 }

    /// Whether the paragraph leans to one language: the leader has a hit and more than any other
    /// (a decided paragraph leans too).
    var leans: Bool { leaderHits >= 1 && leaderHits > runnerUpHits }

    /// Whether language `index` is among those with the most hits (none when nothing was hit).
    func isAtTop(_ index: Int) -> Bool { topLanguages >> UInt32(index) & 1 != 0 }
}
