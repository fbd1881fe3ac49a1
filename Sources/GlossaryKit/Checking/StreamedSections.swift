/// The language sections of a file checked without holding it (`GlossaryChecker.check(_:options:)`
/// on a `MappedFile`): found and aligned from a few facts per paragraph, then matched and
/// checked a few translation sets at a time.
///
/// The first pass over the file (the monolingual check's own) hands every paragraph to `add(_:)`,
/// which keeps what the sections and their alignment need — the paragraph's bytes, its detected
/// language and whether that is uncertain, its line — and nothing of its words or matches.
/// `findings(in:checker:options:)` then finds the file's masked regions (and a plain text's
/// directives), measures each paragraph's prose without them (`AlignmentLength`, as for the text
/// held whole), finds the
/// sections and aligns them from those facts alone
/// (`LanguageSections.sectionLanguages(count:language:isUncertain:)`,
/// `SectionAligner.alignment(of:lengths:)`), and reads the file again one piece at a time: a
/// piece is a run of translation sets that share no segment with the sets outside it, whose
/// segments are cut from the file, scanned, matched and checked as a small corpus of their own
/// (`PiecewiseCrossLanguageRule`). `inconsistent-translation`, which compares renderings across
/// the whole document, is judged once every piece has been counted (`RenderingTally`): the
/// pieces with a rendering other than the expected one of an inconsistent concept are matched a
/// second time.
///
/// The findings, their positions and order are those of `CrossLanguageChecker.sectionFindings`
/// on the file held whole; memory grows with the paragraphs (a few dozen bytes each) and the
/// findings, not with the text.
struct StreamedSections {
    /// What the first pass keeps of one paragraph.
    struct Paragraph {
        /// The paragraph as a segment: from its first word to the end of its last word's line
        /// (as `CrossLanguageAnalyzer.paragraphs(of:_:markup:)` makes it).
        var segment: Range<Int>
        /// Where the line of its first word starts (after a byte order mark on line 1), and
        /// that line's number.
        var lineStart: Int
        var line: Int
        /// The index of its first word among the text's words.
        var firstWord: Int
        /// Its language as detected, and whether that is uncertain.
        var language: LanguageTag?
        var isUncertain: Bool
    }

    private(set) var paragraphs: [Paragraph] = []
    private let bytes: UnsafeBufferPointer<UInt8>
    private let contentStart: Int
    private var lines: LineCounter

    /// Facts about the paragraphs of `file`, to be given in text order.
    init(_ file: MappedFile) {
        bytes = file.bytes
        contentStart = file.contentStart
        lines = LineCounter(file.bytes)
    }

    /// Whether `rules` can all be run a piece at a time, so that a streamed file's sections need
    /// not be read whole.
    static func checksPiecewise(_ rules: [any CrossLanguageRule]) -> Bool {
        rules.allSatisfy { $0 is any PiecewiseCrossLanguageRule }
    }

    /// Keeps the facts of the next paragraphs, as the pipeline found them; their bytes must
    /// still be readable (the chunk's pages are given back after it).
    ///
    /// - Complexity: O(the bytes from the previous paragraph to the end of the last one's line).
    mutating func add(_ found: [AnalyzedDocument.Paragraph]) {
        for paragraph in found {
            let start = paragraph.bytes.lowerBound
            let lastWordEnd = paragraph.bytes.upperBound
            var end = lastWordEnd
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            while end > lastWordEnd && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            var lineStart = start
            while lineStart > contentStart && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            paragraphs.append(
                Paragraph(
                    segment: start..<end, lineStart: lineStart, line: lines.line(containing: start),
                    firstWord: paragraph.words.lowerBound,
                    language: paragraph.language, isUncertain: paragraph.languageIsUncertain))
        }
    }

