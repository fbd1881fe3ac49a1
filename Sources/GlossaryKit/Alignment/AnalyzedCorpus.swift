/// A segmented text after matching (made by `CrossLanguageAnalyzer`): the analysed document of
/// its text, whose paragraphs are its segments, and each segment's matches.
public struct AnalyzedText: Sendable {
    /// The text as segments, with the way back to its file's positions.
    public let segmented: SegmentedText
    /// The matched text as an analysed document whose paragraphs are the segments, so the
    /// monolingual rules run on it unchanged.
    public let document: AnalyzedDocument
    /// For each segment, the indices of its matches in `document.matches`.
    public let segmentMatches: [[Int]]
    /// Where each segment's first word is, for a text matched a few segments at a time from a
    /// file that is not held (`StreamedSections`): then `segmented` has the segments but not
    /// the text. Nil when `segmented` holds the text.
    var segmentHeads: [SegmentHead]? = nil

    /// The term occurrences in segment `index`.
    public func matches(inSegment index: Int) -> [TermMatch] {
        segmentMatches[index].map { document.matches[$0] }
    }
}

/// The first word of a segment, as far as the first blank or line break (`**ILO**,`): where a
/// finding about the whole segment goes (`AnalyzedCorpus.finding(atSegment:...)`).
struct SegmentHead: Sendable {
    /// The word's bytes in the file.
    var bytes: Range<Int>
    /// The line and column of its first byte and just past its last.
    var start: TextPosition
    var end: TextPosition
    /// The word as written.
    var text: String

    /// Where the first word of the segment `range` of `bytes` ends.
    ///
    /// - Complexity: O(the word's length).
    static func firstWordEnd<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, _ range: Range<Int>) -> Int
    where Bytes.Index == Int {
        var end = range.lowerBound
        while end < range.upperBound {
            let byte = bytes[end]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { break }
            end += 1
        }
        return end
    }
}

/// A translation corpus after matching (made by `CrossLanguageAnalyzer`): what the
/// cross-language rules read.
public struct AnalyzedCorpus: Sendable {
    /// The analysed texts, in the corpus's order; a ``SegmentReference`` indexes them.
    public let texts: [AnalyzedText]
    /// The translation sets: which segments are versions of each other.
    public let sets: [TranslationSet]
    /// The declared source language (as in XLIFF); nil when the versions have no direction.
    public let sourceLanguage: LanguageTag?
    /// Remarks made while building the corpus, for the user (a file skipped, a weak alignment).
    public let notes: [String]
    /// The glossary the texts were matched against.
    public let glossary: Glossary
    /// How a larger corpus that this one is part of renders its concepts, when the corpus is one
    /// of the pieces a streamed document is checked in (`StreamedSections`): the renderings
    /// `inconsistent-translation` compares are then the whole document's. Nil: this corpus's.
    var renderings: RenderingTally? = nil

    /// A corpus of analysed texts and their translation sets.
    ///
    /// - Precondition: every member of `sets` refers to one of `texts` and one of its segments
    ///   (the rules read them all); a set that does not stops the program with a message naming
    ///   it and the reference, rather than an index out of range deep in a rule.
    /// - Complexity: O(*m*) in the sets' members.
    public init(texts: [AnalyzedText], sets: [TranslationSet], sourceLanguage: LanguageTag?, notes: [String], glossary: Glossary)
    {
        for set in sets {
            for member in set.members {
                precondition(
                    texts.indices.contains(member.text)
                        && texts[member.text].segmented.segments.indices.contains(member.segment),
                    "translation set '\(set.id)' refers to segment \(member.segment) of text \(member.text), "
                        + "which the corpus does not have (it has \(English.counted(texts.count, "text")))")
            }
        }
        self.texts = texts
        self.sets = sets
        self.sourceLanguage = sourceLanguage
        self.notes = notes
        self.glossary = glossary
    }

    /// The segment `reference` points to.
    public subscript(reference: SegmentReference) -> Segment {
        texts[reference.text].segmented.segments[reference.segment]
    }

    /// The term occurrences in a segment.
    public func matches(in reference: SegmentReference) -> [TermMatch] {
        texts[reference.text].matches(inSegment: reference.segment)
    }

