import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// The cache stays within its bound: entries unused for too long go, then the least recently
/// used until the total size fits; an entry being read by someone is never harmed.
@Suite("Cache pruning")
struct CachePruningTests {
    static let compiled: CompiledGlossary = try! CompiledGlossary(RuleExamples.glossary)
    static let entrySize = CacheEntry.bytes(of: compiled, key: key(0)).count

    static func key(_ index: Int) -> String {
        let hex = String(index, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func folder() throws -> URL {
        let folder = TestScratch.url("cache-pruning")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The entries' keys, in name order, and their total size.
    static func contents(_ cache: GlossaryCache) throws -> (keys: [String], bytes: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".glossary-cache") }
        let bytes = try names.reduce(0) {
            $0 + (try FileManager.default.attributesOfItem(atPath: cache.path + "/" + $1)[.size] as! Int)
        }
        return (names.map { String($0.prefix(16)) }.sorted(), bytes)
    }

    /// Sets the modification time of the file at `path` to `secondsAgo` seconds ago.
    static func backdate(_ path: String, by secondsAgo: Double) {
        let time = Date().timeIntervalSince1970 - secondsAgo
        var times = [timespec](repeating: timespec(tv_sec: Int(time), tv_nsec: 0), count: 2)
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func theCacheStaysWithinItsSizeDroppingTheLeastRecentlyUsedFirst() throws {
        let limits = GlossaryCache.Limits(maximumBytes: Self.entrySize * 7 / 2, maximumAge: 30 * 24 * 3600)
        let cache = GlossaryCache(path: try Self.folder().path, limits: limits)
        for index in 0..<8 {
            cache.store(Self.compiled, key: Self.key(index))
            // Each entry last used a minute after the one before, all in the past.
            Self.backdate(cache.url(for: Self.key(index)).path, by: Double(3600 - 60 * index))
            let (keys, bytes) = try Self.contents(cache)
            #expect(bytes <= limits.maximumBytes, "after \(index + 1) entries")
            #expect(keys == (max(0, index - 2)...index).map(Self.key), "after \(index + 1) entries")
        }
        // Using an entry makes it the most recent: the next store drops another.
        #expect(cache.load(key: Self.key(5)) != nil)
        cache.store(Self.compiled, key: Self.key(8))
        #expect(try Self.contents(cache).keys == [5, 7, 8].map(Self.key))
    }

    @Test func entriesUnusedForTooLongAreRemoved() throws {
        let cache = GlossaryCache(path: try Self.folder().path, limits: .init(maximumBytes: 1 << 30, maximumAge: 3600))
        for index in 0..<3 { cache.store(Self.compiled, key: Self.key(index)) }
        Self.backdate(cache.url(for: Self.key(0)).path, by: 7200)
        Self.backdate(cache.url(for: Self.key(1)).path, by: 7200)
        // Entry 1 is used again before the next store; entry 0 is not.
        #expect(cache.load(key: Self.key(1)) != nil)
        cache.store(Self.compiled, key: Self.key(3))
        #expect(try Self.contents(cache).keys == [1, 2, 3].map(Self.key))
    }

    /// A loaded glossary keeps working after its entry is removed: it has the file mapped, and
    /// removing unlinks the file without touching its bytes.
    @Test func anEntryBeingReadSurvivesItsRemoval() throws {
        let cache = GlossaryCache(path: try Self.folder().path)
        cache.store(Self.compiled, key: Self.key(1))
        let loaded = try #require(cache.load(key: Self.key(1)))
        GlossaryCache(path: cache.path, limits: .init(maximumBytes: 1, maximumAge: 3600)).prune(keeping: nil)
        #expect(try Self.contents(cache).keys.isEmpty)
        let source = SourceText(path: "t.txt", string: GlossaryCacheTests.exampleTexts.map(\.0).joined(separator: "\n\n"))
        let expected = try GlossaryChecker(compiled: Self.compiled).check(source)
        #expect(!expected.isEmpty)
        #expect(try GlossaryChecker(compiled: loaded).check(source) == expected)
    }

    /// An entry judged old is not removed when, before the pruner gets to it, another process
    /// replaced it with a new one or used it.
    @Test func anEntryReplacedOrUsedSinceJudgedStays() throws {
        let cache = GlossaryCache(path: try Self.folder().path)
        let name = Self.key(1) + ".glossary-cache"
        let path = cache.url(for: Self.key(1)).path
        func status() -> stat {
            var status = stat()
            #expect(lstat(path, &status) == 0)
            return status
        }
        cache.store(Self.compiled, key: Self.key(1))
        let judged = status()
        cache.store(Self.compiled, key: Self.key(1))
        #expect(!cache.remove(name, judged: judged))
        #expect(cache.load(key: Self.key(1)) != nil)

        Self.backdate(path, by: 7200)
        let judgedAgain = status()
        #expect(cache.load(key: Self.key(1)) != nil)
        #expect(!cache.remove(name, judged: judgedAgain))
        #expect(cache.load(key: Self.key(1)) != nil)

        // Unchanged since judged, it goes, and nothing is left behind.
        #expect(cache.remove(name, judged: status()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
    }

    @Test func abandonedTemporaryFilesGoAndOtherFilesStay() throws {
        let folder = try Self.folder()
        let cache = GlossaryCache(path: folder.path)
        let names = [
            ".\(Self.key(1)).4242.tmp", ".\(Self.key(2)).4242.tmp", ".\(Self.key(3)).glossary-cache.4242.prune", "notes.txt",
        ]
        for name in names { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        for name in [names[0], names[2], names[3]] { Self.backdate(folder.appendingPathComponent(name).path, by: 7200) }
        cache.prune(keeping: nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == [names[1], names[3]].sorted())
    }

    /// Only the temporary files the cache names (after a key) go: a hidden `.tmp` or `.prune`
    /// file of the user's in a folder given as `GLOSSARY_CACHE_DIR` stays, however old.
    @Test func abandonedFilesThatTheCacheDidNotNameStay() throws {
        let folder = try Self.folder()
        let cache = GlossaryCache(path: folder.path)
        let ours = [".\(Self.key(1)).verified.4242.tmp", ".\(Self.key(2)).4242.tmp"]
        let theirs = [".draft.tmp", ".backup.prune", ".0123.tmp", ".00000000000000AB.4242.tmp"]
        for name in ours + theirs {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
            Self.backdate(folder.appendingPathComponent(name).path, by: 7200)
        }
        cache.prune(keeping: nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == theirs.sorted())
    }

    /// Two writers of one key in one process (the language server's threads) get different
    /// temporary names, and pruning knows each for the cache's.
    @Test func temporaryNamesAreUniqueAndTheCaches() {
        let names = (0..<64).map { _ in GlossaryCache.temporaryName(for: Self.key(7)) }
        let records = (0..<64).map { _ in GlossaryCache.temporaryName(for: Self.key(7), kind: ".verified") }
        #expect(Set(names + records).count == 128)
        #expect((names + records).allSatisfy(GlossaryCache.isTemporaryName))
        #expect(records.allSatisfy { $0.hasPrefix(".\(Self.key(7)).verified.") })
    }

    /// A temporary file is created new: a file or a symbolic link already of that name is left
    /// alone, never written through or truncated.
    @Test func aTemporaryFileIsNeverWrittenThroughWhatIsThere() throws {
        let folder = try Self.folder()
        let target = folder.appendingPathComponent("target.txt").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.appendingPathComponent(GlossaryCache.temporaryName(for: Self.key(8))).path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(GlossaryCache.createTemporaryFile(link) == -1)
        #expect(GlossaryCache.createTemporaryFile(target) == -1)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
        let fresh = folder.appendingPathComponent(GlossaryCache.temporaryName(for: Self.key(8))).path
        let descriptor = GlossaryCache.createTemporaryFile(fresh)
        #expect(descriptor >= 0)
        close(descriptor)
    }

    @Test func anEntryLargerThanTheBoundIsNotStored() throws {
        let cache = GlossaryCache(path: try Self.folder().path, limits: .init(maximumBytes: Self.entrySize - 1, maximumAge: 3600))
        cache.store(Self.compiled, key: Self.key(1))
        #expect(cache.load(key: Self.key(1)) == nil)
        let fits = GlossaryCache(path: cache.path, limits: .init(maximumBytes: Self.entrySize, maximumAge: 3600))
        fits.store(Self.compiled, key: Self.key(1))
        #expect(fits.load(key: Self.key(1)) != nil)
    }
}
