import Foundation

/// Finds glossary terms in a scanned text, leftmost-longest.
///
/// For each word the matcher takes the readings the compiled lexicon holds for it — the word as
/// written, and the inflected forms the paragraph's language analyzer reads as a term's word
/// (`kerjanya` → `kerja` + -nya) — plus hyphenated readings (`pekerja-pekerja`, `ILO-nya`), then
/// walks the trie from there. At each start it keeps the longest term that the readings reach and
/// the term accepts; among equally long ones a term of the paragraph's language, then the closest
/// reading, wins. Matching resumes after the match, so a term inside a longer term is not
/// reported.
package struct TermMatcher: Sendable {
    package let compiled: CompiledGlossary

    package init(_ compiled: CompiledGlossary) {
        self.compiled = compiled
    }

    /// Finds the terms in the words of `range`, written in `language` (nil: unknown).
    ///
    /// `cache` holds the readings of the text's distinct words; pass the same one for every
    /// paragraph of a text (and the lexicon of unknown words it was scanned with). To match many
    /// paragraphs of one text, a `Session` spares each its set-up.
    ///
    /// - Complexity: O(*n* · *k*) for *n* words and terms at most *k* words long, plus one
    ///   analysis per distinct word; independent of the glossary's size.
    func matches(in text: ScannedText, range: Range<Int>, language: LanguageTag?, cache: WordReadingCache) -> [TermMatch] {
        var session = Session(matcher: self, text: text, cache: cache)
        return session.matches(in: range, language: language)
    }

    /// Matching paragraph after paragraph of one scanned text, with one working memory.
    struct Session {
        private var search: Search
        private let hasRootPrefixes: Bool
        /// The analyzer group of each paragraph language met, and which entry languages are in
        /// it (by `CompiledGlossary.EntryTable.languages` index): a handful, so a list.
        private var groups: [(language: LanguageTag?, group: Int, inLanguage: [Bool])] = []

        init(matcher: TermMatcher, text: ScannedText, cache: WordReadingCache) {
            search = Search(compiled: matcher.compiled, text: text, cache: cache)
            hasRootPrefixes = matcher.compiled.tables.prefixes[0] != nil
        }

        /// The terms in the words of `range`, written in `language` (nil: unknown).
        ///
        /// - Complexity: O(*n* · *k*) for *n* words and terms at most *k* words long.
        mutating func matches(in range: Range<Int>, language: LanguageTag?) -> [TermMatch] {
            var matches: [TermMatch] = []
            forEachMatch(in: range, language: language) { match, _ in matches.append(match) }
            return matches
        }

        /// Calls `body` with each term in the words of `range`, written in `language` (nil:
        /// unknown), in text order, and whether the term is of that language (always, when the
        /// language is unknown): the monolingual rules judge only those.
        ///
        /// - Complexity: O(*n* · *k*) for *n* words and terms at most *k* words long.
        mutating func forEachMatch(in range: Range<Int>, language: LanguageTag?, _ body: (TermMatch, _ isInLanguage: Bool) -> Void) {
            let cache = search.cache
            let group: Int
            let inLanguage: [Bool]
            if let known = groups.first(where: { $0.language == language }) {
                group = known.group
                inLanguage = known.inLanguage
            } else {
                group = cache.analyzerGroup(for: language)
                inLanguage = search.compiled.tables.entries.languages.map { entryLanguage in
                    language.map(entryLanguage.overlaps) ?? true
                }
                groups.append((language, group, inLanguage))
            }
            search.start(range: range, language: language, group: group, inLanguage: inLanguage)
            var index = range.lowerBound
            let compiled = search.compiled
            let hasRootPrefixes = hasRootPrefixes
            let hasLexiconFlags = search.text.hasLexiconFlags
            search.text.words.withUnsafeBufferPointer { words in
                while index < range.upperBound {
                    let word = words[index]
                    // Most words are no term's word and read as none: skip them after a look-up
                    // (in the word's record when the scan copied the glossary's flags there).
                    let isTermWord = hasLexiconFlags
                        ? word.lexiconFlags & 1 != 0
                        : compiled.isTermWord(word.folded) || compiled.isTermWord(word.bare)
                    if !isTermWord && !hasRootPrefixes && !cache.hasReadings(word, group: group) {
                        index += 1
                        continue
                    }
                    if let (match, isInLanguage) = search.longestMatch(at: index) {
                        body(match, isInLanguage)
                        index = match.tokens.upperBound
                    } else {
                        index += 1
                    }
                }
            }
        }
    }
}

