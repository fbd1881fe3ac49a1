import Foundation

/// Finds the concepts a piece of text names: `glossary lookup`.
public struct TermLookup: Sendable {
    /// The glossary, compiled for matching.
    public let compiled: CompiledGlossary

    /// An exception phrase that a looked-up text contains: in it, `term` does not name `concept`.
    public struct Exemption: Sendable, Equatable {
        /// The concept the phrase keeps its term from naming.
        public var concept: Concept
        /// The term inside the phrase.
        public var term: Term
        /// The exception phrase the text matches.
        public var phrase: TermException
    }

    /// What a text names: concepts, and the exception phrases that keep a concept's term in it
    /// from naming the concept.
    public struct Result: Sendable {
        /// The concepts the text names, each with all its terms.
        public var concepts: [Concept]
        /// The exception phrases the text matches.
        public var exemptions: [Exemption]
    }

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
        try lookUp(text).concepts
    }

    /// The concepts `text` names (as `concepts(matching:)` finds them) and the exception phrases
    /// it matches: those that cover all of it, or where none does, those inside it, in text order.
    /// A term inside an exception phrase names no concept, so `maid of honour` names none and
    /// matches the exception `maid of honour` of `maid`.
    public func lookUp(_ text: String) throws -> Result {
        let unknownWords = ByteLexicon()
        let scanned = try Tokenizer().scan(
            SourceText(path: "<lookup>", string: text), markup: .plain, words: compiled.tables.words,
            gaps: compiled.tables.gapLexicon, unknownWords: unknownWords,
            wordFlags: compiled.tables.flags)
        guard !scanned.words.isEmpty else { return Result(concepts: [], exemptions: []) }
        let all = 0..<scanned.words.count
        let (matches, hits) = TermMatcher(compiled).matchesAndExceptions(
            in: scanned, range: all, language: nil,
            cache: WordReadingCache(compiled: compiled, unknownWords: unknownWords))
        let whole = matches.filter { $0.tokens == all }
        var indices: [Int] = []
        for match in whole.isEmpty ? matches : whole {
            for reference in [match.term] + match.alternatives where !indices.contains(reference.concept) {
                indices.append(reference.concept)
            }
        }
        let wholeHits = hits.filter { $0.tokens == all }
        var exemptions: [Exemption] = []
        for hit in wholeHits.isEmpty ? hits : wholeHits {
            let entry = compiled.tables.entries[hit.entry]
            let term = compiled.glossary[term: entry.reference]
            guard let phrase = entry.exceptionPhrase.map(Int.init), term.exceptions.indices.contains(phrase) else { continue }
            let exemption = Exemption(
                concept: compiled.glossary[concept: entry.reference], term: term, phrase: term.exceptions[phrase])
            if !exemptions.contains(exemption) { exemptions.append(exemption) }
        }
        return Result(concepts: indices.sorted().map { compiled.glossary.concepts[$0] }, exemptions: exemptions)
    }

    /// A readable listing of `concepts`.
    package static func renderText(_ concepts: [Concept], query: String) -> String {
        renderText(Result(concepts: concepts, exemptions: []), query: query)
    }

    /// A readable listing of what `query` names: first the exception phrases it matches, then
    /// the concepts with all their terms.
    package static func renderText(_ result: Result, query: String) -> String {
        var output = ""
        for exemption in result.exemptions {
            output +=
                "'\(exemption.phrase.text)' is an exception of '\(exemption.term.text)' (\(exemption.term.language)) in "
                + "\(exemption.concept.id): there the term does not name the concept.\n"
        }
        if !result.exemptions.isEmpty { output += "\n" }
        guard !result.concepts.isEmpty else { return output + "No concept has a term matching '\(query)'.\n" }
        for concept in result.concepts {
            output += concept.id + (concept.subject.map { " (\($0))" } ?? "") + "\n"
            if let definition = concept.definition { output += "  " + oneLine(definition) + "\n" }
            for language in concept.languages {
                output += "  \(language):\n"
                for term in concept.terms(in: language) {
                    var line = "    \(term.text) — \(term.status.rawValue)"
                    if term.type != .fullForm { line += ", \(term.type.rawValue)" }
                    output += line + "\n"
                    if let note = term.note { output += "        " + oneLine(note) + "\n" }
                    if !term.exceptions.isEmpty {
                        output += "        exceptions: " + term.exceptions.map { oneLine($0.text) }.joined(separator: "; ") + "\n"
                    }
                }
            }
            if let note = concept.note { output += "  note: " + oneLine(note) + "\n" }
            output += "\n"
        }
        return output
    }

    /// `concepts` as JSON.
    package static func renderJSON(_ concepts: [Concept]) -> JSONValue {
        renderJSON(Result(concepts: concepts, exemptions: []))
    }

    /// What `lookUp` found, as JSON: the concepts with their terms (each with its exception
    /// phrases), then the exception phrases the text matches.
    package static func renderJSON(_ result: Result) -> JSONValue {
        .object([
            (
                "concepts",
                .array(
                    result.concepts.map { concept in
                        .object([
                            ("id", .string(concept.id)),
                            ("subject", JSONValue(concept.subject)),
                            ("definition", JSONValue(concept.definition)),
                            ("note", JSONValue(concept.note)),
                            (
                                "terms",
                                .object(
                                    concept.languages.map { language in
                                        (
                                            language.rawValue,
                                            .array(
                                                concept.terms(in: language).map { term in
                                                    .object([
                                                        ("term", .string(term.text)),
                                                        ("status", .string(term.status.rawValue)),
                                                        ("type", .string(term.type.rawValue)),
                                                        ("note", JSONValue(term.note)),
                                                        ("exceptions", .array(term.exceptions.map { .string($0.text) })),
                                                    ])
                                                })
                                        )
                                    })
                            ),
                        ])
                    })
            ),
            (
                "exceptions",
                .array(
                    result.exemptions.map { exemption in
                        .object([
                            ("phrase", .string(exemption.phrase.text)),
                            ("term", .string(exemption.term.text)),
                            ("language", .string(exemption.term.language.rawValue)),
                            ("concept", .string(exemption.concept.id)),
                        ])
                    })
            ),
        ])
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
