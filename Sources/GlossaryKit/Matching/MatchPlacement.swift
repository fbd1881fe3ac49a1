/// Gives the matches of one chunk their place in the whole text, while the chunk's bytes are at
/// hand: the positions stage of the pipeline.
///
/// The matcher finds a match by the chunk's word and byte offsets. A placed match has its word
/// and byte offsets in the whole text, its written text, its line and column, and its
/// look-behind, so that rules and findings never need the text again (a long file is checked
/// without holding it).
struct MatchPlacement {
    /// The chunk's offset in the whole text, and its first word's index there.
    private let offset: Int
    private let wordBase: Int
    private let source: SourceText
    /// The whole text, which the look-behind reads past the chunk's start.
    private let text: UnsafeBufferPointer<UInt8>
    private let contentStart: Int
    private var cursor: PositionCursor

    /// Placement in the chunk `source` that starts at byte `offset` (at line and column
    /// `position`) and word `wordBase` of `text`, a text whose content starts at `contentStart`.
    init(
        chunk source: SourceText, at offset: Int, position: TextPosition, wordBase: Int, in text: UnsafeBufferPointer<UInt8>,
        contentStart: Int
    ) {
        self.offset = offset
        self.wordBase = wordBase
        self.source = source
        self.text = text
        self.contentStart = contentStart
        cursor = PositionCursor(base: position)
    }

    /// Places `match`, found in the chunk; `local` is the chunk's bytes. Matches are placed in
    /// text order, so the line and column are found walking forward.
    ///
    /// - Complexity: O(the bytes since the previous match) plus O(1) for the look-behind.
    mutating func place(_ match: inout TermMatch, in local: UnsafeBufferPointer<UInt8>) {
        let range = match.bytes
        match.tokens = (match.tokens.lowerBound + wordBase)..<(match.tokens.upperBound + wordBase)
        match.bytes = (range.lowerBound + offset)..<(range.upperBound + offset)
        match.written = source.text(range)
        match.start = cursor.position(of: range.lowerBound, in: local)
        match.end = cursor.peek(range.upperBound, in: local)
        // It looks back past the chunk's start when the match is at its start.
        match.lookBehind = LookBehind(text, at: match.bytes.lowerBound, contentStart: contentStart)
        match.lookAhead = LookAhead(text, at: match.bytes.upperBound)
    }

    /// The line and column just past the chunk.
    mutating func endPosition(in local: UnsafeBufferPointer<UInt8>) -> TextPosition {
        cursor.position(of: local.count, in: local)
    }
}
