/// The inflected readings of the distinct words of one text, each computed once.
///
/// A text of a million words has perhaps fifty thousand distinct ones. The scanner gives every
/// word that is not itself a term's word an id among the text's distinct words (its *type*); the
/// first time a type is met in a paragraph of some language, that language's analyzer reads it
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
        var base: Int32
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
    let types: ByteLexicon
    /// Per analyzer slot (one per analyzer language, then one for "language unknown"): readings
    /// per type id, nil until computed.
    @exclusivity(unchecked) private var byType: [[[Reading]?]]
    /// The same for words that are in the glossary's lexicon (term words can be inflected forms
    /// of other term words: `programs` and `program`).
    @exclusivity(unchecked) private var byWord: [[Int32: [Reading]]]
    /// Per analyzer slot, per lexicon word id: not yet analysed, no readings, or readings in
    /// `byWord`. Most words of a text are stopwords or other words without readings; this
    /// answers "none" for them with two bits instead of a dictionary look-up and an array's
    /// reference count.
    @exclusivity(unchecked) private var wordStates: [AnswerTable]
    /// The same per type id.
    @exclusivity(unchecked) private var typeStates: [AnswerTable]

    init(compiled: CompiledGlossary, types: ByteLexicon) {
        self.compiled = compiled
        self.types = types
        let slots = compiled.tables.analyzerLanguages.count + 1
        byType = Array(repeating: [], count: slots)
        byWord = Array(repeating: [:], count: slots)
        wordStates = Array(repeating: AnswerTable(), count: slots)
        typeStates = Array(repeating: AnswerTable(), count: slots)
    }

    /// Whether `word` has any reading in slot `slot`: the matcher's quick test for the many words
    /// that start no term.
    ///
    /// - Complexity: O(1) once the word's type has been analysed in this slot.
    func hasReadings(_ word: ScannedWord, slot: Int) -> Bool {
        guard slot >= 0 else { return false }
        // Read first, without an access that could write: that is the path of nearly every word.
        if word.folded >= 0 {
            if let known = wordStates[slot][Int(word.folded)] { return known }
            let found = !readings(of: word, slot: slot).isEmpty
            wordStates[slot][Int(word.folded)] = found
            return found
        }
        guard word.type >= 0 else { return false }
        if let known = typeStates[slot][Int(word.type)] { return known }
        let found = !readings(of: word, slot: slot).isEmpty
        typeStates[slot][Int(word.type)] = found
        return found
    }

    /// The slot of `language`: its analyzer's index, or the last slot when unknown (every
    /// analyzer applies).
    func slot(for language: LanguageTag?) -> Int {
        guard let language else { return compiled.tables.analyzerLanguages.count }
        return compiled.tables.analyzerLanguages.firstIndex(where: language.overlaps)
            ?? -1
    }

    /// The readings of word `word` in analyzer slot `slot` (-1: a language without analyzer).
    func readings(of word: ScannedWord, slot: Int) -> [Reading] {
        guard slot >= 0 else { return [] }
        if word.folded >= 0 {
            if let cached = byWord[slot][word.folded] { return cached }
            let text = compiled.tables.words.string(word.folded)
            let bare = word.bare >= 0 && word.bare != word.folded ? compiled.tables.words.string(word.bare) : text
            let result = analyse(folded: text, bare: bare, slot: slot)
            byWord[slot][word.folded] = result
            return result
        }
        guard word.type >= 0 else { return [] }
        let type = Int(word.type)
        if type < byType[slot].count, let cached = byType[slot][type] { return cached }
        if byType[slot].count <= type {
            byType[slot] += Array(repeating: nil, count: max(type + 1 - byType[slot].count, byType[slot].count / 2 + 64))
        }
        let key = types.bytes(word.type)
        let folded: String, bare: String
        if let zero = key.firstIndex(of: 0) {
            folded = String(decoding: UnsafeBufferPointer(rebasing: key[..<zero]), as: UTF8.self)
            bare = String(decoding: UnsafeBufferPointer(rebasing: key[(zero + 1)...]), as: UTF8.self)
        } else {
            folded = String(decoding: key, as: UTF8.self)
            bare = folded
        }
        let result = analyse(folded: folded, bare: bare, slot: slot)
        byType[slot][type] = result
        return result
    }

    /// The folded and accent-free text of a word.
    func texts(of word: ScannedWord, in text: ScannedText, at index: Int) -> (folded: String, bare: String) {
        let folded = text.foldedText(index)
        if word.bare >= 0 { return (folded, compiled.tables.words.string(word.bare)) }
        if word.folded < 0, word.type >= 0 {
            let key = types.bytes(word.type)
            if let zero = key.firstIndex(of: 0) {
                return (folded, String(decoding: UnsafeBufferPointer(rebasing: key[(zero + 1)...]), as: UTF8.self))
            }
        }
        return (folded, folded)
    }

    private func analyse(folded: String, bare: String, slot: Int) -> [Reading] {
        var result: [Reading] = []
        for analyzer in compiled.analyzers(inSlot: slot) {
            for (word, accent) in bare == folded ? [(folded, false)] : [(folded, false), (bare, true)] {
                for analysis in analyzer.analyses(ofWord: word) {
                    guard let id = compiled.tables.words.find(analysis.key), compiled.isBase(id) else { continue }
                    var phenomena = PhenomenonSet(analysis.phenomena)
                    if accent { phenomena.insert(.accent) }
                    result.append(Reading(base: id, phenomena: phenomena, key: analysis.key, explanation: analysis.explanation, suffix: analysis.suffix))
                }
            }
        }
        return result
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
