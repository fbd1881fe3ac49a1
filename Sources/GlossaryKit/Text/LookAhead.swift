/// What follows a place in a text, as far as any rule looks ahead: whether a parenthesis or an
/// emphasis closes right after it, as one does after a gloss (`X (*Y*)`, `X, *Y*,`).
///
/// Like `LookBehind`, the pipeline computes it for every match while the text's bytes are at
/// hand (`init(_:at:)`), at the end of the match, so that rules never need the text again.
public struct LookAhead: Sendable, Hashable {
    /// Whether an emphasis closes right after the place: `*` or `_` (after closing quotes, or
    /// before them) and then no letter or digit.
    public var closesEmphasis: Bool
    /// Whether a parenthesis closes right after the place, emphasis and closing quotes aside:
    /// `)`, `*)`, `_")`.
    public var closesParenthesis: Bool

    /// What follows a match, with each field given.
    public init(closesEmphasis: Bool, closesParenthesis: Bool) {
        self.closesEmphasis = closesEmphasis
        self.closesParenthesis = closesParenthesis
    }

    /// The look-ahead of a place not yet looked at (a match made without its text).
    public static let none = LookAhead(closesEmphasis: false, closesParenthesis: false)

    /// How many bytes of emphasis and closing quotes `init(_:at:)` passes over.
    static let reach = 8

    /// What follows byte `offset` of `bytes` (the end of a match).
    ///
    /// - Complexity: O(`reach`).
    package init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
        var index = offset
        var emphasis = false
        while index < bytes.count, index - offset < Self.reach {
            let byte = bytes[index]
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") {
                emphasis = true
                index += 1
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                index += 1
            } else if let length = Self.closingQuoteLength(bytes, at: index) {
                index += length
            } else {
                break
            }
        }
        let next = index < bytes.count ? bytes[index] : nil
        closesParenthesis = next == UInt8(ascii: ")")
        closesEmphasis = emphasis && !(next.map(Self.isWordByte) ?? false)
    }

    /// The length of the closing quotation mark (’ ” ») that starts at `index`, if one does.
    private static func closingQuoteLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0x99 || bytes[index + 2] == 0x9D
        {
            return 3
        }
        if index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xBB { return 2 }
        return nil
    }

    /// An ASCII letter or digit, or a byte of a non-ASCII character (a letter of most scripts).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
