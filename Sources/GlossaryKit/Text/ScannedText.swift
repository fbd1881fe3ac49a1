/// One word of a scanned text: where it is and which lexicon entries it is, without its text.
public struct ScannedWord: Sendable, Hashable {
    /// Byte offset of the word's first byte (in the text's bytes).
    public var start: Int32
    /// Byte offset just past the word.
    public var end: Int32
    /// Lexicon id of the folded word, or -1 when no term could use it.
    public var folded: Int32
    /// Lexicon id of the accent-free folded word; equals `folded` when the word has no accents.
    public var bare: Int32
    /// When `folded` is -1: the word's id among the distinct unknown words of the scan, else -1.
    public var type: Int32
    /// Gap-lexicon id of the separator before the word, or a hard/unknown gap class.
    public var gap: Int32
    /// The folded word's bytes in `ScannedText.folded`.
    public var foldedStart: Int32
    public var foldedLength: Int32
    public var kind: UInt8
    /// Whether a blank line (or the start of the text) comes before the word.
    public var isParagraphStart: Bool
    /// What the compiled glossary's word table says of the word, when the scan was given it
    /// (`ScannedText.hasLexiconFlags`): bit 0, its folded or accent-free form is a term's word;
    /// bits 1–15, its folded form is a stopword of detector language 0–14. Copied from the
    /// scanner's memo of distinct words, so reading it costs no look-up at a random place of
    /// the glossary's table.
    var lexiconFlags: UInt16

    /// The byte range of the word.
    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// A text split into words by ICU and classified against a compiled glossary's lexicon.
///
/// This is the fast representation used for checking: one small record per word, and the folded
/// text of all words in one buffer, so scanning allocates no string per word.
public struct ScannedText: Sendable {
    public let source: SourceText
    public let words: [ScannedWord]
    /// The folded form of every word, back to back (see `ScannedWord.foldedStart`).
    public let folded: [UInt8]
    /// Paragraphs as ranges of `words` indices.
    public let paragraphs: [Range<Int>]
    /// Whether the words' `lexiconFlags` were filled from the glossary's word table.
    let hasLexiconFlags: Bool

    init(source: SourceText, words: [ScannedWord], folded: [UInt8], hasLexiconFlags: Bool = false) {
        self.source = source
        self.words = words
        self.hasLexiconFlags = hasLexiconFlags
        self.folded = folded
        var paragraphs: [Range<Int>] = []
        var start = 0
        for (index, word) in words.enumerated() where word.isParagraphStart && index > 0 {
            paragraphs.append(start..<index)
            start = index
        }
        if start < words.count { paragraphs.append(start..<words.count) }
        self.paragraphs = paragraphs
    }

    /// The folded text of word `index`.
    public func foldedText(_ index: Int) -> String {
        let word = words[index]
        return String(decoding: folded[Int(word.foldedStart)..<Int(word.foldedStart + word.foldedLength)], as: UTF8.self)
    }
}
