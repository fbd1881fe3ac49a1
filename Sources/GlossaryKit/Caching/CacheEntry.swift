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

    /// The compiled glossary in the entry file that `reader` reads, which must be stored under
    /// `key`.
    ///
    /// - Throws: `BinaryReader.Corrupt` when the header is not this format's or not `key`'s, the
    ///   length or checksum does not match, or the compiled glossary is inconsistent.
    /// - Complexity: O(*n*) in the file's size.
    static func read(_ reader: inout BinaryReader, key: String) throws(BinaryReader.Corrupt) -> CompiledGlossary {
        guard reader.offset == 0, reader.count >= headerSize,
            reader.bytes(in: 0..<kind.count).elementsEqual(kind)
        else { throw BinaryReader.Corrupt() }
        try reader.skip(kind.count)
        let checksum = try reader.readUInt64()
        guard try reader.readUInt32() == CompiledGlossary.cacheFormat, try reader.readUInt32() == 0 else {
            throw BinaryReader.Corrupt()
        }
        guard reader.bytes(in: reader.offset..<(reader.offset + 16)).elementsEqual(key.utf8) else { throw BinaryReader.Corrupt() }
        try reader.skip(16)
        guard try reader.readUInt64() == UInt64(reader.count - headerSize) else { throw BinaryReader.Corrupt() }
        // Every byte is hashed, a mebibyte at a time, each given back once hashed: a large
        // entry costs its hashing time, not its size in memory.
        let covered = UnsafeRawBufferPointer(reader.bytes(in: checksummed..<reader.count))
        var hashed = 0
        let verified = Checksum.of(covered, every: 1 << 20) { [reader] done in
            // From the page the last part ended in: pages are released whole, so a page that
            // two parts share would otherwise stay.
            reader.releasePages((checksummed + hashed) / 4096 * 4096..<(checksummed + done))
            hashed = done
        }
        guard verified == checksum else { throw BinaryReader.Corrupt() }
        let compiled = try CompiledGlossary(decoding: &reader)
        // Checking the tables read them all: the matcher reads back the pages it needs.
        reader.releasePages(0..<reader.count)
        return compiled
    }
}
