import Foundation

/// A note beside a cache entry, `<key>.verified`, that the entry file with a given identity
/// (`EntryIdentity`) passed every check of a full load: its checksums, its concepts and the
/// consistency of its tables.
///
/// Checking a 100k-concept glossary's 72 MB entry costs more than everything else a run on
/// one paragraph does. A load whose entry still has the identity recorded checks its
/// checksums, which prove the bytes are the ones that passed, and skips the rest: decoding the
/// same bytes with the same code gives what the checked load gave. The identity only finds the
/// record; it never stands for the bytes, since a disk may return other bytes than were written
/// and some file systems keep a file's times and inode through a change. A record is written
/// only for an identity that was settled when it was taken (`EntryIdentity.isSettled(at:)`).
///
/// | offset | bytes | content |
/// |---:|---:|---|
/// | 0 | 8 | `GLOSSVFY`, the file's kind |
/// | 8 | 4 | `CompiledGlossary.cacheFormat` |
/// | 12 | 4 | `version` |
/// | 16 | 16 | the key of the entry |
/// | 32 | 56 | the entry's identity (`EntryIdentity.fields`), eight bytes each |
/// | 88 | 8 | `Checksum` of bytes 0–87 |
///
/// All numbers are little-endian. A record that is damaged, of another format, of another key
/// or of another identity vouches for nothing: the entry is checked in full, as without one.
enum VerificationRecord {
    static let kind = Array("GLOSSVFY".utf8)
    /// The layout's version.
    static let version: UInt32 = 1
    static let size = 96
    /// The suffix of a record's file name: `<key>.verified`.
    static let suffix = ".verified"

    /// The bytes of the record that `identity` is the identity of the entry stored under `key`.
    static func bytes(key: String, identity: EntryIdentity) -> [UInt8] {
        var writer = GlossaryCache.recordWriter(kind: kind, version: version, key: key)
        for field in identity.fields { writer.write(field) }
        return GlossaryCache.sealed(writer)
    }

    /// The entry identity that `bytes` records for `key`, or nil when they are not such a
    /// record of this format.
    static func identity(in bytes: [UInt8], key: String) -> EntryIdentity? {
        guard bytes.count == size, let record = GlossaryCache.unsealed(bytes, kind: kind, version: version),
            record.key == key
        else { return nil }
        return EntryIdentity(fields: record.fields)
    }

    /// The identity recorded in the file at `path` for `key`, or nil when there is no such
    /// record.
    static func identity(at path: String, key: String) -> EntryIdentity? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == size else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        guard bytes.withUnsafeMutableBytes({ EntryFile.read(descriptor, into: $0, at: 0) }) else { return nil }
        return identity(in: bytes, key: key)
    }

    /// Whether the file at `path` is a record: a regular file, not a link, of a record's size,
    /// that starts with a record's kind; whatever its key, format or identity.
    static func isRecord(at path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == size else { return false }
        var start = [UInt8](repeating: 0, count: kind.count)
        return start.withUnsafeMutableBytes { EntryFile.read(descriptor, into: $0, at: 0) } && start == kind
    }

    /// Writes the record for `key` and `identity` to `path`, atomically (a temporary file in
    /// the same folder, then a rename); failing to is not an error: the next load checks the
    /// entry in full again.
    static func store(key: String, identity: EntryIdentity, at path: String) {
        GlossaryCache.writeRecord(bytes(key: key, identity: identity), to: path, key: key, kind: suffix)
    }
}
