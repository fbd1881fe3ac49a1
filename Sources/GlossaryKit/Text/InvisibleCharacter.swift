/// The invisible characters that text from PDFs, word processors and the web carries inside
/// words: a soft hyphen where a word may break, a zero-width space where a long word may wrap, a
/// word joiner, zero-width (non-)joiners from other scripts' keyboards, a stray byte-order mark.
///
/// Matching ignores them: folding (NFKC_Casefold) removes them from a word, the scanner joins the
/// halves of a word that ICU splits at a zero-width space, and gap signatures leave them out.
/// A match that contains one says so (`Phenomenon.invisible`), and its positions still count
/// them, as they are in the text's bytes.
enum InvisibleCharacter {
    /// Each invisible character's UTF-8 bytes and name.
    static let all: [(bytes: [UInt8], name: String)] = [
        ([0xC2, 0xAD], "soft hyphen"),
        ([0xE2, 0x80, 0x8B], "zero-width space"),
        ([0xE2, 0x80, 0x8C], "zero-width non-joiner"),
        ([0xE2, 0x80, 0x8D], "zero-width joiner"),
        ([0xE2, 0x81, 0xA0], "word joiner"),
        ([0xEF, 0xBB, 0xBF], "zero-width no-break space"),
    ]

    /// The length in bytes of the invisible character that starts at `index` of `bytes`, nil
    /// when none does.
    ///
    /// - Complexity: O(1).
    static func length<Bytes: Collection<UInt8>>(in bytes: Bytes, at index: Bytes.Index) -> Int? {
        which(in: bytes, at: index).map { all[$0].bytes.count }
    }

    /// The names of the invisible characters in `bytes`, each once, in the order they first occur.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    static func names<Bytes: Collection<UInt8>>(in bytes: Bytes) -> [String] {
        // Most text has none: one pass over its contiguous bytes says so (every invisible
        // character starts with a byte above 0xC1; ASCII text has none).
        let mayHave = bytes.withContiguousStorageIfAvailable { $0.contains { $0 > 0xC1 } } ?? true
        guard mayHave else { return [] }
        var found: [String] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let character = which(in: bytes, at: index) {
                if !found.contains(all[character].name) { found.append(all[character].name) }
                index = bytes.index(index, offsetBy: all[character].bytes.count)
            } else {
                index = bytes.index(after: index)
            }
        }
        return found
    }

    /// `text` without its invisible characters.
    static func removing(from text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }) else { return text }
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let character = which(in: bytes, at: index) {
                index += all[character].bytes.count
            } else {
                kept.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The index in `all` of the invisible character at `index`, if one starts there.
    private static func which<Bytes: Collection<UInt8>>(in bytes: Bytes, at index: Bytes.Index) -> Int? {
        let lead = bytes[index]
        // Every invisible character starts with one of three bytes; most bytes are none of them.
        guard lead == 0xC2 || lead == 0xE2 || lead == 0xEF else { return nil }
        candidates: for (position, character) in all.enumerated() where character.bytes[0] == lead {
            var cursor = index
            for byte in character.bytes {
                guard cursor < bytes.endIndex, bytes[cursor] == byte else { continue candidates }
                cursor = bytes.index(after: cursor)
            }
            return position
        }
        return nil
    }
}