/// One reading of a word (or hyphenated group) that the glossary knows.
private typealias Reading = WordReadingCache.Reading

/// A word of a path through the trie: which reading (an index into `Search.readings`) of the
/// words from `start`.
private struct Step {
    var reading: Int32
    var start: Int32
}

/// A term that a path through the trie reaches and accepts.
private struct Candidate {
    var end: Int
    var cost: Int
    var inLanguage: Bool
    var entry: Int32
    /// Its steps: `Search.candidateSteps[steps]`.
    var steps: Range<Int>
    var caseMismatch: Bool
}

/// The leftmost-longest search in the paragraphs of one text: the matcher's working state, kept
/// in arrays that are emptied, not freed, between two starts, so that a match costs no
/// allocation but its own.
private struct Search {
    let compiled: CompiledGlossary
    let text: ScannedText
    let cache: WordReadingCache
    /// The paragraph being matched, its language and analyzer group.
    private(set) var range: Range<Int> = 0..<0
    private(set) var language: LanguageTag?
    private(set) var group = -1
    /// Per entry language (`CompiledGlossary.EntryTable.languages`): whether it is the paragraph's.
    private(set) var inLanguage: [Bool] = []

    /// The readings met from the current start on; `known` says which belong to which word.
    var readings: [Reading] = []
    /// Per word position met: its readings, `readings[range]`. A handful at most, so a list
    /// beats a dictionary.
    var known: [(position: Int, readings: Range<Int>)] = []
    /// The path being walked: `path[0..<depth]`.
    var path: [Step] = []
    var candidates: [Candidate] = []
    var candidateSteps: [Step] = []
    var best: Int?
    /// Per analyzer group and gap-lexicon id: whether the group's analyzers read across the gap.
    private var gapsReadAcross: [Int: Bool] = [:]

    init(compiled: CompiledGlossary, text: ScannedText, cache: WordReadingCache) {
        self.compiled = compiled
        self.text = text
        self.cache = cache
    }

    /// Moves on to the paragraph `range`, in `language`, read by analyzer `group`.
    mutating func start(range: Range<Int>, language: LanguageTag?, group: Int, inLanguage: [Bool]) {
        self.range = range
        self.language = language
        self.group = group
        self.inLanguage = inLanguage
    }

    /// The longest term that starts at word `start`, if any, and whether it is of the
    /// paragraph's language.
    mutating func longestMatch(at start: Int) -> (TermMatch, isInLanguage: Bool)? {
        readings.removeAll(keepingCapacity: true)
        known.removeAll(keepingCapacity: true)
        path.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        candidateSteps.removeAll(keepingCapacity: true)
        best = nil
        walk(node: 0, position: start, depth: 0)
        guard let best else { return nil }
        return (match(from: start, best: candidates[best]), candidates[best].inLanguage)
    }

    private mutating func walk(node: Int32, position: Int, depth: Int) {
        if depth > 0, let ends = compiled.tables.terminals[node] {
            for entry in ends { consider(entry: entry, end: position, depth: depth) }
        }
        guard position < range.upperBound, depth < compiled.tables.maximumLength else { return }
        let gap: Int32
        if depth == 0 {
            gap = 0
        } else {
            gap = text.words[position].gap
            guard gap >= 0 else { return }
        }
        if !compiled.tables.prefixes.isEmpty, let byStem = compiled.tables.prefixes[node] {
            let folded = text.foldedText(position)
            for prefixEntry in byStem[String(folded.prefix(3))] ?? []
            where prefixEntry.gap == gap && folded.hasPrefix(prefixEntry.stem) {
                let extra = String(folded.dropFirst(prefixEntry.stem.count))
                readings.append(Reading(
                    termWord: -1, phenomena: PhenomenonSet(extra.isEmpty ? [] : [.prefix]), key: prefixEntry.stem,
                    explanation: extra.isEmpty ? "" : "'\(prefixEntry.stem)' + \(extra)", suffix: extra))
                setStep(Step(reading: Int32(readings.count - 1), start: Int32(position)), at: depth)
                consider(entry: prefixEntry.entry, end: position + 1, depth: depth + 1)
            }
        }
        let options = readings(at: position)
        for option in options {
            let reading = readings[option]
            guard let child = compiled.child(of: node, gap: gap, word: reading.termWord) else { continue }
            setStep(Step(reading: Int32(option), start: Int32(position)), at: depth)
            walk(node: child, position: position + reading.tokenCount, depth: depth + 1)
        }
    }

