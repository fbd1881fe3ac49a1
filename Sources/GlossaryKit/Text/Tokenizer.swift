/// Splits texts and glossary terms into normalised words with ICU.
///
/// A tokenizer holds ICU state and is not thread-safe; create one per thread or task. Creating
/// one is cheap.
///
/// Of the tokenizer, only ``Markup`` is public API: a caller names a text's markup in
/// ``CheckOptions``, and the checker does the tokenizing.
public final class Tokenizer {
    private let icu: ICUWordTokenizer
    /// Whether `scan` takes ICU's path everywhere instead of the fast paths (for the tests that
    /// show both give the same words and matches).
    let referencePath: Bool

    package init() throws(TextError) {
        icu = try ICUWordTokenizer()
        referencePath = false
    }

    init(referencePath: Bool) throws(TextError) {
        icu = try ICUWordTokenizer()
        self.referencePath = referencePath
    }

    /// Forgets the words remembered from earlier scans (before the `unknownWords` lexicon given to
    /// `scan` is replaced by a new one).
    func forgetWords() {
        icu.forgetWords()
    }

    /// The kind of markup a text is written in.
    public enum Markup: Sendable {
        /// Plain text: every character is text.
        case plain
        /// Markdown: code, URLs and markup are left out of the check.
        case markdown

        /// Guesses the markup from a file name: `.md`, `.markdown`, `.mdx` are Markdown.
        public init(path: String) {
            let lowered = path.lowercased()
            self = [".md", ".markdown", ".mdx", ".mdown"].contains(where: { lowered.hasSuffix($0) }) ? .markdown : .plain
        }
    }

    /// Scans a whole text against a lexicon: masks non-prose, splits words and looks each up.
    ///
    /// - Complexity: O(*n*) in the text's length, independent of the lexicon's size.
    func scan(
        _ source: SourceText, markup: Markup, words: ByteLexicon, gaps: ByteLexicon, unknownWords: ByteLexicon? = nil,
        wordFlags: PinnedArray<UInt32>? = nil
    ) throws(TextError) -> ScannedText {
        let masked = MarkdownMasker.mask(source.bytes, markdown: markup == .markdown)
        return try scan(
            source, chunk: Array(masked[source.contentStart...]), at: source.contentStart, words: words, gaps: gaps,
            unknownWords: unknownWords,
            wordFlags: wordFlags)
    }

    /// Scans `chunk`, a masked copy of `source`'s bytes from `offset` on, which starts at a
    /// paragraph boundary (or the text's start). `wordFlags` (a compiled glossary's `flags`,
    /// one per id of `words`) fills the words' `lexiconFlags`.
    func scan(
        _ source: SourceText, chunk: [UInt8], at offset: Int, words: ByteLexicon, gaps: ByteLexicon, unknownWords: ByteLexicon?,
        wordFlags: PinnedArray<UInt32>? = nil
    ) throws(TextError) -> ScannedText {
        let (scanned, folded) = try chunk.withUnsafeBufferPointer { buffer throws(TextError) in
            try icu.scan(
                buffer, base: offset, words: words, gaps: gaps, unknownWords: unknownWords, wordFlags: wordFlags,
                icuOnly: referencePath)
        }
        return ScannedText(
            source: source, words: scanned, folded: folded, lexicon: words, gapLexicon: gaps, unknownWords: unknownWords,
            hasLexiconFlags: wordFlags != nil)
    }

    /// Tokenizes a short text such as a glossary term; offsets are relative to the string.
    package func tokenize(term: String) throws(TextError) -> [Token] {
        let bytes = Array(term.utf8)
        let raw = try bytes.withUnsafeBufferPointer { buffer throws(TextError) in try icu.words(in: buffer) }
        var tokens: [Token] = []
        var previousEnd = 0
        for word in raw {
            let gap = tokens.isEmpty ? Token.hardBreak : Gap.signature(bytes[previousEnd..<word.start])
            tokens.append(
                Token(start: word.start, end: word.end, folded: word.folded, bare: word.bare, kind: word.kind, gapBefore: gap))
            previousEnd = word.end
        }
        return tokens
    }
}
