/// The checksums of a cache entry's chunks (`CacheEntry`), and which of them have been checked.
///
/// Loading an entry checks its tables in place, and gives their pages back once checked; a
/// chunk's checksum is checked at that moment, from the bytes the check has just read
/// (`ReadOnlyMapping.release(_:)`), so that checking the checksums costs the hashing and not
/// another pass over the file: reading 74 MB again, or mapping it, costs as much as hashing it.
/// Chunks that loading does not read (most of a lexicon's keys) are checked when it gives the
/// whole entry back at the end.
///
/// A chunk is checked once; a mismatch is kept (`areIntact`), and the load refuses the entry
/// at its end: the checks of the tables themselves never crash on damaged bytes, so they may
/// run before the checksums are known.
final class ChunkChecksums {
    /// The checksums as stored, eight little-endian bytes each.
    private let stored: [UInt8]
    /// The length of the compiled glossary the chunks cut up.
    private let length: Int
    private var checked: [Bool]
    private var uncheckedCount: Int
    /// Whether no chunk checked so far has differed from its checksum.
    private(set) var areIntact = true

    /// The checksums stored in `bytes` (eight each), of the chunks of a compiled glossary of
    /// `length` bytes.
    init(_ bytes: UnsafeRawBufferPointer, length: Int) {
        precondition(bytes.count == 8 * CacheEntry.chunkTable(length: length).count, "one checksum per chunk")
        stored = Array(bytes)
        self.length = length
        uncheckedCount = bytes.count / 8
        checked = Array(repeating: false, count: uncheckedCount)
    }

    /// Whether every chunk has been checked.
    var areAllChecked: Bool { uncheckedCount == 0 }

    /// Calls `body` with the checksums as stored.
    func withRawChecksums<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        stored.withUnsafeBytes(body)
    }

    /// Checks each chunk not checked yet that lies wholly within `range` of the entry's file
    /// offsets, whose bytes `entry` holds from offset 0.
    ///
    /// - Complexity: O(*n*) in the bytes of the chunks checked.
    func check(_ range: Range<Int>, of entry: UnsafeRawBufferPointer) {
        let size = CacheEntry.chunkSize
        let end = CacheEntry.headerSize + length
        let first = range.lowerBound <= CacheEntry.headerSize ? 0 : (range.lowerBound + size - 1) / size
        let last = range.upperBound >= end ? checked.count - 1 : range.upperBound / size - 1
        guard first <= last else { return }
        for index in first...last where !checked[index] {
            let chunk = CacheEntry.chunkRange(index, length: length)
            let recorded = stored.withUnsafeBytes {
                UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
            }
            if Checksum.of(UnsafeRawBufferPointer(rebasing: entry[chunk])) != recorded { areIntact = false }
            checked[index] = true
            uncheckedCount -= 1
        }
    }

    /// Checks every chunk not checked yet, from `entry`, the entry's bytes from offset 0.
    func checkAll(of entry: UnsafeRawBufferPointer) {
        check(0..<(CacheEntry.headerSize + length), of: entry)
    }
}
