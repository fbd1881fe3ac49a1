/// Classifies the characters between two words.
enum Gap {
    /// The signature of the bytes in `gap`: white-space runs collapse to one space, a blank line or
    /// a masking mark makes a hard break, transparent markup (`MarkdownMasker.ignored`) and
    /// invisible characters (soft hyphen, zero-width space,
    /// non-joiner and joiner, word joiner, zero-width no-break space) are left out, a hyphen that
    /// ends a line is `Gap.lineBreakHyphen`, every other character is kept (U+2019 as ').
    ///
    /// - Complexity: O(*n*) in the gap's length; a single space, the common case, is O(1).
    static func signature(_ gap: ArraySlice<UInt8>) -> String {
        if gap.count == 1 && gap.first == 0x20 { return " " }
        if gap.isEmpty { return "" }
        var result: [UInt8] = []
        var newlines = 0
        var inSpace = false
        var index = gap.startIndex
        while index < gap.endIndex {
            let byte = gap[index]
            switch byte {
            case 0x20, 0x09, 0x0B, 0x0C, 0x0D:
                inSpace = true
                index += 1
                continue
            case 0x0A:
                newlines += 1
                if newlines >= 2 { return Token.hardBreak }
                inSpace = true
                index += 1
                continue
            case MarkdownMasker.mark:
                return Token.hardBreak
            case MarkdownMasker.ignored:
                index += 1
                continue
            default:
                break
            }
            // Non-breaking and other Unicode spaces count as white space too.
            if byte == 0xC2, index + 1 < gap.endIndex, gap[index + 1] == 0xA0 {
                inSpace = true
                index += 2
                continue
            }
            // (Every invisible character starts with a byte above 0xC1: ASCII skips the look-up.)
            if byte > 0xC1, let length = InvisibleCharacter.length(in: gap, at: index) {
                index += length
                continue
            }
            if byte == 0xE2, index + 2 < gap.endIndex, gap[index + 1] == 0x80 {
                let third = gap[index + 2]
                if (0x80...0x8A).contains(third) || third == 0xAF || third == 0xA8 || third == 0xA9 {
                    inSpace = true
                    if third == 0xA8 || third == 0xA9 { newlines += 1 }
                    index += 3
                    continue
                }
                if third == 0x99 {  // ’ behaves as '
                    if inSpace { result.append(0x20); inSpace = false }
                    result.append(0x27)
                    index += 3
                    continue
                }
            }
            if inSpace { result.append(0x20); inSpace = false }
            // A line that is only white space between non-space text is still one line break.
            result.append(byte)
            newlines = byte == 0x0A ? newlines : 0
            index += 1
        }
        if inSpace {
            if newlines == 1 && result.count == 1 && result[0] == 0x2D { return lineBreakHyphen }
            result.append(0x20)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The signature of a hyphen at the end of a line (then white space with one line break): a
    /// word hyphenated across the line break (`traf-⏎ficking`), or a hyphenated compound or
    /// reduplication broken there (`majikan-⏎majikan`).
    static let lineBreakHyphen = "-\n"
}
