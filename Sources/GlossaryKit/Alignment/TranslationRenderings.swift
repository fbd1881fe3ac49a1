/// How the translations of a corpus render the concepts their sources name: the analysis behind
/// `inconsistent-translation`.
extension AnalyzedCorpus {
    /// One occurrence of a rendering other than the expected one.
    struct UnexpectedRendering {
        var match: TermMatch
        /// The corpus text the match is in.
        var text: Int
        /// The concept, the renderings and their counts: `concept 'x' (en 'y') is rendered in 2
        /// ways in the id translations ('a' ×3, 'b' (en) ×1)`.
        var summary: String
        var expected: String
    }

    /// Every occurrence of a rendering other than the expected one, in the order found.
    ///
    /// For each concept named in the source segment of a reliable set, the matches of the
    /// concept in the other languages' segments are grouped by term (acronyms aside); where a
    /// target language renders the concept in two or more ways, every rendering but the expected
    /// one (the preferred target term when used, else the most used) is unexpected. The
    /// renderings counted are this corpus's, or those of the document it is a piece of
    /// (`renderings`).
    func unexpectedRenderings() -> [UnexpectedRendering] {
        if let renderings { return renderings.unexpected(in: self) }
        var tally = RenderingTally()
        tally.count(self)
        return tally.unexpected(in: self)
    }

    /// Calls `body` with every rendering the corpus's reliable sets give a concept their source
    /// segment names, in set and text order: its key, the term, the match and its text.
    fileprivate func forEachRendering(
        _ body: (RenderingTally.Key, RenderingTally.Rendering, TermMatch, _ text: Int) -> Void
    ) {
        for set in sets where set.isReliable {
            guard let sourceLanguage = sourceLanguage(of: set) else { continue }
            let byLanguage = membersByLanguage(of: set)
            guard let source = byLanguage.first(where: { $0.language == sourceLanguage }) else { continue }
            let named = Set(conceptCounts(source.members).keys)
            for group in byLanguage where group.language != sourceLanguage {
                for member in group.members {
                    for match in matches(in: member) where named.contains(match.term.concept) {
                        let term = glossary[term: match.term]
                        if term.type.isAbbreviated { continue }
                        body(
                            RenderingTally.Key(concept: match.term.concept, source: sourceLanguage, target: group.language),
                            RenderingTally.Rendering(text: term.text.lowercased(), language: term.language), match,
                            member.text)
                    }
                }
            }
        }
    }
}

/// How often the translations of a corpus, or of a document checked in pieces, render each
/// concept their sources name in each way: the counts behind `inconsistent-translation`.
///
/// A streamed document's translation sets are matched a few at a time, never all together
/// (`StreamedSections`): each piece is counted as it comes (`count(_:)`), and the findings are
/// made afterwards from the totals, piece by piece again (`unexpected(in:)`). A corpus held
/// whole is counted and judged in one go, by the same code.
struct RenderingTally: Sendable {
    /// A concept named in a source language and rendered in a target language.
    struct Key: Hashable, Sendable {
        var concept: Int
        var source: LanguageTag
        var target: LanguageTag
    }

    /// One way of rendering a concept: a term (by its folded text and language).
    struct Rendering: Hashable, Sendable {
        var text: String
        var language: LanguageTag
    }

    /// The keys in order of first appearance, each with its renderings in order of first
    /// appearance and how often each occurs.
    private(set) var keys: [Key] = []
    private var renderings: [Key: [Rendering]] = [:]
    private var counts: [Key: [Rendering: Int]] = [:]
    /// The verdicts, once the counting is over (`settled(glossary:)`).
    private var settledVerdicts: [Key: Verdict]?

    /// A rendering of a concept met in a corpus.
    struct Sighting: Hashable, Sendable {
        var key: Key
        var rendering: Rendering
    }

    /// Counts the renderings of `corpus`; returns those it has.
    ///
    /// - Complexity: O(*m*) in the matches of the corpus's reliable sets.
    @discardableResult
    mutating func count(_ corpus: AnalyzedCorpus) -> Set<Sighting> {
        var seen: Set<Sighting> = []
        corpus.forEachRendering { key, rendering, _, _ in
            seen.insert(Sighting(key: key, rendering: rendering))
            if counts[key] == nil { keys.append(key) }
            if counts[key, default: [:]][rendering] == nil { renderings[key, default: []].append(rendering) }
            counts[key, default: [:]][rendering, default: 0] += 1
        }
        return seen
    }