    /// The cross-language findings of the sections, read from `file` a piece at a time, in
    /// report order and folded (as `CrossLanguageChecker.crossFindings` leaves them); none when
    /// the sections do not align.
    ///
    /// - Parameter checker: a checker whose cross-language rules all check piecewise
    ///   (`checksPiecewise(_:)`).
    /// - Complexity: O(*n*) in the file's length (twice that for pieces with inconsistent
    ///   renderings), plus the alignment's.
    func findings(in file: MappedFile, checker: CrossLanguageChecker, options: CheckOptions) throws(TextError) -> [Finding] {
        let analyzer = checker.analyzer
        let compiled = analyzer.compiled
        let sectionLanguages = LanguageSections.sectionLanguages(count: paragraphs.count) {
            paragraphs[$0].language
        } isUncertain: {
            paragraphs[$0].isUncertain
        }
        var segments = paragraphs.indices.map { index in
            Segment(id: "paragraph \(index + 1)", language: sectionLanguages[index], bytes: paragraphs[index].segment)
        }
        // The masked regions serve the lengths and then the pieces' scans.
        let markdown = (options.markup ?? Tokenizer.Markup(path: file.path)) == .markdown
        var releaser = PageReleaser(file)
        let maskedRanges = MarkdownMasker.maskedRanges(file.bytes, markdown: markdown, passed: { releaser.passed($0) })
        file.releaseAll()
        let lengths = self.lengths(in: file, masked: maskedRanges, markdown: markdown)
        guard let (sets, _) = SectionAligner.alignment(of: segments, lengths: lengths) else { return [] }
        // What `CrossLanguageChecker.normalized(_:)` and `TranslationCorpus.directed(by:)` make of
        // a corpus held whole.
        let known = compiled.languages
        for index in segments.indices {
            segments[index].language = segments[index].language.map {
                SourceLanguage.glossaryLanguage(for: $0, known: known) ?? $0
            }
        }
        var sourceLanguage: LanguageTag?
        if let source = options.sourceLanguage,
            sets.contains(where: { $0.members.contains { segments[$0.segment].language == source } })
        {
            sourceLanguage = source
            for index in segments.indices { segments[index].role = segments[index].language == source ? .source : .target }
        }
        let pieces = Self.pieces(of: sets, segmentCount: segments.count)
        let collector = FindingCollector(rules: checker.rules, crossRules: checker.crossRules, settings: options.ruleSettings)
        let running = checker.crossRules.compactMap { $0 as? any PiecewiseCrossLanguageRule }.filter { collector.runs($0.id) }
        let setwise = running.filter { !$0.readsRenderings }
        let judgedByRenderings = running.filter(\.readsRenderings)
        guard !running.isEmpty else { return [] }

        let reader = PieceReader(
            analyzer: analyzer, file: file, paragraphs: paragraphs, segments: segments, sets: sets,
            sourceLanguage: sourceLanguage, maskedRanges: maskedRanges,
            format: markdown ? "Markdown" : "plain text")
        // As `CrossLanguageAnalyzer.analyze(_:markup:session:)`: the worker's session, unless it
        // scans for the reference path.
        let session =
            options.session.flatMap { $0.compiled === compiled && !$0.referencePath ? $0 : nil }
            ?? ScanSession(compiled: compiled)
        return try session.use { (tokenizer, unknownWords, cache) throws(TextError) in
            var findings: [Finding] = []
            var tally = RenderingTally()
            // The pieces that render each concept (by source and target language) in each way.
            var piecesRendering: [RenderingTally.Sighting: [Int32]] = [:]
            for (number, piece) in pieces.enumerated() {
                let corpus = try reader.corpus(of: piece, tokenizer: tokenizer, unknownWords: unknownWords, cache: cache)
                for rule in setwise { collector.add(rule.check(corpus), of: rule.id, to: &findings) }
                if !judgedByRenderings.isEmpty {
                    for sighting in tally.count(corpus) { piecesRendering[sighting, default: []].append(Int32(number)) }
                }
                reader.release(piece)
                Self.forgetWordsIfMany(&unknownWords, &cache, tokenizer: tokenizer, compiled: compiled)
            }
            if !judgedByRenderings.isEmpty {
                let settled = tally.settled(glossary: compiled.glossary)
                var revisited: Set<Int32> = []
                // Only the pieces with an unexpected rendering have something to report.
                for (sighting, found) in piecesRendering where settled.isUnexpected(sighting) { revisited.formUnion(found) }
                for number in revisited.sorted() {
                    let piece = pieces[Int(number)]
                    var corpus = try reader.corpus(of: piece, tokenizer: tokenizer, unknownWords: unknownWords, cache: cache)
                    corpus.renderings = settled
                    for rule in judgedByRenderings { collector.add(rule.check(corpus), of: rule.id, to: &findings) }
                    reader.release(piece)
                    Self.forgetWordsIfMany(&unknownWords, &cache, tokenizer: tokenizer, compiled: compiled)
                }
            }
            file.releaseAll()
            findings = FindingCollector.ordered(findings, paths: [file.path])
            collector.fold(&findings)
            return findings
        }
    }

