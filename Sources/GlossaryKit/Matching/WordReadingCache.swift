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
    /// A reading of a word (or of a hyphenated group of words) as a term's word.
    struct Reading {
        /// The term's word: its id in the compiled lexicon (-1 for the stem of a prefix term).
        var termWord: Int32
        /// How many words of the text it covers: 1, or 2 and more for `pekerja-pekerja` and
        /// `ILO-nya` read in context by the matcher.
        var tokenCount = 1
        var phenomena: PhenomenonSet
        /// The folded form looked up (the stem, for an inflected word); the matcher leaves it
        /// empty for a word read as written, whose explanation is empty too.
        var key: String
        var explanation: String
        var suffix: String
    }

    let compiled: CompiledGlossary
    /// The text's distinct unknown words (filled by the scanner).
    let unknownWords: ByteLexicon
    /// Per analyzer group (one per analyzer language, then one for "language unknown"): readings
    /// per unknown word id, nil until computed.
    @exclusivity(unchecked) private var byUnknownWord: [[[Reading]?]]
    /// The same for words that are in the glossary's lexicon (term words can be inflected forms
    /// of other term words: `programs` and `program`).
    @exclusivity(unchecked) private var byWord: [[Int32: [Reading]]]
    /// Per analyzer group, per lexicon word id: not yet analysed, no readings, or readings in
    /// `byWord`. Most words of a text are stopwords or other words without readings; this
    /// answers "none" for them with two bits instead of a dictionary look-up and an array's
    /// reference count.
    @exclusivity(unchecked) private var wordStates: [AnswerTable]
    /// The same per unknown word id.
    @exclusivity(unchecked) private var unknownWordStates: [AnswerTable]
    /// The group of every analyzer (a paragraph of unknown or uncertain language), when its
    /// readings are those of each language's group in turn: then they are put together from
    /// those groups' caches, so that a word met in paragraphs of a known language and of an
    /// uncertain one is analysed once per language, not again. -1 when that does not hold.
    private let unionGroup: Int

    init(compiled: CompiledGlossary, unknownWords: ByteLexicon) {
        self.compiled = compiled
        self.unknownWords = unknownWords
        let groups = compiled.tables.analyzerLanguages.count + 1
        byUnknownWord = Array(repeating: [], count: groups)
        byWord = Array(repeating: [:], count: groups)
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
        if word.folded >= 0 {
            if let known = wordStates[group][Int(word.folded)] { return known }
            let found = !readings(of: word, group: group).isEmpty
            wordStates[group][Int(word.folded)] = found
            return found
        }
        guard word.unknownWord >= 0 else { return false }
        if let known = unknownWordStates[group][Int(word.unknownWord)] { return known }
        let found = !readings(of: word, group: group).isEmpty
        unknownWordStates[group][Int(word.unknownWord)] = found
        return found
    }

    /// The analyzer group of `language`: which analyzers read the words of a paragraph in it.
    /// Group *i* is the analyzer of `compiled.tables.analyzerLanguages[i]`; the last group, for a
    /// paragraph whose language is unknown, has every analyzer; -1 is a language without one.
    func analyzerGroup(for language: LanguageTag?) -> Int {
        guard let language else { return compiled.tables.analyzerLanguages.count }
        return compiled.tables.analyzerLanguages.firstIndex(where: language.overlaps)
            ?? -1
    }

    /// The readings of word `word` in analyzer group `group` (-1: a language without analyzer).
    func readings(of word: ScannedWord, group: Int) -> [Reading] {
        guard group >= 0 else { return [] }
        if word.folded >= 0 {
            if let cached = byWord[group][word.folded] { return cached }
            let text = compiled.tables.words.string(word.folded)
            let bare = word.bare >= 0 && word.bare != word.folded ? compiled.tables.words.string(word.bare) : text
            let result = group == unionGroup ? union(of: word) : analyse(folded: text, bare: bare, group: group)
            byWord[group][word.folded] = result
            return result
        }
        guard word.unknownWord >= 0 else { return [] }
        let id = Int(word.unknownWord)
        if id < byUnknownWord[group].count, let cached = byUnknownWord[group][id] { return cached }
        if byUnknownWord[group].count <= id {
            byUnknownWord[group] += Array(
                repeating: nil, count: max(id + 1 - byUnknownWord[group].count, byUnknownWord[group].count / 2 + 64))
        }
        let key = unknownWords.bytes(word.unknownWord)
        let folded: String, bare: String
        if let zero = key.firstIndex(of: 0) {
            folded = String(decoding: UnsafeBufferPointer(rebasing: key[..<zero]), as: UTF8.self)
            bare = String(decoding: UnsafeBufferPointer(rebasing: key[(zero + 1)...]), as: UTF8.self)
        } else {
            folded = String(decoding: key, as: UTF8.self)
            bare = folded
        }
        let result = group == unionGroup ? union(of: word) : analyse(folded: folded, bare: bare, group: group)
        byUnknownWord[group][id] = result
        return result
    }

    /// The readings of `word` in every language's group, in the order of the groups: what
    /// `analyse` gives for the group of every analyzer, from the cached groups.
    private func union(of word: ScannedWord) -> [Reading] {
        var result: [Reading] = []
        for group in 0..<unionGroup { result += readings(of: word, group: group) }
        return result
    }

    private func analyse(folded: String, bare: String, group: Int) -> [Reading] {
        var result: [Reading] = []
        for analyzer in compiled.analyzers(inGroup: group) {
            appendReadings(analyzer.analyses(ofWord: folded), accent: false, to: &result)
            if bare != folded { appendReadings(analyzer.analyses(ofWord: bare), accent: true, to: &result) }
        }
        return result
    }

    /// Appends the analyses that reach a term's word, as readings (of the word without its
    /// accents when `accent`).
    private func appendReadings(_ analyses: [WordAnalysis], accent: Bool, to result: inout [Reading]) {
        for analysis in analyses {
            guard let id = compiled.tables.words.find(analysis.key), compiled.isTermWord(id) else { continue }
            var phenomena = PhenomenonSet(analysis.phenomena)
            if accent { phenomena.insert(.accent) }
            result.append(
                Reading(
                    termWord: id, phenomena: phenomena, key: analysis.key, explanation: analysis.explanation,
                    suffix: analysis.suffix))
        }
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
