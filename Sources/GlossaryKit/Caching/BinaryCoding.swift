import Foundation

/// Appends values to a byte buffer in a fixed little-endian layout, for the glossary cache.
///
/// Counts and string lengths are variable-length (LEB128): almost all of them are below 128, so
/// they take one byte instead of four, and the cache file stays a fraction of the model's size.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: Int32) { write(fixed: value) }
    mutating func write(_ value: UInt32) { write(fixed: value) }
    mutating func write(_ value: UInt64) { write(fixed: value) }

    /// An integer in its full width, little-endian.
    mutating func write<Value: FixedWidthInteger>(fixed value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Zero bytes for a number known later, which `patch(_:at:)` writes; returns where.
    mutating func reserve<Value: FixedWidthInteger>(_ type: Value.Type) -> Int {
        bytes.append(contentsOf: repeatElement(0, count: MemoryLayout<Value>.size))
        return bytes.count - MemoryLayout<Value>.size
    }

    /// Four zero bytes for a number known later; returns where.
    mutating func reserveUInt32() -> Int { reserve(UInt32.self) }

    /// Overwrites the bytes at `offset` (from `reserve`) with `value`.
    mutating func patch<Value: FixedWidthInteger>(_ value: Value, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { value in
            bytes.withUnsafeMutableBytes {
                UnsafeMutableRawBufferPointer(rebasing: $0[offset..<(offset + value.count)]).copyMemory(from: value)
            }
        }
    }

    /// The number of bytes written.
    var count: Int { bytes.count }

    /// A count, index or length: a non-negative number below 2³¹, in one to five bytes.
    mutating func write(_ value: Int) {
        precondition(value >= 0 && value <= Int(Int32.max), "a cache count out of range")
        var rest = UInt32(value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// Zero bytes up to a multiple of `alignment`, so that what follows can be used in place.
    mutating func align(_ alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// A whole array of integers at once, aligned for `BinaryReader.readPinned` to use in place.
    mutating func write<Element: FixedWidthInteger>(_ values: PinnedArray<Element>) {
        write(values.count)
        align(MemoryLayout<Element>.alignment)
        #if _endian(big)
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #else
            values.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeRawBufferPointer($0)) }
        #endif
    }

    /// Appends everything `other` wrote.
    mutating func append(_ other: BinaryWriter) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Appends `count` bytes that `fill` writes in place (for data a C function serialises).
    mutating func append(count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        bytes.withUnsafeMutableBufferPointer { fill($0.baseAddress! + start) }
    }
}

/// Reads what `BinaryWriter` wrote; every read checks bounds, so a truncated or corrupt cache
/// file is an error, never a crash.
///
/// The reader owns one copy of the bytes (read straight from the file, without going through
/// `Data`) and reads them through a pointer, so a field costs a bounds check and a load.
///
/// A copy reads on from where it was made, on its own; copies (and `slice(length:)`) may be
/// used on different threads at once, as the bytes are never written (hence
/// `@unchecked Sendable`).
struct BinaryReader: @unchecked Sendable {
    struct Corrupt: Error {}

    /// The bytes: a copy, or a read-only mapping of a file; released with the last reader that
    /// uses them.
    private final class Storage {
        let pointer: UnsafePointer<UInt8>
        let count: Int
        /// The mapping the bytes live in, if they are a mapped file.
        let file: ReadOnlyMapping?

        init(copying bytes: [UInt8]) {
            // One byte at least, so that an empty buffer still has an address; aligned like a
            // mapping for the arrays used in place.
            let raw = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
            let copy = raw.bindMemory(to: UInt8.self, capacity: max(bytes.count, 1))
            bytes.withUnsafeBufferPointer { source in
                if let address = source.baseAddress { copy.update(from: address, count: source.count) }
            }
            pointer = UnsafePointer(copy)
            count = bytes.count
            file = nil
        }

        init?(mapping file: ReadOnlyMapping) {
            guard let address = file.bytes.baseAddress else { return nil }
            pointer = address
            count = file.bytes.count
            self.file = file
        }

        deinit {
            if file == nil { pointer.deallocate() }
        }
    }

    private let storage: Storage
    private let base: UnsafePointer<UInt8>
    /// The number of bytes.
    let count: Int
    private(set) var offset = 0

    private init(storage: Storage) {
        self.storage = storage
        base = storage.pointer
        count = storage.count
    }

    private init(storage: Storage, base: UnsafePointer<UInt8>, count: Int) {
        self.storage = storage
        self.base = base
        self.count = count
    }

    /// A reader of its own over the next `length` bytes (which this reader does not skip).
    ///
    /// - Throws: `Corrupt` when fewer bytes remain.
    func slice(length: Int) throws(Corrupt) -> BinaryReader {
        guard length >= 0, length <= count - offset else { throw Corrupt() }
        return BinaryReader(storage: storage, base: base + offset, count: length)
    }

    /// A reader over a copy of `bytes`.
    init(_ bytes: [UInt8]) {
        self.init(storage: Storage(copying: bytes))
    }

    /// A reader over the bytes of `file`, a mapping, or nil for an empty one.
    ///
    /// Mapping instead of reading saves copying the whole file into fresh memory: decoding
    /// touches each page once, straight from the page cache. The cache replaces entries by
    /// renaming, never by rewriting a file in place, so the mapped bytes do not change.
    init?(mapping file: ReadOnlyMapping) {
        guard let storage = Storage(mapping: file) else { return nil }
        self.init(storage: storage)
    }

    /// Lets the system drop the pages of a mapped file that have been read, so that the file
    /// and what it decodes to are not both resident at their largest (peak memory). They are
    /// read again from the page cache if needed.
    func releaseReadPages() {
        storage.file?.release(0..<(base - storage.pointer + offset))
    }

    /// Lets the system drop every page of a mapped file that lies wholly inside `buffer`, a
    /// table used in place, once it has been checked (a no-op for memory outside the mapping).
    func releasePages(of buffer: UnsafeRawBufferPointer) {
        guard let address = buffer.baseAddress else { return }
        let start = UnsafeRawPointer(address) - UnsafeRawPointer(storage.pointer)
        guard start >= 0, start + buffer.count <= storage.count else { return }
        storage.file?.release(start..<(start + buffer.count))
    }

    /// Lets the system drop every page of a mapped file that lies wholly inside `range` of
    /// this reader's bytes (a no-op for bytes in memory).
    func releasePages(_ range: Range<Int>) {
        let start = base - storage.pointer
        storage.file?.release((start + range.lowerBound)..<(start + range.upperBound))
    }

    var isAtEnd: Bool { offset == count }

    /// What keeps the bytes valid: hold it to use them in place after the reader is gone.
    var owner: AnyObject { storage }

    /// Skips the padding `BinaryWriter.align` wrote.
    mutating func align(_ alignment: Int) throws(Corrupt) {
        let padding = (alignment - offset % alignment) % alignment
        try skip(padding)
    }

    /// The unread bytes; valid while this reader (or a copy of it) exists.
    var remaining: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + offset, count: count - offset)
    }

    /// Moves to byte `offset`, which must lie within the bytes (or just past them).
    mutating func seek(to offset: Int) throws(Corrupt) {
        guard offset >= 0, offset <= count else { throw Corrupt() }
        self.offset = offset
    }

    /// The bytes at `range`, which lies within the reader's bytes; valid while this reader (or
    /// a copy of it) exists.
    func bytes(in range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a range outside the bytes")
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// Skips `length` bytes that were read through `remaining`.
    mutating func skip(_ length: Int) throws(Corrupt) {
        guard length >= 0, length <= count - offset else { throw Corrupt() }
        offset += length
    }

    mutating func readByte() throws(Corrupt) -> UInt8 {
        guard offset < count else { throw Corrupt() }
        defer { offset += 1 }
        return base[offset]
    }

    /// An integer written by `BinaryWriter.write(fixed:)`.
    mutating func readFixed<T: FixedWidthInteger>(_ type: T.Type) throws(Corrupt) -> T {
        let size = MemoryLayout<T>.size
        guard size <= count - offset else { throw Corrupt() }
        let value = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: value)
    }

    mutating func readInt32() throws(Corrupt) -> Int32 { try readFixed(Int32.self) }
    mutating func readUInt32() throws(Corrupt) -> UInt32 { try readFixed(UInt32.self) }
    mutating func readUInt64() throws(Corrupt) -> UInt64 { try readFixed(UInt64.self) }

    /// A count, index or length written by `BinaryWriter.write(_: Int)`.
    mutating func readInt() throws(Corrupt) -> Int {
        var value = 0
        var shift = 0
        while true {
            let byte = try readByte()
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
            guard shift < 35 else { throw Corrupt() }
        }
        guard value <= Int(Int32.max) else { throw Corrupt() }
        return value
    }

    /// A count that must not exceed `limit`; what a corrupt file would otherwise use to reserve
    /// absurd amounts of memory.
    mutating func readCount(atMost limit: Int) throws(Corrupt) -> Int {
        let value = try readInt()
        guard value <= limit else { throw Corrupt() }
        return value
    }

    /// An index below `bound`.
    mutating func readIndex(below bound: Int) throws(Corrupt) -> Int {
        let value = try readInt()
        guard value < bound else { throw Corrupt() }
        return value
    }

    mutating func readBool() throws(Corrupt) -> Bool { try readByte() != 0 }

    mutating func readString() throws(Corrupt) -> String {
        let length = try readInt()
        guard length <= count - offset else { throw Corrupt() }
        defer { offset += length }
        return String(decoding: UnsafeBufferPointer(start: base + offset, count: length), as: UTF8.self)
    }

    mutating func readOptionalString() throws(Corrupt) -> String? {
        try readBool() ? try readString() : nil
    }

    /// An array written by `BinaryWriter.write(_: PinnedArray)`, used in place: it keeps the
    /// reader's bytes (the mapped file) alive.
    mutating func readPinned<Element: FixedWidthInteger>(_ type: Element.Type) throws(Corrupt) -> PinnedArray<Element> {
        let length = try readInt()
        try align(MemoryLayout<Element>.alignment)
        let size = MemoryLayout<Element>.stride
        guard length <= (count - offset) / size else { throw Corrupt() }
        let start = UnsafeRawPointer(base + offset)
        offset += length * size
        #if _endian(big)
            return PinnedArray(
                (0..<length).map { Element(littleEndian: start.loadUnaligned(fromByteOffset: $0 * size, as: Element.self)) })
        #else
            return PinnedArray(borrowing: start.bindMemory(to: Element.self, capacity: length), count: length, owner: storage)
        #endif
    }
}