    /// The paragraphs' lengths for alignment (`AlignmentLength`), as `ParallelAligner.lengths(of:in:)`
    /// measures the segments of the text held whole: read from the file with its masked
    /// regions (`MarkdownMasker.maskedRanges`) and, in plain text, without its directives
    /// (`Suppressions.directiveRanges`, as `CrossLanguageAnalyzer.paragraphs` finds them), the
    /// pages given back behind.
    ///
    /// - Complexity: O(*n*) in the file's length, to find the directives, plus O(the
    ///   paragraphs' bytes + *p* log *m*) for *m* masked regions.
    func lengths(in file: MappedFile, masked maskedRanges: [MaskedRange], markdown: Bool) -> [Int] {
        var releaser = PageReleaser(file)
        let directives = Suppressions.directiveRanges(
            in: file.bytes, contentStart: file.contentStart, markdown: markdown, passed: { releaser.passed($0) })
        file.releaseAll()
        let masked = AlignmentLength.union(maskedRanges, directives)
        var lengths: [Int] = []
        lengths.reserveCapacity(paragraphs.count)
        var released = contentStart
        for paragraph in paragraphs {
            lengths.append(AlignmentLength.length(of: paragraph.segment, in: bytes, masked: masked, markdown: markdown))
            if paragraph.lineStart - released >= 1 << 22 {
                // The segment may be read from its line's start: the pages before it are done with.
                file.release(released..<paragraph.lineStart)
                released = paragraph.lineStart
            }
        }
        file.releaseAll()
        return lengths
    }

    /// As `AnalysisPipeline.run` does between chunks: the distinct unknown words are only a
    /// cache of their readings, dropped when they grow too many.
    private static func forgetWordsIfMany(
        _ unknownWords: inout ByteLexicon, _ cache: inout WordReadingCache, tokenizer: Tokenizer, compiled: CompiledGlossary
    ) {
        guard unknownWords.count > AnalysisPipeline.unknownWordLimit else { return }
        tokenizer.forgetWords()
        unknownWords = ByteLexicon()
        cache = WordReadingCache(compiled: compiled, unknownWords: unknownWords)
    }

    /// The pieces the sets are checked in: runs of consecutive sets, each as short as can be
    /// while no segment is in two of them (a segment's findings must be made with every set it
    /// is in, as `untranslated-term` reports a segment once).
    ///
    /// - Complexity: O(*s* + *p*) in the sets' members and the segments.
    static func pieces(of sets: [TranslationSet], segmentCount: Int) -> [Range<Int>] {
        var lastSet = [Int](repeating: -1, count: segmentCount)
        for (index, set) in sets.enumerated() {
            for member in set.members { lastSet[member.segment] = index }
        }
        var pieces: [Range<Int>] = []
        var start = 0
        var reach = 0
        for (index, set) in sets.enumerated() {
            for member in set.members { reach = max(reach, lastSet[member.segment]) }
            if index >= reach {
                pieces.append(start..<(index + 1))
                start = index + 1
                reach = start
            }
        }
        return pieces
    }
}

/// Reads the pieces of a streamed file's aligned sections as small corpora
/// (`StreamedSections.findings(in:checker:options:)`).
private struct PieceReader {
    let analyzer: CrossLanguageAnalyzer
    let file: MappedFile
    let paragraphs: [StreamedSections.Paragraph]
    let segments: [Segment]
    let sets: [TranslationSet]
    let sourceLanguage: LanguageTag?
    let maskedRanges: [MaskedRange]
    let format: String

    /// The sets `piece` as a corpus of one text that holds their segments (renumbered in text
    /// order), each matched in its language, with the place of each one's first word.
    func corpus(of piece: Range<Int>, tokenizer: Tokenizer, unknownWords: ByteLexicon, cache: WordReadingCache)
        throws(TextError) -> AnalyzedCorpus
    {
        var members: [Int] = []
        for set in sets[piece] { members += set.members.map(\.segment) }
        members = Array(Set(members)).sorted()
        let local = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        var pieceSegments: [Segment] = []
        var documentParagraphs: [AnalyzedDocument.Paragraph] = []
        var matches: [TermMatch] = []
        var segmentMatches: [[Int]] = []
        var heads: [SegmentHead] = []
        for index in members {
            let segment = segments[index]
            let paragraph = paragraphs[index]
            let found = try analyzer.matches(
                inSegment: segment, lineStart: paragraph.lineStart, line: paragraph.line, firstWord: paragraph.firstWord,
                of: file, maskedRanges: maskedRanges, tokenizer: tokenizer, unknownWords: unknownWords, cache: cache)
            pieceSegments.append(segment)
            segmentMatches.append(Array(matches.count..<matches.count + found.matches.count))
            matches += found.matches
            documentParagraphs.append(
                AnalyzedDocument.Paragraph(bytes: segment.bytes, words: found.words, language: segment.language))
            heads.append(found.head)
        }
        let text = AnalyzedText(
            segmented: SegmentedText(file: SourceText(path: file.path, string: ""), segments: pieceSegments, format: format),
            document: AnalyzedDocument(
                path: file.path, paragraphs: documentParagraphs, matches: matches, glossary: analyzer.glossary),
            segmentMatches: segmentMatches, segmentHeads: heads)
        let pieceSets = sets[piece].map { set in
            var set = set
            set.members = set.members.map { SegmentReference(text: 0, segment: local[$0.segment]!) }
            return set
        }
        return AnalyzedCorpus(
            texts: [text], sets: pieceSets, sourceLanguage: sourceLanguage, notes: [], glossary: analyzer.glossary)
    }

