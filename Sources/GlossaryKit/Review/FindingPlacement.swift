/// Where each finding goes on the review page: the segment of a translation set it lies in, or
/// nowhere (a finding outside every aligned segment is listed after the sets).
///
/// Findings are placed by file and byte offset, not by rule: any finding the check pipeline makes,
/// whatever rule made it, lands in the segment whose file bytes contain its start.
struct FindingPlacement {
    /// A segment of one corpus of the page.
    struct Place: Hashable {
        var corpus: Int
        var segment: SegmentReference
    }

    /// For each place, the indices of its findings in the page's `findings`, in order.
    private(set) var findings: [Place: [Int]] = [:]
    /// The findings placed nowhere, by index.
    private(set) var unplaced: [Int] = []

    /// Places `findings` in the segments of `corpora`.
    ///
    /// - Complexity: O(*s* log *s* + *f* log *s*) in the segments and findings.
    init(_ findings: [Finding], in corpora: [AnalyzedCorpus]) {
        // Every segment that is a member of a set, by file: its file byte range, sorted.
        var byFile: [String: [(range: Range<Int>, place: Place)]] = [:]
        for (corpusIndex, corpus) in corpora.enumerated() {
            for set in corpus.sets {
                for member in set.members {
                    let text = corpus.texts[member.text].segmented
                    let range = text.fileRange(text.segments[member.segment].bytes)
                    byFile[text.path, default: []].append((range, Place(corpus: corpusIndex, segment: member)))
                }
            }
        }
        for key in byFile.keys { byFile[key]!.sort { $0.range.lowerBound < $1.range.lowerBound } }
        for (index, finding) in findings.enumerated() {
            guard let segments = byFile[finding.location.file],
                let place = Self.segment(containing: finding.byteRange.lowerBound, in: segments)
            else {
                unplaced.append(index)
                continue
            }
            self.findings[place, default: []].append(index)
        }
    }

    /// The segment whose range contains `offset` (or ends at it, for a finding at a segment's
    /// very end), by binary search over ranges sorted by start.
    private static func segment(containing offset: Int, in segments: [(range: Range<Int>, place: Place)]) -> Place? {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].range.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        // `low - 1` is the last segment starting at or before `offset`.
        guard low > 0 else { return nil }
        let candidate = segments[low - 1]
        return offset < candidate.range.upperBound || offset == candidate.range.lowerBound ? candidate.place : nil
    }
}
