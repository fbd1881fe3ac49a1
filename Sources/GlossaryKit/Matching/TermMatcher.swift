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
///
/// A term's exception phrases (`TermException`) are entries of the same trie: the walk that
/// finds the terms at a start finds the phrases there too. A phrase is no match; it exempts
/// every match of its term's concept that it covers whole, whatever the language of the term
/// taken or of the paragraph, so the best match that is not exempt wins at that start
/// (`Search.exemptions`).
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

    /// An occurrence of an exception phrase: the entry (`CompiledGlossary.Entry.exceptionPhrase`
    /// names the phrase) and the words it covers.
    struct ExceptionHit: Hashable {
        var entry: Int32
        var tokens: Range<Int>
    }

    /// The terms in the words of `range`, as `matches(in:range:language:cache:)` finds them,
    /// and the exception phrases met on the way, in text order: what `glossary lookup` shows.
    func matchesAndExceptions(
        in text: ScannedText, range: Range<Int>, language: LanguageTag?, cache: WordReadingCache
    ) -> (matches: [TermMatch], exceptions: [ExceptionHit]) {
        var session = Session(matcher: self, text: text, cache: cache)
        session.keepsExceptionHits = true
        let matches = session.matches(in: range, language: language)
        return (matches, session.exceptionHits)
    }

    /// How many trie nodes one walk from a start may visit: past it, the walk keeps what it has
    /// found and goes no further.
    ///
    /// A walk tries every reading of every word against the trie, so a term of words that each
    /// read several ways (a reduplication read whole and as its two halves, `kerjanya` as
    /// written and as *kerja* + -nya) reaches the same node along many paths: the paths grow
    /// exponentially with the number of such words in a row (`zork-zork` eight times took
    /// seconds per start). The readings are tried as written first, so the first paths are
    /// the text's own words; natural text walks a few nodes per start, far below the limit,
    /// and a text built to branch costs at most this much per word, linear in its length.
    static let walkStepLimit = 4_096

    /// Matching paragraph after paragraph of one scanned text, with one working memory.
    struct Session {
        private var search: Search
        private let hasRootPrefixes: Bool
        /// Whether the glossary lists exception phrases: without, the matcher never looks for them.
        private let hasExceptions: Bool
        /// The analyzer group of each paragraph language met (and whether it was uncertain), which
        /// entry languages are in it (by `CompiledGlossary.EntryTable.languages` index) and its
        /// derivational prefixes (of every analyzer's language when it is unknown) and false
        /// friends (none unless the language is known and certain): a handful, so a list.
        private var groups:
            [(
                language: LanguageTag?, isUncertain: Bool, group: Int, inLanguage: [Bool], prefixes: Set<String>,
                falseFriends: Set<Int32>
            )] = []

        init(matcher: TermMatcher, text: ScannedText, cache: WordReadingCache) {
            search = Search(compiled: matcher.compiled, text: text, cache: cache)
            hasRootPrefixes = matcher.compiled.tables.prefixes[0] != nil
            hasExceptions = !matcher.compiled.tables.entries.exceptionPhrases.isEmpty
        }

        /// Whether the exception phrases met are kept in `exceptionHits`.
        var keepsExceptionHits: Bool {
            get { search.keepsExceptionHits }
            set { search.keepsExceptionHits = newValue }
        }

        /// Whether every word's readings and every gap's answer are computed afresh where they
        /// are needed, rather than kept from one start to the next and remembered by gap: the
        /// reference that the differential tests hold the kept ones to. False by default.
        var recomputesContext: Bool {
            get { search.recomputesContext }
            set { search.recomputesContext = newValue }
        }

        /// The exception phrases met so far, when `keepsExceptionHits`.
        var exceptionHits: [ExceptionHit] { search.exceptionHits }

        /// The most steps one walk from a start has taken so far (`TermMatcher.walkStepLimit`
        /// bounds it): for tests.
        var longestWalk: Int { search.longestWalk }

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
        /// When the language `isUncertain` (`DetectedLanguage`), every language's analyzer reads
        /// the words, as for an unknown language, so that a term of another language is found
        /// in all its forms; `language` is then only the likeliest, whose terms win a tie
        /// between terms of the same words, and the matches say that it is uncertain
        /// (`TermMatch.paragraphLanguageIsUncertain`).
        ///
        /// - Complexity: O(*n* · *k*) for *n* words and terms at most *k* words long.
        mutating func forEachMatch(
            in range: Range<Int>, language: LanguageTag?, isUncertain: Bool = false,
            _ body: (TermMatch, _ isInLanguage: Bool) -> Void
        ) {
            let cache = search.cache
            let group: Int
            let inLanguage: [Bool]
            let prefixes: Set<String>
            let falseFriends: Set<Int32>
            if let known = groups.first(where: { $0.language == language && $0.isUncertain == isUncertain }) {
                group = known.group
                inLanguage = known.inLanguage
                prefixes = known.prefixes
                falseFriends = known.falseFriends
            } else {
                group = cache.analyzerGroup(for: isUncertain ? nil : language)
                inLanguage = search.compiled.tables.entries.languages.map { entryLanguage in
                    language.map(entryLanguage.overlaps) ?? true
                }
                prefixes =
                    group < 0
                    ? [] : search.compiled.analyzers(inGroup: group).reduce(into: []) { $0.formUnion($1.compoundRules.prefixes) }
                // As term-word ids: a false friend that is no term's word cannot be misread.
                let compiled = search.compiled
                falseFriends =
                    isUncertain || language == nil || group < 0
                    ? []
                    : Set(
                        compiled.analyzers(inGroup: group).flatMap(\.falseFriends).compactMap { compiled.tables.words.find($0) })
                groups.append((language, isUncertain, group, inLanguage, prefixes, falseFriends))
            }
            search.start(
                range: range, language: language, isUncertain: isUncertain, group: group, inLanguage: inLanguage,
                prefixes: prefixes,
                falseFriends: falseFriends)
            var index = range.lowerBound
            let compiled = search.compiled
            let hasRootPrefixes = hasRootPrefixes
            let hasLexiconFlags = search.text.hasLexiconFlags
            let lineBreakHyphen = compiled.lineBreakHyphenGap
            let hasExceptions = hasExceptions
            let trie = search.trie
            let hyphenGap = compiled.hyphenGap
            search.text.words.withUnsafeBufferPointer { words in
                /// Starts loading the glossary's tables that the walks from the next words will
                /// read (`TrieView.prefetchFirstStep`, `prefetchSecondStep`): with a large
                /// glossary each is a read at a random place of tens of megabytes, which would
                /// otherwise wait for main memory at nearly every word. The root child of the
                /// word four ahead is loaded first; three words later it gives the address of the
                /// second step.
                @inline(__always)
                func prefetch(after index: Int) {
                    guard index + 4 < range.upperBound else { return }
                    trie.prefetchFirstStep(word: words[index + 4].folded)
                    let gap = words[index + 2].gap
                    trie.prefetchSecondStep(
                        word: words[index + 1].folded, gap: gap == hyphenGap ? CompiledGlossary.spaceGap : gap,
                        next: words[index + 2].folded)
                }
                /// Whether no term starts at `word`: most words are no term's word and read as
                /// none, which a look-up says (in the word's record when the scan copied the
                /// glossary's flags there).
                func startsNoTerm(_ word: ScannedWord) -> Bool {
                    let isTermWord =
                        hasLexiconFlags
                        ? word.lexiconFlags & 1 != 0
                        : compiled.mayStartMatch(word.folded) || compiled.mayStartMatch(word.bare)
                    return !isTermWord && !hasRootPrefixes && !cache.hasReadings(word, group: group)
                }
                /// The loop over the words, once with and once without looking for hyphens at
                /// the ends of lines, so that the common text, which has none, pays nothing for
                /// them.
                @inline(__always)
                func matchWords(lookingForLineBreakHyphens: Bool) {
                    // Words before `unmatched` are inside a match or were tried as a start.
                    var unmatched = range.lowerBound
                    while index < range.upperBound {
                        prefetch(after: index)
                        let word = words[index]
                        // A hyphen at the line's end may join the word before, skipped as no
                        // term's, to this one (`traf-⏎ficking`): that word is a start after all.
                        if lookingForLineBreakHyphens, word.gap == lineBreakHyphen, index - 1 >= unmatched,
                            startsNoTerm(words[index - 1]), let (match, isInLanguage) = search.longestMatch(at: index - 1)
                        {
                            body(match, isInLanguage)
                            if hasExceptions { search.recordExceptions(startingIn: index..<match.tokens.upperBound) }
                            index = match.tokens.upperBound
                            unmatched = index
                            continue
                        }
                        if startsNoTerm(word) {
                            index += 1
                            continue
                        }
                        if let (match, isInLanguage) = search.longestMatch(at: index) {
                            body(match, isInLanguage)
                            // A phrase that starts inside the match may cover a later one.
                            if hasExceptions { search.recordExceptions(startingIn: (index + 1)..<match.tokens.upperBound) }
                            index = match.tokens.upperBound
                        } else {
                            index += 1
                        }
                        unmatched = index
                    }
                }
                if search.text.hasLineBreakHyphens {
                    matchWords(lookingForLineBreakHyphens: true)
                } else {
                    matchWords(lookingForLineBreakHyphens: false)
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
    /// Where the text and the term write hyphens between the words (`Entry.hyphens`).
    var hyphens: (text: UInt32, term: UInt32)
}

/// The leftmost-longest search in the paragraphs of one text: the matcher's working state, kept
/// in arrays that are emptied, not freed, between two starts, so that a match costs no
/// allocation but its own.
private struct Search {
    let compiled: CompiledGlossary
    let text: ScannedText
    let cache: WordReadingCache
    /// The paragraph being matched, its language (and whether that is uncertain) and analyzer group.
    private(set) var range: Range<Int> = 0..<0
    private(set) var language: LanguageTag?
    private(set) var isUncertain = false
    private(set) var group = -1
    /// Per entry language (`CompiledGlossary.EntryTable.languages`): whether it is the paragraph's.
    private(set) var inLanguage: [Bool] = []

    /// The readings met from the current start on; `known` says which belong to which word.
    var readings: [Reading] = []
    /// The texts of the readings made in context from the current start on (`Reading.texts`
    /// below 0); those of a word's readings on its own are the cache's.
    private var localTexts: [WordReadingCache.Texts] = []
    /// Per word position met: its readings, `readings[range]`. A handful at most, so a list
    /// beats a dictionary.
    var known: [(position: Int, readings: Range<Int>)] = []
    /// The path being walked: `path[0..<depth]`.
    var path: [Step] = []
    var candidates: [Candidate] = []
    var candidateSteps: [Step] = []
    var best: Int?
    /// The position of the word before the current start when a hyphen joins it to the start
    /// (`anti-trafficking`, `non-pemerintah`): a derivational prefix of the paragraph's language
    /// there makes the start no term's, one of a term's language that term's. (A position, not
    /// the word, so that the common start, after no hyphen, stores and frees no string.)
    var hyphenatedBefore: Int?
    /// The word the current walk started at.
    private var walkStart = 0
    /// The trie nodes the current walk has visited (`TermMatcher.walkStepLimit`), and the most
    /// any walk has.
    private var walkSteps = 0
    private(set) var longestWalk = 0
    /// The exception phrases met in the paragraph that may still cover a match: the concept
    /// (`CompiledGlossary.EntryTable.concepts`) whose matches each exempts, and the word it ends
    /// before. Each started at or before the current start; those that end there are dropped.
    private var exemptions: [(concept: Int32, end: Int)] = []
    /// Whether the phrases met are kept in `exceptionHits` (for lookup).
    var keepsExceptionHits = false
    private(set) var exceptionHits: [TermMatcher.ExceptionHit] = []
    /// Per analyzer group, per gap-lexicon id: whether the group's analyzers read across the
    /// gap, once asked (an array as long as the gap lexicon once the group asks).
    private var gapsReadAcross: [[Answer]] = []
    private enum Answer: UInt8 { case unknown, no, yes }
    /// The same for the gaps the gap lexicon does not list, by their bytes.
    private var unlistedGapAnswers = UnlistedGapAnswers()
    /// Whether every word's readings and every gap's answer are computed afresh where they are
    /// needed, as before they were kept: the reference the differential tests hold the kept
    /// ones to (`TermMatcher.Session.recomputesContext`).
    var recomputesContext = false
    /// The derivational prefixes of the paragraph's language (of every analyzer's language when
    /// it is unknown): a word hyphenated to one is no term's word.
    private var paragraphPrefixes: Set<String> = []
    /// The false friends of the paragraph's language (`LanguageAnalyzer.falseFriends`) that are
    /// term words, by id: empty unless the language is known and certain.
    private var paragraphFalseFriends: Set<Int32> = []

    /// `compiled`'s trie, read in place: valid while `compiled` lives, which the search holds.
    let trie: TrieView
    /// Whether the glossary has `match: prefix` terms.
    private let hasPrefixTerms: Bool

    init(compiled: CompiledGlossary, text: ScannedText, cache: WordReadingCache) {
        self.compiled = compiled
        self.text = text
        self.cache = cache
        trie = TrieView(compiled.tables)
        hasPrefixTerms = !compiled.tables.prefixes.isEmpty
    }

    /// Moves on to the paragraph `range`, in `language` (uncertain or not), read by analyzer
    /// `group`, whose derivational `prefixes` make a hyphenated word another word and whose
    /// `falseFriends` are no other language's one-word term.
    mutating func start(
        range: Range<Int>, language: LanguageTag?, isUncertain: Bool, group: Int, inLanguage: [Bool], prefixes: Set<String>,
        falseFriends: Set<Int32>
    ) {
        self.range = range
        self.language = language
        self.isUncertain = isUncertain
        self.group = group
        self.inLanguage = inLanguage
        paragraphPrefixes = prefixes
        paragraphFalseFriends = falseFriends
        exemptions.removeAll(keepingCapacity: true)
        // The readings kept from one start to the next are those of this paragraph's words.
        readings.removeAll(keepingCapacity: true)
        localTexts.removeAll(keepingCapacity: true)
        known.removeAll(keepingCapacity: true)
    }

    /// The longest term that starts at word `start`, if any, and whether it is of the
    /// paragraph's language.
    @inline(__always)
    mutating func longestMatch(at start: Int) -> (TermMatch, isInLanguage: Bool)? {
        if !exemptions.isEmpty { exemptions.removeAll { $0.end <= start } }
        walk(from: start)
        if !exemptions.isEmpty, let found = best, isExempt(candidates[found]) { best = bestNotExempt() }
        guard let best else { return nil }
        return (match(from: start, best: candidates[best]), candidates[best].inLanguage)
    }

    /// Walks the trie from word `start` with emptied working memory.
    private mutating func walk(from start: Int) {
        keepReadings(from: start)
        // (Emptying an empty array is a call all the same: most walks leave most of them empty.
        // `path` is not emptied: only `path[0..<depth]`, set by this walk, is ever read.)
        if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
        if !candidateSteps.isEmpty { candidateSteps.removeAll(keepingCapacity: true) }
        best = nil
        hyphenatedBefore = nil
        walkStart = start
        walkSteps = 0
        defer { longestWalk = max(longestWalk, walkSteps) }
        if start > range.lowerBound {
            let gap = text.words[start].gap
            if gap == compiled.hyphenGap || gap == compiled.lineBreakHyphenGap, !admitsStart(afterHyphenAt: start) { return }
        }
        walk(node: 0, position: start, depth: 0, hyphens: Hyphens())
    }

    /// Keeps the readings of the words from `start` on, which a walk from an earlier start has
    /// made (a word's readings depend on the paragraph and the words after it, never on where
    /// the walk started), and drops the others, with the readings of prefix terms.
    ///
    /// A walk from word *i* that gets past its first word reads word *i* + 1 too, and most
    /// walks end there without a match: the walk from *i* + 1 then starts with its first
    /// word's readings at hand. What is kept moves to the front of `readings` and `localTexts`
    /// (in place: a kept reading never moves right), renumbered.
    private mutating func keepReadings(from start: Int) {
        guard !recomputesContext else {
            if !readings.isEmpty { readings.removeAll(keepingCapacity: true) }
            if !localTexts.isEmpty { localTexts.removeAll(keepingCapacity: true) }
            if !known.isEmpty { known.removeAll(keepingCapacity: true) }
            return
        }
        var keptKnown = 0, keptReadings = 0, keptTexts = 0
        for index in known.indices where known[index].position >= start {
            let (position, options) = known[index]
            let first = keptReadings
            for option in options {
                var reading = readings[option]
                if reading.texts < 0 {
                    if keptTexts != Int(~reading.texts) { localTexts[keptTexts] = localTexts[Int(~reading.texts)] }
                    reading.texts = ~Int32(keptTexts)
                    keptTexts += 1
                }
                readings[keptReadings] = reading
                keptReadings += 1
            }
            known[keptKnown] = (position, first..<keptReadings)
            keptKnown += 1
        }
        // (A few at most to drop, one by one: cheaper than a call that removes a range.)
        while known.count > keptKnown { known.removeLast() }
        while readings.count > keptReadings { readings.removeLast() }
        while localTexts.count > keptTexts { localTexts.removeLast() }
    }

    /// Records the exception phrases that start at the words of `starts`, which a match covers
    /// (the terms found there are not reported: the match is).
    mutating func recordExceptions(startingIn starts: Range<Int>) {
        for start in starts { walk(from: start) }
    }

    /// Whether an exception phrase met covers `candidate` whole and exempts its concept.
    private func isExempt(_ candidate: Candidate) -> Bool {
        guard !exemptions.isEmpty else { return false }
        let concept = compiled.tables.entries.concepts[Int(candidate.entry)]
        return exemptions.contains { $0.concept == concept && $0.end >= candidate.end }
    }

    /// The best candidate that no exception phrase exempts.
    private func bestNotExempt() -> Int? {
        var result: Int?
        for index in candidates.indices where !isExempt(candidates[index]) {
            if let found = result, !Self.isBetter(candidates[index], than: candidates[found]) { continue }
            result = index
        }
        return result
    }

    /// Whether a term may start at `start`, which a hyphen joins to the word before: not when
    /// that word is a derivational prefix of the paragraph's language (`anti-trafficking`,
    /// `ke-TKI-an`). A prefix of only some term's language is left to `consider`.
    @inline(never)
    private mutating func admitsStart(afterHyphenAt start: Int) -> Bool {
        if paragraphPrefixes.contains(text.foldedText(start - 1)) { return false }
        hyphenatedBefore = start - 1
        return true
    }

    /// Where a path crosses hyphens in the text, as `Entry.hyphens` says it of a term: bit *i* for
    /// a hyphen before the path's word *i*; and which of its words are the second half of a
    /// reduplication read as one word (`kupu2`), where the term's own separator counts as
    /// written.
    private struct Hyphens {
        var written: UInt32 = 0
        var secondHalves: UInt32 = 0

        /// The text's hyphens compared with a term's `hyphens`.
        func compared(with term: UInt32) -> UInt32 { written | (term & secondHalves) }

        /// These with one more word, after `gap`, at `depth`.
        func adding(gap: Int32, hyphen: Int32, at depth: Int) -> Hyphens {
            guard gap == hyphen, depth > 0, depth < 32 else { return self }
            return Hyphens(written: written | 1 << UInt32(depth), secondHalves: secondHalves)
        }
    }

    private mutating func walk(node: Int32, position: Int, depth: Int, hyphens: Hyphens) {
        guard walkSteps < TermMatcher.walkStepLimit else { return }
        walkSteps &+= 1
        if depth > 0 {
            for index in trie.terminals(of: node) {
                consider(entry: trie.entry(at: index), end: position, depth: depth, hyphens: hyphens)
            }
        }
        guard position < range.upperBound, depth < compiled.tables.maximumLength else { return }
        let gap: Int32
        if depth == 0 {
            gap = 0
        } else {
            gap = text.words[position].gap
            guard gap >= 0 else { return }
        }
        // The trie stores a hyphen between words as a space (`consider` compares the hyphens).
        let edgeGap = gap == compiled.hyphenGap ? CompiledGlossary.spaceGap : gap
        let next = hyphens.adding(gap: gap, hyphen: compiled.hyphenGap, at: depth)
        if hasPrefixTerms, let byStem = compiled.tables.prefixes[node] {
            let folded = text.foldedText(position)
            for prefixEntry in byStem[String(folded.prefix(3))] ?? []
            where prefixEntry.gap == edgeGap && folded.hasPrefix(prefixEntry.stem) {
                let extra = String(folded.dropFirst(prefixEntry.stem.count))
                let explanation = extra.isEmpty ? "" : "'\(prefixEntry.stem)' + \(extra)"
                appendReading(
                    termWord: -1, phenomena: PhenomenonSet(extra.isEmpty ? [] : [.prefix]),
                    texts: .init(key: prefixEntry.stem, explanation: explanation, suffix: extra))
                setStep(Step(reading: Int32(readings.count - 1), start: Int32(position)), at: depth)
                consider(entry: prefixEntry.entry, end: position + 1, depth: depth + 1, hyphens: next)
            }
        }
        let options = readings(at: position)
        for option in options {
            // The reading's fields, read before the recursive walk, which may append to `readings`.
            let termWord = readings[option].termWord
            guard let child = trie.child(of: node, gap: edgeGap, word: termWord) else { continue }
            let end = position + readings[option].tokenCount
            let step = Step(reading: Int32(option), start: Int32(position))
            setStep(step, at: depth)
            walk(node: child, position: end, depth: depth + 1, hyphens: next)
            if readings[option].phenomena.contains(.reduplication) {
                walkBothHalves(of: step, termWord: termWord, after: child, end: end, depth: depth, hyphens: next)
            }
        }
    }

    /// Walks on from `node`, the trie node after the reduplication read at `step`, as if the
    /// reading were the term's own reduplicated word: both halves, two steps for one reading
    /// (`kupu2` or `kupu-⏎kupu` for the *kupu-kupu* of *kupu-kupu malam*). The trie knows the
    /// hyphen between the halves as a space; the term's own separator there counts as written.
    @inline(never)
    private mutating func walkBothHalves(
        of step: Step, termWord: Int32, after node: Int32, end: Int, depth: Int, hyphens: Hyphens
    ) {
        guard depth + 1 < compiled.tables.maximumLength,
            let twice = trie.child(of: node, gap: CompiledGlossary.spaceGap, word: termWord)
        else { return }
        setStep(step, at: depth + 1)
        var halves = hyphens
        halves.secondHalves |= 1 << UInt32(depth + 1)
        walk(node: twice, position: end, depth: depth + 2, hyphens: halves)
    }

    private mutating func setStep(_ step: Step, at depth: Int) {
        if depth < path.count {
            path[depth] = step
        } else {
            path.append(step)
        }
    }

    private mutating func consider(entry entryIndex: Int32, end: Int, depth: Int, hyphens pathHyphens: Hyphens) {
        // A term that ends where a hyphen at the line's end splits a word is that word's first
        // part (`maid-⏎en`), not the term.
        if end < range.upperBound, text.words[end].gap == compiled.lineBreakHyphenGap, continuesWordAcrossLineBreak(at: end) {
            return
        }
        let facts = trie.facts(entryIndex)
        // A term whose last word a hyphen joins to the next is not whole there when the next is
        // a derivational ending (`NGO-isation`), or when the term links its head to an object
        // that the hyphen makes a compound's first part (`victims of trafficking-related
        // violence`: the object is *trafficking-related violence*).
        if end < range.upperBound, text.words[end].gap == compiled.hyphenGap,
            endsInsideHyphenatedWord(end: end, depth: depth, language: facts.language)
        {
            return
        }
        // A word with a hyphenated prefix is another word: anti-trafficking, co-worker.
        if let before = hyphenatedBefore, compiled.entryCompoundRules[facts.language].prefixes.contains(text.foldedText(before)) {
            return
        }
        guard let caseMismatch = accepts(entry: entryIndex, facts, depth: depth) else { return }
        if facts.isException {
            exemptions.append((compiled.tables.entries.concepts[Int(entryIndex)], end))
            if keepsExceptionHits { exceptionHits.append(TermMatcher.ExceptionHit(entry: entryIndex, tokens: walkStart..<end)) }
            return
        }
        var cost = (facts.viaBareKeys ? 1 : 0) + (caseMismatch ? 1 : 0)
        // (A reduplication that is two of the term's words is one step twice: its cost counts once.)
        var previousStart: Int32 = -1
        for step in path[0..<depth] where step.start != previousStart {
            cost += readings[Int(step.reading)].phenomena.cost
            previousStart = step.start
        }
        // A hyphen for a space or a space for a hyphen (`jual-beli manusia`, `live in maid`),
        // where the term's language reads them alike; or the term written closed or open.
        let termHyphens = compiled.tables.entries.hyphens(entryIndex)
        let hyphens = (text: pathHyphens.compared(with: termHyphens), term: termHyphens)
        if hyphens.text != hyphens.term {
            guard facts.allowsHyphenForSpace, !isVerbPhrase(hyphens, language: facts.language) else { return }
        }
        if hyphens.text != hyphens.term || facts.compoundVariant != nil { cost += Phenomenon.compound.cost }
        let inLanguage = self.inLanguage[facts.language]
        // Another language's one-word term spelt like a word of the paragraph's own language
        // with another meaning is that word (Indonesian *budak*, not Sundanese *budak*).
        if !inLanguage, depth == 1, !paragraphFalseFriends.isEmpty,
            paragraphFalseFriends.contains(readings[Int(path[0].reading)].termWord)
        {
            return
        }
        let candidate = Candidate(
            end: end, cost: cost, inLanguage: inLanguage, entry: entryIndex,
            steps: candidateSteps.count..<(candidateSteps.count + depth), caseMismatch: caseMismatch,
            hyphens: hyphens)
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

    /// Whether a path of `depth` words ending before word `end`, which a hyphen joins to the
    /// path's last word, stops inside a hyphenated word: `end` is a derivational ending of the
    /// term's language (`CompoundRules.suffixes`), or the path holds a head preposition
    /// (`PluralPositions`), whose object then runs on past the hyphen.
    @inline(never)
    private func endsInsideHyphenatedWord(end: Int, depth: Int, language: Int) -> Bool {
        if compiled.entryCompoundRules[language].suffixes.contains(text.foldedText(end)) { return true }
        guard depth > 2 else { return false }
        return path[1..<(depth - 1)].contains {
            compiled.pluralPositions.isHeadPreposition(readings[Int($0.reading)].termWord, language: language)
        }
    }

    /// Whether a term's hyphen written as a space makes the term's first words a verb and its
    /// particle: after a subject or a modal of the term's language ("they live in maids'
    /// quarters" is not "live-in maid", `CompoundRules.notBeforeOpenCompound`).
    private func isVerbPhrase(_ hyphens: (text: UInt32, term: UInt32), language: Int) -> Bool {
        guard hyphens.term & ~hyphens.text != 0, let start = path.first.map({ Int($0.start) }), start > range.lowerBound else {
            return false
        }
        let markers = compiled.entryCompoundRules[language].notBeforeOpenCompound
        return !markers.isEmpty && markers.contains(text.foldedText(start - 1))
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

    /// Appends a reading made in context, whose `texts` the search keeps until the next start.
    private mutating func appendReading(
        termWord: Int32, tokenCount: Int = 1, phenomena: PhenomenonSet, texts: WordReadingCache.Texts
    ) {
        localTexts.append(texts)
        readings.append(
            Reading(termWord: termWord, tokenCount: tokenCount, phenomena: phenomena, texts: ~Int32(localTexts.count - 1)))
    }

    /// What `reading` says in words: the cache's texts, or those of a reading made in context.
    private func texts(of reading: Reading) -> WordReadingCache.Texts {
        reading.texts >= 0 ? cache.texts[Int(reading.texts)] : localTexts[Int(~reading.texts)]
    }

    /// Appends the readings of the word at `index`: as written, and the analyzer's readings of
    /// it in context (`kerjanya`, `pekerja-pekerja`, `ILO-nya`, `hak - hak`, `workers' rights`),
    /// and joined to the next across a hyphen that ends the line (`traf-⏎ficking`).
    private mutating func appendReadings(at index: Int) {
        let words = text.words
        let word = words[index]
        let first = readings.count
        if word.folded >= 0, trie.isTermWord(word.folded) {
            readings.append(Reading(termWord: word.folded, phenomena: PhenomenonSet([]), texts: WordReadingCache.Texts.noneIndex))
        }
        if word.bare != word.folded, trie.isTermWord(word.bare) {
            readings.append(
                Reading(
                    termWord: word.bare, phenomena: PhenomenonSet([.accent]), texts: WordReadingCache.Texts.accentsFoldedIndex))
        }
        if index + 1 < range.upperBound, words[index + 1].gap == compiled.lineBreakHyphenGap {
            appendReadingsAcrossLineBreak(at: index)
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
        guard let (window, wordCount) = contextWindow(at: index, group: group) else {
            guard hasOwn else { return }
            cache.appendReadings(of: word, group: group, to: &readings)
            return
        }
        let analyzers = compiled.analyzers(inGroup: group)
        // The first half of a derived reduplication (kapal-kapalan) is no word on its own.
        if analyzers.contains(where: { $0.bindsToNext(window, at: 0) }) {
            readings.removeSubrange(first...)
            return
        }
        for analyzer in analyzers {
            // An analyzer of the caller's may give any count: one below 1 or past the window is no reading.
            for analysis in analyzer.analyses(of: window, at: 0)
            where analysis.tokenCount >= 1 && analysis.tokenCount <= wordCount {
                guard let id = compiled.tables.words.find(analysis.key), compiled.isTermWord(id) else { continue }
                appendReading(
                    termWord: id, tokenCount: analysis.tokenCount, phenomena: PhenomenonSet(analysis.phenomena),
                    texts: .init(key: analysis.key, explanation: analysis.explanation, suffix: analysis.suffix))
            }
        }
    }

    /// The words from `index` on as the analyzers read them in context, with how many of them
    /// are the text's words; nil when the word reads as on its own.
    ///
    /// A single quotation mark after the word is shown as what it is: an apostrophe (*workers'
    /// rights*), or, when it closes a quotation (*the word 'workers' is old*), a closing quotation
    /// mark, which no analyzer reads as a possessive. At the end of a paragraph an apostrophe
    /// (*they were the employers'.*) is shown as the gap before an empty word.
    private mutating func contextWindow(at index: Int, group: Int) -> (tokens: [Token], words: Int)? {
        let end = Int(text.words[index].end)
        if index + 1 < range.upperBound {
            guard isReadAcross(gapBefore: index + 1, group: group) else { return nil }
            var window = text.tokens(from: index, to: min(range.upperBound, index + 4))
            if window.count > 1, window[1].gapBefore.hasPrefix("'"), closesQuotation(at: end) {
                window[1].gapBefore = "\"" + window[1].gapBefore.dropFirst()
            }
            return (window, window.count)
        }
        guard apostropheLength(at: end) > 0, !closesQuotation(at: end),
            compiled.analyzers(inGroup: group).contains(where: { $0.readsAcross(gap: "'") })
        else { return nil }
        var window = text.tokens(from: index, to: index + 1)
        window.append(Token(start: end, end: end, folded: "", bare: "", kind: .letter, gapBefore: "'"))
        return (window, 1)
    }

    /// Whether the single quotation mark at byte `offset` closes a quotation that opened in the
    /// paragraph (`QuotationMark`).
    private func closesQuotation(at offset: Int) -> Bool {
        // From the end of the previous paragraph: a quotation may open before the first word.
        let start = range.lowerBound > 0 ? Int(text.words[range.lowerBound - 1].end) : 0
        return text.source.bytes.withUnsafeBufferPointer { QuotationMark.closesQuotation($0, at: offset, from: start) }
    }

    /// The length in bytes of the apostrophe (`'` or `’`) at byte `offset`, 0 when there is none.
    private func apostropheLength(at offset: Int) -> Int {
        let bytes = text.source.bytes
        guard offset < bytes.count else { return 0 }
        if bytes[offset] == UInt8(ascii: "'") { return 1 }
        if offset + 2 < bytes.count, bytes[offset] == 0xE2, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x99 { return 3 }
        return 0
    }

    /// Appends the readings of the word at `index` and the next, which a hyphen at the end of a
    /// line separates: the two joined into one word when that is a term's word or a reading of
    /// one (`traf-⏎ficking`, `maji-⏎kannya` = *majikan* + -nya), and the analyzers' readings
    /// across the hyphen as if the line did not end there (`majikan-⏎majikan`, `ABK-⏎nya`).
    /// Each has the phenomenon `lineBreak`.
    ///
    /// Whether the hyphen is the typesetter's or the writer's (*co-⏎workers*), only the words
    /// tell: a joined reading is made only when the joined word is a term's, and the hyphenated
    /// prefixes of the term's language keep the second word from being read on its own.
    private mutating func appendReadingsAcrossLineBreak(at index: Int) {
        let lineBreak = PhenomenonSet([.lineBreak])
        let folded = text.foldedText(index) + text.foldedText(index + 1)
        let bare = text.bareText(index) + text.bareText(index + 1)
        let forms = bare == folded ? [(folded, false)] : [(folded, false), (bare, true)]
        for (joined, accent) in forms {
            var base = lineBreak
            if accent { base.insert(.accent) }
            if let id = compiled.tables.words.find(joined), compiled.isTermWord(id) {
                appendReading(
                    termWord: id, tokenCount: 2, phenomena: base,
                    texts: .init(
                        key: joined,
                        explanation: "'\(joined)' hyphenated across a line break" + (accent ? ", accents folded" : ""),
                        suffix: ""))
            }
            guard group >= 0 else { continue }
            for analyzer in compiled.analyzers(inGroup: group) {
                for analysis in analyzer.analyses(ofWord: joined) {
                    guard let id = compiled.tables.words.find(analysis.key), compiled.isTermWord(id) else { continue }
                    var phenomena = PhenomenonSet(analysis.phenomena)
                    phenomena.formUnion(base)
                    appendReading(
                        termWord: id, tokenCount: 2, phenomena: phenomena,
                        texts: .init(
                            key: analysis.key, explanation: analysis.explanation + ", hyphenated across a line break",
                            suffix: analysis.suffix))
                }
            }
        }
        // Read in context as though the hyphen were inside the line: a reduplication or a
        // hyphenated clitic broken at the line's end. Only readings that reach across it count.
        guard group >= 0 else { return }
        var window = text.tokens(from: index, to: min(range.upperBound, index + 4))
        guard window.count > 1 else { return }
        window[1].gapBefore = "-"
        for analyzer in compiled.analyzers(inGroup: group) {
            for analysis in analyzer.analyses(of: window, at: 0)
            where analysis.tokenCount >= 2 && analysis.tokenCount <= window.count {
                guard let id = compiled.tables.words.find(analysis.key), compiled.isTermWord(id) else { continue }
                var phenomena = PhenomenonSet(analysis.phenomena)
                phenomena.formUnion(lineBreak)
                appendReading(
                    termWord: id, tokenCount: analysis.tokenCount, phenomena: phenomena,
                    texts: .init(
                        key: analysis.key, explanation: analysis.explanation + ", across a line break", suffix: analysis.suffix))
            }
        }
    }

    /// Whether the word at `index`, after a hyphen that ends a line, continues the word before
    /// it rather than starting one: it starts in lower case (`traf-⏎ficking`, `maid-⏎en`), or both
    /// are written in capitals (`PERDA-⏎GANGAN`).
    private func continuesWordAcrossLineBreak(at index: Int) -> Bool {
        let next = text.source.text(text.words[index].range)
        guard let first = next.first(where: \.isLetter) else { return false }
        if first.isLowercase { return true }
        guard next.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return false }
        let previous = text.source.text(text.words[index - 1].range)
        return previous.last(where: \.isLetter)?.isUppercase == true
    }

    /// Whether one of the analyzers of `group` reads across the gap before word `index`; the
    /// answer for a gap of the gap lexicon is remembered by its id, for another gap by its bytes
    /// (`UnlistedGapAnswers`), unless the search `recomputesContext`.
    ///
    /// Most words that start a term are followed by a plain space, which no analyzer reads
    /// across but for a reduplication (*pekerja pekerja*): the answer for the space is read
    /// first, and only a yes asks whether the word repeats. (The test reads the words in place:
    /// a call to a method of the search would copy all of it first.)
    private mutating func isReadAcross(gapBefore index: Int, group: Int) -> Bool {
        let gap = text.words[index].gap
        if gap == ByteLexicon.hardGap { return false }
        let answer: Bool
        if recomputesContext {
            answer = Self.readsAcross(signature: text.gapSignature(before: index), analyzers: compiled.analyzers(inGroup: group))
        } else if gap >= 0 {
            answer = isReadAcross(listedGap: gap, before: index, group: group)
        } else {
            let analyzers = compiled.analyzers(inGroup: group)
            let bytes = text.source.bytes[Int(text.words[index - 1].end)..<Int(text.words[index].start)]
            answer = unlistedGapAnswers.answer(for: bytes, group: group) {
                Self.readsAcross(signature: Gap.signature(bytes), analyzers: analyzers)
            }
        }
        guard answer, gap == CompiledGlossary.spaceGap else { return answer }
        // Whether word `index` is the word before it again, after exactly one space (not a line
        // break, where a repeated word is a slip more often than a reduplication).
        let before = text.words[index - 1], word = text.words[index]
        let same =
            before.folded >= 0 ? before.folded == word.folded : before.unknownWord >= 0 && before.unknownWord == word.unknownWord
        return same && word.start == before.end + 1 && text.source.bytes[Int(before.end)] == 0x20
    }

    /// Whether the analyzers of `group` read across the gap-lexicon gap `gap` (before word
    /// `index`), asked once per group and gap.
    private mutating func isReadAcross(listedGap gap: Int32, before index: Int, group: Int) -> Bool {
        if gapsReadAcross.count <= group { gapsReadAcross += Array(repeating: [], count: group + 1 - gapsReadAcross.count) }
        if gapsReadAcross[group].isEmpty {
            gapsReadAcross[group] = Array(repeating: .unknown, count: compiled.tables.gapLexicon.count)
        }
        if Int(gap) < gapsReadAcross[group].count, gapsReadAcross[group][Int(gap)] != .unknown {
            return gapsReadAcross[group][Int(gap)] == .yes
        }
        let answer = Self.readsAcross(signature: text.gapSignature(before: index), analyzers: compiled.analyzers(inGroup: group))
        if Int(gap) < gapsReadAcross[group].count { gapsReadAcross[group][Int(gap)] = answer ? .yes : .no }
        return answer
    }

    /// Whether one of `analyzers` reads across a gap of signature `signature` (`Gap.signature`).
    private static func readsAcross(signature: String, analyzers: ArraySlice<any WordFormAnalyzer>) -> Bool {
        signature != Token.hardBreak && analyzers.contains { $0.readsAcross(gap: signature) }
    }

    /// The match of the winning candidate, with every term the same words could be.
    ///
    /// (Mutating, though it changes nothing, so that `longestMatch` passes the search in place:
    /// a call from a mutating method to a non-mutating one made Swift copy the whole search,
    /// with a retain and a release of each of its arrays, for every match.)
    private mutating func match(from start: Int, best: Candidate) -> TermMatch {
        let entry = compiled.tables.entries[best.entry]
        // Every term the same words could be, best first: other languages' and listed forms.
        var alternatives = [entry.reference]
        let others = candidates.filter { $0.end == best.end && $0.entry != best.entry && !isExempt($0) }
        if !others.isEmpty {
            for candidate in others.sorted(by: Self.isBetter) {
                let reference = compiled.tables.entries.reference(candidate.entry)
                if !alternatives.contains(reference) { alternatives.append(reference) }
            }
        }
        var phenomena = PhenomenonSet([])
        var explanations: [String] = []
        let steps = candidateSteps[best.steps]
        for (index, step) in zip(steps.indices, steps) {
            // (A reduplication that is two of the term's words is one step twice.)
            if index > steps.startIndex, steps[index - 1].start == step.start { continue }
            let reading = readings[Int(step.reading)]
            phenomena.formUnion(reading.phenomena)
            if !texts(of: reading).explanation.isEmpty {
                let written = writtenExplanation(texts(of: reading), at: Int(step.start))
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
        if let variant = entry.facts.compoundVariant {
            phenomena.insert(.compound)
            let how = variant == .closed ? "closed" : best.hyphens.text != 0 ? "with a hyphen" : "open"
            explanations.append("'\(compiled.glossary[term: entry.reference].text)' written \(how)")
        } else if best.hyphens.text != best.hyphens.term {
            phenomena.insert(.compound)
            let added = best.hyphens.text & ~best.hyphens.term, removed = best.hyphens.term & ~best.hyphens.text
            let how = removed == 0 ? "with a hyphen" : added == 0 ? "with a space for its hyphen" : "with its hyphens elsewhere"
            explanations.append("'\(compiled.glossary[term: entry.reference].text)' written \(how)")
        }
        let words = text.words
        var end = Int(words[best.end - 1].end)
        // A plural possessive covers its apostrophe (workers'): the reading's suffix says so.
        let suffix = steps.last.map { texts(of: readings[Int($0.reading)]).suffix } ?? ""
        if suffix.hasSuffix("'") { end += apostropheLength(at: end) }
        let bytes = Int(words[start].start)..<end
        let invisible = InvisibleCharacter.names(in: text.source.bytes[bytes])
        if !invisible.isEmpty {
            phenomena.insert(.invisible)
            explanations.append(English.list(invisible, "and") + " ignored")
        }
        if TermMatcher.containsMarkup(text.source.bytes[bytes], term: { compiled.glossary[term: entry.reference].text }) {
            phenomena.insert(.markup)
            explanations.append("Markdown markup ignored")
        }
        var match = TermMatch(
            tokens: start..<best.end,
            bytes: bytes,
            term: entry.reference,
            alternatives: alternatives,
            phenomena: phenomena.membersByName,
            explanation: explanations.count == 1 ? explanations[0] : explanations.joined(separator: ", "),
            caseMismatch: best.caseMismatch,
            suffix: suffix,
            paragraphLanguage: language)
        match.paragraphLanguageIsUncertain = isUncertain
        match.termFacts = TermMatch.TermFacts(
            status: entry.facts.status, language: compiled.tables.entries.languages[entry.facts.language],
            isAbbreviated: entry.facts.isAbbreviated)
        return match
    }

    /// The reading's explanation with the word at `position` quoted as the text writes it:
    /// `'Kerja' + -nya` for *Kerjanya*, `'TKI' + -na` for *TKI-na*, `'labour' spelt 'Labor'`.
    ///
    /// The analyzers explain in folded forms; a quoted stem that begins the folded word is replaced
    /// by the same number of characters of the written word, and the quoted folded word by the
    /// written one. When folding changed the word's length (`ß` → `ss`) the folded forms stay.
    private func writtenExplanation(_ reading: WordReadingCache.Texts, at position: Int) -> String {
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
            explanation =
                String(decoding: bytes[..<at], as: UTF8.self) + "'\(replacement)'"
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
    /// Acronyms take a clitic after a hyphen and an English 's, and a plural or a clitic written
    /// solid only as `AcronymForm` accepts it; `match: exact` takes only case and accent
    /// folding; endings (clitics, plurals, possessives) only on the last word, except a plural on
    /// a head before a linking preposition or on a modifier that agrees in number
    /// (`PluralPositions`); the plural infix in a language that has one, or where the term opts
    /// in. A case-sensitive term written all in lower case is another word (`us` is not `US`)
    /// and is rejected; written in mixed or upper case it is accepted and flagged.
    private func accepts(entry: Int32, _ facts: CompiledGlossary.EntryFacts, depth: Int) -> Bool? {
        let inflects = !facts.isExact && !facts.isAbbreviated
        // An acronym takes a plural or a clitic written solid (NGOs, TKInya), or a
        // reduplication (TKI-TKI), only where its written case shows where it ends: the words
        // that need it are checked as written below (`AcronymForm`).
        let takesAcronymForms = facts.isAbbreviated && !facts.isExact && facts.isCaseSensitive
        var acronymForms: UInt64 = 0
        for index in 0..<depth {
            let phenomena = readings[Int(path[index].reading)].phenomena
            if phenomena.isEmpty { continue }
            let isLast = index == depth - 1
            if phenomena.contains(.accent), !facts.foldsAccents { return nil }
            // English 's is a clitic too: "the ILO's report".
            if phenomena.contains(.hyphenatedClitic) || phenomena.contains(.possessive) {
                guard isLast, !facts.isExact else { return nil }
            }
            if phenomena.contains(.clitic) {
                guard isLast, inflects || takesAcronymForms else { return nil }
                if !inflects { acronymForms |= 1 << UInt64(index) }
            }
            if phenomena.contains(.plural) {
                guard inflects || (takesAcronymForms && isLast) else { return nil }
                if !inflects { acronymForms |= 1 << UInt64(index) }
                if !isLast {
                    let word = readings[Int(path[index].reading)].termWord
                    let next = readings[Int(path[index + 1].reading)].termWord
                    guard compiled.pluralPositions.allowsPlural(language: facts.language, word: word, next: next) else {
                        return nil
                    }
                }
            }
            if phenomena.contains(.reduplication) {
                guard inflects || takesAcronymForms else { return nil }
                if !inflects { acronymForms |= 1 << UInt64(index) }
            }
            if phenomena.contains(.spelling) {
                guard inflects else { return nil }
            }
            if phenomena.contains(.pluralInfix) {
                guard inflects, facts.allowsPluralInfix || compiled.pluralPositions.allowsPluralInfix(language: facts.language)
                else { return nil }
            }
        }
        guard facts.isCaseSensitive else { return false }
        // Only a case-sensitive entry needs its words as written: the full entry is read here.
        let exactWords = compiled.tables.entries.exactWords[entry] ?? []
        var mismatch = false
        for index in 0..<min(depth, exactWords.count) {
            let written = writtenForCase(Int(path[index].start))
            if acronymForms & (1 << UInt64(index)) != 0 {
                guard isAcronymForm(written, of: exactWords[index], at: index) else { return nil }
                continue
            }
            if TermMatcher.differsInCase(written, from: exactWords[index]) {
                if !written.contains(where: \.isUppercase) { return nil }
                // An acronym in mixed case before a capitalised word is part of a name (the
                // Vietnamese name Ngo Van Thanh), not a misspelt NGO.
                if facts.isAbbreviated, startsName(after: depth) { return nil }
                mismatch = true
            }
        }
        return mismatch
    }

    /// Whether the word at `path[index]`, written `written`, is the acronym `acronym` with the
    /// ending its reading needs, written as `AcronymForm` accepts it; or, for a reduplication,
    /// whether both halves are the acronym as written, joined by a hyphen (TKI-TKI, TKI - TKI),
    /// the second perhaps with a clitic (TKI-TKInya).
    private func isAcronymForm(_ written: String, of acronym: String, at index: Int) -> Bool {
        let position = Int(path[index].start)
        let reading = readings[Int(path[index].reading)]
        guard reading.tokenCount == 2, reading.phenomena.contains(.reduplication) else {
            return AcronymForm.isWrittenWithEnding(written, acronym: acronym) { isInCapitals(around: position) }
        }
        // Two acronyms side by side with a space between are two occurrences (or a slip).
        guard written == acronym, text.words[position + 1].gap != CompiledGlossary.spaceGap else { return false }
        let second = writtenForCase(position + 1)
        return second == acronym
            || reading.phenomena.contains(.clitic)
                && AcronymForm.isWrittenWithEnding(second, acronym: acronym) { isInCapitals(around: position + 1) }
    }

    /// The word at `position` as written, for comparing its case with a term's: in NFC, and
    /// without the invisible characters matching ignores (*TKI\u{200B}nya* is *TKInya*).
    private func writtenForCase(_ position: Int) -> String {
        ICU.nfc(InvisibleCharacter.removing(from: text.source.text(text.words[position].range)))
    }

    /// Whether the word after the words of `path[0..<depth]` follows them after a space and
    /// begins with a capital, as the next part of a name does.
    private func startsName(after depth: Int) -> Bool {
        let last = path[depth - 1]
        let next = Int(last.start) + readings[Int(last.reading)].tokenCount
        guard range.contains(next), text.words[next].gap == CompiledGlossary.spaceGap else { return false }
        return text.source.text(text.words[next].range).first?.isUppercase == true
    }

    /// Whether a word next to the word at `position`, in the same paragraph, shows that the text
    /// there is written in capitals (`AcronymForm.isWrittenInCapitals`).
    private func isInCapitals(around position: Int) -> Bool {
        for neighbour in [position - 1, position + 1] where range.contains(neighbour) {
            let after = max(position, neighbour)
            guard text.words[after].gap != ByteLexicon.hardGap else { continue }
            if AcronymForm.isWrittenInCapitals(text.source.text(text.words[neighbour].range)) { return true }
        }
        return false
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

    /// Whether the written bytes of a match hold Markdown markup that the masker made
    /// transparent (`MaskedRange.Kind.transparent`): an emphasis, strike-through, link or
    /// phrasing tag byte (`*`, `_`, `~`, `[`, `]`, `<`, `>`) that the term itself does not have. Only transparent markup can
    /// stand inside a match: anywhere else such a byte is text, and a gap or word the term
    /// lacks.
    ///
    /// The term is asked for only when the written bytes hold a markup byte at all: reading a
    /// term from a glossary loaded from the cache decodes its concept and keeps it, which for
    /// every match of a long text would hold most of a large glossary in memory.
    ///
    /// - Complexity: O(*n*) in the match's bytes.
    static func containsMarkup(_ written: some Collection<UInt8>, term: () -> String) -> Bool {
        guard written.contains(where: { markupBytes.contains($0) }) else { return false }
        let term = term().utf8
        return written.contains { byte in markupBytes.contains(byte) && !term.contains(byte) }
    }

    /// The bytes of transparent Markdown markup that can stand inside a match.
    static let markupBytes: [UInt8] = [
        UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "["), UInt8(ascii: "]"),
        UInt8(ascii: "<"), UInt8(ascii: ">"),
    ]

    /// `markupBytes` as characters.
    static let markupCharacters: Set<Character> = ["*", "_", "~", "[", "]", "<", ">"]

    /// Whether `fix`, which replaces `written` (a match with `Phenomenon.markup`), keeps its
    /// markup: the same markup characters in the same order. A fix that drops or adds one
    /// would break the document's emphasis or link.
    static func keepsMarkup(of written: String, in fix: String) -> Bool {
        written.filter(markupCharacters.contains) == fix.filter(markupCharacters.contains)
    }
}
