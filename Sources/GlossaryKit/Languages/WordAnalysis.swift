/// One reading of a word (or a hyphenated group of words) in a text: the form to look up in the
/// glossary, how many text tokens it covers and what changed on the way.
public struct WordAnalysis: Sendable, Hashable {
    /// The folded form to look up, e.g. `kerja` for `kerjanya`.
    public var key: String
    /// Text tokens (words) covered: 1, or 2 for `pekerja-pekerja` and `ILO-nya` (the hyphen is the
    /// gap between them). The matcher ignores an analysis that covers fewer than one word or more
    /// than it gave the analyzer.
    public var tokenCount: Int
    /// What was undone to reach `key`; empty for the word as written.
    public var phenomena: [Phenomenon]
    /// A human-readable account, e.g. `'kerja' + -nya`.
    public var explanation: String
    /// Bytes at the end of the covered text that are not part of the term (the clitic, the plural
    /// ending), so a fix can keep them: `nya` in `kerjanya`. A suffix that ends with `'` covers
    /// the apostrophe after the last word too (`s'` in *workers'*).
    public var suffix: String

    /// A reading of `tokenCount` words as `key`, with the phenomena that explain the form.
    public init(key: String, tokenCount: Int = 1, phenomena: [Phenomenon] = [], explanation: String = "", suffix: String = "") {
        self.key = key
        self.tokenCount = tokenCount
        self.phenomena = phenomena
        self.explanation = explanation
        self.suffix = suffix
    }
}
