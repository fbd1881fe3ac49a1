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
public struct TermMatcher: Sendable {
    public let compiled: CompiledGlossary

    public init(_ compiled: CompiledGlossary) {
        self.compiled = compiled
    }

    /// One reading of a word (or hyphenated pair) that the glossary knows.
    private struct Reading {
        var word: Int32
        /// The folded form looked up (the stem, for an inflected word).
        var key: String
        var tokenCount: Int
        var phenomena: PhenomenonSet
        var explanation: String
        var suffix: String
    }

    /// A path through the trie in progress.
    private struct Step {
        var reading: Reading
        var start: Int
    }

    /// Finds the terms in the words of `range`, written in `language` (nil: unknown).
    ///
    /// `cache` holds the readings of the text's distinct words; pass the same one for every
    /// paragraph of a text (and the `types` lexicon it was scanned with).
    ///
    /// - Complexity: O(*n* · *k*) for *n* words and terms at most *k* words long, plus one
    ///   analysis per distinct word; independent of the glossary's size.
    func matches(in text: ScannedText, range: Range<Int>, language: LanguageTag?, cache: WordReadingCache) -> [TermMatch] {
        let slot = cache.slot(for: language)
        let hasRootPrefixes = compiled.prefixes[0] != nil
        var matches: [TermMatch] = []
        var index = range.lowerBound
        let words = text.words
        while index < range.upperBound {
            let word = words[index]
            // Most words are no term's word and read as none: skip them after a look-up.
            if !compiled.isBase(word.folded) && !compiled.isBase(word.bare) && !hasRootPrefixes
                && !cache.hasReadings(word, slot: slot) {
                index += 1
                continue
            }
            if let match = longestMatch(at: index, in: text, range: range, language: language, slot: slot, cache: cache) {
                matches.append(match)
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        return matches
    }

    /// The readings of the word at `index`: as written, and the analyzer's readings of it in
    /// context (`kerjanya`, `pekerja-pekerja`, `ILO-nya`, `hak - hak`, `workers' rights`).
    private func readings(at index: Int, in text: ScannedText, range: Range<Int>, slot: Int, cache: WordReadingCache) -> [Reading] {
        let words = text.words
        let word = words[index]
        var result: [Reading] = []
        if word.folded >= 0, compiled.isBase(word.folded) {
            result.append(Reading(
                word: word.folded, key: text.foldedText(index), tokenCount: 1, phenomena: PhenomenonSet([]),
                explanation: "", suffix: ""))
        }
        if word.bare != word.folded, compiled.isBase(word.bare) {
            result.append(Reading(
                word: word.bare, key: compiled.words.string(word.bare), tokenCount: 1, phenomena: PhenomenonSet([.accent]),
                explanation: "accents folded", suffix: ""))
        }
        // A word that is no term's word and has no one-word reading (cached per distinct word)
        // starts no reading across words either: those begin with the term's word or a reading
        // of it. Only the rare other words pay for a full analysis in context.
        guard slot >= 0 else { return result }
        let own = cache.readings(of: word, slot: slot)
        guard !result.isEmpty || !own.isEmpty else { return result }
        // Followed by a plain space (or nothing), the word reads as on its own: the cached
        // readings are the analyzer's. Only a hyphen, an apostrophe or another joiner calls for
        // the analyzer in context.
        if index + 1 >= range.upperBound || words[index + 1].gap == CompiledGlossary.spaceGap || words[index + 1].gap == ByteLexicon.hardGap {
            for reading in own {
                result.append(Reading(
                    word: reading.base, key: reading.key, tokenCount: 1, phenomena: reading.phenomena,
                    explanation: reading.explanation, suffix: reading.suffix))
            }
            return result
        }
        let window = tokens(from: index, to: min(range.upperBound, index + 4), in: text, cache: cache)
        let analyzers = slot < compiled.analyzers.count ? [compiled.analyzers[slot]] : compiled.analyzers
        for analyzer in analyzers {
            for analysis in analyzer.analyses(of: window, at: 0) where analysis.tokenCount <= window.count {
                guard let id = compiled.words.find(analysis.key), compiled.isBase(id) else { continue }
                result.append(Reading(
                    word: id, key: analysis.key, tokenCount: analysis.tokenCount, phenomena: PhenomenonSet(analysis.phenomena),
                    explanation: analysis.explanation, suffix: analysis.suffix))
            }
        }
        return result
    }

    /// Words `start..<end` as `Token`s, for an analyzer that reads across words.
    private func tokens(from start: Int, to end: Int, in text: ScannedText, cache: WordReadingCache) -> [Token] {
        var result: [Token] = []
        for index in start..<end {
            let word = text.words[index]
            let (folded, bare) = cache.texts(of: word, in: text, at: index)
            let gap: String
            if index == start || word.gap == ByteLexicon.hardGap {
                gap = Token.hardBreak
            } else if word.gap >= 0 {
                gap = compiled.gapLexicon.string(word.gap)
            } else {
                gap = Gap.signature(text.source.bytes[Int(text.words[index - 1].end)..<Int(word.start)])
            }
            if index > start && gap == Token.hardBreak { break }
            result.append(Token(
                start: Int(word.start), end: Int(word.end), folded: folded, bare: bare,
                kind: WordKind(rawValue: word.kind) ?? .letter, gapBefore: gap))
        }
        return result
    }

    private struct Candidate {
        var end: Int
        var cost: Int
        var inLanguage: Bool
        var entry: Int32
        var steps: [Step]
        var caseMismatch: Bool
    }

    private func longestMatch(
        at start: Int, in text: ScannedText, range: Range<Int>, language: LanguageTag?, slot: Int, cache: WordReadingCache
    ) -> TermMatch? {
        let words = text.words
        var best: Candidate?
        var accepted: [Int32: Candidate] = [:]
        // The readings met so far, by position: a handful at most, so a list beats a dictionary.
        var known: [(position: Int, readings: [Reading])] = []

        func consider(entryIndex: Int32, steps: [Step], end: Int) {
            let entry = compiled.entries[Int(entryIndex)]
            guard let caseMismatch = accepts(entry, steps: steps, text: text) else { return }
            let cost = steps.reduce(0) { $0 + $1.reading.phenomena.cost }
                + (entry.viaBareKeys ? 1 : 0) + (caseMismatch ? 1 : 0)
            let inLanguage = language.map { entry.language.isWithin($0) || $0.isWithin(entry.language) } ?? true
            let candidate = Candidate(end: end, cost: cost, inLanguage: inLanguage, entry: entryIndex, steps: steps, caseMismatch: caseMismatch)
            if accepted[entryIndex].map({ isBetter(candidate, than: $0) }) ?? true {
                accepted[entryIndex] = candidate
            }
            if best.map({ isBetter(candidate, than: $0) }) ?? true { best = candidate }
        }

        func walk(node: Int32, position: Int, steps: [Step]) {
            if let ends = compiled.terminals[node], !steps.isEmpty {
                for entry in ends { consider(entryIndex: entry, steps: steps, end: position) }
            }
            guard position < range.upperBound, steps.count < compiled.maximumLength else { return }
            let gap: Int32
            if steps.isEmpty {
                gap = 0
            } else {
                gap = words[position].gap
                guard gap >= 0 else { return }
            }
            if let byStem = compiled.prefixes[node] {
                let folded = text.foldedText(position)
                for prefixEntry in byStem[String(folded.prefix(3))] ?? []
                where prefixEntry.gap == gap && folded.hasPrefix(prefixEntry.stem) {
                    let extra = String(folded.dropFirst(prefixEntry.stem.count))
                    let reading = Reading(
                        word: -1, key: prefixEntry.stem, tokenCount: 1, phenomena: PhenomenonSet(extra.isEmpty ? [] : [.prefix]),
                        explanation: extra.isEmpty ? "" : "'\(prefixEntry.stem)' + \(extra)", suffix: extra)
                    consider(entryIndex: prefixEntry.entry, steps: steps + [Step(reading: reading, start: position)], end: position + 1)
                }
            }
            let options: [Reading]
            if let cached = known.first(where: { $0.position == position }) {
                options = cached.readings
            } else {
                options = readings(at: position, in: text, range: range, slot: slot, cache: cache)
                known.append((position, options))
            }
            for reading in options {
                guard let child = compiled.edges[CompiledGlossary.EdgeKey(node: node, gap: gap, word: reading.word)] else { continue }
                walk(node: child, position: position + reading.tokenCount, steps: steps + [Step(reading: reading, start: position)])
            }
        }

        walk(node: 0, position: start, steps: [])
        guard let best else { return nil }
        let entry = compiled.entries[Int(best.entry)]
        // Every term the same words could be, best first: other languages' and listed forms.
        var unique: [TermReference] = []
        for candidate in accepted.values.filter({ $0.end == best.end }).sorted(by: isBetter) {
            let reference = compiled.entries[Int(candidate.entry)].reference
            if !unique.contains(reference) { unique.append(reference) }
        }
        var phenomena = Set(best.steps.flatMap(\.reading.phenomena.members))
        if entry.viaBareKeys { phenomena.insert(.accent) }
        if entry.isListedForm { phenomena.insert(.listedForm) }
        var explanations = best.steps.map { writtenExplanation($0, in: text) }.filter { !$0.isEmpty }
        if entry.viaBareKeys && !explanations.contains("accents folded") { explanations.append("accents folded") }
        if entry.isListedForm { explanations.append("a form listed for '\(compiled.glossary[term: entry.reference].text)'") }
        let bytes = Int(words[start].start)..<Int(words[best.end - 1].end)
        return TermMatch(
            tokens: start..<best.end,
            bytes: bytes,
            term: entry.reference,
            alternatives: unique,
            phenomena: phenomena.sorted { $0.rawValue < $1.rawValue },
            explanation: explanations.joined(separator: ", "),
            caseMismatch: best.caseMismatch,
            suffix: best.steps.last?.reading.suffix ?? "",
            paragraphLanguage: language)
    }

    /// The step's explanation with the word quoted as the text writes it: `'Kerja' + -nya` for
    /// *Kerjanya*, `'TKI' + -na` for *TKI-na*, `'labour' spelt 'Labor'`.
    ///
    /// The analyzers explain in folded forms; a quoted stem that begins the folded word is replaced
    /// by the same number of characters of the written word, and the quoted folded word by the
    /// written one. When folding changed the word's length (`ß` → `ss`) the folded forms stay.
    private func writtenExplanation(_ step: Step, in text: ScannedText) -> String {
        var explanation = step.reading.explanation
        guard explanation.utf8.contains(UInt8(ascii: "'")) else { return explanation }
        let folded = text.foldedText(step.start)
        let written = ICU.nfc(text.source.text(text.words[step.start].range))
        guard written.count == folded.count else { return explanation }
        func replaceFirst(_ quoted: String, with replacement: String) {
            if let range = explanation.range(of: "'\(quoted)'") {
                explanation.replaceSubrange(range, with: "'\(replacement)'")
            }
        }
        let key = step.reading.key
        if !key.isEmpty, folded.hasPrefix(key), key.count <= written.count {
            replaceFirst(key, with: String(written.prefix(key.count)))
        }
        if key != folded {
            replaceFirst(folded, with: written)
        }
        return explanation
    }

    private func isBetter(_ a: Candidate, than b: Candidate) -> Bool {
        if a.end != b.end { return a.end > b.end }
        if a.inLanguage != b.inLanguage { return a.inLanguage }
        if a.cost != b.cost { return a.cost < b.cost }
        if a.caseMismatch != b.caseMismatch { return !a.caseMismatch }
        return a.entry < b.entry
    }

    /// Whether `entry` accepts the readings in `steps`: nil rejects, otherwise whether the text
    /// writes a case-sensitive term in another case.
    ///
    /// Acronyms take only a clitic after a hyphen or an English 's; `match: exact` takes only
    /// case and accent folding; endings (clitics, plurals, possessives) only on the last word;
    /// the plural infix only where the term opts in. A case-sensitive term written all in lower
    /// case is another word (`us` is not `US`) and is rejected; written in mixed or upper case it
    /// is accepted and flagged.
    private func accepts(_ entry: CompiledGlossary.Entry, steps: [Step], text: ScannedText) -> Bool? {
        let inflects = entry.mode != .exact && !entry.isAbbreviated
        for (index, step) in steps.enumerated() where !step.reading.phenomena.isEmpty {
            let isLast = index == steps.count - 1
            for phenomenon in step.reading.phenomena.members {
                switch phenomenon {
                case .identity, .listedForm, .prefix:
                    continue
                case .accent:
                    guard entry.foldsAccents else { return nil }
                case .hyphenatedClitic:
                    guard isLast, entry.mode != .exact else { return nil }
                case .possessive:
                    // English 's is a clitic too: "the ILO's report".
                    guard isLast, entry.mode != .exact else { return nil }
                case .clitic, .plural:
                    guard isLast, inflects else { return nil }
                case .reduplication, .spelling:
                    guard inflects else { return nil }
                case .pluralInfix:
                    guard inflects, entry.allowsPluralInfix else { return nil }
                }
            }
        }
        guard entry.isCaseSensitive else { return false }
        var mismatch = false
        for (index, step) in steps.enumerated() where index < entry.exactWords.count {
            let written = ICU.nfc(text.source.text(text.words[step.start].range))
            if Self.differsInCase(written, from: entry.exactWords[index]) {
                if !written.contains(where: \.isUppercase) { return nil }
                mismatch = true
            }
        }
        return mismatch
    }

    /// Whether `written` puts upper and lower case differently from `expected`, letter by letter.
    static func differsInCase(_ written: String, from expected: String) -> Bool {
        for (a, b) in zip(written, expected) where a.isLetter && b.isLetter {
            if a.isUppercase != b.isUppercase || a.isLowercase != b.isLowercase { return true }
        }
        return false
    }
}
