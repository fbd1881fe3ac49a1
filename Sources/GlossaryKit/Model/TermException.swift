/// A phrase in which a term does not name its concept: *maid of honour* for *maid*, *anak
/// berkebutuhan khusus (ABK)* for the seafarers' *ABK*.
///
/// Real homonyms cannot be told apart by the term's own words, only by the words around them.
/// An exception lists such a phrase on the term: inside an occurrence of the phrase, no term of
/// the concept is an occurrence of the concept, so no rule reports or counts it. The phrase
/// contains the term, written as the term writes it, and is matched like a term (case and
/// Unicode normalised, inflected: *maids of honour*, *Old Maids*). `docs/glossary-format.md`
/// describes the rules.
public struct TermException: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The phrase, e.g. `maid of honour`.
    public var text: String
    /// Where the phrase is written, for diagnostics.
    public var location: SourceLocation?

    /// The phrase `text`, written at `location` when it comes from a file.
    public init(_ text: String, location: SourceLocation? = nil) {
        self.text = text
        self.location = location
    }

    /// The phrase written as a string literal, with no location.
    public init(stringLiteral text: String) {
        self.init(text)
    }
}
