import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// Whether this process can see which of its pages are mapped.
private let canReadPageMap = FileManager.default.isReadableFile(atPath: "/proc/self/pagemap")

/// A forward pass over a mapped file keeps only the pages near where it is: everything a
/// folio (2 MiB) behind is given back, however the page cache holds the file. The file here
/// is written a mebibyte at a time, which a file system with large folios caches in folios
/// of a mebibyte; a fault maps the whole folio around it, which is what left pages behind
/// resident when the release reached only 64 KiB back (86 of the 100 MB benchmark corpus,
/// written so, with 128 KiB chunks).
@Suite("Page releaser", .enabled(if: canReadPageMap, "needs /proc/self/pagemap"))
struct PageReleaserTests {
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// How many pages of `bytes` are mapped into this process (bit 63 of each page's entry in
    /// /proc/self/pagemap).
    static func residentPages(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
        let first = Int(bitPattern: bytes.baseAddress!) / pageSize
        let count = (bytes.count + pageSize - 1) / pageSize
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/pagemap"))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(first * 8))
        let data = try handle.read(upToCount: count * 8) ?? Data()
        return data.withUnsafeBytes { entries in
            (0..<(entries.count / 8)).filter { entries.load(fromByteOffset: $0 * 8, as: UInt64.self) >> 63 == 1 }.count
        }
    }

    /// Writes `piece` `times` times to a new file named `name`, a piece per write, as a
    /// generator or an editor writes a large file, and maps it.
    static func mappedFile(_ name: String, piece: [UInt8], times: Int) throws -> MappedFile {
        let path = TestScratch.url(name).appendingPathExtension("txt")
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(path.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        for _ in 0..<times {
            let written = piece.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
            #expect(written == piece.count)
        }
        close(descriptor)
        return try MappedFile(path: path.path)
    }

    /// Chunks of 128 KiB, each read whole after a short look back (a match's look-behind reads
    /// the end of the chunk before), then passed: at most the folio being read and the one
    /// before it stay. The look back faults in a page already given back, which maps its whole
    /// folio again.
    @Test func aPassLeavesOnlyTheFoliosAroundItResident() throws {
        let size = 24 << 20
        let file = try Self.mappedFile("page-releaser", piece: [UInt8](repeating: 0x61, count: 1 << 20), times: size >> 20)
        var releaser = PageReleaser(file)
        var sum = 0
        for start in stride(from: 0, to: size, by: 128 << 10) {
            if start > 0 { sum &+= Int(file.bytes[start - 100]) - 0x61 }
            for index in stride(from: start, to: min(start + (128 << 10), size), by: Self.pageSize) {
                sum &+= Int(file.bytes[index])
            }
            releaser.passed(min(start + (128 << 10), size))
        }
        #expect(sum == 0x61 * (size / Self.pageSize))
        let resident = try Self.residentPages(file.bytes)
        #expect(resident * Self.pageSize <= 4 << 20, "\(resident * Self.pageSize >> 10) KiB of 24 MiB still resident")
    }
}
