/// A lexicon in the cache's binary layout: its C hash table as it is in memory, after its size
/// and padding to eight bytes, so that loading uses the table where it lies in the mapped file.
extension ByteLexicon {
    /// Writes the hash table for `init(reading:)`.
    ///
    /// - Complexity: O(*n*) in the table's size.
    func write(to writer: inout BinaryWriter) {
        let size = serializedSize
        writer.write(size)
        writer.align(8)
        writer.append(count: size) { serialize(into: $0) }
    }

    /// A lexicon over a table written by `write(to:)`, used where it lies in the reader's bytes
    /// (the mapped cache file, kept mapped while the lexicon exists).
    ///
    /// `isVerified`: the bytes passed these checks in a full load before
    /// (`CacheEntry.read(verified:key:)`); only the table's shape is checked then, not its slots
    /// and offsets, whose pages stay untouched until words are looked up.
    ///
    /// - Throws: `BinaryReader.Corrupt` when the bytes are truncated or inconsistent, or were
    ///   written with another hash function.
    /// - Complexity: O(*n*) in the table's size, to check its slots and offsets; O(1) when
    ///   `isVerified`.
    convenience init(reading reader: inout BinaryReader, isVerified: Bool = false) throws(BinaryReader.Corrupt) {
        let size = try reader.readInt()
        try reader.align(8)
        let bytes = reader.remaining
        guard size <= bytes.count else { throw BinaryReader.Corrupt() }
        do {
            try self.init(
                borrowing: UnsafeBufferPointer(rebasing: bytes[..<size]), owner: reader.owner, checkingContents: !isVerified)
        } catch {
            throw BinaryReader.Corrupt()
        }
        // Borrowing checked the lexicon's bytes: give their pages back until words are looked up.
        if !isVerified { reader.releasePages(reader.offset..<(reader.offset + size)) }
        try reader.skip(size)
    }
}

/// A lexicon is stored only in the cache, in the layout above: its ids are positions in a C hash
/// table, which no other coder could restore.
extension ByteLexicon: Codable {
    convenience init(from decoder: any Decoder) throws {
        guard let cache = decoder as? TableDecoder else {
            throw DecodingError.typeMismatch(
                ByteLexicon.self,
                .init(codingPath: decoder.codingPath, debugDescription: "a lexicon is read only from the glossary cache"))
        }
        try self.init(reading: &cache.input.reader, isVerified: cache.input.isVerified)
    }

    func encode(to encoder: any Encoder) throws {
        guard let cache = encoder as? TableEncoder else {
            throw EncodingError.invalidValue(
                self, .init(codingPath: encoder.codingPath, debugDescription: "a lexicon is written only to the glossary cache"))
        }
        write(to: &cache.output.writer)
    }
}
