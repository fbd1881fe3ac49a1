import Foundation

/// Keeps compiled glossaries on disk, so that a hook run on one small file does not parse and
/// compile the glossary every time.
///
/// A cache entry is keyed by a hash of the glossary files' paths and contents, the cache format
/// and the tool's version: any edit to any glossary file, or a new tool, makes a new key, so a
/// stale entry is never used. Entries are written atomically (a temporary file, then a rename);
/// an unreadable or corrupt entry is ignored and rewritten.
public struct GlossaryCache: Sendable {
    /// The folder entries live in.
    public let path: String

    private var directory: URL { URL(fileURLWithPath: path) }

    /// The version of the code that compiles glossaries; part of every key.
    public static let toolVersion = "glossary-0.1.0"

    public init(path: String) {
        self.path = path
    }

    /// `$GLOSSARY_CACHE_DIR`, else `$XDG_CACHE_HOME/glossary`, else `~/.cache/glossary`.
    public static var standard: GlossaryCache {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["GLOSSARY_CACHE_DIR"], !path.isEmpty {
            return GlossaryCache(path: path)
        }
        if let path = environment["XDG_CACHE_HOME"], !path.isEmpty {
            return GlossaryCache(path: URL(fileURLWithPath: path).appendingPathComponent("glossary").path)
        }
        return GlossaryCache(path: FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/glossary").path)
    }

    /// The key of a set of glossary files: a 64-bit FNV-1a hash of their paths and bytes.
    ///
    /// - Complexity: O(*n*) in the files' total size.
    public static func key(files: [(path: String, bytes: [UInt8])]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        func mix(_ text: String) {
            var text = text + "\u{0}"
            text.withUTF8 { mix($0) }
        }
        mix(toolVersion)
        mix(String(CompiledGlossary.cacheFormat))
        for file in files {
            mix(file.path)
            mix(String(file.bytes.count))
            file.bytes.withUnsafeBufferPointer { mix($0) }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private func url(for key: String) -> URL {
        directory.appendingPathComponent("\(key).glossary-cache")
    }

    /// The compiled glossary stored under `key`, or nil when there is none or it is unreadable.
    public func load(key: String) -> CompiledGlossary? {
        guard let data = FileManager.default.contents(atPath: url(for: key).path) else { return nil }
        var reader = BinaryReader(Array(data))
        return try? CompiledGlossary(decoding: &reader)
    }

    /// Stores `compiled` under `key`. Failing to write (a read-only home, a full disk) is not an
    /// error: the cache only saves time.
    public func store(_ compiled: CompiledGlossary, key: String) {
        var writer = BinaryWriter()
        compiled.encode(into: &writer)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent(".\(key).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try Data(writer.bytes).write(to: temporary)
            if rename(temporary.path, url(for: key).path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
            }
        } catch {
            return
        }
    }
}

extension GlossaryLoader {
    /// Loads and compiles the glossaries at `paths`, through `cache` when given.
    ///
    /// - Returns: the compiled glossary and whether it came from the cache.
    ///
    /// Reader warnings go to `onWarning`; a glossary that comes from the cache is not parsed, so
    /// its warnings are reported only on the run that parses it.
    public static func loadCompiled(
        paths: [String], cache: GlossaryCache?, onWarning: (FormatDiagnostic) -> Void = { _ in }
    ) throws -> (CompiledGlossary, fromCache: Bool) {
        guard let cache else { return (try CompiledGlossary(load(paths: paths, onWarning: onWarning)), false) }
        var files: [(path: String, bytes: [UInt8])] = []
        for path in paths {
            for file in try self.files(at: path) {
                let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
                files.append((absolute, try InputFile.readBytes(file)))
            }
        }
        let key = GlossaryCache.key(files: files)
        if let compiled = cache.load(key: key) { return (compiled, true) }
        let compiled = try CompiledGlossary(load(paths: paths, onWarning: onWarning))
        cache.store(compiled, key: key)
        return (compiled, false)
    }
}