    /// The tally with its verdicts made once, for judging many pieces with the final counts.
    func settled(glossary: Glossary) -> RenderingTally {
        var tally = self
        tally.settledVerdicts = verdicts(glossary: glossary)
        return tally
    }

    /// Whether `sighting` is of a rendering other than the expected one of a concept rendered in
    /// two or more ways: one `unexpected(in:)` reports. Judged by the settled verdicts
    /// (`settled(glossary:)`); false before.
    func isUnexpected(_ sighting: Sighting) -> Bool {
        settledVerdicts?[sighting.key].map { $0.expected != sighting.rendering } ?? false
    }

    /// What the counts say about one concept rendered in two or more ways.
    private struct Verdict {
        /// The key's place among the keys, and each rendering's among the key's.
        var rank: Int
        var renderingRanks: [Rendering: Int]
        var expected: Rendering
        var expectedTerm: String
        var summary: String
    }

    /// The verdict on every inconsistent key: the expected rendering is the preferred target
    /// term when it is used, else the most used (the first of the most used on a tie).
    private func verdicts(glossary: Glossary) -> [Key: Verdict] {
        var result: [Key: Verdict] = [:]
        for (rank, key) in keys.enumerated() {
            guard let renderings = renderings[key], renderings.count >= 2, let found = counts[key] else { continue }
            let concept = glossary.concepts[key.concept]
            let preferred = Set(concept.preferredTerms(in: key.target).map { $0.text.lowercased() })
            let expected =
                renderings.first { preferred.contains($0.text) && $0.language == key.target }
                ?? renderings.max {
                    found[$0]! < found[$1]!
                        || (found[$0]! == found[$1]! && renderings.firstIndex(of: $0)! > renderings.firstIndex(of: $1)!)
                }!
            let counts = renderings.map { rendering in
                "'\(rendering.text)'" + (rendering.language == key.target ? "" : " (\(rendering.language))")
                    + " ×\(found[rendering]!)"
            }.joined(separator: ", ")
            let sourceTerms = concept.preferredTerms(in: key.source).map(\.text)
            let sourceName = sourceTerms.first.map { " (\(key.source) '\($0)')" } ?? ""
            let expectedTerm =
                concept.terms.first { $0.text.lowercased() == expected.text && $0.language == expected.language }?.text
                ?? expected.text
            let summary =
                "concept '\(concept.id)'\(sourceName) is rendered in \(renderings.count) ways in the \(key.target) translations (\(counts))"
            result[key] = Verdict(
                rank: rank, renderingRanks: Dictionary(uniqueKeysWithValues: renderings.enumerated().map { ($1, $0) }),
                expected: expected, expectedTerm: expectedTerm, summary: summary)
        }
        return result
    }

    /// The occurrences in `corpus` of renderings other than the expected one, judged by these
    /// counts: by key (in order of first appearance), then by rendering, then in text order.
    ///
    /// - Complexity: O(*k* + *m* log *m*) in the keys counted and the matches of the corpus.
    func unexpected(in corpus: AnalyzedCorpus) -> [AnalyzedCorpus.UnexpectedRendering] {
        let verdicts = settledVerdicts ?? verdicts(glossary: corpus.glossary)
        guard !verdicts.isEmpty else { return [] }
        var found: [(rank: Int, renderingRank: Int, occurrence: AnalyzedCorpus.UnexpectedRendering)] = []
        corpus.forEachRendering { key, rendering, match, text in
            guard let verdict = verdicts[key], rendering != verdict.expected else { return }
            found.append(
                (
                    verdict.rank, verdict.renderingRanks[rendering]!,
                    AnalyzedCorpus.UnexpectedRendering(
                        match: match, text: text, summary: verdict.summary, expected: verdict.expectedTerm)
                ))
        }
        // Stable: equal ranks keep text order.
        return found.enumerated().sorted {
            ($0.element.rank, $0.element.renderingRank, $0.offset) < ($1.element.rank, $1.element.renderingRank, $1.offset)
        }.map(\.element.occurrence)
    }
}
