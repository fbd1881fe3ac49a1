/// Tells which language each paragraph of a text is written in: the language-detection stage.
///
/// It counts, per language, the paragraph's words that are function words of that language (the
/// analyzers' stopword lists). The compiled glossary marks each stopword in its word table with
/// one bit per detector language, and the scan copies those bits into every word's record, so
/// counting needs no look-up. A paragraph is decided when it has at least two such words and one
/// language leads clearly; an undecided paragraph (a keyword line) takes the language of the
/// paragraph before it, or, at the start of a text, of the first decided one, except a short one
/// right before a paragraph in a new language, which is that section's heading and takes the new
/// language (`fillUndecided(_:wordCounts:previous:)`).
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

    /// Each paragraph's language, from the stopword bits the scan copied into each word's record
    /// from the compiled lexicon's flags; undecided paragraphs take their section's
    /// (`fillUndecided`, with `previous`, the previous chunk's last language, before the first;
    /// a short heading before a paragraph in a new language takes that language).
    ///
    /// - Complexity: O(*n*) in the words, without a branch per word.
    func paragraphLanguages(of text: ScannedText, previous: LanguageTag?) -> [LanguageTag?] {
        guard !languages.isEmpty else { return text.paragraphs.map { _ in previous } }
        var decided: [LanguageTag?] = []
        var wordCounts: [Int] = []
        decided.reserveCapacity(text.paragraphs.count)
        wordCounts.reserveCapacity(text.paragraphs.count)
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
                    decided.append(Self.decide(languages: languages, counts: counts))
                    wordCounts.append(letters)
                }
            }
        }
        return Self.fillUndecided(decided, wordCounts: wordCounts, previous: previous)
    }

    /// Adds the four 16-bit lanes of `lanes` to the first `counts` (as many as there are) and
    /// empties them.
    private static func empty(_ lanes: inout UInt64, into counts: UnsafeMutableBufferPointer<Int>) {
        for index in 0..<min(4, counts.count) { counts[index] &+= Int(lanes >> (16 * UInt64(index)) & 0xFFFF) }
        lanes = 0
    }

    /// The language with the most stopword hits among `languages` (`counts` in the same order),
    /// when it has at least two and a clear lead (a third more than the runner-up); nil
    /// otherwise. It runs for every paragraph of every text.
    ///
    /// - Complexity: O(*n*) in the number of languages.
    static func decide(languages: [LanguageTag], counts: some Collection<Int>) -> LanguageTag? {
        // The highest count and the runner-up (equal to it on a tie, which decides nothing).
        var best = -1, first = Int.min, second = Int.min
        for (index, count) in counts.enumerated() {
            if count > first {
                second = first
                first = count
                best = index
            } else if count > second {
                second = count
            }
        }
        guard best >= 0, first >= 2 else { return nil }
        if counts.count > 1 {
            guard first * 3 >= second * 4 + 1, first > second else { return nil }
        }
        return languages[best]
    }

    /// The most words a paragraph may have to count as a section heading (`ABSTRACT`,
    /// `RINGKESAN`, `Kata kunci`); chunks never end after one (`TextChunker`).
    package static let headingWordLimit = TextChunker.headingWordLimit

    /// Gives each undecided paragraph a language from its section.
    ///
    /// - An undecided paragraph takes the language of the paragraph before it (a keyword line
    ///   belongs to its section); for the first paragraphs that is `previous` (the language the
    ///   text before them ended in, when it is scanned in chunks), else the first decided one.
    /// - But the last paragraph of an undecided run, when it has at most `headingWordLimit` words
    ///   (`wordCounts`) and the paragraph after it is decided in a *different* language than the
    ///   one before the run, is that new section's heading (`ABSTRACT` before the English
    ///   abstract) and takes the following language.
    ///
    /// - Parameters:
    ///   - decided: each paragraph's language as detected on its own, nil when undecided.
    ///   - wordCounts: each paragraph's number of words; nil disables the heading rule.
    ///   - previous: the language of the paragraph just before `decided[0]`, if any.
    /// - Complexity: O(*p*) in the number of paragraphs.
    package static func fillUndecided(_ decided: [LanguageTag?], wordCounts: [Int]? = nil, previous: LanguageTag? = nil) -> [LanguageTag?] {
        var result = decided
        var index = 0
        while index < decided.count {
            guard decided[index] == nil else { index += 1; continue }
            var end = index
            while end < decided.count && decided[end] == nil { end += 1 }
            let before = index > 0 ? decided[index - 1] : previous
            let after = end < decided.count ? decided[end] : nil
            for undecided in index..<end { result[undecided] = before ?? after }
            if let after, let before, after != before, let wordCounts, end - 1 < wordCounts.count,
               wordCounts[end - 1] <= headingWordLimit {
                result[end - 1] = after
            }
            index = end
        }
        return result
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
