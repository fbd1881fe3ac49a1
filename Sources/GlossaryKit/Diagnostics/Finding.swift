/// One problem found in a text: where it is, which rule found it and what to do about it.
public struct Finding: Sendable, Hashable {
    /// Where the offending text starts (1-based line and column, columns in Unicode scalars).
    public var location: SourceLocation
    /// Where it ends: the column just past the last character (exclusive, as in SARIF).
    public var endLocation: SourceLocation
    /// The byte range in the file, for fixes.
    public var byteRange: Range<Int>
    /// The rule's public id, e.g. `deprecated-term`.
    public var rule: String
    /// How serious the finding is, after the user's rule settings.
    public var severity: Severity
    /// The language of the text where the finding is: the language of the term concerned.
    public var language: LanguageTag?
    /// Whether the language of the text there is uncertain (a short or mixed paragraph): then
    /// `language` is that of the term found, which the text's own language may not be.
    public var languageIsUncertain = false
    /// The concept concerned.
    public var concept: String?
    /// The offending text as written.
    public var text: String
    /// What is wrong, in a sentence.
    public var message: String
    /// Replacements to offer, best first.
    public var suggestions: [String]
    /// How the term was recognised, when it was not written as in the glossary.
    public var matchExplanation: String?
    /// A replacement that `--fix` may apply, when exactly one is right.
    public var fix: String?
    /// The glossary's note on the term or concept, shown under the finding.
    public var note: String?
    /// The findings of other rules on the same words that this one makes redundant, in the order
    /// they were folded into it (see `FoldedFinding`); empty for most findings.
    ///
    /// The finding keeps its own rule's severity; each folded finding keeps its own.
    public var folded: [FoldedFinding] = []
    /// A stable identity of the finding within its file, independent of its line (see
    /// `Fingerprint`); set by `CheckRunner`, used by SARIF and baselines.
    public var fingerprint: String?

    /// The ids of the rules of the findings folded into this one, in order.
    public var foldedRules: [String] { folded.map(\.rule) }

    /// A finding from `location` to `endLocation` (`byteRange` in the file) of the rule `rule`.
    public init(
        location: SourceLocation, endLocation: SourceLocation, byteRange: Range<Int>, rule: String,
        severity: Severity, language: LanguageTag?, concept: String?, text: String, message: String,
        suggestions: [String] = [], matchExplanation: String? = nil, fix: String? = nil, note: String? = nil,
        fingerprint: String? = nil
    ) {
        self.location = location
        self.endLocation = endLocation
        self.byteRange = byteRange
        self.rule = rule
        self.severity = severity
        self.language = language
        self.concept = concept
        self.text = text
        self.message = message
        self.suggestions = suggestions
        self.matchExplanation = matchExplanation
        self.fix = fix
        self.note = note
        self.fingerprint = fingerprint
    }
}
