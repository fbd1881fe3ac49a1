import Foundation
import TestRandom
import Testing

@_spi(Fuzzing) @testable import GlossaryKit

/// The entry file's header (format, key, length, checksum), the checksum itself and what the
/// key covers.
@Suite("Cache entry")
struct CacheEntryTests {
    static let key = "0123456789abcdef"

    static func entry() throws -> [UInt8] {
        CacheEntry.bytes(of: try CompiledGlossary(RuleExamples.glossary), key: key)
    }

    static func read(_ bytes: [UInt8], key: String = key) throws -> CompiledGlossary {
        var reader = BinaryReader(bytes)
        return try CacheEntry.read(&reader, key: key)
    }

    /// `bytes` with its header checksum made right again (over the chunk checksums where its
    /// recorded length puts them), so that only the other checks can refuse it.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= CacheEntry.headerSize else { return bytes }
        var bytes = bytes
        let length = bytes[40..<48].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length <= bytes.count else { return bytes }
        let table = CacheEntry.chunkTable(length: length)
        guard table.offset <= bytes.count else { return bytes }
        var checksum = Checksum()
        let sealed = bytes.withUnsafeBytes { raw in
            checksum.add(blocks: UnsafeRawBufferPointer(rebasing: raw[16..<48]))
            let chunks = raw[table.offset...]
            let blocks = table.offset + chunks.count / Checksum.blockSize * Checksum.blockSize
            checksum.add(blocks: UnsafeRawBufferPointer(rebasing: raw[table.offset..<blocks]))
            return checksum.finish(tail: UnsafeRawBufferPointer(rebasing: raw[blocks...]))
        }
        withUnsafeBytes(of: sealed.littleEndian) { bytes.replaceSubrange(8..<16, with: $0) }
        return bytes
    }

    @Test func anEntryReadsBackUnderItsKeyOnly() throws {
        let bytes = try Self.entry()
        #expect(Array(bytes[0..<8]) == Array("GLOSSARY".utf8))
        #expect(try Self.read(bytes).glossary.concepts == RuleExamples.glossary.concepts)
        #expect(throws: BinaryReader.Corrupt.self) { try Self.read(bytes, key: "0123456789abcdee") }
    }

    /// The fuzz target's seeds are entries' contents: wrapped again, they are the entry.
    @Test func anEntryIsItsContentWrapped() throws {
        let compiled = try CompiledGlossary(RuleExamples.glossary)
        let content = FuzzingEntryPoints.cacheEntryContent(of: compiled)
        #expect(CacheEntry.bytes(wrapping: content, key: Self.key) == CacheEntry.bytes(of: compiled, key: Self.key))
    }

    /// Each field of the header is checked on its own, not only through the checksum.
    @Test func anotherFormatKeyOrLengthIsRefusedEvenWithARightChecksum() throws {
        let bytes = try Self.entry()
        #expect(Self.resealed(bytes) == bytes)
        for (offset, what) in [(16, "format"), (20, "reserved bytes"), (24, "key"), (39, "key"), (40, "length")] {
            var changed = bytes
            changed[offset] ^= 1
            #expect(throws: BinaryReader.Corrupt.self, "\(what)") { try Self.read(Self.resealed(changed)) }
        }
        var kind = bytes
        kind[0] = UInt8(ascii: "g")
        #expect(throws: BinaryReader.Corrupt.self) { try Self.read(Self.resealed(kind)) }
        #expect(throws: BinaryReader.Corrupt.self) { try Self.read(Self.resealed(bytes + [0])) }
        #expect(throws: BinaryReader.Corrupt.self) { try Self.read(Self.resealed(Array(bytes.dropLast()))) }
        #expect(throws: BinaryReader.Corrupt.self) { try Self.read(Array(bytes[..<47])) }
        #expect(throws: BinaryReader.Corrupt.self) { try Self.read([]) }
    }

    /// Every single-bit flip and every changed byte changes the checksum, at every length
    /// around the four-lane block and the tail.
    @Test func checksumNoticesEveryChangeWithinAWord() {
        var generator = SeededGenerator(seed: 7)
        for length in Array(0...80) + [1_000, 4_099] {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let original = bytes.withUnsafeBytes { Checksum.of($0) }
            for index in bytes.indices {
                for change: UInt8 in [1, 2, 4, 8, 16, 32, 64, 128, 0xFF, 0x5A] {
                    bytes[index] ^= change
                    #expect(bytes.withUnsafeBytes { Checksum.of($0) } != original, "length \(length), byte \(index)")
                    bytes[index] ^= change
                }
            }
            // A zero appended changes it too: the length counts.
            #expect((bytes + [0]).withUnsafeBytes { Checksum.of($0) } != original)
        }
    }

    @Test func checksumNoticesWordsTradingPlaces() {
        var generator = SeededGenerator(seed: 11)
        let words = (0..<64).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        let original = words.withUnsafeBytes { Checksum.of($0) }
        for first in 0..<words.count {
            for second in (first + 1)..<words.count {
                var swapped = words
                swapped.swapAt(first, second)
                #expect(swapped.withUnsafeBytes { Checksum.of($0) } != original, "words \(first), \(second)")
            }
        }
    }

    /// The key changes with the tool's version, the ICU version and the language data, and the
    /// default key is made of the running ones.
    @Test func keyCoversToolICUAndLanguageData() {
        let bytes = Array("concepts: []\n".utf8)
        func key(_ hasher: GlossaryCache.KeyHasher) -> String {
            var hasher = hasher
            bytes.withUnsafeBufferPointer { hasher.add(path: "/g.yml", bytes: $0) }
            return hasher.key
        }
        let running = GlossaryCache.KeyHasher(
            tool: GlossaryCache.toolVersion, icu: ICU.version, languageData: GlossaryCache.languageDataHash)
        #expect(key(GlossaryCache.KeyHasher()) == key(running))
        #expect(key(running) == GlossaryCache.key(files: [("/g.yml", bytes)]))
        let others = [
            GlossaryCache.KeyHasher(tool: "glossary-9.9.9"),
            GlossaryCache.KeyHasher(icu: ICU.version + ".1"),
            GlossaryCache.KeyHasher(languageData: GlossaryCache.languageDataHash ^ 1),
        ]
        for other in others { #expect(key(other) != key(running)) }
        #expect(!ICU.version.isEmpty)
        #expect(GlossaryCache.toolVersion.hasSuffix(GlossaryKitInfo.version))
    }

    /// The language data's hash covers the text of every built-in language data file.
    @Test func languageDataHashCoversEveryBuiltInFile() throws {
        let files = LanguageData.embeddedFiles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        // Every language with an analyzer reads one of them.
        #expect(Set(AnalyzerRegistry.standard.languages.map(\.language)).isSubset(of: files.map(\.0)))
        let hash = GlossaryCache.hash(languageData: files)
        #expect(hash == GlossaryCache.languageDataHash)
        for index in files.indices {
            var edited = files
            edited[index].1 += "\n# a comment\n"
            #expect(GlossaryCache.hash(languageData: edited) != hash, "\(files[index].0)")
            var renamed = files
            renamed[index].0 += "x"
            #expect(GlossaryCache.hash(languageData: renamed) != hash)
        }
        #expect(GlossaryCache.hash(languageData: Array(files.dropLast())) != hash)
        // Text moved from one file to the next is another set of files.
        var moved = files
        moved[0].1 += "x"
        moved[1].1 = "x" + moved[1].1
        #expect(GlossaryCache.hash(languageData: moved) != hash)
    }
}
