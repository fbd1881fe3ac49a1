import Foundation
import TestLocations
import Testing

@Suite("check: the compiled-glossary cache entry")
struct CacheEntryCommandTests {
    /// The cache entry files in `folder`, by name.
    static func entries(in folder: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        var entries: [String: Data] = [:]
        for name in names where name.hasSuffix(".glossary-cache") {
            entries[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return entries
    }

    /// Two processes hash with different seeds, so anything compiled in a set's or a
    /// dictionary's order would differ between them; the entry must not, so that an entry is
    /// reproducible and two machines (or CI runs) can compare theirs.
    @Test func twoRunsWriteTheSameEntry() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("A migrant worker travels.\n".utf8).write(to: folder.appendingPathComponent("draft.en.md"))
        let glossary = TestPackage.root.appendingPathComponent("glossary").path
        var written: [[String: Data]] = []
        for run in 0..<2 {
            let cache = folder.appendingPathComponent("cache-\(run)", isDirectory: true)
            let result = try CommandRunner.run(
                ["check", "--no-config", "--glossary", glossary, "draft.en.md"], in: folder,
                environment: ["GLOSSARY_CACHE_DIR": cache.path, "SWIFT_DETERMINISTIC_HASHING": ""])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            written.append(try Self.entries(in: cache))
        }
        #expect(written[0].count == 1, "one entry per run: \(written[0].keys.sorted())")
        #expect(written[0].keys.sorted() == written[1].keys.sorted())
        for (name, bytes) in written[0] {
            let other = try #require(written[1][name])
            let firstDifference = zip(bytes, other).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(
                bytes == other,
                "\(name): \(bytes.count) and \(other.count) bytes, first difference at \(firstDifference.map(String.init) ?? "the end")"
            )
        }
    }
}