    private mutating func setStep(_ step: Step, at depth: Int) {
        if depth < path.count {
            path[depth] = step
        } else {
            path.append(step)
        }
    }

    private mutating func consider(entry entryIndex: Int32, end: Int, depth: Int) {
        let facts = compiled.tables.entries.facts(entryIndex)
        guard let caseMismatch = accepts(entry: entryIndex, facts, depth: depth) else { return }
        var cost = (facts.viaBareKeys ? 1 : 0) + (caseMismatch ? 1 : 0)
        for step in path[0..<depth] { cost += readings[Int(step.reading)].phenomena.cost }
        let inLanguage = self.inLanguage[facts.language]
        let candidate = Candidate(
            end: end, cost: cost, inLanguage: inLanguage, entry: entryIndex,
            steps: candidateSteps.count..<(candidateSteps.count + depth), caseMismatch: caseMismatch)
        // One candidate per entry: the best way the words reach it.
        if let index = candidates.firstIndex(where: { $0.entry == entryIndex }) {
            guard Self.isBetter(candidate, than: candidates[index]) else { return }
            candidateSteps.append(contentsOf: path[0..<depth])
            candidates[index] = candidate
            if let best, best != index, !Self.isBetter(candidate, than: candidates[best]) { return }
            best = index
        } else {
            candidateSteps.append(contentsOf: path[0..<depth])
            candidates.append(candidate)
            if let best, !Self.isBetter(candidate, than: candidates[best]) { return }
            best = candidates.count - 1
        }
    }

    /// The indices in `readings` of the readings of the word at `position`, computed once per
    /// start.
    private mutating func readings(at position: Int) -> Range<Int> {
        if let found = known.first(where: { $0.position == position }) { return found.readings }
        let first = readings.count
        appendReadings(at: position)
        let result = first..<readings.count
        known.append((position, result))
        return result
    }

    /// Appends the readings of the word at `index`: as written, and the analyzer's readings of
    /// it in context (`kerjanya`, `pekerja-pekerja`, `ILO-nya`, `hak - hak`, `workers' rights`).
    private mutating func appendReadings(at index: Int) {
        let words = text.words
        let word = words[index]
        let first = readings.count
        if word.folded >= 0, compiled.isTermWord(word.folded) {
            readings.append(Reading(termWord: word.folded, phenomena: PhenomenonSet([]), key: "", explanation: "", suffix: ""))
        }
        if word.bare != word.folded, compiled.isTermWord(word.bare) {
            readings.append(Reading(
                termWord: word.bare, phenomena: PhenomenonSet([.accent]), key: "", explanation: "accents folded", suffix: ""))
        }
        // A word that is no term's word and has no one-word reading (cached per distinct word)
        // starts no reading across words either: those begin with the term's word or a reading
        // of it. Only the rare other words pay for a full analysis in context.
        guard group >= 0 else { return }
        let hasOwn = cache.hasReadings(word, group: group)
        guard readings.count > first || hasOwn else { return }
        // Followed by a plain space (or nothing), or any gap the analyzers do not read across
        // (a comma, a full stop), the word reads as on its own: the cached readings are the
        // analyzer's. Only a hyphen, an apostrophe or another joiner calls for the analyzer in
        // context.
        let analyzers = compiled.analyzers(inGroup: group)
        if index + 1 >= range.upperBound || !isReadAcross(gapBefore: index + 1, by: analyzers) {
            guard hasOwn else { return }
            readings.append(contentsOf: cache.readings(of: word, group: group))
            return
        }
        let window = text.tokens(from: index, to: min(range.upperBound, index + 4))
        for analyzer in analyzers {
            for analysis in analyzer.analyses(of: window, at: 0) where analysis.tokenCount <= window.count {
                guard let id = compiled.tables.words.find(analysis.key), compiled.isTermWord(id) else { continue }
                readings.append(Reading(
                    termWord: id, tokenCount: analysis.tokenCount, phenomena: PhenomenonSet(analysis.phenomena), key: analysis.key,
                    explanation: analysis.explanation, suffix: analysis.suffix))
            }
        }
    }

