/// The inflected readings of the distinct words of one text, each computed once.
///
/// A text of a million words has perhaps fifty thousand distinct ones. The scanner gives every
/// word that is not itself a term's word an id among the text's distinct unknown words; the
/// first time such a word is met in a paragraph of some language, that language's analyzer reads it
/// (`kerjanya` → `kerja` + -nya) and the readings that reach a term's word are kept. Every later
/// occurrence costs an array look-up, whatever the glossary's size.
///
/// Not thread-safe: one cache per text being checked. Its tables are read for every word of
/// the text, so they opt out of the run-time exclusivity checks that class properties carry;
/// nothing in the class ever holds an access to one table while another begins.
final class WordReadingCache {
    /// A reading of a word (or of a hyphenated group of words) as a term's word: plain values
    /// only, so that the matcher copies readings without reference counting. Its texts (the key
    /// looked up, the explanation, the suffix), which only a match reads, are a `Texts` elsewhere.
    struct Reading {
        /// The term's word: its id in the compiled lexicon (-1 for the stem of a prefix term).
        var termWord: Int32
        /// How many words of the text it covers: 1, or 2 and more for `pekerja-pekerja` and
        /// `ILO-nya` read in context by the matcher.
        var tokenCount = 1
        var phenomena: PhenomenonSet
        /// Its `Texts`: the cache's `texts[texts]` when 0 or more (0: a word read as written,
        /// with no texts), else the matcher's own list of the current start (`~texts`).
        var texts: Int32
    }

    /// What a reading says in words, which a match shows.
    struct Texts {
        /// The folded form looked up (the stem, for an inflected word); empty for a word read as
        /// written, whose explanation is empty too.
        var key: String
        var explanation: String
        var suffix: String

        static let none = Texts(key: "", explanation: "", suffix: "")
        /// The index in `texts` of none (a word read as written) and of a word read without
        /// its accents, which every cache has.
        static let noneIndex: Int32 = 0
        static let accentsFoldedIndex: Int32 = 1
    }

    /// Where the readings of one word in one group lie in `stored`: `start..<start + count`;
    /// a count of -1 when the word has not been analysed in that group.
    fileprivate struct Span {
        var start: Int32 = 0
        var count: Int32 = -1
    }

    let compiled: CompiledGlossary
    /// The text's distinct unknown words (filled by the scanner).
    let unknownWords: ByteLexicon
    /// The readings of every word analysed, one word's after another's; `Span`s say whose.
    @exclusivity(unchecked) private var stored: [Reading] = []
    /// The texts of the stored readings; the first two are those of a word read as written and
    /// of one read without its accents (`Texts.noneIndex`, `Texts.accentsFoldedIndex`).
    @exclusivity(unchecked) private(set) var texts: [Texts] = [
        .none, Texts(key: "", explanation: "accents folded", suffix: ""),
    ]
    /// Per analyzer group (one per analyzer language, then one for "language unknown"): the
    /// span of each lexicon word id analysed (term words can be inflected forms of other term
    /// words: `programs` and `program`). A hash table as large as the text's distinct words
    /// need: an array by id would cost the whole lexicon per group, megabytes with a large
    /// glossary.
    @exclusivity(unchecked) private var wordSpans: [SpanTable]
    /// The same per unknown word id, for the words that have readings: grown as ids come.
    @exclusivity(unchecked) private var unknownWordSpans: [[Span]]
    /// Per analyzer group, per lexicon word id: not yet analysed, no readings, or readings.
    /// Most words of a text are stopwords or other words without readings; this answers
    /// "none" for them with two bits that stay in the processor's cache.
    @exclusivity(unchecked) private var wordStates: [AnswerTable]
    /// The same per unknown word id.
    @exclusivity(unchecked) private var unknownWordStates: [AnswerTable]
    /// The group of every analyzer (a paragraph of unknown or uncertain language), when its
    /// readings are those of each language's group in turn: then they are put together from
    /// those groups' caches, so that a word met in paragraphs of a known language and of an
    /// uncertain one is analysed once per language, not again. -1 when that does not hold.
    private let unionGroup: Int
    /// Whether a word's readings are kept for its next occurrences: always, but in the
    /// reference that the differential tests hold the cache to, which analyses every occurrence
    /// afresh.
    private let remembers: Bool

