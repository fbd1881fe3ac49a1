/// A cache entry's file: a header that says what the entry holds, the compiled glossary, then a
/// checksum of each 64 KiB chunk of it, which the header vouches for.
///
/// | offset | bytes | content |
/// |---:|---:|---|
/// | 0 | 8 | `GLOSSARY`, the file's kind |
/// | 8 | 8 | `Checksum` of bytes 16–47 and of the chunk checksums |
/// | 16 | 4 | `CompiledGlossary.cacheFormat`, then 4 zero bytes |
/// | 24 | 16 | the key it is stored under (16 hexadecimal digits) |
/// | 40 | 8 | the length *L* of the compiled glossary |
/// | 48 | *L* | the compiled glossary (`CompiledGlossary.encode(into:)`) |
/// | 48 + *L*, up to a multiple of 8 | 8 each | the `Checksum` of each chunk |
///
/// Chunk *i* is the compiled glossary's bytes between file offsets *i* · 64 KiB and
/// (*i* + 1) · 64 KiB, so that a chunk is whole pages of the mapped file. The header is a
/// multiple of 16 bytes, so the tables behind it keep their alignment in the mapped file.
///
/// An entry is used only when its header names this format and the key asked for (an entry
/// renamed or copied under another key is refused), its length is the file's, its header
/// checksum matches and so does every chunk's: a damaged byte anywhere makes it unreadable,
/// never a different glossary. Checksums per chunk let loading check each chunk while its
/// bytes are at hand (`ChunkChecksums`), instead of reading the whole entry once more.
enum CacheEntry {
    static let kind = Array("GLOSSARY".utf8)
    static let headerSize = 48
    /// The size of a chunk with a checksum of its own: whole pages.
    static let chunkSize = 64 << 10
    /// The header's checksum covers its bytes from here on, then the chunk checksums.
    private static let checksummed = 16

    /// The file storing `compiled` under `key`.
    ///
    /// - Complexity: O(*n*) in the compiled glossary's size.
    static func bytes(of compiled: CompiledGlossary, key: String) -> [UInt8] {
        bytes(key: key) { compiled.encode(into: &$0) }
    }

    /// An entry under `key` whose content is `body`, whatever it holds, with a header and
    /// checksums that vouch for it: what the fuzz target of the decoder feeds it, so that
    /// mutated content gets past the checksums.
    static func bytes(wrapping body: [UInt8], key: String) -> [UInt8] {
        bytes(key: key) { writer in for byte in body { writer.write(byte) } }
    }

    /// Where the chunk checksums of a compiled glossary of `length` bytes start, and how many
    /// there are.
    static func chunkTable(length: Int) -> (offset: Int, count: Int) {
        let end = headerSize + length
        return ((end + 7) / 8 * 8, (end + chunkSize - 1) / chunkSize)
    }

