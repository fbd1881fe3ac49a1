import Foundation
import TestLocations
import TestScratch
import Testing

@testable import GlossaryKit

/// A cache entry is used only when it is undamaged and stored under the key asked for:
/// otherwise the glossary is compiled again, so the findings are those of a run without cache.
@Suite("Cache integrity")
struct CacheIntegrityTests {
    /// The project's own glossary, in a folder of its own, with a text that has findings.
    struct Setup {
        let folder: URL
        let glossary: URL
        let cache: GlossaryCache
        let source: SourceText
        let expected: [Finding]

        init() throws {
            folder = TestScratch.url("cache-integrity")
            glossary = folder.appendingPathComponent("glossary")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestPackage.root.appendingPathComponent("glossary"), to: glossary)
            cache = GlossaryCache(path: folder.appendingPathComponent("cache").path)
            let text = try String(contentsOf: TestPackage.root.appendingPathComponent("Examples/abstract.md"), encoding: .utf8)
            source = SourceText(path: "abstract.md", string: text)
            let (fresh, _) = try GlossaryLoader.loadCompiled(paths: [glossary.path], cache: nil)
            expected = try GlossaryChecker(compiled: fresh).check(source)
        }

        /// Loads through the cache: the glossary, whether it came from the cache, its findings.
        func load() throws -> (CompiledGlossary, fromCache: Bool, findings: [Finding]) {
            let (compiled, fromCache) = try GlossaryLoader.loadCompiled(paths: [glossary.path], cache: cache)
            return (compiled, fromCache, try GlossaryChecker(compiled: compiled).check(source))
        }

        /// The cache's entries: their keys and files.
        func entries() throws -> [(key: String, url: URL)] {
            try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".glossary-cache") }.sorted()
                .map { (String($0.prefix(16)), URL(fileURLWithPath: cache.path).appendingPathComponent($0)) }
        }
    }

    /// XORs `mask` into the byte at `offset` of the file at `url`, in place.
    static func flip(_ url: URL, at offset: Int, mask: UInt8) throws {
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let byte = try handle.read(upToCount: 1)![0]
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: [byte ^ mask])
    }

    /// Every single-bit flip at every sampled position of a real entry (the header whole, then
    /// positions spread over the glossary model and the tables) makes the entry unreadable; the
    /// run then compiles the glossary, finds what a run without cache finds and rewrites the
    /// entry.
    @Test func everySingleBitFlipInARealEntryIsRefused() throws {
        let setup = try Setup()
        #expect(!setup.expected.isEmpty)
        let (_, firstFromCache, _) = try setup.load()
        let (_, fromCache, findings) = try setup.load()
        #expect(!firstFromCache && fromCache && findings == setup.expected)
        let (key, entry) = try #require(setup.entries().first)
        let original = try Data(contentsOf: entry)
        #expect(original.count > 10_000)

        let positions =
            Array(0..<48) + Array(stride(from: 48, to: original.count, by: original.count / 300)) + [original.count - 1]
        var accepted: [String] = []
        for position in positions {
            for bit in 0..<8 {
                try Self.flip(entry, at: position, mask: 1 << bit)
                if setup.cache.load(key: key) != nil { accepted.append("byte \(position) bit \(bit)") }
                try Self.flip(entry, at: position, mask: 1 << bit)
            }
        }
        #expect(accepted.isEmpty, "accepted \(accepted.count) of \(positions.count * 8) flips: \(accepted.prefix(20))")

        // Through the loader: in the header, the model and the tables.
        for position in [30, original.count / 4, original.count * 3 / 4, original.count - 1] {
            try Self.flip(entry, at: position, mask: 0x10)
            let (_, fromCache, findings) = try setup.load()
            #expect(!fromCache, "byte \(position)")
            #expect(findings == setup.expected, "byte \(position)")
            #expect(try Data(contentsOf: entry) == original, "byte \(position) rewritten")
        }
    }

    /// Two glossaries' entries swapped by name: each is refused for the other's key, and the
    /// loader compiles the right glossary instead of using the other's terms.
    @Test func anEntryStoredUnderAnotherNameIsRefused() throws {
        let folder = TestScratch.url("cache-swap")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let first = folder.appendingPathComponent("first.yml"), second = folder.appendingPathComponent("second.yml")
        try "concepts:\n  - id: a\n    terms:\n      en: [alpha]\n".write(to: first, atomically: true, encoding: .utf8)
        try "concepts:\n  - id: b\n    terms:\n      en: [beta]\n".write(to: second, atomically: true, encoding: .utf8)
        let cache = GlossaryCache(path: folder.appendingPathComponent("cache").path)
        let firstFresh = try GlossaryLoader.loadCompiled(paths: [first.path], cache: cache).0
        let secondFresh = try GlossaryLoader.loadCompiled(paths: [second.path], cache: cache).0
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".glossary-cache") }
        try #require(names.count == 2)
        let urls = names.map { URL(fileURLWithPath: cache.path).appendingPathComponent($0) }
        let swap = folder.appendingPathComponent("swap")
        try FileManager.default.moveItem(at: urls[0], to: swap)
        try FileManager.default.moveItem(at: urls[1], to: urls[0])
        try FileManager.default.moveItem(at: swap, to: urls[1])
        for name in names { #expect(cache.load(key: String(name.prefix(16))) == nil, "\(name)") }

        for (path, fresh) in [(first, firstFresh), (second, secondFresh)] {
            let (compiled, fromCache) = try GlossaryLoader.loadCompiled(paths: [path.path], cache: cache)
            #expect(!fromCache)
            #expect(compiled.glossary.concepts.map(\.id) == fresh.glossary.concepts.map(\.id))
        }
        // Rewritten, each entry is its own glossary's again.
        let (again, fromCache) = try GlossaryLoader.loadCompiled(paths: [first.path], cache: cache)
        #expect(fromCache && again.glossary.concepts.map(\.id) == ["a"])
    }
}