    /// Whether one of `analyzers` reads across the gap before word `index`; the answer for a gap
    /// of the gap lexicon is remembered.
    private mutating func isReadAcross(gapBefore index: Int, by analyzers: ArraySlice<any WordFormAnalyzer>) -> Bool {
        let gap = text.words[index].gap
        if gap == CompiledGlossary.spaceGap || gap == ByteLexicon.hardGap { return false }
        let key = group << 32 | Int(gap)
        if gap >= 0, let known = gapsReadAcross[key] { return known }
        let signature = text.gapSignature(before: index)
        let answer = signature == Token.hardBreak ? false : analyzers.contains { $0.readsAcross(gap: signature) }
        if gap >= 0 { gapsReadAcross[key] = answer }
        return answer
    }

    /// The match of the winning candidate, with every term the same words could be.
    private func match(from start: Int, best: Candidate) -> TermMatch {
        let entry = compiled.tables.entries[best.entry]
        // Every term the same words could be, best first: other languages' and listed forms.
        var alternatives = [entry.reference]
        let others = candidates.filter { $0.end == best.end && $0.entry != best.entry }
        if !others.isEmpty {
            for candidate in others.sorted(by: Self.isBetter) {
                let reference = compiled.tables.entries.reference(candidate.entry)
                if !alternatives.contains(reference) { alternatives.append(reference) }
            }
        }
        var phenomena = PhenomenonSet([])
        var explanations: [String] = []
        let steps = candidateSteps[best.steps]
        for step in steps {
            let reading = readings[Int(step.reading)]
            phenomena.formUnion(reading.phenomena)
            if !reading.explanation.isEmpty {
                let written = writtenExplanation(reading, at: Int(step.start))
                if !written.isEmpty { explanations.append(written) }
            }
        }
        if entry.facts.viaBareKeys {
            phenomena.insert(.accent)
            if !explanations.contains("accents folded") { explanations.append("accents folded") }
        }
        if entry.facts.isListedForm {
            phenomena.insert(.listedForm)
            explanations.append("a form listed for '\(compiled.glossary[term: entry.reference].text)'")
        }
        let words = text.words
        let bytes = Int(words[start].start)..<Int(words[best.end - 1].end)
        var match = TermMatch(
            tokens: start..<best.end,
            bytes: bytes,
            term: entry.reference,
            alternatives: alternatives,
            phenomena: phenomena.membersByName,
            explanation: explanations.count == 1 ? explanations[0] : explanations.joined(separator: ", "),
            caseMismatch: best.caseMismatch,
            suffix: steps.last.map { readings[Int($0.reading)].suffix } ?? "",
            paragraphLanguage: language)
        match.termStatus = entry.facts.status
        return match
    }