    /// The language a set is translated from: the corpus's source language when the set has it,
    /// else (undirected versions) the language of its first member.
    public func sourceLanguage(of set: TranslationSet) -> LanguageTag? {
        let languages = set.members.compactMap { self[$0].language }
        if let sourceLanguage, languages.contains(sourceLanguage) { return sourceLanguage }
        return languages.first
    }

    /// The members of `set` grouped by language, in order of first appearance.
    public func membersByLanguage(of set: TranslationSet) -> [(language: LanguageTag, members: [SegmentReference])] {
        var result: [(language: LanguageTag, members: [SegmentReference])] = []
        for member in set.members {
            guard let language = self[member].language else { continue }
            if let index = result.firstIndex(where: { $0.language == language }) {
                result[index].members.append(member)
            } else {
                result.append((language, [member]))
            }
        }
        return result
    }

    /// How often each concept occurs in the segments of one language of a set: the largest count
    /// over those segments (a PO plural's msgid and msgid_plural name a concept once each, not
    /// twice). A parenthesised gloss right after the same concept is not counted.
    ///
    /// - Complexity: O(*m*) in the number of matches of the segments.
    public func conceptCounts(_ members: [SegmentReference]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for member in members {
            var counts: [Int: Int] = [:]
            var previous: TermMatch?
            for match in matches(in: member) {
                defer { previous = match }
                if let previous, match.isGloss(ofConcept: previous.term.concept, endingAt: previous.bytes.upperBound) { continue }
                counts[match.term.concept, default: 0] += 1
            }
            for (concept, count) in counts { result[concept] = max(result[concept] ?? 0, count) }
        }
        return result
    }

    /// The written text of a match in a text.
    public func writtenText(of match: TermMatch, inText text: Int) -> String {
        texts[text].document.writtenText(of: match)
    }

    /// A finding at a match, positioned in the file.
    public func finding(
        at match: TermMatch, inText text: Int, rule: String, severity: Severity, message: String,
        suggestions: [String] = [], fix: String? = nil, note: String? = nil
    ) -> Finding {
        let analyzed = texts[text]
        return analyzed.segmented.inFile(
            analyzed.document.finding(
                at: match, rule: rule, severity: severity, message: message,
                suggestions: suggestions, fix: fix, note: note))
    }

    /// A finding about a whole segment (a missing term has no place of its own), positioned at
    /// the segment's first word.
    public func finding(
        atSegment reference: SegmentReference, rule: String, severity: Severity, concept: String?,
        message: String, suggestions: [String] = [], note: String? = nil
    ) -> Finding {
        let analyzed = texts[reference.text]
        let segment = self[reference]
        let file = analyzed.segmented.file
        if let head = analyzed.segmentHeads?[reference.segment] {
            return Finding(
                location: SourceLocation(file: file.path, line: head.start.line, column: head.start.column),
                endLocation: SourceLocation(file: file.path, line: head.end.line, column: head.end.column),
                byteRange: head.bytes, rule: rule, severity: severity, language: segment.language,
                concept: concept, text: head.text, message: message, suggestions: suggestions, note: note)
        }
        // The first word, or the segment's first byte when it has none.
        let end = SegmentHead.firstWordEnd(in: analyzed.segmented.text.bytes, segment.bytes)
        let range = analyzed.segmented.fileRange(segment.bytes.lowerBound..<end)
        let start = file.position(of: range.lowerBound)
        let stop = file.position(of: range.upperBound)
        return Finding(
            location: SourceLocation(file: file.path, line: start.line, column: start.column),
            endLocation: SourceLocation(file: file.path, line: stop.line, column: stop.column),
            byteRange: range, rule: rule, severity: severity, language: segment.language,
            concept: concept, text: file.text(range), message: message, suggestions: suggestions, note: note)
    }

    /// `segment 'unit 3' (file.xlf:12:9)`, for messages.
    public func describe(_ reference: SegmentReference) -> String {
        let text = texts[reference.text].segmented
        let segment = self[reference]
        let location =
            texts[reference.text].segmentHeads.map { heads in
                let start = heads[reference.segment].start
                return SourceLocation(file: text.path, line: start.line, column: start.column)
            } ?? text.location(of: segment)
        return "\(segment.id) at \(location.line):\(location.column)"
            + (texts.count > 1 ? " of \(text.path)" : "")
    }
}
