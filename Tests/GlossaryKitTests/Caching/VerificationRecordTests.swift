import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// An entry is checked in full the first time it is loaded; once its file has settled, its
/// identity is recorded, and later loads of the same file skip the checks. Any change to the
/// file (in place, or by replacing it), and any damage to the record, brings the full check
/// back: a damaged entry is still refused and compiled again.
@Suite("Verification record")
struct VerificationRecordTests {
    /// A time at which every file made by the test has settled (`EntryIdentity.settleTime`).
    static var later: Double { Date().timeIntervalSince1970 + 60 }

    /// The project's glossary stored in a cache of its own: the setup, the entry's key and file.
    static func stored() throws -> (CacheIntegrityTests.Setup, key: String, entry: URL) {
        let setup = try CacheIntegrityTests.Setup()
        _ = try setup.load()
        let (key, entry) = try #require(setup.entries().first)
        return (setup, key, entry)
    }

    static func status(_ url: URL) throws -> EntryIdentity {
        var status = stat()
        try #require(stat(url.path, &status) == 0)
        return EntryIdentity(status)
    }

    /// Writes `mask` into the byte at `offset` of the entry, in place, until the file's ctime
    /// has moved on from `identity`'s (a file system with a coarse clock may need a later tick);
    /// returns the new identity.
    static func change(_ entry: URL, at offset: Int, mask: UInt8, from identity: EntryIdentity) throws -> EntryIdentity {
        for _ in 0..<300 {
            try CacheIntegrityTests.flip(entry, at: offset, mask: mask)
            let now = try status(entry)
            if now != identity { return now }
            try CacheIntegrityTests.flip(entry, at: offset, mask: mask)
            usleep(10_000)
        }
        Issue.record("the file's identity never changed")
        return identity
    }

    @Test func aSettledEntryIsCheckedOnceThenLoadedWithoutChecks() throws {
        let (setup, key, entry) = try Self.stored()
        let first = try #require(setup.cache.loadEntry(key: key, now: Self.later))
        #expect(first.wasChecked)
        let recorded = VerificationRecord.identity(at: setup.cache.verificationRecordPath(for: key), key: key)
        #expect(try recorded == Self.status(entry))

        for _ in 0..<2 {
            let loaded = try #require(setup.cache.loadEntry(key: key, now: Self.later))
            #expect(!loaded.wasChecked)
            #expect(try GlossaryChecker(compiled: loaded.compiled).check(setup.source) == setup.expected)
            #expect(loaded.compiled.glossary.concepts.map(\.id) == first.compiled.glossary.concepts.map(\.id))
            #expect(loaded.compiled.glossary.concepts.map(\.terms) == first.compiled.glossary.concepts.map(\.terms))
        }
        // Through the loader, as a run uses it.
        let (_, fromCache, findings) = try setup.load()
        #expect(fromCache && findings == setup.expected)
    }

    @Test func anEntryThatHasNotSettledIsCheckedEveryTime() throws {
        let (setup, key, _) = try Self.stored()
        let now = Date().timeIntervalSince1970
        for _ in 0..<2 {
            let loaded = try #require(setup.cache.loadEntry(key: key, now: now))
            #expect(loaded.wasChecked)
        }
        #expect(!FileManager.default.fileExists(atPath: setup.cache.verificationRecordPath(for: key)))
    }

    /// Every damaged byte written after the record (in the header, the model, the tables, the
    /// chunk checksums) is caught by the full check it brings back; the run compiles again.
    @Test func anEntryChangedAfterItsRecordIsCheckedAgainAndRefusedWhenDamaged() throws {
        let (setup, key, entry) = try Self.stored()
        let original = try Data(contentsOf: entry)
        for position in [20, 30, original.count / 5, original.count / 2, original.count * 4 / 5, original.count - 1] {
            #expect(setup.cache.loadEntry(key: key, now: Self.later) != nil)
            let recorded = try #require(VerificationRecord.identity(at: setup.cache.verificationRecordPath(for: key), key: key))
            _ = try Self.change(entry, at: position, mask: 0x20, from: recorded)
            #expect(setup.cache.loadEntry(key: key, now: Self.later) == nil, "byte \(position)")
            let (_, fromCache, findings) = try setup.load()
            #expect(!fromCache && findings == setup.expected, "byte \(position)")
            #expect(try Data(contentsOf: entry) == original, "byte \(position) rewritten")
        }
    }

