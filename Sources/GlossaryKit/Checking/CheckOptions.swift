/// Options for one check.
public struct CheckOptions: Sendable {
    /// The language of the whole text; nil: from the file name, else detected per paragraph.
    public var language: LanguageTag?
    /// The markup; nil: from the file name.
    public var markup: Tokenizer.Markup?
    /// Settings by rule id: a rule switched off, or its findings' severity. A rule without a
    /// setting runs at its default severity.
    public var ruleSettings: [String: RuleSetting]
    /// The language the versions of a text are translated from (`--source`, or `source:` in the
    /// configuration), a language of the glossary: it makes parallel files and language
    /// sections directed, as a bilingual file's own source does. Nil: versions are undirected.
    /// A bilingual file that declares its source keeps it.
    public var sourceLanguage: LanguageTag?
    /// About how many bytes are scanned at a time (a chunk ends at a blank line); the default
    /// is 128 KiB.
    ///
    /// The findings do not depend on it, except in a paragraph (text without a blank line)
    /// longer than four chunks and 4 MiB, which is cut at a line break. The words, readings
    /// and buffers of the chunk being checked are held at once: 128 KiB keeps them to a few
    /// megabytes (1 MiB chunks cost about 18 MB more peak memory in the 100k benchmark, for
    /// the same time). A size of 0 or less makes each chunk about one paragraph.
    public var chunkSize: Int
    /// Split and fold every word with ICU instead of the fast paths: the reference the
    /// differential tests compare the fast paths with.
    var referencePath = false
    /// The scanning state to carry over from earlier texts (`CheckRunner` gives each of its
    /// threads one, the language server one per glossary); nil starts afresh.
    package var session: ScanSession?
    /// Files of at least this many bytes are checked without reading them whole (see
    /// `GlossaryChecker.check(_:options:)` for a `MappedFile`); `Int.max` never streams. The
    /// findings are the same either way; `--fix` needs the text whole and turns streaming off.
    public var streamingThreshold: Int

    /// The default `streamingThreshold`: 32 MiB. Below it, holding the text costs little and
    /// keeps every feature on the one path; above it, memory would grow with the file.
    public static let defaultStreamingThreshold = 32 << 20

    /// Options with the given language, markup and rule settings; nil and empty mean automatic.
    public init(
        language: LanguageTag? = nil, markup: Tokenizer.Markup? = nil, ruleSettings: [String: RuleSetting] = [:],
        sourceLanguage: LanguageTag? = nil, chunkSize: Int = 1 << 17,
        streamingThreshold: Int = CheckOptions.defaultStreamingThreshold
    ) {
        self.language = language
        self.markup = markup
        self.ruleSettings = ruleSettings
        self.sourceLanguage = sourceLanguage
        self.chunkSize = chunkSize
        self.streamingThreshold = streamingThreshold
    }
}
