import Foundation

/// Aligns versions of one text held in separate files (`glossary check --parallel a.id.md
/// a.en.md a.su.md`) or in the language sections of one file.
///
/// Versions with the same number of paragraphs are paired paragraph by paragraph. Otherwise
/// paragraphs are split into sentences and the sentences aligned by length (`GaleChurch`), and a
/// note says so. Every set carries a confidence; sets below `TranslationSet.reliableConfidence`
/// are reported as such and not used to claim that a term is missing.
package enum ParallelAligner {
    /// The length of a segment for alignment: the characters of prose in it (`AlignmentLength`).
    ///
    /// - Complexity: O(*n*) in the text's length, to find its masked regions; use
    ///   `lengths(of:in:)` for several segments of one text.
    static func length(_ segment: Segment, in text: SegmentedText) -> Int {
        lengths(of: [segment], in: text)[0]
    }

    /// The lengths for alignment of `segments` of `text`, read in the text's markup
    /// (`SegmentedText.alignmentMarkup`) without its directives
    /// (`SegmentedText.directiveRanges`): the text's masked regions are found once.
    ///
    /// - Complexity: O(*n* + *s*) in the text's length and the segments' bytes (the language
    ///   server aligns a document's sections again on every change).
    static func lengths(of segments: [Segment], in text: SegmentedText) -> [Int] {
        let markdown = text.alignmentMarkup == .markdown
        return text.text.bytes.withUnsafeBufferPointer { bytes in
            let masked = AlignmentLength.union(
                MarkdownMasker.maskedRanges(bytes, markdown: markdown), text.directiveRanges)
            return segments.map { AlignmentLength.length(of: $0.bytes, in: bytes, masked: masked, markdown: markdown) }
        }
    }

    /// Aligns paragraph-segmented versions; the first leads.
    ///
    /// - Returns: the corpus; its texts are the inputs, or their sentence-segmented forms when the
    ///   paragraph counts differ.
    /// - Complexity: O(*p*) for equal paragraph counts; O(*s*²) in the number of sentences otherwise.
    package static func align(_ versions: [SegmentedText]) -> TranslationCorpus {
        guard let pivot = versions.first else { return TranslationCorpus(texts: [], sets: []) }
        let counts = versions.map(\.segments.count)
        let names = versions.map(\.path)
        if Set(counts).count == 1 {
            let lengths = versions.map { text in Self.lengths(of: text.segments, in: text) }
            var sets: [TranslationSet] = []
            for index in pivot.segments.indices {
                var confidence = 1.0
                for other in 1..<max(1, versions.count) where versions.count > 1 {
                    let ratio = GaleChurch.ratio(lengths[0].reduce(0, +), lengths[other].reduce(0, +))
                    confidence = min(confidence, GaleChurch.match(lengths[0][index], lengths[other][index], ratio: ratio))
                }
                sets.append(
                    TranslationSet(
                        id: "paragraph \(index + 1)" + (heading(of: pivot.segments[index], in: pivot).map { " (\($0))" } ?? ""),
                        members: versions.indices.map { SegmentReference(text: $0, segment: index) },
                        confidence: confidence, method: "paragraph \(index + 1) of \(pivot.segments.count)"))
            }
            let note =
                "\(English.counted(versions.count, "version")) aligned paragraph by paragraph (\(English.counted(counts[0], "paragraph")) each)"
                + lowConfidenceNote(sets)
            return TranslationCorpus(texts: versions, sets: sets, notes: [note])
        }
        let sentenceTexts = versions.map(sentenceSegmented)
        let sets = alignByLength(sentenceTexts, idPrefix: "sentence")
        let described = zip(names, counts).map { "\($0): \($1)" }.joined(separator: ", ")
        let note =
            "paragraph counts differ (\(described)): sentences aligned by length (Gale–Church)"
            + lowConfidenceNote(sets)
        return TranslationCorpus(texts: sentenceTexts, sets: sets, notes: [note])
    }

    /// Aligns the segments of several texts by length, the first text leading, and composes the
    /// pairwise alignments into sets.
    static func alignByLength(_ texts: [SegmentedText], idPrefix: String, segmentsOf members: [[Int]]? = nil) -> [TranslationSet]
    {
        let chosen = members ?? texts.map { Array($0.segments.indices) }
        let lengths = texts.indices.map { t in Self.lengths(of: chosen[t].map { texts[t].segments[$0] }, in: texts[t]) }
        return alignByLength(lengths: lengths, segmentsOf: chosen, idPrefix: idPrefix) { texts[0].segments[$0].id }
    }

    /// `alignByLength(_:idPrefix:segmentsOf:)` from the lengths of the chosen segments alone:
    /// `lengths[t][i]` is the length of segment `members[t][i]` of text `t`, and `pivotID` names
    /// a segment of the first text.
    static func alignByLength(
        lengths: [[Int]], segmentsOf chosen: [[Int]], idPrefix: String, pivotID: (Int) -> String
    ) -> [TranslationSet] {
        let alignments = (1..<max(1, lengths.count)).map { GaleChurch.align(lengths[0], lengths[$0]) }
        let groups = compose(pivotCount: lengths[0].count, alignments: lengths.count > 1 ? alignments : [])
        return groups.enumerated().map { number, group in
            var members: [SegmentReference] = group.pivot.map { SegmentReference(text: 0, segment: chosen[0][$0]) }
            for (offset, range) in group.others.enumerated() {
                members += range.map { SegmentReference(text: offset + 1, segment: chosen[offset + 1][$0]) }
            }
            let first = group.pivot.first.map { pivotID(chosen[0][$0]) } ?? "\(idPrefix) \(number + 1)"
            return TranslationSet(
                id: first, members: members, confidence: group.confidence,
                method: "\(idPrefix)s aligned by length (Gale–Church)")
        }
    }

    /// Combines alignments of each text with the pivot into groups that every alignment agrees
    /// on: a group ends only where every alignment has a bead boundary.
    static func compose(pivotCount: Int, alignments: [[GaleChurch.Bead]]) -> [(
        pivot: Range<Int>, others: [Range<Int>], confidence: Double
    )] {
        var cuts = Set(0...pivotCount)
        for beads in alignments {
            cuts.formIntersection(Set(beads.map(\.first.lowerBound) + [pivotCount]))
        }
        var sorted = cuts.sorted()
        if sorted.count < 2 { sorted = [0, pivotCount] }
        let groupCount = max(1, sorted.count - 1)
        var groups = (0..<groupCount).map { index in
            (
                pivot: sorted[index]..<sorted[min(index + 1, sorted.count - 1)],
                others: [Range<Int>](repeating: 0..<0, count: alignments.count), confidence: alignments.isEmpty ? 1.0 : 1.0
            )
        }
        func group(containing position: Int) -> Int {
            var low = 0
            while low + 1 < groupCount && sorted[low + 1] <= position { low += 1 }
            return low
        }
        var seen = [[Bool]](repeating: [Bool](repeating: false, count: groupCount), count: alignments.count)
        for (index, beads) in alignments.enumerated() {
            for bead in beads {
                let target = group(containing: bead.first.lowerBound)
                let current = groups[target].others[index]
                groups[target].others[index] =
                    seen[index][target]
                    ? min(current.lowerBound, bead.second.lowerBound)..<max(current.upperBound, bead.second.upperBound)
                    : bead.second
                seen[index][target] = true
                groups[target].confidence = min(groups[target].confidence, bead.confidence)
            }
        }
        return groups.filter { !$0.pivot.isEmpty || $0.others.contains { !$0.isEmpty } }
    }

    /// A plain text's paragraphs split into sentences.
    static func sentenceSegmented(_ text: SegmentedText) -> SegmentedText {
        var segments: [Segment] = []
        for (number, paragraph) in text.segments.enumerated() {
            for (index, sentence) in SentenceSplitter.sentences(in: text.text, range: paragraph.bytes).enumerated() {
                segments.append(
                    Segment(
                        id: "paragraph \(number + 1), sentence \(index + 1)", language: paragraph.language, role: paragraph.role,
                        bytes: sentence))
            }
        }
        if text.fileOffsets == nil {
            var sentences = SegmentedText(file: text.file, segments: segments, format: text.format, markup: text.markup)
            sentences.directiveRanges = text.directiveRanges
            return sentences
        }
        return SegmentedText(
            text: text.text, file: text.file, fileOffsets: text.fileOffsets!, segments: segments, format: text.format)
    }

    /// The first line of a segment when it is a short heading line followed by more text
    /// (`Pasal 23`, `Article 4`), to name the set.
    static func heading(of segment: Segment, in text: SegmentedText) -> String? {
        let bytes = text.text.bytes[segment.bytes]
        guard let newline = bytes.firstIndex(of: 0x0A), newline - segment.bytes.lowerBound <= 40 else { return nil }
        let line = text.text.text(segment.bytes.lowerBound..<newline).trimmingCharacters(in: .whitespaces)
        return line.isEmpty ? nil : line
    }

    static func lowConfidenceNote(_ sets: [TranslationSet]) -> String {
        let low = sets.filter { !$0.isReliable }.count
        let mean = sets.isEmpty ? 1 : sets.map(\.confidence).reduce(0, +) / Double(sets.count)
        let shown = (mean * 100).rounded() / 100
        return "; mean confidence \(shown)"
            + (low == 0
                ? ""
                : "; \(low) of \(English.counted(sets.count, "set")) below \(TranslationSet.reliableConfidence), not checked for missing terms")
    }
}
