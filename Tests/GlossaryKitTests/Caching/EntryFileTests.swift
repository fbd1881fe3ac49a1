import Foundation
import TestRandom
import TestScratch
import Testing

@testable import GlossaryKit

/// Reading files in pieces into a buffer (a cache entry's checksum, a glossary's key) gives
/// what reading them whole gives, at every length around the pieces' size.
@Suite("Entry file")
struct EntryFileTests {
    /// Lengths around the blocks of the checksum and the words of the key, and around one and
    /// two buffers.
    static let lengths: [Int] = {
        let buffer = EntryFile.bufferSize
        return Array(0...40) + [1_000, buffer - 9, buffer - 1, buffer, buffer + 1, buffer + 31, 2 * buffer + 100]
    }()

    static func bytes(_ length: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        return (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static func file(_ bytes: [UInt8]) throws -> String {
        let url = TestScratch.url("entry-file")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func checksumInPiecesIsTheChecksumOfTheWhole() {
        for length in Self.lengths.prefix(41) + [1_000] {
            let bytes = Self.bytes(length, seed: UInt64(length))
            let whole = bytes.withUnsafeBytes { Checksum.of($0) }
            for split in stride(from: 0, through: length, by: Checksum.blockSize) {
                var checksum = Checksum()
                let tailStart = length / Checksum.blockSize * Checksum.blockSize
                bytes.withUnsafeBytes { raw in
                    checksum.add(blocks: UnsafeRawBufferPointer(rebasing: raw[..<split]))
                    checksum.add(blocks: UnsafeRawBufferPointer(rebasing: raw[split..<tailStart]))
                }
                let pieces = bytes.withUnsafeBytes { checksum.finish(tail: UnsafeRawBufferPointer(rebasing: $0[tailStart...])) }
                #expect(pieces == whole, "length \(length), split at \(split)")
            }
        }
    }

    @Test func aFileChecksumIsTheChecksumOfItsBytes() throws {
        for length in Self.lengths where length > 0 {
            let bytes = Self.bytes(length, seed: UInt64(length) &+ 100)
            let file = try #require(EntryFile(path: try Self.file(bytes)))
            #expect(file.length == length)
            for start in [0, 16, length / 2, length] where start <= length {
                let expected = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
                #expect(file.checksum(from: start) == expected, "length \(length) from \(start)")
            }
        }
    }

    /// An empty file, a folder or a missing file is no entry.
    @Test func onlyANonEmptyRegularFileOpens() throws {
        #expect(EntryFile(path: try Self.file([])) == nil)
        #expect(EntryFile(path: TestScratch.root.path) == nil)
        #expect(EntryFile(path: TestScratch.url("missing").path) == nil)
    }

    /// A file that is shorter than it was when opened (truncated while it is read) has no
    /// checksum, rather than the checksum of fewer bytes.
    @Test func aTruncatedFileHasNoChecksum() throws {
        let path = try Self.file(Self.bytes(EntryFile.bufferSize + 100, seed: 3))
        let file = try #require(EntryFile(path: path))
        #expect(truncate(path, off_t(EntryFile.bufferSize)) == 0)
        #expect(file.checksum(from: 0) == nil)
        #expect(file.checksum(from: EntryFile.bufferSize + 50) == nil)
    }

    @Test func aKeyReadFromAFileIsTheKeyOfItsBytes() throws {
        let bufferSize = GlossaryCache.KeyHasher.bufferSize
        for length in Self.lengths + [bufferSize - 8, bufferSize + 7, bufferSize + 8] {
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
