import Foundation

/// A quick test that a word is not among a fixed set of words, before a hashed look-up.
///
/// The analyzers look up every distinct word of a text in small word lists (spelling families,
/// irregular plurals) where nearly no word is; a `Set` or `Dictionary` look-up hashes the whole
/// word with SipHash first. The filter sets one bit per listed word, chosen from its length and
/// its first and last two bytes, and answers "not listed" when that bit is clear: a few
/// instructions instead of a hash. It never answers "not listed" for a listed word.
///
/// Swift compares strings by canonical equivalence, bytes compare them exactly: the bits are
/// those of the listed words in NFC, and the filter only rules out words of ASCII letters (which
/// NFC leaves as they are); for any other word the look-up decides.
struct WordSetFilter: Sendable {
    private static let bitCount = 4096
    private var bits = [UInt64](repeating: 0, count: bitCount / 64)

    /// A filter for `words`.
    ///
    /// - Complexity: O(total length of the words).
    init(_ words: some Sequence<String>) {
        for word in words {
            let slot = Self.slot(Array(word.precomposedStringWithCanonicalMapping.utf8))
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    /// Whether `word` may be listed: false only when it certainly is not.
    ///
    /// - Complexity: O(length of the word), a byte test per byte.
    func mayContain(_ word: String) -> Bool {
        let slot = word.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            bytes.allSatisfy { $0 < 0x80 } ? Self.slot(bytes) : nil
        }
        guard let slot, let slot else { return true }
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// The bit of a word's UTF-8 bytes.
    private static func slot(_ bytes: some RandomAccessCollection<UInt8>) -> Int {
        var hash = bytes.count &* 0x9E37_79B9
        if let first = bytes.first { hash = (hash ^ Int(first)) &* 0x0100_0193 }
        if bytes.count >= 2 { hash = (hash ^ Int(bytes[bytes.index(bytes.endIndex, offsetBy: -2)])) &* 0x0100_0193 }
        if let last = bytes.last { hash = (hash ^ Int(last)) &* 0x0100_0193 }
        return (hash ^ (hash >> 17)) & (bitCount - 1)
    }
}
