import Foundation

/// Finds the concepts a piece of text names: `glossary lookup`.
public struct TermLookup: Sendable {
    /// The glossary, compiled for matching.
    public let compiled: CompiledGlossary

    /// A lookup in `glossary`, compiled here.
    ///
    /// - Throws: When the glossary cannot be compiled (a term that cannot be tokenized).
    public init(glossary: Glossary) throws {
        compiled = try CompiledGlossary(glossary)
    }

    /// A lookup in a glossary compiled already.
    public init(compiled: CompiledGlossary) {
        self.compiled = compiled
    }

    /// Concepts with a term that matches all of `text` (after normalisation and analysis, in any
    /// language), in glossary order. Where none covers all of it, concepts named inside it.
    public func concepts(matching text: String) throws -> [Concept] {
        let unknownWords = ByteLexicon()
        let scanned = try Tokenizer().scan(
            SourceText(path: "<lookup>", string: text), markup: .plain, words: compiled.tables.words, gaps: compiled.tables.gapLexicon, unknownWords: unknownWords,
            wordFlags: compiled.tables.flags)
        guard !scanned.words.isEmpty else { return [] }
        let matches = TermMatcher(compiled).matches(
            in: scanned, range: 0..<scanned.words.count, language: nil,
            cache: WordReadingCache(compiled: compiled, unknownWords: unknownWords))
        let whole = matches.filter { $0.tokens == 0..<scanned.words.count }
        var indices: [Int] = []
        for match in whole.isEmpty ? matches : whole {
            for reference in [match.term] + match.alternatives where !indices.contains(reference.concept) {
                indices.append(reference.concept)
            }
        }
        return indices.sorted().map { compiled.glossary.concepts[$0] }
    }

    /// A readable listing of `concepts`.
    package static func renderText(_ concepts: [Concept], query: String) -> String {
        guard !concepts.isEmpty else { return "No concept has a term matching '\(query)'.\n" }
        var output = ""
        for concept in concepts {
            output += concept.id + (concept.subject.map { " (\($0))" } ?? "") + "\n"
            if let definition = concept.definition { output += "  " + oneLine(definition) + "\n" }
            for language in concept.languages {
                output += "  \(language):\n"
                for term in concept.terms(in: language) {
                    var line = "    \(term.text) — \(term.status.rawValue)"
                    if term.type != .fullForm { line += ", \(term.type.rawValue)" }
                    output += line + "\n"
                    if let note = term.note { output += "        " + oneLine(note) + "\n" }
                }
            }
            if let note = concept.note { output += "  note: " + oneLine(note) + "\n" }
            output += "\n"
        }
        return output
    }

    /// `concepts` as JSON.
    package static func renderJSON(_ concepts: [Concept]) -> JSONValue {
        .object([("concepts", .array(concepts.map { concept in
            .object([
                ("id", .string(concept.id)),
                ("subject", JSONValue(concept.subject)),
                ("definition", JSONValue(concept.definition)),
                ("note", JSONValue(concept.note)),
                ("terms", .object(concept.languages.map { language in
                    (language.rawValue, .array(concept.terms(in: language).map { term in
                        .object([
                            ("term", .string(term.text)),
                            ("status", .string(term.status.rawValue)),
                            ("type", .string(term.type.rawValue)),
                            ("note", JSONValue(term.note)),
                        ])
                    }))
                })),
            ])
        }))])
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