    /// The entry under `key` whose content `writeBody` writes.
    private static func bytes(key: String, writeBody: (inout BinaryWriter) -> Void) -> [UInt8] {
        precondition(key.utf8.count == 16, "a cache key is 16 hexadecimal digits")
        var writer = BinaryWriter()
        for byte in kind { writer.write(byte) }
        let checksumAt = writer.reserve(UInt64.self)
        writer.write(CompiledGlossary.cacheFormat)
        writer.write(UInt32(0))
        for byte in key.utf8 { writer.write(byte) }
        let lengthAt = writer.reserve(UInt64.self)
        writeBody(&writer)
        let length = writer.count - headerSize
        writer.patch(UInt64(length), at: lengthAt)
        let table = chunkTable(length: length)
        let chunks = writer.bytes.withUnsafeBytes { bytes in
            (0..<table.count).map { chunk in
                Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[chunkRange(chunk, length: length)]))
            }
        }
        writer.align(8)
        for checksum in chunks { writer.write(checksum) }
        let header = writer.bytes.withUnsafeBytes { bytes in
            headerChecksum(
                UnsafeRawBufferPointer(rebasing: bytes[checksummed..<headerSize]),
                chunks: UnsafeRawBufferPointer(rebasing: bytes[table.offset...]))
        }
        writer.patch(header, at: checksumAt)
        return writer.bytes
    }

    /// The file offsets of chunk `index` of a compiled glossary of `length` bytes.
    static func chunkRange(_ index: Int, length: Int) -> Range<Int> {
        max(index * chunkSize, headerSize)..<min((index + 1) * chunkSize, headerSize + length)
    }

    /// The header's checksum: of its fields after the checksum, then of the chunk checksums.
    private static func headerChecksum(_ fields: UnsafeRawBufferPointer, chunks: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum()
        checksum.add(blocks: fields)
        let blocks = chunks.count / Checksum.blockSize * Checksum.blockSize
        checksum.add(blocks: UnsafeRawBufferPointer(rebasing: chunks[..<blocks]))
        return checksum.finish(tail: UnsafeRawBufferPointer(rebasing: chunks[blocks...]))
    }

    /// The compiled glossary in the entry whose bytes `reader` reads (from the start), which must
    /// be stored under `key`.
    ///
    /// - Throws: `BinaryReader.Corrupt` when the header is not this format's or not `key`'s, the
    ///   length or a checksum does not match, or the compiled glossary is inconsistent.
    /// - Complexity: O(*n*) in the entry's size.
    static func read(_ reader: inout BinaryReader, key: String) throws(BinaryReader.Corrupt) -> CompiledGlossary {
        guard reader.offset == 0, reader.count >= headerSize else { throw BinaryReader.Corrupt() }
        let header = Array(reader.bytes(in: 0..<headerSize))
        let length = try readHeader(header, entryLength: reader.count, key: key)
        let table = chunkTable(length: length)
        let chunks = ChunkChecksums(UnsafeRawBufferPointer(reader.bytes(in: table.offset..<reader.count)), length: length)
        try checkHeader(header, chunks: chunks)
        chunks.checkAll(of: UnsafeRawBufferPointer(reader.bytes(in: 0..<reader.count)))
        guard chunks.areIntact else { throw BinaryReader.Corrupt() }
        try reader.seek(to: headerSize)
        var body = try reader.slice(length: length)
        return try readBody(&body)
    }

    /// The compiled glossary in the entry `file`, which must be stored under `key`.
    ///
    /// The header and the chunk checksums are read from the file; then the file is mapped and
    /// the compiled glossary checked in place, each chunk's checksum when loading gives the
    /// chunk's pages back (`ReadOnlyMapping.release(_:)`), while they are still at hand, and
    /// every chunk left unchecked at the end.
    ///
    /// - Throws: as `read(_:key:)`, and when the file cannot be read or mapped.
    /// - Complexity: O(*n*) in the entry's size.
    static func read(_ file: EntryFile, key: String) throws(BinaryReader.Corrupt) -> CompiledGlossary {
        let (length, chunks) = try checkedHeader(of: file, key: key)
        guard let mapping = file.map(checking: chunks), var reader = BinaryReader(mapping: mapping) else {
            throw BinaryReader.Corrupt()
        }
        try reader.seek(to: headerSize)
        var body = try reader.slice(length: length)
        let compiled = try readBody(&body)
        // Loading gave every page of the compiled glossary back, which checked every chunk.
        guard chunks.areIntact, chunks.areAllChecked else { throw BinaryReader.Corrupt() }
        return compiled
    }

    /// The compiled glossary in the entry `file`, stored under `key`, which a full load
    /// (`read(_:key:)`) has accepted with the identity `file` still has (`VerificationRecord`).
    ///
    /// The header and every chunk's checksum are checked, as on a full load: they prove that the
    /// bytes are the ones the full load accepted, whatever the file system says about the file
    /// (a disk that returns other bytes, a file system whose times or inodes do not move). The
    /// walk over the concepts and the consistency checks of the tables are skipped: they
    /// depend on nothing but those bytes, and the record says they passed. The checksums are
    /// checked a mebibyte at a time, each given back once checked, so that the load touches
    /// the tables' pages without keeping them.
    ///
    /// - Throws: `BinaryReader.Corrupt` when the header is not this format's or not `key`'s, or
    ///   a checksum does not match.
    /// - Complexity: O(*n*) in the entry's size for the checksums, which is hashing at memory
    ///   speed; O(1) in the number of concepts and in the tables' entries.
    static func read(verified file: EntryFile, key: String) throws(BinaryReader.Corrupt) -> CompiledGlossary {
        let (length, chunks) = try checkedHeader(of: file, key: key)
        guard let mapping = file.map(checking: chunks), var reader = BinaryReader(mapping: mapping) else {
            throw BinaryReader.Corrupt()
        }
        mapping.release(0..<file.length)
        guard chunks.areIntact, chunks.areAllChecked else { throw BinaryReader.Corrupt() }
        try reader.seek(to: headerSize)
        var body = try reader.slice(length: length)
        return try CompiledGlossary(decodingVerified: &body)
    }

    /// The length of the compiled glossary in the entry `file`, and its chunks' checksums, once
    /// the header's fields (kind, format, key, length) and its checksum over the chunks'
    /// checksums are checked; the file is advised to be read whole.
    private static func checkedHeader(of file: EntryFile, key: String) throws(BinaryReader.Corrupt) -> (
        length: Int, chunks: ChunkChecksums
    ) {
        guard file.length >= headerSize else { throw BinaryReader.Corrupt() }
        file.adviseWholeRead()
        var header = [UInt8](repeating: 0, count: headerSize)
        guard header.withUnsafeMutableBytes({ file.read(into: $0, at: 0) }) else { throw BinaryReader.Corrupt() }
        let length = try readHeader(header, entryLength: file.length, key: key)
        let table = chunkTable(length: length)
        var tableBytes = [UInt8](repeating: 0, count: file.length - table.offset)
        guard tableBytes.withUnsafeMutableBytes({ file.read(into: $0, at: table.offset) }) else { throw BinaryReader.Corrupt() }
        let chunks = tableBytes.withUnsafeBytes { ChunkChecksums($0, length: length) }
        try checkHeader(header, chunks: chunks)
        return (length, chunks)
    }

    /// The length of the compiled glossary that the entry header `bytes` records, after checking
    /// that it names this format and `key`, and a length that makes the entry `entryLength`
    /// bytes.
    private static func readHeader(_ bytes: [UInt8], entryLength: Int, key: String) throws(BinaryReader.Corrupt) -> Int {
        var reader = BinaryReader(bytes)
        guard reader.bytes(in: 0..<kind.count).elementsEqual(kind) else { throw BinaryReader.Corrupt() }
        try reader.skip(kind.count + 8)
        guard try reader.readUInt32() == CompiledGlossary.cacheFormat, try reader.readUInt32() == 0 else {
            throw BinaryReader.Corrupt()
        }
        guard reader.bytes(in: reader.offset..<(reader.offset + 16)).elementsEqual(key.utf8) else { throw BinaryReader.Corrupt() }
        try reader.skip(16)
        let recorded = try reader.readUInt64()
        guard recorded <= UInt64(entryLength) else { throw BinaryReader.Corrupt() }
        let length = Int(recorded)
        let table = chunkTable(length: length)
        guard table.offset + 8 * table.count == entryLength else { throw BinaryReader.Corrupt() }
        return length
    }

    /// Checks the header's checksum, over its fields and `chunks`' checksums.
    private static func checkHeader(_ header: [UInt8], chunks: ChunkChecksums) throws(BinaryReader.Corrupt) {
        let (recorded, computed) = header.withUnsafeBytes { header in
            let recorded = UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            let computed = chunks.withRawChecksums {
                headerChecksum(UnsafeRawBufferPointer(rebasing: header[checksummed..<headerSize]), chunks: $0)
            }
            return (recorded, computed)
        }
        guard computed == recorded else { throw BinaryReader.Corrupt() }
    }

    /// Reads the compiled glossary that `reader` holds.
    private static func readBody(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> CompiledGlossary {
        let compiled = try CompiledGlossary(decoding: &reader)
        // Checking the tables read them all: the matcher reads back the pages it needs.
        reader.releasePages(0..<reader.count)
        return compiled
    }
}
