import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// A run finds its cache entry without reading the glossary files when a key record lists
/// their identities: written once the files have settled, trusted only for the same files with
/// the same identities, and ignored when damaged; pruning drops a record whose entry is gone.
@Suite("Key record")
struct KeyRecordTests {
    /// A time at which every file made by the test has settled (`EntryIdentity.settleTime`).
    static var later: Double { Date().timeIntervalSince1970 + 60 }

    static func glossary(_ id: String) -> String {
        """
        concepts:
          - id: \(id)
            terms:
              en: [migrant worker]
        """
    }

    /// A folder with a glossary file of concept `id` and an empty cache folder.
    static func setup(_ id: String = "alpha") throws -> (glossary: String, cache: GlossaryCache) {
        let folder = TestScratch.url("key-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("terms.yml").path
        try Self.glossary(id).write(toFile: file, atomically: false, encoding: .utf8)
        return (file, GlossaryCache(path: folder.appendingPathComponent("cache").path))
    }

    static func load(_ glossary: String, _ cache: GlossaryCache, now: Double = later) throws -> (ids: [String], fromCache: Bool) {
        let (compiled, fromCache) = try GlossaryLoader.loadCompiled(paths: [glossary], cache: cache, now: now)
        return (compiled.glossary.concepts.map(\.id), fromCache)
    }

    static func recordPath(_ glossary: String, _ cache: GlossaryCache) -> String {
        cache.path + "/" + KeyRecord.name(of: [URL(fileURLWithPath: glossary).standardizedFileURL.path])
    }

    static func keyFiles(_ cache: GlossaryCache) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(KeyRecord.suffix) }
    }

    @Test func aSettledGlossaryIsFoundByItsRecordWithoutReadingIt() throws {
        let (glossary, cache) = try Self.setup()
        #expect(try Self.load(glossary, cache) == (["alpha"], false))
        let record = Self.recordPath(glossary, cache)
        let identities = try #require(GlossaryCache.identities(of: [glossary]))
        let key = try #require(KeyRecord.key(at: record, identities: identities))
        #expect(try Self.load(glossary, cache) == (["alpha"], true))

        // The record is what finds the entry: pointed at another glossary's entry, it finds
        // that one, the file unread.
        let (other, _) = try Self.setup("beta")
        #expect(try Self.load(other, cache) == (["beta"], false))
        let otherIdentities = try #require(GlossaryCache.identities(of: [other]))
        let otherKey = try #require(KeyRecord.key(at: Self.recordPath(other, cache), identities: otherIdentities))
        #expect(otherKey != key)
        KeyRecord.store(key: otherKey, identities: identities, at: record)
        #expect(try Self.load(glossary, cache) == (["beta"], true))
    }

    @Test func aChangedFileIsReadAgainEvenWithItsTimesPutBack() throws {
        let (glossary, cache) = try Self.setup()
        #expect(try Self.load(glossary, cache).ids == ["alpha"])
        var before = stat()
        try #require(stat(glossary, &before) == 0)
        let identity = EntryIdentity(before)
        // Same size, the modification time put back: only the status-change time tells.
        for _ in 0..<300 {
            try Self.glossary("gamma").write(toFile: glossary, atomically: false, encoding: .utf8)
            var times = [before.st_atim, before.st_mtim]
            try #require(utimensat(AT_FDCWD, glossary, &times, 0) == 0)
            if try #require(GlossaryCache.identities(of: [glossary])).first != identity { break }
            usleep(10_000)
        }
        #expect(try Self.load(glossary, cache) == (["gamma"], false))
    }

    @Test func filesJustWrittenAreNotRecorded() throws {
        let (glossary, cache) = try Self.setup()
        #expect(try Self.load(glossary, cache, now: Date().timeIntervalSince1970).ids == ["alpha"])
        #expect(try Self.keyFiles(cache).isEmpty)
        #expect(try Self.load(glossary, cache) == (["alpha"], true))
        #expect(try Self.keyFiles(cache).count == 1)
    }

    @Test func aDamagedOrForeignRecordVouchesForNothing() throws {
        let (glossary, cache) = try Self.setup()
        _ = try Self.load(glossary, cache)
        let record = Self.recordPath(glossary, cache)
        let identities = try #require(GlossaryCache.identities(of: [glossary]))
        let good = try Data(contentsOf: URL(fileURLWithPath: record))
        for offset in [0, 9, 20, 33, 45, good.count - 1] {
            var damaged = good
            damaged[offset] ^= 0x10
            #expect(KeyRecord.key(in: Array(damaged), identities: identities) == nil, "byte \(offset)")
        }
        #expect(KeyRecord.key(in: Array(good.dropLast()), identities: identities) == nil)
        #expect(KeyRecord.key(in: Array(good), identities: identities + identities) == nil)
        var moved = identities[0]
        moved.inode &+= 1
        #expect(KeyRecord.key(in: Array(good), identities: [moved]) == nil)

        // Through the loader: a damaged record costs a read of the files, and is written again.
        var damaged = good
        damaged[20] ^= 0x01
        try damaged.write(to: URL(fileURLWithPath: record))
        #expect(try Self.load(glossary, cache) == (["alpha"], true))
        #expect(try Data(contentsOf: URL(fileURLWithPath: record)) == good)
    }

    @Test func pruningDropsARecordWhoseEntryIsGone() throws {
        let (glossary, cache) = try Self.setup()
        _ = try Self.load(glossary, cache)
        let record = Self.recordPath(glossary, cache)
        let foreign = cache.path + "/0123456789abcdef.key"
        try Data("not ours".utf8).write(to: URL(fileURLWithPath: foreign))
        cache.prune(keeping: nil)
        #expect(FileManager.default.fileExists(atPath: record))
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasSuffix(".glossary-cache") {
            try FileManager.default.removeItem(atPath: cache.path + "/" + name)
        }
        cache.prune(keeping: nil)
        #expect(!FileManager.default.fileExists(atPath: record))
        #expect(FileManager.default.fileExists(atPath: foreign))
    }
}
