/// Tells which language each paragraph of a text is written in.
///
/// It counts, per language, the paragraph's words that are function words of that language (the
/// analyzers' stopword lists). A paragraph is decided when it has at least two such words and one
/// language leads clearly; a short or undecided paragraph (a heading, a keyword line) takes the
/// language of the paragraph before it, or, at the start of a text, of the first decided one.
public struct LanguageDetector: Sendable {
    public let languages: [LanguageTag]
    private let profiles: [(LanguageTag, Set<String>)]

    public init(languages: [LanguageTag], registry: AnalyzerRegistry = .standard) {
        self.languages = languages
        profiles = languages.compactMap { tag in
            let words = registry.analyzer(for: tag).stopwords
            return words.isEmpty ? nil : (tag, words)
        }
    }

    /// The language of one paragraph's words, or nil when they do not tell.
    public func detect(_ tokens: ArraySlice<Token>) -> LanguageTag? {
        guard !profiles.isEmpty else { return nil }
        var scores = [Int](repeating: 0, count: profiles.count)
        for token in tokens where token.kind == .letter {
            for (index, profile) in profiles.enumerated() where profile.1.contains(token.folded) {
                scores[index] += 1
            }
        }
        return decide(Array(zip(profiles.map(\.0), scores)))
    }

    /// The language with the most stopword hits, when it has at least two and a clear lead (a
    /// third more than the runner-up); nil otherwise.
    public func decide(_ scores: [(LanguageTag, Int)]) -> LanguageTag? {
        let ranked = scores.sorted { $0.1 > $1.1 }
        guard let first = ranked.first, first.1 >= 2 else { return nil }
        if ranked.count > 1 {
            let second = ranked[1].1
            guard first.1 * 3 >= second * 4 + 1, first.1 > second else { return nil }
        }
        return first.0
    }

    /// The language of every paragraph of `text`, filling undecided paragraphs from their section.
    public func detect(paragraphsOf text: TokenizedText) -> [LanguageTag?] {
        Self.fillUndecided(text.paragraphs.map { detect(text.tokens[$0]) })
    }

    /// Gives each undecided paragraph the language of the paragraph before it (a heading or a
    /// keyword line belongs to its section), and the ones before the first decided paragraph
    /// that paragraph's language.
    public static func fillUndecided(_ decided: [LanguageTag?]) -> [LanguageTag?] {
        var result = decided
        var previous: LanguageTag?
        for index in result.indices {
            if let language = result[index] {
                previous = language
            } else {
                result[index] = previous
            }
        }
        // Paragraphs before the first decided one take its language.
        if let first = result.firstIndex(where: { $0 != nil }) {
            for index in 0..<first { result[index] = result[first] }
        }
        return result
    }

    /// The language a file's name declares: `report.id.md`, `abstract_su.txt`, `docs/en/x.md`.
    ///
    /// Only tags in `known` are recognised, so `notes.md` or `data.v2.txt` declare nothing.
    public static func language(fromPath path: String, known: [LanguageTag]) -> LanguageTag? {
        let components = path.split(separator: "/").map(String.init)
        guard let name = components.last else { return nil }
        var stem = name
        if let dot = stem.lastIndex(of: ".") { stem = String(stem[..<dot]) }
        let separators: Set<Character> = [".", "_", "-"]
        let parts = stem.split(whereSeparator: { separators.contains($0) }).map(String.init)
        if parts.count >= 2, let last = parts.last, let tag = match(last, known) { return tag }
        for folder in components.dropLast().reversed() {
            if let tag = match(folder, known) { return tag }
        }
        return nil
    }

    private static func match(_ text: String, _ known: [LanguageTag]) -> LanguageTag? {
        guard let tag = LanguageTag(text) else { return nil }
        return known.first { $0 == tag } ?? known.first { tag.isWithin($0) }
    }
}
