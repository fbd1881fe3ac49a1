/// Where a cross-language finding's concept is named in the other versions of its text: what an
/// editor links a finding to (LSP's `relatedInformation`), so that the writer of one version
/// sees the sentence of the other that the finding compares it with.
package struct RelatedOccurrence: Sendable, Equatable {
    /// The file of the other version.
    package var path: String
    /// The bytes in that file: the term as written there, or, where the concept is not named
    /// in that version's segment, the segment's first word.
    package var byteRange: Range<Int>
    /// The text at `byteRange`.
    package var text: String
    /// The language of that version.
    package var language: LanguageTag?
    /// Whether the concept is named there (else `byteRange` is the aligned segment's start).
    package var namesConcept: Bool
}

extension AnalyzedCorpus {
    /// The places, in the other members of the translation sets that hold `finding`'s segment,
    /// where its concept is named; for a member that does not name it, the member's first word.
    /// Empty for a finding without a concept or outside every set.
    ///
    /// - Complexity: O(*s* + *m*) in the segments of the finding's text and the matches of the
    ///   other members.
    package func relatedOccurrences(of finding: Finding) -> [RelatedOccurrence] {
        guard let concept = finding.concept,
            let textIndex = texts.firstIndex(where: { $0.segmented.path == finding.location.file })
        else { return [] }
        let segmented = texts[textIndex].segmented
        guard
            let segmentIndex = segmented.segments.firstIndex(where: {
                let range = segmented.fileRange($0.bytes)
                return range.lowerBound <= finding.byteRange.lowerBound && finding.byteRange.lowerBound <= range.upperBound
            })
        else { return [] }
        let reference = SegmentReference(text: textIndex, segment: segmentIndex)
        var related: [RelatedOccurrence] = []
        for set in sets where set.members.contains(reference) {
            for member in set.members where member.text != textIndex {
                let other = texts[member.text].segmented
                let language = self[member].language
                let named = matches(in: member).filter { glossary[concept: $0.term].id == concept }
                if named.isEmpty {
                    let segment = self[member]
                    var end = segment.bytes.lowerBound
                    while end < segment.bytes.upperBound, ![0x20, 0x0A, 0x0D, 0x09].contains(other.text.bytes[end]) { end += 1 }
                    let range = other.fileRange(segment.bytes.lowerBound..<end)
                    related.append(
                        RelatedOccurrence(
                            path: other.path, byteRange: range, text: other.file.text(range), language: language,
                            namesConcept: false))
                } else {
                    for match in named {
                        let range = other.fileRange(match.bytes)
                        related.append(
                            RelatedOccurrence(
                                path: other.path, byteRange: range, text: other.file.text(range), language: language,
                                namesConcept: true))
                    }
                }
            }
        }
        return related
    }
}

extension CrossLanguageChecker {
    /// The cross-language findings of parallel files (`parallelFindings(_:languages:options:monolingual:)`),
    /// each with where its concept is named in the other versions (`AnalyzedCorpus.relatedOccurrences(of:)`).
    package func parallelFindingsWithOccurrences(
        _ sources: [SourceText], languages: [LanguageTag?]? = nil, options: CheckOptions = CheckOptions(),
        monolingual: [Finding] = []
    ) throws(TextError) -> [(finding: Finding, related: [RelatedOccurrence])] {
        let corpus = try parallelCorpus(sources, languages: languages, options: options)
        let analyzed = try analyze(corpus, options: options)
        return crossFindings(analyzed, options: options, excluding: monolingual).map {
            ($0, analyzed.relatedOccurrences(of: $0))
        }
    }
}
