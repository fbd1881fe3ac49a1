/// The compiled glossary in the cache's binary layout: the glossary model (`GlossaryCoding`),
/// then the tables (`CompiledGlossary.Tables`) as `TableEncoder` writes them, the large ones as
/// they are in memory, aligned, so that loading uses them where they lie in the mapped file
/// instead of inserting every word and edge again. A cache entry (`CacheEntry`) puts a header
/// with the format, the key and a checksum in front.
extension CompiledGlossary {
    /// Format version, in every entry's header and key: an entry of another version is ignored.
    /// A new table needs no new version (the tables' layout names every property); a changed
    /// layout of a value does.
    static let cacheFormat: UInt32 = 12

    func encode(into writer: inout BinaryWriter) {
        writer.write(glossary)
        do {
            try TableEncoder.encode(tables, into: &writer)
        } catch {
            preconditionFailure("a compiled glossary's tables must be storable: \(error)")
        }
    }

    /// Reads a compiled glossary written by `encode(into:)`.
    ///
    /// - Throws: `BinaryReader.Corrupt` for truncated or inconsistent bytes: every index into
    ///   another table is checked (`Tables.isConsistent`), so even bytes that pass the entry's
    ///   checksum cannot make the matcher read out of bounds.
    /// - Complexity: O(*n*) in the cache's size.
    convenience init(decoding reader: inout BinaryReader, registry: AnalyzerRegistry = .standard) throws(BinaryReader.Corrupt) {
        let (glossary, termCounts) = try reader.readGlossary()
        // The model is decoded: its pages can go. The tables stay in the mapping.
        reader.releaseReadPages()
        let tables = try TableDecoder.decode(Tables.self, from: &reader)
        // Each table's pages are given back once it is checked, so that a large entry's tables
        // are never resident all at once.
        let mapped = reader
        guard tables.isConsistent(termCounts: termCounts, release: { mapped.releasePages(of: $0) }), reader.isAtEnd else {
            throw BinaryReader.Corrupt()
        }
        self.init(glossary: glossary, tables: tables, registry: registry)
    }

    /// Reads a compiled glossary written by `encode(into:)`, from bytes that passed every check
    /// of `init(decoding:registry:)` before and have not changed since
    /// (`CacheEntry.read(verified:key:)`): the concepts are not walked, the tables not checked,
    /// and the pages of the large tables are not touched.
    ///
    /// - Throws: `BinaryReader.Corrupt` for bytes that do not decode all the same.
    /// - Complexity: O(1) in the number of concepts and in the size of the large tables.
    convenience init(decodingVerified reader: inout BinaryReader, registry: AnalyzerRegistry = .standard)
        throws(BinaryReader.Corrupt)
    {
        let glossary = try reader.readGlossary(isVerified: true).glossary
        let tables = try TableDecoder.decode(Tables.self, from: &reader, isVerified: true)
        guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
        self.init(glossary: glossary, tables: tables, registry: registry)
    }
}
