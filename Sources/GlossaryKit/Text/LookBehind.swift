/// What precedes a place in a text, as far as any rule looks back: whether a sentence begins
/// there, and the punctuation that sets it off from the text before it.
///
/// The pipeline computes it for every match while the text's bytes are at hand (`init(_:at:
/// contentStart:)`), because rules see the matches of a long file chunk by chunk, without its
/// text. It is a fact about the text, not about any rule: a rule that capitalises a fix at a
/// sentence start, skips a parenthesised gloss or a quoted foreign term asks it.
public struct LookBehind: Sendable, Hashable {
    /// Whether the place begins a sentence (see `SentenceStart`).
    public var startsSentence: Bool
    /// How many bytes right before the place (at most `glossReach`) are ones a gloss may be set
    /// off with: blanks, line breaks, `(`, emphasis, quotes, `:`, `,` and non-ASCII bytes.
    public var separators: UInt8
    /// How far back the nearest `(` among those bytes is (1 = just before), 0 when none.
    public var parenthesis: UInt8
    /// How far back the nearest `,` among those bytes is (1 = just before), 0 when none: a gloss
    /// in emphasis is set off with one (`X, *Y*,`).
    public var comma: UInt8 = 0
    /// Whether the last byte before the place, blanks aside, opens a parenthesis, bracket or
    /// emphasis (`(`, `[`, `*`, `_`): the place starts a quotation or gloss.
    public var followsOpener: Bool

    /// What precedes a match, with each field given.
    public init(startsSentence: Bool, separators: UInt8, parenthesis: UInt8, followsOpener: Bool) {
        self.startsSentence = startsSentence
        self.separators = separators
        self.parenthesis = parenthesis
        self.followsOpener = followsOpener
    }

    /// The look-behind of a place not yet looked at (a match made without its text).
    public static let none = LookBehind(startsSentence: false, separators: 0, parenthesis: 0, followsOpener: false)

    /// How far back `separators` looks for the parenthesis that opens a gloss.
    package static let glossReach = 12

    /// The bytes a gloss may be set off with (and every non-ASCII byte).
    private static let glossSeparators: Set<UInt8> = [
        0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "("), UInt8(ascii: "*"), UInt8(ascii: "_"),
        UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: ":"), UInt8(ascii: ","),
    ]

    /// The bytes that open a quotation or gloss.
    private static let openers: Set<UInt8> = [UInt8(ascii: "("), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "[")]

    /// What precedes byte `offset` of `bytes`, a text whose content starts at `contentStart`
    /// (after a byte order mark).
    ///
    /// - Complexity: O(`glossReach` + the blanks and punctuation just before `offset`).
    package init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, contentStart: Int) {
        startsSentence = SentenceStart.isSentenceStart(bytes, at: offset, contentStart: contentStart)
        var count = 0
        var parenthesis = 0
        var comma = 0
        while count < Self.glossReach, offset - count > 0 {
            let byte = bytes[offset - count - 1]
            guard Self.glossSeparators.contains(byte) || byte >= 0x80 else { break }
            count += 1
            if byte == UInt8(ascii: "("), parenthesis == 0 { parenthesis = count }
            if byte == UInt8(ascii: ","), comma == 0 { comma = count }
        }
        separators = UInt8(count)
        self.parenthesis = UInt8(parenthesis)
        self.comma = UInt8(comma)
        var index = offset
        while index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
        followsOpener = index > 0 && Self.openers.contains(bytes[index - 1])
    }

    /// Whether the place, at byte `start`, sets off a gloss of the phrase that ends at byte `end`
    /// before it: `perdagangan tenaga kerja (*labour trafficking*)`. The bytes between the two
    /// (at most `glossReach`) must all be separators and include `(`.
    public func setsOffGloss(at start: Int, of end: Int) -> Bool {
        guard end <= start else { return false }
        let between = start - end
        return between <= Self.glossReach && between <= Int(separators)
            && parenthesis != 0 && Int(parenthesis) <= between
    }

    /// Whether the place, at byte `start`, opens an emphasised gloss set off with a comma from
    /// the phrase that ends at byte `end` before it: `pekerja migran, *migrant worker*,`. The
    /// bytes between the two (at most `glossReach`) must all be separators, include `,` and end
    /// with `*` or `_` (and no `(`: that is `setsOffGloss(at:of:)`).
    public func setsOffEmphasisedGloss(at start: Int, of end: Int) -> Bool {
        guard end <= start else { return false }
        let between = start - end
        return between <= Self.glossReach && between <= Int(separators) && followsOpener
            && parenthesis == 0 && comma != 0 && Int(comma) <= between
    }
}
