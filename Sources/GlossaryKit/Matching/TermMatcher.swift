/// Finds glossary terms in tokenized text, leftmost-longest.
///
/// For each word the matcher looks up the word as written and every reading the paragraph's
/// language analyzer proposes (`kerjanya` → `kerja` + -nya), then walks the compiled trie from
/// there. At each start it keeps the longest term that the readings reach and the term accepts;
/// among equally long ones the closest reading, then a term of the paragraph's language, wins.
/// Matching resumes after the match, so a term inside a longer term is not reported.
public struct TermMatcher: Sendable {
    public let compiled: CompiledGlossary

    public init(_ compiled: CompiledGlossary) {
        self.compiled = compiled
    }

    /// One reading of a word that the glossary knows.
    private struct Reading {
        var word: Int32
        /// The folded form looked up (the stem, for an inflected word).
        var key: String
        var tokenCount: Int
        var phenomena: [Phenomenon]
        var explanation: String
        var suffix: String
    }

    /// A path through the trie in progress.
    private struct Step {
        var reading: Reading
        var start: Int
    }

    /// Finds the terms in the tokens of `range`, written in `language` (nil: unknown).
    ///
    /// - Complexity: O(*n* · *k*) for *n* words and terms at most *k* words long; independent of
    ///   the glossary's size.
    public func matches(in text: TokenizedText, range: Range<Int>, language: LanguageTag?) -> [TermMatch] {
        let tokens = text.tokens
        let analyzers: [any LanguageAnalyzer] = language.map { [compiled.registry.analyzer(for: $0)] }
            ?? compiled.registry.languages.map { compiled.registry.analyzer(for: $0) }
        var cache: [Int: [Reading]] = [:]

        func readings(at index: Int) -> [Reading] {
            if let cached = cache[index] { return cached }
            var result: [Reading] = []
            let token = tokens[index]
            if let id = compiled.vocabulary[token.folded] {
                result.append(Reading(word: id, key: token.folded, tokenCount: 1, phenomena: [], explanation: "", suffix: ""))
            }
            if token.bare != token.folded, let id = compiled.vocabulary[token.bare] {
                result.append(Reading(word: id, key: token.bare, tokenCount: 1, phenomena: [.accent], explanation: "accents folded", suffix: ""))
            }
            for analyzer in analyzers {
                for analysis in analyzer.analyses(of: tokens, at: index)
                where index + analysis.tokenCount <= range.upperBound {
                    guard let id = compiled.vocabulary[analysis.key] else { continue }
                    // The words inside a hyphenated reading must not be split by a hard break.
                    result.append(Reading(
                        word: id, key: analysis.key, tokenCount: analysis.tokenCount, phenomena: analysis.phenomena,
                        explanation: analysis.explanation, suffix: analysis.suffix))
                }
            }
            cache[index] = result
            return result
        }

        var matches: [TermMatch] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let match = longestMatch(at: index, in: text, range: range, language: language, readings: readings) {
                matches.append(match)
                index = match.tokens.upperBound
            } else {
                index += 1
            }
            // Readings before the current position can no longer be used.
            if cache.count > 64 { cache = cache.filter { $0.key >= index } }
        }
        return matches
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
        at start: Int, in text: TokenizedText, range: Range<Int>, language: LanguageTag?,
        readings: (Int) -> [Reading]
    ) -> TermMatch? {
        let tokens = text.tokens
        var best: Candidate?
        var accepted: [Int32: Candidate] = [:]

        func consider(entryIndex: Int32, steps: [Step], end: Int) {
            let entry = compiled.entries[Int(entryIndex)]
            guard let caseMismatch = accepts(entry, steps: steps, text: text) else { return }
            let cost = steps.reduce(0) { $0 + $1.reading.phenomena.reduce(0) { $0 + $1.cost } }
                + (entry.viaBareKeys ? 1 : 0) + (caseMismatch ? 1 : 0)
            let inLanguage = language.map { entry.language.isWithin($0) || $0.isWithin(entry.language) } ?? true
            let candidate = Candidate(end: end, cost: cost, inLanguage: inLanguage, entry: entryIndex, steps: steps, caseMismatch: caseMismatch)
            if let existing = accepted[entryIndex], !isBetter(candidate, than: existing) {} else {
                accepted[entryIndex] = candidate
            }
            if best.map({ isBetter(candidate, than: $0) }) ?? true { best = candidate }
        }

        func walk(node: Int32, position: Int, steps: [Step]) {
            if let ends = compiled.terminals[node], !steps.isEmpty {
                for entry in ends { consider(entryIndex: entry, steps: steps, end: position) }
            }
            guard position < range.upperBound else { return }
            let gap: Int32
            if steps.isEmpty {
                gap = 0
            } else {
                guard let id = compiled.gaps[tokens[position].gapBefore] else { return }
                gap = id
            }
            if let byStem = compiled.prefixes[node] {
                let folded = tokens[position].folded
                for prefixEntry in byStem[String(folded.prefix(3))] ?? []
                where prefixEntry.gap == gap && folded.hasPrefix(prefixEntry.stem) {
                    let extra = String(folded.dropFirst(prefixEntry.stem.count))
                    let reading = Reading(
                        word: -1, key: prefixEntry.stem, tokenCount: 1, phenomena: extra.isEmpty ? [] : [.prefix],
                        explanation: extra.isEmpty ? "" : "'\(prefixEntry.stem)' + \(extra)", suffix: extra)
                    consider(entryIndex: prefixEntry.entry, steps: steps + [Step(reading: reading, start: position)], end: position + 1)
                }
            }
            for reading in readings(position) {
                guard let child = compiled.edges[CompiledGlossary.edgeKey(node: node, gap: gap, word: reading.word)] else { continue }
                walk(node: child, position: position + reading.tokenCount, steps: steps + [Step(reading: reading, start: position)])
            }
        }

        walk(node: 0, position: start, steps: [])
        guard let best else { return nil }
        let entry = compiled.entries[Int(best.entry)]
        // Every term the same words could be, best first: other languages' and listed forms.
        let alternatives = accepted.values
            .filter { $0.end == best.end }
            .sorted { isBetter($0, than: $1) }
            .map { compiled.entries[Int($0.entry)].reference }
        var unique: [TermReference] = []
        for reference in alternatives where !unique.contains(reference) { unique.append(reference) }
        let phenomena = best.steps.flatMap(\.reading.phenomena)
            + (entry.viaBareKeys ? [.accent] : [])
            + (entry.isListedForm ? [.listedForm] : [])
        var explanations = best.steps.map { writtenExplanation($0, in: text) }.filter { !$0.isEmpty }
        if entry.viaBareKeys && !explanations.contains("accents folded") { explanations.append("accents folded") }
        if entry.isListedForm { explanations.append("a form listed for '\(compiled.glossary[term: entry.reference].text)'") }
        return TermMatch(
            tokens: start..<best.end,
            bytes: tokens[start].start..<tokens[best.end - 1].end,
            term: entry.reference,
            alternatives: unique,
            phenomena: Array(Set(phenomena)).sorted { $0.rawValue < $1.rawValue },
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
    private func writtenExplanation(_ step: Step, in text: TokenizedText) -> String {
        var explanation = step.reading.explanation
        guard explanation.contains("'") else { return explanation }
        let token = text.tokens[step.start]
        let written = ICU.nfc(text.source.text(token.range))
        guard written.count == token.folded.count else { return explanation }
        func replaceFirst(_ quoted: String, with replacement: String) {
            if let range = explanation.range(of: "'\(quoted)'") {
                explanation.replaceSubrange(range, with: "'\(replacement)'")
            }
        }
        let key = step.reading.key
        if !key.isEmpty, token.folded.hasPrefix(key) || token.bare.hasPrefix(key), key.count <= written.count {
            replaceFirst(key, with: String(written.prefix(key.count)))
        }
        if key != token.folded {
            replaceFirst(token.folded, with: written)
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
    /// Acronyms take only a clitic after a hyphen or an English 's; `match: exact` takes only case and accent folding;
    /// endings (clitics, plurals, possessives) only on the last word; the plural infix only where
    /// the term opts in. A case-sensitive term written all in lower case is another word (`us`
    /// is not `US`) and is rejected; written in mixed or upper case it is accepted and flagged.
    private func accepts(_ entry: CompiledGlossary.Entry, steps: [Step], text: TokenizedText) -> Bool? {
        let inflects = entry.mode != .exact && !entry.isAbbreviated
        for (index, step) in steps.enumerated() {
            let isLast = index == steps.count - 1
            for phenomenon in step.reading.phenomena {
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
            let token = text.tokens[step.start]
            let written = ICU.nfc(text.source.text(token.range))
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
