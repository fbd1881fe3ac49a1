import Foundation

/// Keeps compiled glossaries on disk, so that a hook run on one small file does not parse and
/// compile the glossary every time.
///
/// An entry is keyed by a hash of the glossary files' paths and contents, the cache format, the
/// layout of an entry's facts, the tool's version, the ICU version and the built-in language
/// data: any edit to any glossary file, or a new tool, ICU or language data, makes a new key, so
/// a stale entry is never used. Each entry holds its key and a checksum of all its bytes
/// (`CacheEntry`): an entry that is damaged, or stored under another key's name, is ignored and
/// rewritten. Entries are written atomically (a temporary file, then a rename) and never
/// changed in place.
///
/// Checking all of an entry's bytes costs more than the rest of a run on a small file with a
/// large glossary, so it is done once per entry file: a load that has checked an entry records
/// the file's identity beside it (`VerificationRecord`), and later loads of the same file check
/// only that its bytes are the same, by its checksums (`CacheEntry.read(verified:key:)`).
///
/// The cache is bounded (`Limits`): after each store, entries unused for longer than the
/// maximum age are removed, then the least recently used ones until the total size is within
/// the maximum (`prune(keeping:)`).
package struct GlossaryCache: Sendable {
    /// The folder entries live in.
    package let path: String
    /// How much the cache may hold.
    package let limits: Limits

    private var directory: URL { URL(fileURLWithPath: path) }

    /// The version of the code that compiles glossaries; part of every key.
    package static let toolVersion = "glossary-\(GlossaryKitInfo.version)"

    /// The suffix of an entry's file name: `<key>.glossary-cache`.
    static let entrySuffix = ".glossary-cache"

    package init(path: String, limits: Limits = .standard) {
        self.path = path
        self.limits = limits
    }

    /// `$GLOSSARY_CACHE_DIR`, else `$XDG_CACHE_HOME/glossary`, else `~/.cache/glossary`.
    package static var standard: GlossaryCache {
        standard(environment: ProcessInfo.processInfo.environment)
    }

    /// The standard cache as `environment` and `home` place it: `GLOSSARY_CACHE_DIR`, else
    /// `XDG_CACHE_HOME/glossary`, else `.cache/glossary` in `home`; empty variables count as unset.
    ///
    /// Taking both as values lets a test say where the cache would go without reading or
    /// writing the user's real one.
    static func standard(
        environment: [String: String], home: URL = FileManager.default.homeDirectoryForCurrentUser
    ) -> GlossaryCache {
        if let path = environment["GLOSSARY_CACHE_DIR"], !path.isEmpty {
            return GlossaryCache(path: path)
        }
        if let path = environment["XDG_CACHE_HOME"], !path.isEmpty {
            return GlossaryCache(path: URL(fileURLWithPath: path).appendingPathComponent("glossary").path)
        }
        return GlossaryCache(path: home.appendingPathComponent(".cache/glossary").path)
    }

    /// The key of a set of glossary files: a 64-bit hash of their paths and bytes, and of what
    /// else a compiled glossary depends on (`KeyHasher`).
    ///
    /// - Complexity: O(*n*) in the files' total size.
    package static func key(files: [(path: String, bytes: [UInt8])]) -> String {
        var hasher = KeyHasher()
        for file in files {
            file.bytes.withUnsafeBufferPointer { hasher.add(path: file.path, bytes: $0) }
        }
        return hasher.key
    }

    /// A hash of the language data compiled into the library (every file of
    /// `Languages/Data/`), computed once per run.
    static let languageDataHash = hash(
        languageData: LanguageData.embeddedFiles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })

    /// A hash of language data files, each given by name and text.
    static func hash(languageData files: [(name: String, text: String)]) -> UInt64 {
        var bytes: [UInt8] = []
        for file in files {
            bytes += file.name.utf8
            bytes.append(0)
            bytes += String(file.text.utf8.count).utf8
            bytes.append(0)
            bytes += file.text.utf8
        }
        return bytes.withUnsafeBytes { Checksum.of($0) }
    }

    /// Accumulates a cache key.
    ///
    /// The hash takes eight bytes per step (xor, multiply by an odd constant, xor-shift: each a
    /// bijection, so changing any one eight-byte chunk always changes the key). It runs on every
    /// check, over the whole glossary, so it must be much faster than the cache load it guards:
    /// byte-at-a-time FNV-1a took 25 ms for an 18 MB glossary.
    struct KeyHasher {
        private var hash: UInt64 = 0xCBF2_9CE4_8422_2325

        /// A hasher whose key covers, besides the glossary files added later, the code and data
        /// a compiled glossary depends on; tests pass other values to see that each counts.
        init(
            tool: String = GlossaryCache.toolVersion, icu: String = ICU.version,
            languageData: UInt64 = GlossaryCache.languageDataHash
        ) {
            mix(tool)
            mix(String(CompiledGlossary.cacheFormat))
            mix(CompiledGlossary.EntryFacts.layout)
            mix("icu " + icu)
            mix("language data " + String(languageData, radix: 16))
        }

        /// Adds one glossary file.
        mutating func add(path: String, bytes: UnsafeBufferPointer<UInt8>) {
            mix(path)
            mix(String(bytes.count))
            mix(bytes)
        }

        /// The size of the buffer `add(path:reading:)` reads a file into: a multiple of eight.
        static let bufferSize = 256 << 10

        /// Adds the glossary file at `file` (`path` absolute), read a buffer at a time: the same
        /// key as `add(path:bytes:)` with its bytes.
        ///
        /// Reading leaves the file's pages in the page cache, where they are not the process's
        /// memory; mapping it would make all of them the process's until unmapped (9 MB for a
        /// 100k-concept glossary), and unmapping a large mapping takes time of its own.
        ///
        /// - Returns: false, with nothing added, when `file` is not a regular file or cannot be
        ///   read to the end of the size it had when opened.
        mutating func add(path: String, readingFileAt file: String) -> Bool {
            // O_NONBLOCK: a named pipe given as a glossary must not make the run wait here.
            let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size >= 0 else {
                return false
            }
            let count = Int(status.st_size)
            var hasher = self
            hasher.mix(path)
            hasher.mix(String(count))
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.bufferSize, alignment: 8)
            defer { buffer.deallocate() }
            var offset = 0
            repeat {
                let part = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(Self.bufferSize, count - offset)])
                guard EntryFile.read(descriptor, into: part, at: offset) else { return false }
                offset += part.count
                let words = hasher.mixWords(UnsafeRawBufferPointer(part))
                if offset == count { hasher.mixTail(UnsafeRawBufferPointer(rebasing: part[words...])) }
            } while offset < count
            self = hasher
            return true
        }

        private mutating func mix(_ bytes: UnsafeBufferPointer<UInt8>) {
            let raw = UnsafeRawBufferPointer(bytes)
            mixTail(UnsafeRawBufferPointer(rebasing: raw[mixWords(raw)...]))
        }

        /// Mixes in the whole eight-byte words at the start of `raw`; returns their length.
        private mutating func mixWords(_ raw: UnsafeRawBufferPointer) -> Int {
            var index = 0
            while index + 8 <= raw.count {
                hash =
                    (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                    &* 0x9FB2_1C65_1E98_DF25
                hash ^= hash >> 28
                index += 8
            }
            return index
        }

        /// Mixes in the last bytes of a file or string, fewer than eight.
        private mutating func mixTail(_ raw: UnsafeRawBufferPointer) {
            // The tail, with its length in the top byte: "a" and "a\0" differ.
            var tail = UInt64(raw.count) << 56
            for (shift, byte) in raw.enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            hash = (hash ^ tail) &* 0x9FB2_1C65_1E98_DF25
            hash ^= hash >> 28
        }

        /// Adds a name only (a record's, `KeyRecord.name(of:)`), no file.
        mutating func add(name: String) {
            mix(name)
        }

        private mutating func mix(_ text: String) {
            var text = text + "\u{0}"
            text.withUTF8 { mix($0) }
        }

        /// The key: the hash in 16 hexadecimal digits.
        var key: String {
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }

    /// The identities of the regular files at `paths` (links followed, as reading them
    /// follows them), or nil when one is not a regular file or cannot be examined.
    static func identities(of paths: [String]) -> [EntryIdentity]? {
        var identities: [EntryIdentity] = []
        identities.reserveCapacity(paths.count)
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            identities.append(EntryIdentity(status))
        }
        return identities
    }

    func url(for key: String) -> URL {
        directory.appendingPathComponent(key + Self.entrySuffix)
    }

    /// The compiled glossary stored under `key`, or nil when there is none, or it is unreadable,
    /// damaged or not `key`'s.
    ///
    /// The file is mapped, and its large tables are used where they lie. A successful load marks
    /// the entry as used (its modification time, or its verification record's), for pruning.
    package func load(key: String) -> CompiledGlossary? {
        loadEntry(key: key)?.compiled
    }

    /// How a load went: the compiled glossary, and whether its entry was checked in full
    /// (`CacheEntry.read(_:key:)`) or had been before (`CacheEntry.read(verified:key:)`).
    struct Loaded {
        let compiled: CompiledGlossary
        let wasChecked: Bool
    }

    /// Loads the entry stored under `key` (see `load(key:)`), at `now` (seconds since 1970,
    /// taken before the entry is opened; tests pass a later time to have a new entry count as
    /// settled).
    ///
    /// An entry whose file still has the identity recorded beside it (`VerificationRecord`) is
    /// loaded with its checksums checked but not the rest; any other is checked in full, and,
    /// once it passes, its identity is recorded if it is settled (`EntryIdentity.isSettled(at:)`).
    func loadEntry(key: String, now: Double = Date().timeIntervalSince1970) -> Loaded? {
        guard key.utf8.count == 16 else { return nil }
        let path = url(for: key).path
        guard let file = EntryFile(path: path) else { return nil }
        let recordPath = verificationRecordPath(for: key)
        if VerificationRecord.identity(at: recordPath, key: key) == file.identity {
            guard let compiled = try? CacheEntry.read(verified: file, key: key) else { return nil }
            // The entry is left as it is, so that its record keeps vouching for it.
            markUsed(recordPath)
            return Loaded(compiled: compiled, wasChecked: false)
        }
        guard let compiled = try? CacheEntry.read(file, key: key) else { return nil }
        if file.identity.isSettled(at: now) {
            // A new record is a use of its own.
            VerificationRecord.store(key: key, identity: file.identity, at: recordPath)
        } else {
            markUsed(path)
        }
        return Loaded(compiled: compiled, wasChecked: true)
    }

    /// Where the verification record of the entry under `key` lives: `<key>.verified`.
    func verificationRecordPath(for key: String) -> String {
        directory.appendingPathComponent(key + VerificationRecord.suffix).path
    }

    /// Stores `compiled` under `key`, then prunes the cache. Failing to write (a read-only home,
    /// a full disk) is not an error: the cache only saves time. An entry larger than
    /// `limits.maximumBytes` is not stored.
    package func store(_ compiled: CompiledGlossary, key: String) {
        guard key.utf8.count == 16 else { return }
        let bytes = CacheEntry.bytes(of: compiled, key: key)
        guard bytes.count <= limits.maximumBytes else { return }
        let temporary = directory.appendingPathComponent(Self.temporaryName(for: key))
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.writeFile(bytes, to: temporary.path)
            if rename(temporary.path, url(for: key).path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                return
            }
        } catch is NotCreated {
            return
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        prune(keeping: key)
    }

    /// The suffix of an entry being written: `.<key>.<process id>-<random>.tmp`.
    static let temporarySuffix = ".tmp"

    /// A name for a file being written for `key` (`kind` is empty for the entry, a suffix such
    /// as `.verified` for a file beside it): hidden, with the key first (so that pruning knows
    /// it for the cache's, `isTemporaryName`), then the process id and a random number, so
    /// that two threads of one process (the language server's) never write the same file.
    static func temporaryName(for key: String, kind: String = "") -> String {
        let unique = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return ".\(key)\(kind).\(ProcessInfo.processInfo.processIdentifier)-\(unique)\(temporarySuffix)"
    }

    /// A writer holding the start every small record (`VerificationRecord`, `KeyRecord`) has:
    /// its kind (8 bytes), `CompiledGlossary.cacheFormat`, the record's layout `version` and
    /// `key` (16 hexadecimal digits).
    static func recordWriter(kind: [UInt8], version: UInt32, key: String) -> BinaryWriter {
        precondition(key.utf8.count == 16, "a cache key is 16 hexadecimal digits")
        var writer = BinaryWriter()
        for byte in kind { writer.write(byte) }
        writer.write(CompiledGlossary.cacheFormat)
        writer.write(version)
        for byte in key.utf8 { writer.write(byte) }
        return writer
    }

    /// The bytes of `writer` followed by their `Checksum`, as a record ends.
    static func sealed(_ writer: BinaryWriter) -> [UInt8] {
        var writer = writer
        let checksum = writer.bytes.withUnsafeBytes { Checksum.of($0) }
        writer.write(checksum)
        return writer.bytes
    }

    /// The key and the eight-byte fields after it of a record that `recordWriter(kind:version:key:)`
    /// and `sealed(_:)` wrote, or nil when `bytes` are not a record of that kind, of this cache
    /// format and layout `version`, with a matching checksum.
    static func unsealed(_ bytes: [UInt8], kind: [UInt8], version: UInt32) -> (key: String, fields: [UInt64])? {
        guard bytes.count >= 40, (bytes.count - 40) % 8 == 0, bytes.starts(with: kind) else { return nil }
        var reader = BinaryReader(bytes)
        do {
            try reader.skip(kind.count)
            guard try reader.readUInt32() == CompiledGlossary.cacheFormat, try reader.readUInt32() == version else { return nil }
            let key = String(decoding: reader.bytes(in: 16..<32), as: UTF8.self)
            try reader.skip(16)
            let fields = try (0..<((bytes.count - 40) / 8)).map { _ throws(BinaryReader.Corrupt) in try reader.readUInt64() }
            let computed = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - 8)])) }
            guard try reader.readUInt64() == computed else { return nil }
            return (key, fields)
        } catch {
            return nil
        }
    }

    /// Writes a small record (`VerificationRecord`, `KeyRecord`) to `path`, atomically: to a
    /// temporary file of `key` and `kind` in the same folder, then renamed. Failing to is not
    /// an error: a missing record only costs the work it would have spared.
    static func writeRecord(_ record: [UInt8], to path: String, key: String, kind: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/" + temporaryName(for: key, kind: kind)
        let descriptor = createTemporaryFile(temporary)
        guard descriptor >= 0 else { return }
        let written = record.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        close(descriptor)
        guard written == record.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
    }

    /// Creates and opens for writing the new file `path`, which must not exist yet, not even as
    /// a symbolic link: a file of that name is another writer's, or not the cache's.
    ///
    /// - Returns: the descriptor, or -1.
    static func createTemporaryFile(_ path: String) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    }

    private struct WriteError: Error {}
    /// The temporary file could not be created: whatever has its name is not this writer's to
    /// remove.
    private struct NotCreated: Error {}

    /// The most a single `write` of an entry writes.
    ///
    /// The page cache keeps a file in folios of the size it was written in (up to 2 MiB, on
    /// file systems with large folios), and a process that touches one page of a mapped folio
    /// gets the whole folio mapped: an entry written at once would cost a run that looks up a
    /// few words megabytes of memory per word. Written 64 KiB at a time, it costs at most 64 KiB
    /// per touch (the kernel maps that much around a fault anyway), for about a thousand
    /// system calls for a 70 MB entry, written once.
    static let writeSize = 64 << 10

    /// Writes `bytes` to a new file at `path`, `writeSize` bytes at a time, without copying them
    /// into a `Data` first.
    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let descriptor = createTemporaryFile(path)
        guard descriptor >= 0 else { throw NotCreated() }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + done, min(buffer.count - done, writeSize))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw WriteError() }
                done += written
            }
        }
    }
}

