/// One word as text: its place and its normalised forms, and what separates it from the word
/// before. The tokenizer makes it for a glossary term (`Tokenizer.tokenize(term:)`); a scanned
/// text makes it for the few words an analyzer reads in context (`ScannedText.tokens(from:to:)`).
public struct Token: Sendable, Hashable {
    /// Byte offset of the word's first byte in `SourceText.bytes`.
    public var start: Int
    /// Byte offset just past the word.
    public var end: Int
    /// NFKC_Casefold form (case folded, NFC, compatibility characters folded, ’ → ').
    public var folded: String
    /// `folded` without combining marks, for accent-insensitive matching.
    public var bare: String
    package var kind: WordKind
    /// What separates this word from the previous one, as a signature: runs of white space become
    /// one space, other characters stay (`"-"` in *pekerja-pekerja*, `"' "` in *workers' rights*).
    /// `Token.hardBreak` when a paragraph break or masked text (code, URL) lies between them, and
    /// for the first word of a text.
    public var gapBefore: String

    /// The gap signature that no term can span.
    public static let hardBreak = "\u{0}"

    package init(start: Int, end: Int, folded: String, bare: String, kind: WordKind, gapBefore: String) {
        self.start = start
        self.end = end
        self.folded = folded
        self.bare = bare
        self.kind = kind
        self.gapBefore = gapBefore
    }

    /// The byte range of the word.
    public var range: Range<Int> { start..<end }
}
