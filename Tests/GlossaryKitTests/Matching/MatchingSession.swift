@testable import GlossaryKit

/// A matcher session over a text scanned as the checking pipeline scans it (the glossary's
/// lexicons and flags, a lexicon of the text's unknown words, one reading cache).
struct MatchingSession {
    let scanned: ScannedText
    var session: TermMatcher.Session

    /// `text` (plain, as `t.txt`) scanned against `compiled`; the cache keeps each word's
    /// readings unless `remembers` is false (the reference that analyses every occurrence).
    init(_ text: String, compiled: CompiledGlossary, remembers: Bool = true) throws {
        let unknownWords = ByteLexicon()
        scanned = try Tokenizer().scan(
            SourceText(path: "t.txt", string: text), markup: .plain, words: compiled.tables.words,
            gaps: compiled.tables.gapLexicon, unknownWords: unknownWords, wordFlags: compiled.tables.flags)
        let cache = WordReadingCache(compiled: compiled, unknownWords: unknownWords, remembers: remembers)
        session = TermMatcher.Session(matcher: TermMatcher(compiled), text: scanned, cache: cache)
    }
}