extension GlossaryLoader {
    /// Loads and compiles the glossaries at `paths`, through `cache` when given, compiling on
    /// at most `maximumThreads` threads (`CompiledGlossary.init(_:registry:maximumThreads:)`).
    ///
    /// - Returns: the compiled glossary and whether it came from the cache.
    ///
    /// Reader warnings go to `onWarning`; a glossary that comes from the cache is not parsed, so
    /// its warnings are reported only on the run that parses it.
    ///
    /// `now` (seconds since 1970) is taken before the files are examined; tests pass a later
    /// time to have new files count as settled (`KeyRecord`).
    package static func loadCompiled(
        paths: [String], cache: GlossaryCache?, maximumThreads: Int? = nil,
        onWarning: (FormatDiagnostic) -> Void = { _ in }, now: Double = Date().timeIntervalSince1970
    ) throws -> (CompiledGlossary, fromCache: Bool) {
        func compile() throws -> CompiledGlossary {
            try CompiledGlossary(load(paths: paths, onWarning: onWarning), maximumThreads: maximumThreads)
        }
        guard let cache else { return (try compile(), false) }
        var files: [(file: String, absolute: String)] = []
        for path in paths {
            for file in try self.files(at: path) { files.append((file, URL(fileURLWithPath: file).standardizedFileURL.path)) }
        }
        // Files whose identities are those a key record lists are not read (`KeyRecord`).
        let recordPath = cache.path + "/" + KeyRecord.name(of: files.map(\.absolute))
        // Taken before the identities: a file settled then was settled when they were taken.
        let identitiesTaken = now
        let identities = files.count <= KeyRecord.maximumFiles ? GlossaryCache.identities(of: files.map(\.file)) : nil
        let recorded = identities.flatMap { KeyRecord.key(at: recordPath, identities: $0) }
        let key: String
        if let recorded {
            key = recorded
        } else {
            // The files are read a buffer at a time for the key, not read whole: hashing them is
            // all this run does with their bytes when the cache has the glossary.
            var hasher = GlossaryCache.KeyHasher()
            for (file, absolute) in files where !hasher.add(path: absolute, readingFileAt: file) {
                // Not a regular file, or unreadable: reading it reports why.
                try InputFile.readBytes(file).withUnsafeBufferPointer { hasher.add(path: absolute, bytes: $0) }
            }
            key = hasher.key
        }
        func recordKey() {
            // The identities were taken before the files were read: a file changed since has
            // another identity, and the record vouches for nothing.
            if recorded == nil, let identities, identities.allSatisfy({ $0.isSettled(at: identitiesTaken) }) {
                KeyRecord.store(key: key, identities: identities, at: recordPath)
            }
        }
        if let compiled = cache.load(key: key) {
            recordKey()
            return (compiled, true)
        }
        let compiled = try compile()
        cache.store(compiled, key: key)
        recordKey()
        return (compiled, false)
    }
}
