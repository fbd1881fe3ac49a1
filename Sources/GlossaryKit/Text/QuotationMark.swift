/// Tells a single quotation mark from an apostrophe: after *maids* in *the maids' passports* the
/// mark is a possessive, in *the word 'maids' is old* it closes a quotation.
///
/// A mark closes a quotation when an opening mark of its kind comes before it and nothing closed
/// that one: `‘` before a `’`, and before a straight `'` a `'` that starts a word (after the
/// start, a blank or an opening bracket or quote, and before a letter or digit). Marks between
/// two letters (*agency's*, *don't*) are apostrophes inside words and are passed over. A
/// possessive inside a quotation written with the same marks (*'the workers' rights'*) is
/// therefore read as the end of the quotation.
enum QuotationMark {
    /// How far back an opening mark is looked for: a quoted term or title is short, and the
    /// search must cost O(1) per mark.
    static let reach = 400

    /// Whether the single quotation mark or apostrophe at byte `offset` of `bytes` (`'` or `’`)
    /// closes a quotation opened after byte `start`.
    ///
    /// - Complexity: O(`reach`).
    static func closesQuotation(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, from start: Int) -> Bool {
        guard offset >= 0, offset < bytes.count else { return false }
        let isTypographic = isRightSingleQuote(bytes, at: offset)
        guard isTypographic || bytes[offset] == UInt8(ascii: "'") else { return false }
        var index = offset - 1
        let limit = max(start, offset - reach)
        while index >= limit {
            let byte = bytes[index]
            if isTypographic, byte == 0x80, index >= limit + 1, bytes[index - 1] == 0xE2, index + 1 < offset {
                // ‘ is E2 80 98, ’ is E2 80 99: the byte after 0x80 says which.
                let mark = bytes[index + 1]
                let begin = index - 1
                if mark == 0x98 { return true }
                if mark == 0x99 {
                    if !(isWordByte(before: begin, in: bytes) && isWordByte(at: begin + 3, in: bytes)) { return false }
                }
                index = begin - 1
                continue
            }
            if !isTypographic, byte == UInt8(ascii: "'") {
                let letterBefore = isWordByte(before: index, in: bytes)
                let letterAfter = isWordByte(at: index + 1, in: bytes)
                if !letterBefore && letterAfter { return true }
                if letterBefore && !letterAfter { return false }
            }
            index -= 1
        }
        return false
    }

    private static func isRightSingleQuote(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        offset + 2 < bytes.count && bytes[offset] == 0xE2 && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x99
    }

    /// Whether the byte at `index` begins a letter or digit: an ASCII one, or any non-ASCII
    /// character other than a quotation mark or another punctuation mark of the E2 80 block.
    private static func isWordByte(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return isASCIIWord(byte) }
        return byte != 0xE2 && byte >= 0xC3
    }

    /// Whether the character that ends right before byte `index` is a letter or digit.
    private static func isWordByte(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return false }
        var first = index - 1
        while first > 0, bytes[first] & 0xC0 == 0x80 { first -= 1 }
        return isWordByte(at: first, in: bytes)
    }

    private static func isASCIIWord(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