    /// The reading's explanation with the word at `position` quoted as the text writes it:
    /// `'Kerja' + -nya` for *Kerjanya*, `'TKI' + -na` for *TKI-na*, `'labour' spelt 'Labor'`.
    ///
    /// The analyzers explain in folded forms; a quoted stem that begins the folded word is replaced
    /// by the same number of characters of the written word, and the quoted folded word by the
    /// written one. When folding changed the word's length (`ß` → `ss`) the folded forms stay.
    private func writtenExplanation(_ reading: Reading, at position: Int) -> String {
        var explanation = reading.explanation
        guard explanation.utf8.contains(UInt8(ascii: "'")) else { return explanation }
        let folded = text.foldedText(position)
        let range = text.words[position].range
        let source = text.source.bytes[range]
        // An ASCII word is its own NFC form, with as many characters as bytes.
        let isASCII = source.allSatisfy { $0 < 0x80 }
        let written = isASCII ? String(decoding: source, as: UTF8.self) : ICU.nfc(text.source.text(range))
        guard isASCII && folded.utf8.count == source.count || written.count == folded.count else { return explanation }
        // Quoted forms begin and end with an ASCII quote, so a byte search finds them on
        // character boundaries (and far faster than a search by characters).
        func replaceFirst(_ quoted: String, with replacement: String) {
            let bytes = Array(explanation.utf8)
            let needle = Array("'\(quoted)'".utf8)
            guard let at = bytes.withUnsafeBufferPointer({ ByteSearch.find(needle, in: $0) }) else { return }
            explanation = String(decoding: bytes[..<at], as: UTF8.self) + "'\(replacement)'"
                + String(decoding: bytes[(at + needle.count)...], as: UTF8.self)
        }
        let key = reading.key
        if !key.isEmpty, folded.hasPrefix(key), key.count <= written.count {
            replaceFirst(key, with: String(written.prefix(key.count)))
        }
        if key != folded {
            replaceFirst(folded, with: written)
        }
        return explanation
    }

    private static func isBetter(_ a: Candidate, than b: Candidate) -> Bool {
        if a.end != b.end { return a.end > b.end }
        if a.inLanguage != b.inLanguage { return a.inLanguage }
        if a.cost != b.cost { return a.cost < b.cost }
        if a.caseMismatch != b.caseMismatch { return !a.caseMismatch }
        return a.entry < b.entry
    }

    /// Whether entry `entry`, with `facts`, accepts the readings of `path[0..<depth]`: nil rejects, otherwise
    /// whether the text writes a case-sensitive term in another case.
    ///
    /// Acronyms take only a clitic after a hyphen or an English 's; `match: exact` takes only
    /// case and accent folding; endings (clitics, plurals, possessives) only on the last word;
    /// the plural infix only where the term opts in. A case-sensitive term written all in lower
    /// case is another word (`us` is not `US`) and is rejected; written in mixed or upper case it
    /// is accepted and flagged.
    private func accepts(entry: Int32, _ facts: CompiledGlossary.EntryFacts, depth: Int) -> Bool? {
        let inflects = !facts.isExact && !facts.isAbbreviated
        for index in 0..<depth {
            let phenomena = readings[Int(path[index].reading)].phenomena
            if phenomena.isEmpty { continue }
            let isLast = index == depth - 1
            if phenomena.contains(.accent), !facts.foldsAccents { return nil }
            // English 's is a clitic too: "the ILO's report".
            if phenomena.contains(.hyphenatedClitic) || phenomena.contains(.possessive) {
                guard isLast, !facts.isExact else { return nil }
            }
            if phenomena.contains(.clitic) || phenomena.contains(.plural) {
                guard isLast, inflects else { return nil }
            }
            if phenomena.contains(.reduplication) || phenomena.contains(.spelling) {
                guard inflects else { return nil }
            }
            if phenomena.contains(.pluralInfix) {
                guard inflects, facts.allowsPluralInfix else { return nil }
            }
        }
        guard facts.isCaseSensitive else { return false }
        // Only a case-sensitive entry needs its words as written: the full entry is read here.
        let exactWords = compiled.tables.entries.exactWords[entry] ?? []
        var mismatch = false
        for index in 0..<min(depth, exactWords.count) {
            let written = ICU.nfc(text.source.text(text.words[Int(path[index].start)].range))
            if TermMatcher.differsInCase(written, from: exactWords[index]) {
                if !written.contains(where: \.isUppercase) { return nil }
                mismatch = true
            }
        }
        return mismatch
    }
}

extension TermMatcher {
    /// Whether `written` puts upper and lower case differently from `expected`, letter by letter.
    static func differsInCase(_ written: String, from expected: String) -> Bool {
        for (a, b) in zip(written, expected) where a.isLetter && b.isLetter {
            if a.isUppercase != b.isUppercase || a.isLowercase != b.isLowercase { return true }
        }
        return false
    }
}
