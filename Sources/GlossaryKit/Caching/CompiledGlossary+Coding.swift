/// The compiled glossary in the cache's binary layout: the glossary model (`GlossaryCoding`),
/// then the tables (`CompiledGlossary.Tables`) as `TableEncoder` writes them, the large ones as
/// they are in memory, aligned, so that loading uses them where they lie in the mapped file
/// instead of inserting every word and edge again.
extension CompiledGlossary {
    /// Format version; a cache written by another version is ignored. A new table needs no new
    /// version (the tables' layout names every property), a changed layout of a value does.
    static let cacheFormat: UInt32 = 7

    func encode(into writer: inout BinaryWriter) {
        writer.write(Self.cacheFormat)
        writer.write(glossary)
        do {
            try TableEncoder.encode(tables, into: &writer)
        } catch {
            preconditionFailure("a compiled glossary's tables must be storable: \(error)")
        }
    }

    /// Reads a compiled glossary written by `encode(into:)`.
    ///
    /// - Throws: `BinaryReader.Corrupt` for another format, truncated or inconsistent bytes:
    ///   every index into another table is checked (`Tables.isConsistent`), so a damaged cache is
    ///   never used.
    /// - Complexity: O(*n*) in the cache's size.
    convenience init(decoding reader: inout BinaryReader, registry: AnalyzerRegistry = .standard) throws(BinaryReader.Corrupt) {
        guard try reader.readUInt32() == Self.cacheFormat else { throw BinaryReader.Corrupt() }
        let (glossary, termCounts) = try reader.readGlossary()
        // The model is decoded: its pages can go. The tables stay in the mapping.
        reader.releaseReadPages()
        let tables = try TableDecoder.decode(Tables.self, from: &reader)
        guard tables.isConsistent(termCounts: termCounts), reader.isAtEnd else { throw BinaryReader.Corrupt() }
        self.init(glossary: glossary, tables: tables, registry: registry)
    }
}
