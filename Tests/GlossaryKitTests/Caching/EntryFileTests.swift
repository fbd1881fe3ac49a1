import Foundation
import TestRandom
import TestScratch
import Testing

@testable import GlossaryKit

/// Reading an entry from its file checks every chunk's checksum, whichever pass reads the chunk
/// first; and reading files in pieces into a buffer (a glossary's key) gives what reading them
/// whole gives.
@Suite("Entry file")
struct EntryFileTests {
    static let key = "0123456789abcdef"
    static let chunk = CacheEntry.chunkSize

    static func bytes(_ length: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        return (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static func file(_ bytes: [UInt8]) throws -> String {
        let url = TestScratch.url("entry-file")
        try Data(bytes).write(to: url)
        return url.path
    }

    /// An entry of several chunks: a random glossary of 3,000 concepts.
    static func largeEntry() throws -> [UInt8] {
        CacheEntry.bytes(of: try CompiledGlossary(StoredConceptsTests.randomGlossary(seed: 9, concepts: 3_000)), key: key)
    }

    @Test func checksumInPiecesIsTheChecksumOfTheWhole() {
        for length in Array(0...40) + [1_000] {
            let bytes = Self.bytes(length, seed: UInt64(length))
            let whole = bytes.withUnsafeBytes { Checksum.of($0) }
            for split in stride(from: 0, through: length, by: Checksum.blockSize) {
                var checksum = Checksum()
                let tailStart = length / Checksum.blockSize * Checksum.blockSize
                guard split <= tailStart else { continue }
                bytes.withUnsafeBytes { raw in
                    checksum.add(blocks: UnsafeRawBufferPointer(rebasing: raw[..<split]))
                    checksum.add(blocks: UnsafeRawBufferPointer(rebasing: raw[split..<tailStart]))
                }
                let pieces = bytes.withUnsafeBytes { checksum.finish(tail: UnsafeRawBufferPointer(rebasing: $0[tailStart...])) }
                #expect(pieces == whole, "length \(length), split at \(split)")
            }
        }
    }

    /// Chunks are the compiled glossary's bytes between multiples of the chunk size, the first
    /// from the header's end, the last to the glossary's end.
    @Test func chunksCutTheGlossaryAtWholePages() {
        let header = CacheEntry.headerSize
        for length in [0, 1, Self.chunk - header - 1, Self.chunk - header, Self.chunk - header + 1, 3 * Self.chunk] {
            let table = CacheEntry.chunkTable(length: length)
            let ranges = (0..<table.count).map { CacheEntry.chunkRange($0, length: length) }
            #expect(ranges.first?.lowerBound == header)
            #expect(ranges.last?.upperBound == header + length)
            #expect(
                zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && $1.lowerBound % Self.chunk == 0 })
            #expect(table.offset % 8 == 0 && table.offset >= header + length && table.offset < header + length + 8)
        }
    }

    /// A chunk is checked by the first release that covers it whole, and only then.
    @Test func aChunkIsCheckedWhenARangeCoversItWhole() throws {
        let length = 3 * Self.chunk
        let entry = Self.bytes(CacheEntry.headerSize + length, seed: 5)
        let sums = entry.withUnsafeBytes { raw in
            (0..<4).flatMap { index -> [UInt8] in
                let checksum = Checksum.of(UnsafeRawBufferPointer(rebasing: raw[CacheEntry.chunkRange(index, length: length)]))
                return withUnsafeBytes(of: checksum.littleEndian) { Array($0) }
            }
        }
        var damaged = entry
        damaged[2 * Self.chunk + 10] ^= 1
        for (bytes, intact) in [(entry, true), (damaged, false)] {
            let chunks = sums.withUnsafeBytes { ChunkChecksums($0, length: length) }
            bytes.withUnsafeBytes { raw in
                chunks.check(100..<(2 * Self.chunk), of: raw)  // chunk 1 only
                #expect(chunks.areIntact && !chunks.areAllChecked)
                chunks.check((2 * Self.chunk)..<(3 * Self.chunk - 1), of: raw)  // chunk 2 not whole
                #expect(chunks.areIntact)
                chunks.check(0..<(3 * Self.chunk), of: raw)  // chunks 0 and 2
                #expect(chunks.areIntact == intact && !chunks.areAllChecked)
                chunks.checkAll(of: raw)
                #expect(chunks.areIntact == intact && chunks.areAllChecked)
            }
        }
    }

    /// An entry of many chunks reads back from its file; a flipped bit in any chunk, in the
    /// chunk checksums or in the header makes it unreadable, from the file as from memory.
    @Test func aDamagedChunkAnywhereIsRefused() throws {
        let entry = try Self.largeEntry()
        let length = entry[40..<48].reversed().reduce(0) { $0 << 8 | Int($1) }
        let table = CacheEntry.chunkTable(length: length)
        #expect(table.count >= 3, "a glossary of \(length) bytes")
        let path = try Self.file(entry)
        let intact = try CacheEntry.read(try #require(EntryFile(path: path)), key: Self.key)
        #expect(intact.glossary.concepts.count > 0)
        var positions = Array(0..<48) + Array(table.offset..<entry.count)
        for index in 0..<table.count {
            let range = CacheEntry.chunkRange(index, length: length)
            positions += [range.lowerBound, range.lowerBound + range.count / 2, range.upperBound - 1]
        }
        for position in positions {
            var damaged = entry
            damaged[position] ^= 0x10
            let path = try Self.file(damaged)
            #expect(throws: BinaryReader.Corrupt.self, "byte \(position)") {
                try CacheEntry.read(try #require(EntryFile(path: path)), key: Self.key)
            }
            var reader = BinaryReader(damaged)
            #expect(throws: BinaryReader.Corrupt.self, "byte \(position)") { try CacheEntry.read(&reader, key: Self.key) }
        }
    }

    /// An empty file, a folder or a missing file is no entry.
    @Test func onlyANonEmptyRegularFileOpens() throws {
        #expect(EntryFile(path: try Self.file([])) == nil)
        #expect(EntryFile(path: TestScratch.root.path) == nil)
        #expect(EntryFile(path: TestScratch.url("missing").path) == nil)
    }

    @Test func aKeyReadFromAFileIsTheKeyOfItsBytes() throws {
        let buffer = GlossaryCache.KeyHasher.bufferSize
        for length in Array(0...40) + [
            1_000, buffer - 9, buffer - 8, buffer - 1, buffer, buffer + 1, buffer + 7, buffer + 8, 2 * buffer + 100,
        ] {
            let bytes = Self.bytes(length, seed: UInt64(length) &+ 200)
            var whole = GlossaryCache.KeyHasher()
            bytes.withUnsafeBufferPointer { whole.add(path: "/g.tsv", bytes: $0) }
            var read = GlossaryCache.KeyHasher()
            let added = read.add(path: "/g.tsv", readingFileAt: try Self.file(bytes))
            #expect(added)
            #expect(read.key == whole.key, "length \(length)")
        }
    }

    /// What cannot be read as a regular file adds nothing, so that the caller can read it the
    /// way that reports why.
    @Test func aKeyOfAnUnreadableFileAddsNothing() throws {
        let before = GlossaryCache.KeyHasher()
        for path in [TestScratch.root.path, TestScratch.url("missing").path] {
            var hasher = before
            let added = hasher.add(path: "/g.tsv", readingFileAt: path)
            #expect(!added)
            #expect(hasher.key == before.key)
        }
    }
}
