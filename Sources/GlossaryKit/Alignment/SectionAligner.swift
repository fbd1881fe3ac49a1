/// Finds the language sections of one document (an abstract in Indonesian, then in English,
/// then in Sundanese) and aligns them as versions of each other.
package enum SectionAligner {
    /// A run of consecutive paragraphs in one language.
    package struct Section: Sendable, Hashable {
        package var language: LanguageTag
        /// Indices of the paragraphs (segments).
        package var paragraphs: Range<Int>
    }

    /// The sections of a paragraph-segmented text; paragraphs of unknown language join the
    /// section before them.
    ///
    /// - Complexity: O(*p*) in the number of paragraphs.
    package static func sections(of text: SegmentedText) -> [Section] {
        sections(of: text.segments)
    }

    /// The sections of a text's paragraphs, given as segments.
    ///
    /// - Complexity: O(*p*) in the number of paragraphs.
    static func sections(of segments: [Segment]) -> [Section] {
        var result: [Section] = []
        for (index, segment) in segments.enumerated() {
            if let last = result.last, segment.language == nil || segment.language == last.language {
                result[result.count - 1].paragraphs = last.paragraphs.lowerBound..<(index + 1)
            } else if let language = segment.language {
                result.append(Section(language: language, paragraphs: index..<(index + 1)))
            }
        }
        return result
    }

    /// The most language switches a document may have and still be read as language sections
    /// that translate each other: a trilingual abstract has 2, a report with summaries in three
    /// languages a handful. A text that changes language every few paragraphs (a corpus, a
    /// glossary dump, a bilingual chat) is no set of versions, and aligning it would be noise.
    package static let maximumSectionSwitches = 24

    /// The largest ratio between the lengths of two sections that can be versions of each other.
    package static let maximumLengthRatio = 2.0

    /// The translation sets of a multilingual document, or nil when it has one language.
    ///
    /// Sections are grouped in document order: a group ends when a language comes back (id en su
    /// id en su is two groups). A group is aligned only when its sections' lengths are within
    /// `maximumLengthRatio` of each other. Within a group, sections with equal paragraph counts are paired
    /// paragraph by paragraph; otherwise paragraphs are aligned by length (Gale–Church), the
    /// first section leading.
    package static func align(_ text: SegmentedText) -> TranslationCorpus? {
        let lengths = ParallelAligner.lengths(of: text.segments, in: text)
        guard let (sets, notes) = alignment(of: text.segments, lengths: lengths) else { return nil }
        return TranslationCorpus(texts: [text], sets: sets, notes: notes)
    }

    /// The translation sets and notes of `align(_:)` for a text's paragraphs, given as segments
    /// with their lengths (`AlignmentLength`): the alignment needs no more of the
    /// text, so a streamed file is aligned from what its first pass kept (`StreamedSections`).
    /// The sets' members are segments of text 0.
    ///
    /// - Returns: nil when the text has one language.
    /// - Complexity: O(*p*) for sections of equal paragraph counts; Gale–Church's O(*p*²)
    ///   otherwise.
    static func alignment(of segments: [Segment], lengths: [Int]) -> (sets: [TranslationSet], notes: [String])? {
        let sections = sections(of: segments)
        var groups: [[Section]] = []
        for section in sections {
            if let last = groups.last, !last.contains(where: { $0.language == section.language }) {
                groups[groups.count - 1].append(section)
            } else {
                groups.append([section])
            }
        }
        // Versions of one text have similar lengths: a group whose sections differ more than
        // `maximumLengthRatio` is a quotation or a misdetected paragraph, not a translation.
        let multilingual = groups.filter { group in
            guard group.count >= 2 else { return false }
            let totals = group.map { section in section.paragraphs.reduce(0) { $0 + lengths[$1] } }
            let first = Double(max(1, totals[0]))
            return totals.allSatisfy {
                Double($0) / first <= maximumLengthRatio && first / Double(max(1, $0)) <= maximumLengthRatio
            }
        }
        guard !multilingual.isEmpty else { return nil }
        var sets: [TranslationSet] = []
        var notes: [String] = []
        for (number, group) in multilingual.enumerated() {
            let languages = group.map(\.language.rawValue).joined(separator: ", ")
            let counts = group.map(\.paragraphs.count)
            let groupLengths = group.map { section in section.paragraphs.map { lengths[$0] } }
            let prefix = multilingual.count > 1 ? "section group \(number + 1), " : ""
            var groupSets: [TranslationSet] = []
            if Set(counts).count == 1 {
                for offset in 0..<counts[0] {
                    var confidence = 1.0
                    for other in 1..<group.count {
                        let ratio = GaleChurch.ratio(groupLengths[0].reduce(0, +), groupLengths[other].reduce(0, +))
                        confidence = min(
                            confidence, GaleChurch.match(groupLengths[0][offset], groupLengths[other][offset], ratio: ratio))
                    }
                    groupSets.append(
                        TranslationSet(
                            id: prefix + "paragraph \(offset + 1) of each section",
                            members: group.map { SegmentReference(text: 0, segment: $0.paragraphs.lowerBound + offset) },
                            confidence: confidence, method: "language sections paired paragraph by paragraph"))
                }
                notes.append(
                    "language sections \(languages) aligned paragraph by paragraph (\(English.counted(counts[0], "paragraph")) each)"
                        + ParallelAligner.lowConfidenceNote(groupSets))
            } else {
                // Each section acts as its own text for the length aligner.
                let members = group.map { Array($0.paragraphs) }
                groupSets = ParallelAligner.alignByLength(
                    lengths: groupLengths, segmentsOf: members, idPrefix: "paragraph", pivotID: { segments[$0].id }
                ).map { set in
                    var set = set
                    set.members = set.members.map { SegmentReference(text: 0, segment: $0.segment) }
                    set.id = prefix + set.id
                    return set
                }
                notes.append(
                    "language sections \(languages) have different paragraph counts (\(counts.map(String.init).joined(separator: ", "))): paragraphs aligned by length (Gale–Church)"
                        + ParallelAligner.lowConfidenceNote(groupSets))
            }
            sets += groupSets
        }
        return (sets, notes)
    }
}
