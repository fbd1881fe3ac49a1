import Foundation

/// What rules see: the files, and each term's tokens computed once.
package final class LintContext {
    package let files: [GlossaryLinter.File]
    private let tokenizer: Tokenizer
    private var cache: [String: [Token]] = [:]

    init(files: [GlossaryLinter.File], tokenizer: Tokenizer) {
        self.files = files
        self.tokenizer = tokenizer
    }

    /// Every concept with the file it came from.
    package var concepts: [(file: String, concept: Concept)] {
        files.flatMap { file in file.glossary.concepts.map { (file.path, $0) } }
    }

    /// The tokens of a term text, or `[]` when tokenizing fails.
    package func tokens(_ text: String) -> [Token] {
        if let cached = cache[text] { return cached }
        let tokens = (try? tokenizer.tokenize(term: text)) ?? []
        cache[text] = tokens
        return tokens
    }

    /// What reads a file's exception phrases: its glossary compiled without them, and a scan
    /// session of that glossary's own (a tokenizer remembers the ids of the words it met, which
    /// belong to one lexicon of unknown words).
    private struct PhraseReader {
        let compiled: CompiledGlossary
        let tokenizer: Tokenizer
        let unknownWords = ByteLexicon()
        let cache: WordReadingCache

        init?(_ glossary: Glossary) {
            var glossary = glossary
            for concept in glossary.concepts.indices {
                for term in glossary.concepts[concept].terms.indices { glossary.concepts[concept].terms[term].exceptions = [] }
            }
            guard let compiled = try? CompiledGlossary(glossary), let tokenizer = try? Tokenizer() else { return nil }
            self.compiled = compiled
            self.tokenizer = tokenizer
            cache = WordReadingCache(compiled: compiled, unknownWords: unknownWords)
        }
    }

    /// Per file, made when first asked (nil when its glossary cannot be compiled).
    private var phraseReaders: [String: PhraseReader?] = [:]

    /// The term matches in `text`, a paragraph in `language`, against `file`'s glossary compiled
    /// without its exception phrases: what the matcher finds in an exception phrase, with the
    /// concept and term indices of that glossary. Empty when the text has no words.
    func termMatches(in text: String, language: LanguageTag, file: GlossaryLinter.File) -> [TermMatch] {
        let reader: PhraseReader?
        if let known = phraseReaders[file.path] {
            reader = known
        } else {
            reader = PhraseReader(file.glossary)
            phraseReaders[file.path] = reader
        }
        guard let reader,
            let scanned = try? reader.tokenizer.scan(
                SourceText(path: file.path, string: text), markup: .plain, words: reader.compiled.tables.words,
                gaps: reader.compiled.tables.gapLexicon, unknownWords: reader.unknownWords,
                wordFlags: reader.compiled.tables.flags),
            !scanned.words.isEmpty
        else { return [] }
        return TermMatcher(reader.compiled).matches(
            in: scanned, range: 0..<scanned.words.count, language: language, cache: reader.cache)
    }

    /// Whether the matcher folds accents for `term`: as it says, else as its language does by
    /// default (Sundanese).
    package func foldsAccents(_ term: Term) -> Bool {
        term.foldsAccents ?? (term.language.language == "su")
    }

    /// The words of `text` as the matcher compares them: folded, and without accents when
    /// `foldingAccents`.
    package func words(of text: String, foldingAccents: Bool) -> [String] {
        tokens(text).map { foldingAccents ? $0.bare : $0.folded }
    }

    /// Sentence punctuation that ends a sentence inside a term or phrase.
    static let sentencePunctuation: Set<Character> = [".", "!", "?", ";", "。", "؟"]

    /// What separates two of `tokens` across a sentence end (`a line break`, `'.'`), or nil when
    /// they all stand in one sentence: a term or phrase spanning it never matches running text.
    package func sentenceBreak(in tokens: [Token]) -> String? {
        for token in tokens.dropFirst()
        where token.gapBefore == Token.hardBreak || token.gapBefore.contains(where: Self.sentencePunctuation.contains) {
            return token.gapBefore == Token.hardBreak
                ? "a line break" : "'\(token.gapBefore.trimmingCharacters(in: .whitespaces))'"
        }
        return nil
    }

    /// The term as the matcher compares it: folded words joined by their gaps (a hyphen as a
    /// space where the language reads them alike); accents removed when the term folds accents
    /// (or its language does by default: Sundanese).
    package func normalized(_ term: Term) -> String {
        let foldsAccents = foldsAccents(term)
        let hyphenIsSpace = AnalyzerRegistry.standard.analyzer(for: term.language).compoundRules.hyphenAndSpaceInterchange
        return tokens(term.text).enumerated().map { index, token in
            let gap = token.gapBefore == " " || (hyphenIsSpace && token.gapBefore == "-") ? " " : token.gapBefore
            return (index == 0 ? "" : gap) + (foldsAccents ? token.bare : token.folded)
        }.joined()
    }
}
