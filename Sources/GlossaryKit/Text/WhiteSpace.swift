/// `text` with every run of white space made one space, and none at either end.
///
/// - Complexity: O(*n*); text whose only white space is single ASCII spaces between words (most
///   terms) is returned as it is after one pass over its bytes.
func squeezingWhiteSpace(_ text: String) -> String {
    var previous: UInt8 = 0x20
    var plain = true
    for byte in text.utf8 {
        // Bytes of 0x80 and above may belong to a space character (U+00A0, U+2028…).
        if byte >= 0x80 || (byte < 0x20 && byte != 0) || (byte == 0x20 && previous == 0x20) {
            plain = false
            break
        }
        previous = byte
    }
    if plain && previous != 0x20 { return text }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