    /// A cache of the readings of the words of a text scanned with `unknownWords`; with
    /// `remembers` false, none is kept (the tests' reference).
    init(compiled: CompiledGlossary, unknownWords: ByteLexicon, remembers: Bool = true) {
        self.compiled = compiled
        self.unknownWords = unknownWords
        self.remembers = remembers
        let groups = compiled.tables.analyzerLanguages.count + 1
        wordSpans = Array(repeating: SpanTable(), count: groups)
        unknownWordSpans = Array(repeating: [], count: groups)
        wordStates = Array(repeating: AnswerTable(), count: groups)
        unknownWordStates = Array(repeating: AnswerTable(), count: groups)
        let languages = compiled.tables.analyzerLanguages.count
        unionGroup = languages > 1 && compiled.analyzers.count == languages ? languages : -1
    }

    /// Whether `word` has any reading in group `group`: the matcher's quick test for the many words
    /// that start no term.
    ///
    /// - Complexity: O(1) once the word has been analysed in this group.
    func hasReadings(_ word: ScannedWord, group: Int) -> Bool {
        guard group >= 0 else { return false }
        // Read first, without an access that could write: that is the path of nearly every word.
        if remembers {
            if word.folded >= 0 {
                if let known = wordStates[group][Int(word.folded)] { return known }
            } else {
                guard word.unknownWord >= 0 else { return false }
                if let known = unknownWordStates[group][Int(word.unknownWord)] { return known }
            }
        }
        return span(of: word, group: group).count > 0
    }

    /// The analyzer group of `language`: which analyzers read the words of a paragraph in it.
    /// Group *i* is the analyzer of `compiled.tables.analyzerLanguages[i]`; the last group, for a
    /// paragraph whose language is unknown, has every analyzer; -1 is a language without one.
    func analyzerGroup(for language: LanguageTag?) -> Int {
        guard let language else { return compiled.tables.analyzerLanguages.count }
        return compiled.tables.analyzerLanguages.firstIndex(where: language.overlaps)
            ?? -1
    }

    /// Appends the readings of word `word` in analyzer group `group` (-1: a language without
    /// analyzer, none) to `readings`: plain values copied from one array.
    ///
    /// - Complexity: O(*r*) in the number of readings, once the word has been analysed.
    func appendReadings(of word: ScannedWord, group: Int, to readings: inout [Reading]) {
        guard group >= 0 else { return }
        let span = span(of: word, group: group)
        guard span.count > 0 else { return }
        stored.withUnsafeBufferPointer { stored in
            readings.append(contentsOf: UnsafeBufferPointer(rebasing: stored[Int(span.start)..<Int(span.start + span.count)]))
        }
    }

    /// The readings of word `word` in group `group`, analysed the first time.
    private func span(of word: ScannedWord, group: Int) -> Span {
        guard remembers else {
            guard let (folded, bare) = forms(of: word) else { return Span(start: 0, count: 0) }
            return store(word, group: group, folded: folded, bare: bare)
        }
        if word.folded >= 0 {
            if let known = wordSpans[group][word.folded] { return known }
            let (folded, bare) = forms(of: word)!
            let result = store(word, group: group, folded: folded, bare: bare)
            wordSpans[group].insert(result, for: word.folded)
            wordStates[group][Int(word.folded)] = result.count > 0
            return result
        }
        guard word.unknownWord >= 0 else { return Span(start: 0, count: 0) }
        let id = Int(word.unknownWord)
        if id < unknownWordSpans[group].count, unknownWordSpans[group][id].count >= 0 { return unknownWordSpans[group][id] }
        if unknownWordSpans[group].count <= id {
            unknownWordSpans[group] += Array(
                repeating: Span(), count: max(id + 1 - unknownWordSpans[group].count, unknownWordSpans[group].count / 2 + 64))
        }
        let (folded, bare) = forms(of: word)!
        let result = store(word, group: group, folded: folded, bare: bare)
        unknownWordSpans[group][id] = result
        unknownWordStates[group][id] = result.count > 0
        return result
    }

    /// The folded form of `word` and its form without accents, nil for a word of neither
    /// lexicon (a number, a word no scan kept).
    private func forms(of word: ScannedWord) -> (folded: String, bare: String)? {
        if word.folded >= 0 {
            let text = compiled.tables.words.string(word.folded)
            return (text, word.bare >= 0 && word.bare != word.folded ? compiled.tables.words.string(word.bare) : text)
        }
        guard word.unknownWord >= 0 else { return nil }
        let key = unknownWords.bytes(word.unknownWord)
        if let zero = key.firstIndex(of: 0) {
            return (
                String(decoding: UnsafeBufferPointer(rebasing: key[..<zero]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: key[(zero + 1)...]), as: UTF8.self)
            )
        }
        let folded = String(decoding: key, as: UTF8.self)
        return (folded, folded)
    }