    /// A file changed and changed back holds the bytes checked, but nothing says so: it is
    /// checked again, accepted, and recorded under its new identity.
    @Test func anEntryWrittenAgainWithTheSameBytesIsCheckedAgain() throws {
        let (setup, key, entry) = try Self.stored()
        #expect(setup.cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
        let recorded = try #require(VerificationRecord.identity(at: setup.cache.verificationRecordPath(for: key), key: key))
        _ = try Self.change(entry, at: 100, mask: 1, from: recorded)
        try CacheIntegrityTests.flip(entry, at: 100, mask: 1)
        #expect(setup.cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
        #expect(setup.cache.loadEntry(key: key, now: Self.later)?.wasChecked == false)

        // A copy renamed over the entry: the same bytes in another file.
        let copy = entry.deletingLastPathComponent().appendingPathComponent("copy")
        try FileManager.default.copyItem(at: entry, to: copy)
        try #require(rename(copy.path, entry.path) == 0)
        #expect(setup.cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
    }

    /// Two entries swapped by name, each with its record: each record names the other file, and
    /// each entry names the other key, so both are refused.
    @Test func swappedEntriesAreRefusedDespiteTheirRecords() throws {
        let folder = TestScratch.url("verification-swap")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cache = GlossaryCache(path: folder.appendingPathComponent("cache").path)
        let keys = ["00000000000000a1", "00000000000000b2"]
        cache.store(try CompiledGlossary(RuleExamples.glossary), key: keys[0])
        cache.store(try CompiledGlossary(RuleExamples.glossary), key: keys[1])
        for key in keys { #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == true) }
        for key in keys { #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == false) }
        let urls = keys.map { cache.url(for: $0) }
        let swap = folder.appendingPathComponent("swap")
        try FileManager.default.moveItem(at: urls[0], to: swap)
        try FileManager.default.moveItem(at: urls[1], to: urls[0])
        try FileManager.default.moveItem(at: swap, to: urls[1])
        for key in keys { #expect(cache.loadEntry(key: key, now: Self.later) == nil) }
    }

    @Test func aDamagedOrForeignRecordVouchesForNothing() throws {
        let (setup, key, entry) = try Self.stored()
        let identity = try Self.status(entry)
        let record = VerificationRecord.bytes(key: key, identity: identity)
        #expect(record.count == VerificationRecord.size)
        #expect(VerificationRecord.identity(in: record, key: key) == identity)
        #expect(VerificationRecord.identity(in: record, key: "ffffffffffffffff") == nil)
        #expect(VerificationRecord.identity(in: Array(record.dropLast()), key: key) == nil)
        #expect(VerificationRecord.identity(in: record + [0], key: key) == nil)
        for position in record.indices {
            for bit in 0..<8 {
                var damaged = record
                damaged[position] ^= 1 << bit
                #expect(VerificationRecord.identity(in: damaged, key: key) == nil, "byte \(position) bit \(bit)")
            }
        }

        // A record file that is not one: the entry is checked in full, and the record replaced.
        let path = setup.cache.verificationRecordPath(for: key)
        for junk in [[UInt8](), [UInt8](repeating: 0xFF, count: VerificationRecord.size), Array(record.prefix(50))] {
            try Data(junk).write(to: URL(fileURLWithPath: path))
            #expect(setup.cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
            #expect(VerificationRecord.identity(at: path, key: key) == identity)
        }
        // A folder where the record belongs: checked in full every time, no crash.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(setup.cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
        #expect(setup.cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
    }

    @Test func pruningRemovesTheRecordsOfEntriesThatAreGone() throws {
        let folder = TestScratch.url("verification-pruning")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cache = GlossaryCache(path: folder.path, limits: .init(maximumBytes: 1 << 30, maximumAge: 3600))
        let keys = ["00000000000000a1", "00000000000000b2"]
        for key in keys {
            cache.store(try CompiledGlossary(RuleExamples.glossary), key: key)
            #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
        }
        let names = { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }
        #expect(try names() == keys.flatMap { [$0 + ".glossary-cache", $0 + ".verified"] }.sorted())
        // The first entry unused for two hours (neither it nor its record touched): pruning
        // removes it and its record.
        CachePruningTests.backdate(cache.url(for: keys[0]).path, by: 7200)
        CachePruningTests.backdate(cache.verificationRecordPath(for: keys[0]), by: 7200)
        cache.prune(keeping: nil)
        #expect(try names() == [keys[1] + ".glossary-cache", keys[1] + ".verified"])
        // A record left without its entry goes too.
        try FileManager.default.removeItem(at: cache.url(for: keys[1]))
        cache.prune(keeping: nil)
        #expect(try names().isEmpty)
    }

    /// Pruning removes only the orphaned records it wrote: `GLOSSARY_CACHE_DIR` may name a
    /// folder that holds the user's own files, and a file that merely ends in `.verified`
    /// (a note, a link, a record-sized file of other bytes) is not the cache's to remove.
    @Test func pruningLeavesFilesThatAreNotRecordsAlone() throws {
        let folder = TestScratch.url("verification-foreign")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cache = GlossaryCache(path: folder.path, limits: .init(maximumBytes: 1 << 30, maximumAge: 3600))
        let user: [String: Data] = [
            "release.verified": Data("signed off by the reviewers\n".utf8),
            "00000000000000a1.verified": Data("a note of 96 bytes, not a record".utf8 + [UInt8](repeating: 0x20, count: 64)),
            "ABCDEF0123456789.verified": Data(VerificationRecord.kind + [UInt8](repeating: 0, count: 88)),
        ]
        for (name, bytes) in user { try bytes.write(to: folder.appendingPathComponent(name)) }
        let target = folder.appendingPathComponent("target.txt")
        try Data("the user's file".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("00000000000000b2.verified").path, withDestinationPath: target.path)
        // A real orphaned record still goes.
        let key = "00000000000000c3"
        cache.store(try CompiledGlossary(RuleExamples.glossary), key: key)
        #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
        try FileManager.default.removeItem(at: cache.url(for: key))

        cache.prune(keeping: nil)
        for (name, bytes) in user {
            #expect((try? Data(contentsOf: folder.appendingPathComponent(name))) == bytes, "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("00000000000000b2.verified").path))
        #expect(!FileManager.default.fileExists(atPath: cache.verificationRecordPath(for: key)))
    }

    /// A load through the record marks the record as used, not the entry, whose identity must
    /// stay; pruning takes the later of the two times as the entry's last use.
    @Test func aLoadThroughTheRecordMarksTheRecordAndLeavesTheEntryAlone() throws {
        let folder = TestScratch.url("verification-use")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cache = GlossaryCache(path: folder.path, limits: .init(maximumBytes: 1 << 30, maximumAge: 3600))
        let key = "00000000000000a1"
        let name = key + GlossaryCache.entrySuffix
        cache.store(try CompiledGlossary(RuleExamples.glossary), key: key)
        let entry = cache.url(for: key), record = cache.verificationRecordPath(for: key)
        CachePruningTests.backdate(entry.path, by: 7200)
        #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
        let identity = try Self.status(entry)
        #expect(VerificationRecord.identity(at: record, key: key) == identity)

        CachePruningTests.backdate(record, by: 7200)
        var judged = stat()
        try #require(stat(entry.path, &judged) == 0)
        let judgedUse = cache.lastUse(of: name, status: judged)
        #expect(Date().timeIntervalSince1970 - judgedUse > 7000)
        #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == false)
        #expect(try Self.status(entry) == identity, "the entry is not touched")
        #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == false)
        // Used since judged: a pruner that judged it before leaves it, and so does pruning now.
        #expect(!cache.remove(name, judged: judged, lastUse: judgedUse))
        cache.prune(keeping: nil)
        #expect(FileManager.default.fileExists(atPath: entry.path))
        // Claimed and put back, the file has a new ctime: checked once more, then recorded.
        #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == true)
        #expect(cache.loadEntry(key: key, now: Self.later)?.wasChecked == false)

        // Unused through either for two hours: the entry goes, with its record.
        CachePruningTests.backdate(record, by: 7200)
        cache.prune(keeping: nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
