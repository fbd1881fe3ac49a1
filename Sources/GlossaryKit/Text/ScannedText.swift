/// One word of a scanned text: where it is and which lexicon entries it is, without its text.
package struct ScannedWord: Sendable, Hashable {
    /// Byte offset of the word's first byte (in the text's bytes).
    package var start: Int32
    /// Byte offset just past the word.
    package var end: Int32
    /// Lexicon id of the folded word, or -1 when no term could use it.
    package var folded: Int32
    /// Lexicon id of the accent-free folded word; equals `folded` when the word has no accents.
    package var bare: Int32
    /// When `folded` is -1: the word's id among the distinct unknown words of the scan (the
    /// words no term uses, each kept once with its accent-free form), else -1.
    package var unknownWord: Int32
    /// Gap-lexicon id of the separator before the word, or a hard/unknown gap class.
    package var gap: Int32
    /// The folded word's bytes in `ScannedText.folded`.
    package var foldedStart: Int32
    package var foldedLength: Int32
    package var kind: UInt8
    /// Whether a blank line (or the start of the text) comes before the word.
    package var isParagraphStart: Bool
    /// What the compiled glossary's word table says of the word, when the scan was given it
    /// (`ScannedText.hasLexiconFlags`): bit 0, its folded or accent-free form is a term's word;
    /// bits 1–15, its folded form is a stopword of detector language 0–14. Copied from the
    /// scanner's memo of distinct words, so reading it costs no look-up at a random place of
    /// the glossary's table.
    var lexiconFlags: UInt16

    /// The byte range of the word.
    package var range: Range<Int> { Int(start)..<Int(end) }
}

/// A text split into words and classified against a compiled glossary's lexicon: what the
/// scanning stage (`Tokenizer.scan`) makes of a chunk of text, and what language detection and
/// matching read.
///
/// This is the one representation of a text's words: one small record per word, and the folded
/// text of all words in one buffer, so scanning allocates no string per word. The few words an
/// analyzer reads in context are given to it as `Token`s (`tokens(from:to:)`).
package struct ScannedText: Sendable {
    package let source: SourceText
    package let words: [ScannedWord]
    /// The folded form of every word, back to back (see `ScannedWord.foldedStart`).
    package let folded: [UInt8]
    /// Paragraphs as ranges of `words` indices.
    package let paragraphs: [Range<Int>]
    /// Whether the words' `lexiconFlags` were filled from the glossary's word table.
    let hasLexiconFlags: Bool
    /// Whether a hyphen ends a line before some word (`Gap.lineBreakHyphen`): a word may be
    /// hyphenated across a line break (`traf-⏎ficking`). Most texts have none, and the matcher
    /// then looks for none.
    let hasLineBreakHyphens: Bool
    /// The lexicons the words' ids refer to: the glossary's words, its gaps, and the distinct
    /// unknown words of the scan (nil when the scan kept none; `ScannedWord.unknownWord`).
    let lexicon: ByteLexicon
    let gapLexicon: ByteLexicon
    let unknownWords: ByteLexicon?

    init(
        source: SourceText, words: [ScannedWord], folded: [UInt8], lexicon: ByteLexicon, gapLexicon: ByteLexicon,
        unknownWords: ByteLexicon?,
        hasLexiconFlags: Bool = false
    ) {
        self.source = source
        self.words = words
        self.hasLexiconFlags = hasLexiconFlags
        self.folded = folded
        self.lexicon = lexicon
        self.gapLexicon = gapLexicon
        self.unknownWords = unknownWords
        var paragraphs: [Range<Int>] = []
        var start = 0
        // (The one pass over the words that every scan makes anyway.)
        let lineBreakHyphen = gapLexicon.find(Gap.lineBreakHyphen) ?? Int32.min
        var hasLineBreakHyphens = false
        for (index, word) in words.enumerated() {
            hasLineBreakHyphens = hasLineBreakHyphens || word.gap == lineBreakHyphen
            guard word.isParagraphStart && index > 0 else { continue }
            paragraphs.append(start..<index)
            start = index
        }
        if start < words.count { paragraphs.append(start..<words.count) }
        self.paragraphs = paragraphs
        self.hasLineBreakHyphens = hasLineBreakHyphens
    }

    /// The folded text of word `index`.
    package func foldedText(_ index: Int) -> String {
        let word = words[index]
        return String(decoding: folded[Int(word.foldedStart)..<Int(word.foldedStart + word.foldedLength)], as: UTF8.self)
    }

    /// The accent-free folded text of word `index`, when the scan knows it (the word's form in
    /// the lexicon, or among the scan's distinct unknown words); else its folded text.
    func bareText(_ index: Int) -> String {
        let word = words[index]
        if word.bare >= 0 { return lexicon.string(word.bare) }
        if word.folded < 0, word.unknownWord >= 0, let unknownWords {
            let key = unknownWords.bytes(word.unknownWord)
            if let zero = key.firstIndex(of: 0) {
                return String(decoding: UnsafeBufferPointer(rebasing: key[(zero + 1)...]), as: UTF8.self)
            }
        }
        return foldedText(index)
    }

    /// The gap signature (`Token.gapBefore`) before word `index`, which is not the text's first.
    func gapSignature(before index: Int) -> String {
        let gap = words[index].gap
        if gap == ByteLexicon.hardGap { return Token.hardBreak }
        if gap >= 0 { return gapLexicon.string(gap) }
        return Gap.signature(source.bytes[Int(words[index - 1].end)..<Int(words[index].start)])
    }

    /// Word `index` as a `Token`: the first word of the text has a hard break before it.
    func token(at index: Int) -> Token {
        token(at: index, gapBefore: index == 0 ? Token.hardBreak : gapSignature(before: index))
    }

    private func token(at index: Int, gapBefore: String) -> Token {
        let word = words[index]
        return Token(
            start: Int(word.start), end: Int(word.end), folded: foldedText(index), bare: bareText(index),
            kind: WordKind(rawValue: word.kind) ?? .letter, gapBefore: gapBefore)
    }

    /// Words `start..<end` as `Token`s, for an analyzer that reads a word in context; the run
    /// stops before a hard break, and its first word has one before it.
    func tokens(from start: Int, to end: Int) -> [Token] {
        var result: [Token] = []
        for index in start..<end {
            let gap = index == start ? Token.hardBreak : gapSignature(before: index)
            if index > start && gap == Token.hardBreak { break }
            result.append(token(at: index, gapBefore: gap))
        }
        return result
    }
}
