/// Tells which language each paragraph of a text is written in, and whether that is certain: the
/// language-detection stage.
///
/// It counts, per language, the paragraph's words that are function words of that language (the
/// analyzers' stopword lists, which also hold a few words that name parts of a document:
/// *Keywords*, *Lampiran*, *Catetan*). The compiled glossary marks each stopword in its word table
/// with one bit per detector language, and the scan copies those bits into every word's record,
/// so counting needs no look-up. The counts are each paragraph's `LanguageEvidence`; the
/// paragraphs of a chunk are then decided together, each from its own evidence and its
/// neighbours' (`languages(from:languages:previous:)`).
///
/// Checking a text and aligning its sections use this one detector, so they cannot disagree.
package struct LanguageDetector: Sendable {
    /// The languages told apart, in the order of their stopword bits
    /// (`CompiledGlossary.detectorLanguages`: the glossary's languages whose analyzer has
    /// stopwords, at most 15).
    package let languages: [LanguageTag]

    /// A detector of `languages`, given in the order of the stopword bits the scan copies into
    /// each word (a compiled glossary's `detectorLanguages`).
    package init(languages: [LanguageTag]) {
        self.languages = languages
    }

    /// Each paragraph's language and whether it is certain, from the stopword bits the scan
    /// copied into each word's record from the compiled lexicon's flags, given `previous`, the
    /// previous chunk's last language (see `languages(from:languages:previous:)`).
    ///
    /// - Complexity: O(*n*) in the words, without a branch per word.
    func paragraphLanguages(of text: ScannedText, previous: LanguageTag?) -> [DetectedLanguage] {
        guard !languages.isEmpty else {
            return text.paragraphs.map { _ in DetectedLanguage(language: previous, isUncertain: true) }
        }
        var evidence: [LanguageEvidence] = []
        evidence.reserveCapacity(text.paragraphs.count)
        var counts = [Int](repeating: 0, count: languages.count)
        let letter = WordKind.letter.rawValue
        precondition(text.hasLexiconFlags, "the text is scanned with the glossary's word flags")
        // The scan copied each word's stopword bits into its record. Whether a word is a
        // stopword is a coin toss in running text, so the words are counted without a
        // branch on it: with up to four languages, in four 16-bit lanes of one integer that
        // each word adds its bits to (emptied into `counts` before a lane can overflow);
        // beyond, every language's counter adds its bit.
        let languageCount = languages.count
        text.words.withUnsafeBufferPointer { words in
            counts.withUnsafeMutableBufferPointer { counts in
                for paragraph in text.paragraphs {
                    for index in 0..<languageCount { counts[index] = 0 }
                    var letters = 0
                    if languageCount <= 4 {
                        var lanes: UInt64 = 0
                        var inLanes = 0
                        for word in words[paragraph] {
                            letters &+= word.kind == letter ? 1 : 0
                            let bits = UInt64(word.lexiconFlags >> 1)
                            lanes &+= bits & 1 | (bits & 2) << 15 | (bits & 4) << 30 | (bits & 8) << 45
                            inLanes &+= 1
                            if inLanes == 0xFFFF {
                                Self.empty(&lanes, into: counts)
                                inLanes = 0
                            }
                        }
                        Self.empty(&lanes, into: counts)
                    } else {
                        for word in words[paragraph] {
                            letters &+= word.kind == letter ? 1 : 0
                            let bits = Int(word.lexiconFlags >> 1)
                            for index in 0..<languageCount { counts[index] &+= bits >> index & 1 }
                        }
                    }
                    evidence.append(LanguageEvidence(counts: counts, words: letters))
                }
            }
        }
        return Self.languages(from: evidence, languages: languages, previous: previous)
    }

    /// Adds the four 16-bit lanes of `lanes` to the first `counts` (as many as there are) and
    /// empties them.
    private static func empty(_ lanes: inout UInt64, into counts: UnsafeMutableBufferPointer<Int>) {
        for index in 0..<min(4, counts.count) { counts[index] &+= Int(lanes >> (16 * UInt64(index)) & 0xFFFF) }
        lanes = 0
    }

    /// The language with the most stopword hits among `languages` (`counts` in the same order),
    /// when it decides the paragraph on its own (`LanguageEvidence.decides`: at least two hits
    /// and a third more than the runner-up); nil otherwise.
    ///
    /// - Complexity: O(*n*) in the number of languages.
    static func decide(languages: [LanguageTag], counts: some Collection<Int>) -> LanguageTag? {
        let evidence = LanguageEvidence(counts: counts, words: 0)
        return evidence.decides ? languages[evidence.leader] : nil
    }

    /// The most words a paragraph may have to count as a section heading (`ABSTRACT`,
    /// `RINGKESAN`, `Kata kunci`); chunks never end after one (`TextChunker`).
    package static let headingWordLimit = TextChunker.headingWordLimit

    /// The fewest hits with which a paragraph decided against the sections on both sides of it
    /// is certain: with fewer (two), a short reply or caption that happens to hold two function
    /// words of another language stays uncertain.
    static let contraryHits = 3

    /// The languages of a chunk's paragraphs, from each one's `evidence` (in the order of
    /// `languages`) and its neighbours'.
    ///
    /// **The language.** A paragraph's own words come first, its section second:
    ///
    /// 1. A paragraph that *leans* to one language (`LanguageEvidence.leans`: that language has
    ///    the most hits, even a single one) is in that language: *The guest workers left early.*
    ///    is English after an Indonesian paragraph.
    /// 2. Any other paragraph (no hit, or a tie) takes its section's language: that of the
    ///    paragraph before it, for the first paragraphs `previous` (the language the text before
    ///    the chunk ended in), else the next paragraph that leans. On a tie, only a tied
    ///    language can be chosen: the section's when it is one of them, else the next
    ///    paragraph's, else the first tied one (*Sumber: …* ties Indonesian and Sundanese and is
    ///    neither English nor what an English section around it says).
    /// 3. A heading: a paragraph that does not decide on its own, of at most `headingWordLimit`
    ///    words, right before a paragraph decided in a language other than the one before it,
    ///    introduces that new section and takes its language (`ABSTRACT`, `RINGKESAN`, and
    ///    `ABSTRAK` before an English abstract).
    ///
    /// **Certain or uncertain.** A paragraph is certain when its own words decide it
    /// (`LanguageEvidence.decides`: at least two hits and a third more than any other language)
    /// and, if its language is neither that of the nearest decided paragraph before it (or
    /// `previous`) nor that of the nearest one after it, it has at least `contraryHits` hits.
    /// Every other paragraph is uncertain: short (fewer than two hits), mixed (no clear lead),
    /// or disagreeing with its section on thin evidence. A paragraph with no language is
    /// uncertain.
    ///
    /// - Complexity: O(*p*) in the number of paragraphs (times the number of languages).
    static func languages(from evidence: [LanguageEvidence], languages: [LanguageTag], previous: LanguageTag?)
        -> [DetectedLanguage]
    {
        let count = evidence.count
        // What each paragraph says alone: decided, leaning, or nothing (nil).
        let own: [LanguageTag?] = evidence.map { $0.leans ? languages[$0.leader] : nil }
        var guess = own
        var start = 0
        while start < count {
            guard own[start] == nil else { start += 1; continue }
            var end = start
            while end < count && own[end] == nil { end += 1 }
            let before = start > 0 ? own[start - 1] : previous
            let after = end < count ? own[end] : nil
            for paragraph in start..<end {
                guess[paragraph] = Self.sectionLanguage(
                    of: evidence[paragraph], before: before, after: after, languages: languages)
            }
            start = end
        }
        for paragraph in 0..<max(0, count - 1) where !evidence[paragraph].decides && evidence[paragraph].words <= headingWordLimit
        {
            let next = evidence[paragraph + 1]
            guard next.decides, let before = paragraph > 0 ? guess[paragraph - 1] : previous,
                languages[next.leader] != before
            else { continue }
            guess[paragraph] = languages[next.leader]
        }
        // The nearest decided language after each paragraph, then the certainty in one pass
        // forward that carries the nearest decided language before.
        var decidedAfter = [LanguageTag?](repeating: nil, count: count)
        var next: LanguageTag?
        for paragraph in stride(from: count - 1, through: 0, by: -1) {
            decidedAfter[paragraph] = next
            if evidence[paragraph].decides { next = languages[evidence[paragraph].leader] }
        }
        var decidedBefore = previous
        var result: [DetectedLanguage] = []
        result.reserveCapacity(count)
        for paragraph in 0..<count {
            let item = evidence[paragraph]
            var isUncertain = !item.decides || guess[paragraph] == nil
            if item.decides {
                let language = languages[item.leader]
                let after = decidedAfter[paragraph]
                let contradicted = (decidedBefore != nil || after != nil) && decidedBefore != language && after != language
                if contradicted && item.leaderHits < contraryHits { isUncertain = true }
                decidedBefore = language
            }
            result.append(DetectedLanguage(language: guess[paragraph], isUncertain: isUncertain))
        }
        return result
    }

    /// The language of a paragraph that leans nowhere, in a section between `before` and `after`
    /// (rule 2 of `languages(from:languages:previous:)`).
    private static func sectionLanguage(
        of evidence: LanguageEvidence, before: LanguageTag?, after: LanguageTag?, languages: [LanguageTag]
    ) -> LanguageTag? {
        guard evidence.topLanguages != 0 else { return before ?? after }
        func isTied(_ language: LanguageTag?) -> Bool {
            guard let language, let index = languages.firstIndex(of: language) else { return false }
            return evidence.isAtTop(index)
        }
        if isTied(before) { return before }
        if isTied(after) { return after }
        return languages[evidence.leader]
    }

    /// The language a file's name declares: `report.id.md`, `abstract_su.txt`, `docs/en/x.md`.
    ///
    /// Only tags in `known` are recognised, so `notes.md` or `data.v2.txt` declare nothing.
    package static func language(fromPath path: String, known: [LanguageTag]) -> LanguageTag? {
        languageTag(inPath: path, known: known)?.language
    }

    /// The language a file's name declares (as `language(fromPath:known:)`) and the path with
    /// that tag replaced by `{lang}`: `report.{lang}.md`, `report_{lang}.md`, `{lang}/report.md`.
    /// Files whose keys are equal differ only by their language tag.
    package static func languageTag(inPath path: String, known: [LanguageTag]) -> (language: LanguageTag, key: String)? {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = components.last, !name.isEmpty else { return nil }
        var stem = name
        var extensionPart = ""
        if let dot = stem.lastIndex(of: ".") {
            extensionPart = String(stem[dot...])
            stem = String(stem[..<dot])
        }
        let separators: Set<Character> = [".", "_", "-"]
        if let separator = stem.lastIndex(where: { separators.contains($0) }), separator > stem.startIndex {
            let last = String(stem[stem.index(after: separator)...])
            let head = stem[..<separator]
            // `parts.count >= 2`: something other than separators comes before the tag.
            if head.contains(where: { !separators.contains($0) }), let tag = match(last, known) {
                components[components.count - 1] = head + String(stem[separator]) + "{lang}" + extensionPart
                return (tag, components.joined(separator: "/"))
            }
        }
        for index in components.indices.dropLast().reversed() {
            if let tag = match(components[index], known) {
                components[index] = "{lang}"
                return (tag, components.joined(separator: "/"))
            }
        }
        return nil
    }

    private static func match(_ text: String, _ known: [LanguageTag]) -> LanguageTag? {
        guard let tag = LanguageTag(text) else { return nil }
        return known.first { $0 == tag } ?? known.first { tag.isWithin($0) }
    }
}
