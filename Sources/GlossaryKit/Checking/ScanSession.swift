import Foundation

/// Scanning state that one worker carries from text to text: the tokenizer, with its memo of
/// distinct words, and the cache of the distinct unknown words' readings.
///
/// Checking a thousand short files costs a thousand times the folding, look-up and analysis of
/// their common words when every file starts afresh; a session does that once per distinct word
/// for all the files a worker checks. The caches are pure (a word's folded form, lexicon ids and
/// readings do not depend on the text it is in), so findings are the same with or without one.
///
/// A session is used by one check at a time: `CheckRunner` gives each of its threads its own,
/// the language server one per glossary for all its checks. A lock makes accidental sharing safe
/// (the checks then take turns) rather than a data race.
package final class ScanSession: @unchecked Sendable {
    let compiled: CompiledGlossary
    let referencePath: Bool
    /// The matches of the paragraphs checked so far, for re-checks that match only the
    /// paragraphs that changed (the language server's); nil keeps none.
    package let paragraphMatches: ParagraphMatchCache?
    private let lock = NSLock()
    private var tokenizer: Tokenizer?
    private var unknownWords: ByteLexicon?
    private var cache: WordReadingCache?

    /// A session for checks against `compiled`; `keepsParagraphMatches` keeps each paragraph's
    /// matches for the next check of the same document (`ParagraphMatchCache`).
    package init(compiled: CompiledGlossary, referencePath: Bool = false, keepsParagraphMatches: Bool = false) {
        self.compiled = compiled
        self.referencePath = referencePath
        paragraphMatches = keepsParagraphMatches ? ParagraphMatchCache() : nil
    }

    /// Runs `body` with the session's tokenizer, distinct-word lexicon and reading cache (made on
    /// first use), and keeps what `body` leaves in them (it may replace the lexicon and cache
    /// when they grow too large).
    func use<Result>(
        _ body: (Tokenizer, inout ByteLexicon, inout WordReadingCache) throws(TextError) -> Result
    ) throws(TextError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        let tokenizer: Tokenizer
        if let existing = self.tokenizer {
            tokenizer = existing
        } else {
            tokenizer = try Tokenizer(referencePath: referencePath)
        }
        var unknownWords = self.unknownWords ?? ByteLexicon()
        var cache = self.cache ?? WordReadingCache(compiled: compiled, unknownWords: unknownWords)
        defer {
            self.tokenizer = tokenizer
            self.unknownWords = unknownWords
            self.cache = cache
        }
        return try body(tokenizer, &unknownWords, &cache)
    }
}
