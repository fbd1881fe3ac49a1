/// A cache entry's file: a header that says what the entry holds and vouches for every byte,
/// then the compiled glossary.
///
/// | offset | bytes | content |
/// |---:|---:|---|
/// | 0 | 8 | `GLOSSARY`, the file's kind |
/// | 8 | 8 | `Checksum` of every byte from offset 16 to the end |
/// | 16 | 4 | `CompiledGlossary.cacheFormat`, then 4 zero bytes |
/// | 24 | 16 | the key it is stored under (16 hexadecimal digits) |
/// | 40 | 8 | the length of the compiled glossary |
/// | 48 | … | the compiled glossary (`CompiledGlossary.encode(into:)`) |
///
/// The header is a multiple of 16 bytes, so the tables behind it keep their alignment in the
/// mapped file. An entry is used only when its header names this format and the key asked for
/// (an entry renamed or copied under another key is refused), its length is the file's, and its
/// checksum matches: a damaged byte anywhere makes it unreadable, never a different glossary.
enum CacheEntry {
    static let kind = Array("GLOSSARY".utf8)
    static let headerSize = 48
    /// The bytes the checksum covers start here.
    private static let checksummed = 16

    /// The file storing `compiled` under `key` (16 hexadecimal digits).
    ///
    /// - Complexity: O(*n*) in the compiled glossary's size.
    static func bytes(of compiled: CompiledGlossary, key: String) -> [UInt8] {
        bytes(key: key) { compiled.encode(into: &$0) }
    }

    /// An entry under `key` whose content is `body`, whatever it holds, with a header that
    /// vouches for it: what the fuzz target of the decoder feeds it, so that mutated content
    /// gets past the checksum.
    static func bytes(wrapping body: [UInt8], key: String) -> [UInt8] {
        bytes(key: key) { writer in for byte in body { writer.write(byte) } }
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
        writer.patch(UInt64(writer.count - headerSize), at: lengthAt)
        let checksum = writer.bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[checksummed...])) }
        writer.patch(checksum, at: checksumAt)
        return writer.bytes
    }

    /// The compiled glossary in the entry whose bytes `reader` reads (from the start), which must
    /// be stored under `key`.
    ///
    /// - Throws: `BinaryReader.Corrupt` when the header is not this format's or not `key`'s, the
    ///   length or checksum does not match, or the compiled glossary is inconsistent.
    /// - Complexity: O(*n*) in the entry's size.
    static func read(_ reader: inout BinaryReader, key: String) throws(BinaryReader.Corrupt) -> CompiledGlossary {
        guard reader.offset == 0, reader.count >= headerSize else { throw BinaryReader.Corrupt() }
        var header = try reader.slice(length: headerSize)
        let checksum = try readHeader(&header, entryLength: reader.count, key: key)
        let covered = UnsafeRawBufferPointer(reader.bytes(in: checksummed..<reader.count))
        guard Checksum.of(covered) == checksum else { throw BinaryReader.Corrupt() }
        try reader.seek(to: headerSize)
        return try readBody(&reader)
    }

    /// The compiled glossary in the entry `file`, which must be stored under `key`.
    ///
    /// The header and checksum are read from the file into a small buffer, not through a
    /// mapping: reading the page cache adds nothing to the process's memory, while every page
    /// of a mapping touched counts until it is given back, and the kernel maps a large
    /// page-cache folio (up to 2 MiB) whole on the first touch of any of its pages. Only then is
    /// the file mapped, for the tables to be checked and used in place.
    ///
    /// - Throws: as `read(_:key:)`, and when the file cannot be read or mapped.
    /// - Complexity: O(*n*) in the entry's size.
    static func read(_ file: EntryFile, key: String) throws(BinaryReader.Corrupt) -> CompiledGlossary {
        guard file.length >= headerSize else { throw BinaryReader.Corrupt() }
        var headerBytes = [UInt8](repeating: 0, count: headerSize)
        guard headerBytes.withUnsafeMutableBytes({ file.read(into: $0, at: 0) }) else { throw BinaryReader.Corrupt() }
        var header = BinaryReader(headerBytes)
        let checksum = try readHeader(&header, entryLength: file.length, key: key)
        guard file.checksum(from: checksummed) == checksum, let mapping = file.map(),
            var reader = BinaryReader(mapping: mapping)
        else { throw BinaryReader.Corrupt() }
        try reader.seek(to: headerSize)
        return try readBody(&reader)
    }

    /// Reads an entry's header from `reader` and returns the checksum it records, after checking
    /// the header names this format and `key`, and a length that makes the entry
    /// `entryLength` bytes.
    private static func readHeader(_ reader: inout BinaryReader, entryLength: Int, key: String) throws(BinaryReader.Corrupt)
        -> UInt64
    {
        guard reader.bytes(in: 0..<kind.count).elementsEqual(kind) else { throw BinaryReader.Corrupt() }
        try reader.skip(kind.count)
        let checksum = try reader.readUInt64()
        guard try reader.readUInt32() == CompiledGlossary.cacheFormat, try reader.readUInt32() == 0 else {
            throw BinaryReader.Corrupt()
        }
        guard reader.bytes(in: reader.offset..<(reader.offset + 16)).elementsEqual(key.utf8) else { throw BinaryReader.Corrupt() }
        try reader.skip(16)
        guard try reader.readUInt64() == UInt64(entryLength - headerSize) else { throw BinaryReader.Corrupt() }
        return checksum
    }

    /// Reads the compiled glossary that follows the header, from bytes the checksum has vouched
    /// for.
    private static func readBody(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> CompiledGlossary {
        let compiled = try CompiledGlossary(decoding: &reader)
        // Checking the tables read them all: the matcher reads back the pages it needs.
        reader.releasePages(0..<reader.count)
        return compiled
    }
}