    /// Analyses the word (`folded`, and `bare` without its accents) in `group` and stores its
    /// readings at the end of `stored`.
    private func store(_ word: ScannedWord, group: Int, folded: String, bare: String) -> Span {
        if group == unionGroup {
            // The readings of every language's group, in the order of the groups: what
            // `analyse` gives for the group of every analyzer, from the cached groups.
            var union: [Reading] = []
            for group in 0..<unionGroup { appendReadings(of: word, group: group, to: &union) }
            let start = stored.count
            stored += union
            return Span(start: Int32(start), count: Int32(union.count))
        }
        let start = stored.count
        for analyzer in compiled.analyzers(inGroup: group) {
            storeReadings(analyzer.analyses(ofWord: folded), accent: false)
            if bare != folded { storeReadings(analyzer.analyses(ofWord: bare), accent: true) }
        }
        return Span(start: Int32(start), count: Int32(stored.count - start))
    }

    /// Stores the analyses that reach a term's word, as readings (of the word without its
    /// accents when `accent`).
    private func storeReadings(_ analyses: [WordAnalysis], accent: Bool) {
        for analysis in analyses {
            guard let id = compiled.tables.words.find(analysis.key), compiled.isTermWord(id) else { continue }
            var phenomena = PhenomenonSet(analysis.phenomena)
            if accent { phenomena.insert(.accent) }
            texts.append(Texts(key: analysis.key, explanation: analysis.explanation, suffix: analysis.suffix))
            stored.append(Reading(termWord: id, phenomena: phenomena, texts: Int32(texts.count - 1)))
        }
    }
}

/// The spans of word ids, in an open-addressing hash table over two plain arrays (ids and
/// spans), twice as many slots as entries at least, so that a probe is short.
private struct SpanTable {
    /// The id of each slot, -1 for an empty slot; the slot count is 0 or a power of two.
    private var ids: [Int32] = []
    private var spans: [WordReadingCache.Span] = []
    private var count = 0

    /// The span of `id` (0 or more), nil when none is stored.
    ///
    /// - Complexity: O(1) expected.
    subscript(id: Int32) -> WordReadingCache.Span? {
        guard !ids.isEmpty else { return nil }
        let mask = ids.count - 1
        var slot = Self.slot(of: id, mask: mask)
        while true {
            let found = ids[slot]
            if found == id { return spans[slot] }
            if found < 0 { return nil }
            slot = (slot &+ 1) & mask
        }
    }

    /// Stores the span of `id`, which has none yet.
    ///
    /// - Complexity: O(1) amortised.
    mutating func insert(_ span: WordReadingCache.Span, for id: Int32) {
        precondition(id >= 0, "a word id")
        if (count + 1) * 2 > ids.count { grow() }
        place(span, for: id)
        count += 1
    }

    private static func slot(of id: Int32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: id)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func place(_ span: WordReadingCache.Span, for id: Int32) {
        let mask = ids.count - 1
        var slot = Self.slot(of: id, mask: mask)
        while ids[slot] >= 0 { slot = (slot &+ 1) & mask }
        ids[slot] = id
        spans[slot] = span
    }

    private mutating func grow() {
        let (oldIDs, oldSpans) = (ids, spans)
        let slots = max(64, ids.count * 2)
        ids = Array(repeating: -1, count: slots)
        spans = Array(repeating: WordReadingCache.Span(), count: slots)
        for (id, span) in zip(oldIDs, oldSpans) where id >= 0 { place(span, for: id) }
    }
}

/// Yes-or-no answers by index, two bits each (known, yes): a table of a text's half a million
/// distinct words takes 128 KB and stays in the processor's cache, where a byte each would not.
struct AnswerTable {
    private var storage: [UInt64] = []

    /// The answer at `index`, nil when none is stored.
    ///
    /// - Complexity: O(1).
    subscript(index: Int) -> Bool? {
        get {
            let word = index &>> 5
            guard word < storage.count else { return nil }
            let bits = storage[word] &>> UInt64((index & 31) &* 2)
            return bits & 1 == 0 ? nil : bits & 2 != 0
        }
        set {
            let word = index &>> 5
            if word >= storage.count {
                storage += [UInt64](repeating: 0, count: max(word + 1 - storage.count, storage.count / 2 + 16))
            }
            let shift = UInt64((index & 31) &* 2)
            storage[word] &= ~(3 &<< shift)
            if let newValue { storage[word] |= (newValue ? 3 : 1) &<< shift }
        }
    }
}
