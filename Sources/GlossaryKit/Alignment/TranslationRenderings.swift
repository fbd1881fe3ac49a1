/// How the translations of a corpus render the concepts their sources name: the analysis behind
/// `inconsistent-translation`.
extension AnalyzedCorpus {
    /// One way of rendering a concept: a term (by its folded text and language).
    fileprivate struct Rendering: Hashable {
        var text: String
        var language: LanguageTag
    }

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
    /// one (the preferred target term when used, else the most used) is unexpected.
    func unexpectedRenderings() -> [UnexpectedRendering] {
        let corpus = self
        struct Key: Hashable { var concept: Int; var source: LanguageTag; var target: LanguageTag }
        var occurrences: [Key: [Rendering: [(match: TermMatch, text: Int)]]] = [:]
        var order: [Key: [Rendering]] = [:]
        var keys: [Key] = []
        for set in corpus.sets where set.isReliable {
            guard let sourceLanguage = corpus.sourceLanguage(of: set) else { continue }
            let byLanguage = corpus.membersByLanguage(of: set)
            guard let source = byLanguage.first(where: { $0.language == sourceLanguage }) else { continue }
            let named = Set(corpus.conceptCounts(source.members).keys)
            for group in byLanguage where group.language != sourceLanguage {
                for member in group.members {
                    for match in corpus.matches(in: member) where named.contains(match.term.concept) {
                        let term = glossary[term: match.term]
                        if term.type.isAbbreviated { continue }
                        let key = Key(concept: match.term.concept, source: sourceLanguage, target: group.language)
                        let rendering = Rendering(text: term.text.lowercased(), language: term.language)
                        if occurrences[key] == nil { keys.append(key) }
                        if occurrences[key, default: [:]][rendering] == nil { order[key, default: []].append(rendering) }
                        occurrences[key, default: [:]][rendering, default: []].append((match, member.text))
                    }
                }
            }
        }
        var result: [UnexpectedRendering] = []
        for key in keys {
            let renderings = order[key]!
            guard renderings.count >= 2, let found = occurrences[key] else { continue }
            let concept = glossary.concepts[key.concept]
            let preferred = Set(concept.preferredTerms(in: key.target).map { $0.text.lowercased() })
            let expected =
                renderings.first { preferred.contains($0.text) && $0.language == key.target }
                ?? renderings.max {
                    found[$0]!.count < found[$1]!.count
                        || (found[$0]!.count == found[$1]!.count
                            && renderings.firstIndex(of: $0)! > renderings.firstIndex(of: $1)!)
                }!
            let counts = renderings.map { rendering in
                "'\(rendering.text)'" + (rendering.language == key.target ? "" : " (\(rendering.language))")
                    + " ×\(found[rendering]!.count)"
            }.joined(separator: ", ")
            let sourceTerms = concept.preferredTerms(in: key.source).map(\.text)
            let sourceName = sourceTerms.first.map { " (\(key.source) '\($0)')" } ?? ""
            let expectedTerm =
                concept.terms.first { $0.text.lowercased() == expected.text && $0.language == expected.language }?.text
                ?? expected.text
            for rendering in renderings where rendering != expected {
                for (match, text) in found[rendering]! {
                    let summary =
                        "concept '\(concept.id)'\(sourceName) is rendered in \(renderings.count) ways in the \(key.target) translations (\(counts))"
                    result.append(UnexpectedRendering(match: match, text: text, summary: summary, expected: expectedTerm))
                }
            }
        }
        return result
    }
}