    /// Gives back the pages of the piece's segments.
    func release(_ piece: Range<Int>) {
        for set in sets[piece] {
            for member in set.members {
                let paragraph = paragraphs[member.segment]
                file.release(paragraph.lineStart..<paragraph.segment.upperBound)
            }
        }
    }
}

extension CrossLanguageAnalyzer {
    /// The matches of one segment of a file that is not held, as `analyze(_:markup:session:)`
    /// finds them on the whole text: the segment's lines are cut from the file, masked with the
    /// whole text's masked regions, scanned, and the words of the segment matched in its
    /// language; the matches are placed in the file (positions, look-behind and -ahead read
    /// there).
    ///
    /// - Parameters:
    ///   - lineStart: where the line of the segment's first byte starts (after a byte order
    ///     mark on line 1); `line`: that line's number; `firstWord`: the index of the segment's
    ///     first word among the text's words.
    ///   - maskedRanges: the file's masked regions (`MarkdownMasker.maskedRanges`).
    /// - Returns: the matches, the segment's words (indices among the text's), and its first
    ///   word's place.
    /// - Complexity: O(the segment's lines).
    func matches(
        inSegment segment: Segment, lineStart: Int, line: Int, firstWord: Int, of file: MappedFile, maskedRanges: [MaskedRange],
        tokenizer: Tokenizer, unknownWords: ByteLexicon, cache: WordReadingCache
    ) throws(TextError) -> (matches: [TermMatch], words: Range<Int>, head: SegmentHead) {
        let bytes = file.bytes
        // Through the end of the segment's last line.
        var end = segment.bytes.upperBound
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end < bytes.count { end += 1 }
        let raw = Array(bytes[lineStart..<end])
        let source = try SourceText(path: file.path, bytes: raw, allowsByteOrderMark: false)
        var masked = raw
        var low = 0
        var high = maskedRanges.count
        while low < high {
            let middle = (low + high) / 2
            if maskedRanges[middle].upperBound <= lineStart { low = middle + 1 } else { high = middle }
        }
        let relevant = maskedRanges[low...].prefix { $0.lowerBound < end }
        if !relevant.isEmpty { MarkdownMasker.apply(relevant, to: &masked, original: raw, offset: lineStart) }
        let scanned = try tokenizer.scan(
            source, chunk: masked, at: 0, words: compiled.tables.words, gaps: compiled.tables.gapLexicon,
            unknownWords: unknownWords, wordFlags: compiled.tables.flags)
        let words = scanned.words
        let lower = segment.bytes.lowerBound - lineStart
        let upper = segment.bytes.upperBound - lineStart
        var first = 0
        while first < words.count && Int(words[first].start) < lower { first += 1 }
        var last = first
        while last < words.count && Int(words[last].end) <= upper { last += 1 }
        var session = TermMatcher.Session(matcher: matcher, text: scanned, cache: cache)
        var found = first < last ? session.matches(in: first..<last, language: segment.language) : []
        var placement = MatchPlacement(
            chunk: source, at: lineStart, position: TextPosition(line: line, column: 1), wordBase: firstWord - first, in: bytes,
            contentStart: file.contentStart)
        source.bytes.withUnsafeBufferPointer { local in
            for index in found.indices { placement.place(&found[index], in: local) }
        }
        // The first word, where a finding about the whole segment goes.
        func scalars(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        let wordEnd = SegmentHead.firstWordEnd(in: bytes, segment.bytes)
        let column = 1 + scalars(lineStart..<segment.bytes.lowerBound)
        let head = SegmentHead(
            bytes: segment.bytes.lowerBound..<wordEnd, start: TextPosition(line: line, column: column),
            end: TextPosition(line: line, column: column + scalars(segment.bytes.lowerBound..<wordEnd)),
            text: String(decoding: UnsafeBufferPointer(rebasing: bytes[segment.bytes.lowerBound..<wordEnd]), as: UTF8.self))
        return (found, firstWord..<(firstWord + last - first), head)
    }
}