/// A file mapped read-only into memory, unmapped when released: a cache entry
/// (`EntryFile.map()`). (Checked texts use `MappedFile`, which also parses lines and tracks
/// what a pass has released.)
final class ReadOnlyMapping {
    /// The file's bytes (no address for an empty file).
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int

    /// What checks the pages given back, if anything does.
    private let chunks: ChunkChecksums?

    /// Maps the first `length` bytes of the open regular file `descriptor` (which the caller
    /// keeps and closes), or returns nil when it cannot be mapped; the pages given back are first
    /// checked against `chunks`, when given.
    init?(descriptor: Int32, length: Int, checking chunks: ChunkChecksums? = nil) {
        self.length = length
        self.chunks = chunks
        if length == 0 {
            mapping = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0),
            address != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        mapping = address
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        if let mapping { munmap(mapping, length) }
    }

    /// Drops the mapped pages wholly inside `range` from memory. They stay mapped: touching
    /// them reads them again, from the page cache, with the same bytes (the entry is never
    /// written in place).
    ///
    /// When the mapping checks chunks (`ChunkChecksums`), the chunks wholly inside `range` are
    /// checked first, a mebibyte at a time, each mebibyte given back once checked: the bytes
    /// were usually just read, by the check of what they hold, so checking them costs no second
    /// read; bytes no check read (a lexicon's keys) are read here, and never all at once.
    func release(_ range: Range<Int>) {
        guard mapping != nil else { return }
        let range = max(range.lowerBound, 0)..<min(range.upperBound, length)
        guard let chunks, !range.isEmpty else { return drop(range) }
        // Pieces end at multiples of a mebibyte, so a chunk wholly inside `range` is wholly
        // inside one piece.
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min((start / Self.checkedPiece + 1) * Self.checkedPiece, range.upperBound)
            chunks.check(start..<end, of: UnsafeRawBufferPointer(bytes))
            drop(start..<end)
            start = end
        }
    }

    /// How much of a released range is checked, then dropped, at a time: whole chunks.
    private static let checkedPiece = 1 << 20

    /// Drops the mapped pages wholly inside `range`.
    private func drop(_ range: Range<Int>) {
        guard let mapping else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (max(range.lowerBound, 0) + page - 1) / page * page
        let end = min(range.upperBound, length) / page * page
        guard start < end else { return }
        _ = madvise(mapping + start, end - start, Int32(MADV_DONTNEED))
    }
}
