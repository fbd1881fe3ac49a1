/// A text split into words and paragraphs.
public struct TokenizedText: Sendable {
    public let source: SourceText
    /// Every word, in order.
    public let tokens: [Token]
    /// Paragraphs (separated by blank lines) as ranges of `tokens` indices; empty paragraphs are
    /// left out.
    public let paragraphs: [Range<Int>]

    public init(source: SourceText, tokens: [Token], paragraphs: [Range<Int>]) {
        self.source = source
        self.tokens = tokens
        self.paragraphs = paragraphs
    }
}
