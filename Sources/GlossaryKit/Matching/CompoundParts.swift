/// The words a closed word of a term may split into (`CompoundVariant`), looked up by their
/// bytes: a language's `compound-parts` and the words of the glossary's terms in that language.
///
/// Finding a term's open forms tries every split point of every closed word: with a set of
/// strings each try makes two strings and hashes them, which was a fifth of compiling a large
/// glossary. Here a try is a look-up of the part's bytes in a C hash table, and a string is made
/// only for the splits that are found.
///
/// Strings are equal when they are canonically equivalent, bytes only when they are the same:
/// every word is stored in NFC and every part looked up in NFC, so that a look-up answers as a
/// `Set<String>` would (an ASCII part is its own NFC).
///
/// A large glossary's known words make tables of megabytes, where every look-up is a wait on
/// memory, and nearly every split point fails: a filter of one bit per hash of the stored words
/// (a quarter of a megabyte, which stays in the processor's cache) answers most of them, and
/// the hash of each longer prefix of a word is one step from the last.
///
/// A `Builder` gathers the words while the first pass of compiling tokenizes the terms; the
/// parts it makes are immutable, so that the compound forms can be found on another thread
/// while the trie is built (`CompiledGlossary.init`).
final class CompoundParts: Sendable {
    /// The language's listed parts (`CompoundRules.parts`), in NFC.
    private let listed: ByteLexicon
    /// The words of the glossary's terms in the language, in NFC.
    private let known: ByteLexicon
    /// Bit `filterSlot(hash)` is set for the hash (`hashStep`) of every word of `listed` and
    /// `known`: a clear bit means neither holds the bytes.
    private let filter: [UInt64]
    private static let filterBits = 1 << 21

    /// Gathers a language's listed parts and its terms' words.
    struct Builder {
        fileprivate let listed = ByteLexicon()
        fileprivate let known = ByteLexicon()
        fileprivate var filter = [UInt64](repeating: 0, count: CompoundParts.filterBits / 64)

        /// Parts `rules.parts`, and no known word yet.
        init(rules: CompoundRules) {
            for part in rules.parts {
                CompoundParts.withNFCBytes(of: part) { bytes in
                    listed.insert(bytes: bytes)
                    addToFilter(bytes)
                }
            }
        }

        /// Adds a word of a term as a known part.
        ///
        /// - Complexity: O(*n*) in the word's length.
        mutating func addKnown(_ word: String) {
            CompoundParts.withNFCBytes(of: word) { bytes in
                known.insert(bytes: bytes)
                addToFilter(bytes)
            }
        }

        private mutating func addToFilter(_ bytes: UnsafeBufferPointer<UInt8>) {
            let slot = CompoundParts.filterSlot(CompoundParts.hash(bytes))
            filter[slot >> 6] |= 1 << UInt64(slot & 63)
        }

        /// The parts gathered, which no longer change: the lexicons are only read from now on,
        /// so that threads may share them (`ByteLexicon`).
        func finish() -> CompoundParts { CompoundParts(listed: listed, known: known, filter: filter) }
    }

    private init(listed: ByteLexicon, known: ByteLexicon, filter: [UInt64]) {
        self.listed = listed
        self.known = known
        self.filter = filter
    }

    /// The FNV-1a hash of no bytes; `hashStep` adds one.
    private static let emptyHash: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The hash of some bytes followed by `byte`, from the hash of those bytes.
    @inline(__always)
    private static func hashStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    fileprivate static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(emptyHash, hashStep)
    }

    /// The filter's bit for `hash`: its top bits after a multiplication that mixes them.
    @inline(__always)
    fileprivate static func filterSlot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - filterBits.trailingZeroBitCount))
    }

    /// Whether bytes of hash `hash` may be stored: false only when they are not.
    @inline(__always)
    private func mayHold(hash: UInt64) -> Bool {
        let slot = Self.filterSlot(hash)
        return filter.withUnsafeBufferPointer { $0[slot >> 6] & (1 << UInt64(slot & 63)) != 0 }
    }

    /// Whether `part` may be a closed word's part: a listed part, or a known word of at least
    /// `CompoundVariant.shortestPart` characters (`CompoundVariant.isPart`'s rule).
    func isPart(_ part: Substring) -> Bool {
        let part = String(part)
        return Self.withNFCBytes(of: part) { bytes in
            mayHold(hash: Self.hash(bytes))
                && (listed.find(bytes: bytes) != nil
                    || (known.find(bytes: bytes) != nil && part.count >= CompoundVariant.shortestPart))
        }
    }

    /// Whether the ASCII bytes `part` (one character each) may be a closed word's part.
    @inline(__always)
    private func isPart(ascii part: UnsafeBufferPointer<UInt8>) -> Bool {
        listed.find(bytes: part) != nil || (part.count >= CompoundVariant.shortestPart && known.find(bytes: part) != nil)
    }

    /// The places where `word` splits into two parts (`isPart`), in order: the character
    /// boundaries inside it at which both sides are parts.
    ///
    /// - Complexity: O(*m*²) for a word of *m* bytes, one hashed look-up per split point and
    ///   side; no string is made unless the word is not ASCII.
    func splits(of word: String) -> [String.Index] {
        var word = word
        let asciiCuts: [Int]? = word.withUTF8 { bytes -> [Int]? in
            // Every byte of ASCII text is a character but CR LF, which a word does not hold:
            // the characters are the bytes, and a part's NFC is itself.
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            var cuts: [Int] = []
            guard bytes.count >= 2 else { return cuts }
            var prefixHash = Self.emptyHash
            for cut in 1..<bytes.count {
                prefixHash = Self.hashStep(prefixHash, bytes[cut - 1])
                let prefix = UnsafeBufferPointer(rebasing: bytes[..<cut]), rest = UnsafeBufferPointer(rebasing: bytes[cut...])
                // Both filters before either table: most prefixes that pass are words, and most
                // rests after them are not.
                guard mayHold(hash: prefixHash), mayHold(hash: Self.hash(rest)), isPart(ascii: prefix), isPart(ascii: rest)
                else { continue }
                cuts.append(cut)
            }
            return cuts
        }
        if let asciiCuts { return asciiCuts.map { word.utf8.index(word.startIndex, offsetBy: $0) } }
        var result: [String.Index] = []
        guard !word.isEmpty else { return result }
        var split = word.index(after: word.startIndex)
        while split < word.endIndex {
            if isPart(word[..<split]), isPart(word[split...]) { result.append(split) }
            split = word.index(after: split)
        }
        return result
    }

    /// Calls `body` with the UTF-8 bytes of `text` in NFC.
    fileprivate static func withNFCBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.withUTF8(body) }
        var normalized = ICU.nfc(text)
        return normalized.withUTF8(body)
    }
}
