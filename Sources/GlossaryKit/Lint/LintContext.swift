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

    /// The term as the matcher compares it: folded words joined by their gaps; accents removed
    /// when the term folds accents (or its language does by default: Sundanese).
    package func normalized(_ term: Term) -> String {
        let foldsAccents = term.foldsAccents ?? (term.language.language == "su")
        return tokens(term.text).enumerated().map { index, token in
            (index == 0 ? "" : (token.gapBefore == " " ? " " : token.gapBefore)) + (foldsAccents ? token.bare : token.folded)
        }.joined()
    }
}
