import Foundation

/// A note in the cache folder, `<name>.key`, of the cache key that a set of glossary files
/// hashed to while each file had a given identity (`EntryIdentity`), so that a run whose files
/// still have those identities finds its entry without reading them.
///
/// The key hashes every byte of the glossary files (`GlossaryCache.KeyHasher`): for a
/// 100k-concept glossary that is 9 MB read and hashed on every run, about a sixth of checking
/// one paragraph from the cache. Any write to a file changes its status-change time, which no
/// program can set back, and replacing it changes its inode; a file left unchanged for
/// `EntryIdentity.settleTime` before its identity was taken cannot change again without its
/// identity changing (Git trusts its index's file times on the same grounds). A record is
/// written only when every file's identity was settled, and it vouches only for the same files
/// in the same order, with the same identities, under the same tool, format, ICU and language
/// data (all in its name). The entry the key finds is checked as ever (`CacheEntry`).
///
/// | offset | bytes | content |
/// |---:|---:|---|
/// | 0 | 8 | `GLOSSKEY`, the file's kind |
/// | 8 | 4 | `CompiledGlossary.cacheFormat` |
/// | 12 | 4 | `version` |
/// | 16 | 16 | the key |
/// | 32 | 8 | the number of files, *n* |
/// | 40 | 56 *n* | each file's identity (`EntryIdentity.fields`), eight bytes each |
/// | 40 + 56 *n* | 8 | `Checksum` of the bytes before it |
///
/// All numbers are little-endian. A record that is damaged, of another format or of other
/// identities vouches for nothing: the files are read and hashed, as without one.
enum KeyRecord {
    static let kind = Array("GLOSSKEY".utf8)
    /// The layout's version.
    static let version: UInt32 = 1
    /// The suffix of a record's file name: `<name>.key`.
    static let suffix = ".key"
    /// The most files a record lists: a folder of more glossary files is hashed every time.
    static let maximumFiles = 4096

    /// The name of the record for the glossary files at the absolute paths `paths`, in this
    /// order: 16 hexadecimal digits (the form of a key) and `suffix`.
    static func name(of paths: [String]) -> String {
        var hasher = GlossaryCache.KeyHasher()
        hasher.add(name: "key record")
        for path in paths { hasher.add(name: path) }
        return hasher.key + suffix
    }

    /// The bytes of the record that files of identities `identities` hash to `key`.
    static func bytes(key: String, identities: [EntryIdentity]) -> [UInt8] {
        var writer = GlossaryCache.recordWriter(kind: kind, version: version, key: key)
        writer.write(UInt64(identities.count))
        for identity in identities {
            for field in identity.fields { writer.write(field) }
        }
        return GlossaryCache.sealed(writer)
    }

    /// The key that `bytes` record for files of identities `identities`, or nil when they are
    /// not such a record of this format.
    static func key(in bytes: [UInt8], identities: [EntryIdentity]) -> String? {
        guard bytes.count == 48 + 56 * identities.count,
            let record = GlossaryCache.unsealed(bytes, kind: kind, version: version),
            GlossaryCache.isKey(Substring(record.key)), record.fields.first == UInt64(identities.count)
        else { return nil }
        let recorded = record.fields.dropFirst()
        for (index, identity) in identities.enumerated() {
            let start = recorded.startIndex + index * 7
            guard EntryIdentity(fields: Array(recorded[start..<(start + 7)])) == identity else { return nil }
        }
        return record.key
    }

    /// The key recorded in the file at `path` for files of identities `identities`, or nil.
    static func key(at path: String, identities: [EntryIdentity]) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let size = 48 + 56 * identities.count
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == size else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        guard bytes.withUnsafeMutableBytes({ EntryFile.read(descriptor, into: $0, at: 0) }) else { return nil }
        return key(in: bytes, identities: identities)
    }

    /// The key a record names, if the file at `path` is a record (a regular file, not a link,
    /// that starts as a record does), whatever its identities.
    static func recordedKey(at path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size >= 48 else { return nil }
        var start = [UInt8](repeating: 0, count: 32)
        guard start.withUnsafeMutableBytes({ EntryFile.read(descriptor, into: $0, at: 0) }), start.starts(with: kind) else {
            return nil
        }
        let key = String(decoding: start[16..<32], as: UTF8.self)
        return GlossaryCache.isKey(Substring(key)) ? key : nil
    }

    /// Writes the record that files of identities `identities` hash to `key` to `path`,
    /// atomically; failing to is not an error: the next run hashes the files again.
    static func store(key: String, identities: [EntryIdentity], at path: String) {
        GlossaryCache.writeRecord(bytes(key: key, identities: identities), to: path, key: key, kind: suffix)
    }
}
