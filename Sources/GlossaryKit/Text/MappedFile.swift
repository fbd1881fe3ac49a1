import Foundation

/// A file mapped read-only into memory, for checking a large text without holding its bytes.
///
/// The bytes are read by the kernel as they are touched; `release(_:)` gives the pages of a
/// range back (`madvise(MADV_DONTNEED)`), so a pass over the file keeps only the pages it is
/// working on resident. A released page that is read again is simply read again from the page
/// cache or the disk: the bytes never change meaning, only residence.
///
/// The file must not be truncated while it is mapped: reading a page past the new end raises
/// `SIGBUS`, as with any memory-mapped file.
public final class MappedFile: @unchecked Sendable {
    // @unchecked: the mapping is read-only and never moves; `release` only drops resident pages,
    // which the kernel reads back on the next access, so concurrent readers see the same bytes.

    /// The path the file was opened with.
    public let path: String
    /// The file's bytes (empty for an empty file).
    package let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the first byte after a UTF-8 byte order mark (0 or 3), as in `SourceText`.
    package let contentStart: Int
    private let base: UnsafeMutableRawPointer?
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// More than the kernel maps around a faulting page (`fault_around_bytes`, 64 KiB).
    private static let faultAround = 1 << 17

    /// Maps the regular file at `path`.
    ///
    /// - Throws: `InputError` when the file cannot be opened, is not a regular file (see
    ///   `InputFile`), or cannot be mapped.
    /// - Complexity: O(1): no byte is read.
    public convenience init(path: String) throws(InputError) {
        // Refuses what is not a regular file (a device, a named pipe, /proc) without blocking.
        let (descriptor, status) = try InputFile.openRegularFile(path)
        defer { close(descriptor) }
        try self.init(descriptor: descriptor, size: Int(status.st_size), path: path)
    }

    /// Maps the first `size` bytes of the open regular file `descriptor`, named `path` in
    /// findings and errors (standard input spooled to a deleted temporary file is `<stdin>`).
    /// The descriptor can be closed afterwards: the mapping keeps the file.
    ///
    /// - Throws: `InputError` when the file cannot be mapped.
    package init(descriptor: Int32, size: Int, path: String) throws(InputError) {
        self.path = path
        guard size > 0 else {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            contentStart = 0
            return
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw InputError("cannot map file (\(String(cString: strerror(errno))))", file: path)
        }
        // The pass over the text is sequential: let the kernel read ahead.
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        base = mapped
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    deinit {
        if let base { munmap(base, bytes.count) }
    }

    /// Gives back the resident pages that hold any byte of `range`.
    ///
    /// Pages are rounded outward: dropping a page that a later read still needs costs only that
    /// read, never a wrong byte.
    ///
    /// - Complexity: O(pages in `range`) in the kernel; no byte is read.
    package func release(_ range: Range<Int>) {
        guard let base, !range.isEmpty else { return }
        let start = max(0, range.lowerBound) / pageSize * pageSize
        let end = min(bytes.count, (range.upperBound + pageSize - 1) / pageSize * pageSize)
        guard start < end else { return }
        _ = madvise(base + start, end - start, MADV_DONTNEED)
    }

    /// Gives back every resident page.
    package func releaseAll() {
        release(0..<bytes.count)
    }

    /// The text of the line that contains byte `offset`, without its line ending (the line that
    /// `SourceText.lineText(_:)` gives for the same file and line).
    ///
    /// - Complexity: O(the line's length); the pages read are given back.
    package func lineText(containing offset: Int) -> String {
        let bytes = bytes
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        start = max(start, contentStart)
        var end = min(offset, bytes.count)
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if end < bytes.count { end += 1 }
        let lineEnd = end
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        // A page fault maps the pages around it too (the kernel's fault-around, 64 KiB), so the
        // pages given back reach that far on both sides.
        release(max(0, start - Self.faultAround)..<min(bytes.count, lineEnd + Self.faultAround))
        return text
    }
}

/// Gives back the pages of a mapped file behind forward passes over it.
///
/// Pages go a whole folio at a time, once a pass is past the folio: the page cache keeps a
/// file written in large writes in folios of up to 2 MiB, and a fault maps the whole folio
/// around it. Released up to the offset just passed, a folio was mapped whole again by the
/// next read just behind that offset (such as a look-behind at the start of the next chunk),
/// and the pages so mapped behind the next release (which reached 64 KiB back) were never
/// given back: with 128 KiB chunks, 86 MB of the 100 MB benchmark corpus written a mebibyte
/// at a time were resident by the end (`PageReleaserTests`).
///
/// Each call releases what was passed since the previous one, and the folio before it again
/// (for the pages that look-backs read again), so a pass costs O(its pages) in the kernel
/// rather than O(pages so far) per call. An offset below the previous one starts a new pass.
struct PageReleaser {
    let file: MappedFile
    /// Where the last release ended: a multiple of `folio`.
    private var released = 0
    /// The largest folio the page cache keeps (a PMD): the unit of release.
    private let folio = 2 << 20

    init(_ file: MappedFile) {
        self.file = file
    }

    /// Records that a pass will not read below `offset` (but for short look-backs).
    mutating func passed(_ offset: Int) {
        if offset < released { released = 0 }
        let end = offset / folio * folio
        guard end > released else { return }
        file.release(max(0, released - folio)..<end)
        released = end
    }
}

/// Counts lines forward through a text, for line numbers of offsets met in increasing order
/// without a table of every line start (which a file of short lines would make large).
struct LineCounter {
    let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    /// Called with the offset counted to every few megabytes, to give pages back behind it.
    private let passed: (Int) -> Void

    init(_ bytes: UnsafeBufferPointer<UInt8>, passed: @escaping (Int) -> Void = { _ in }) {
        self.bytes = bytes
        self.passed = passed
    }

    /// The 1-based line that contains byte `target` (as `SourceText.line(containing:)`).
    ///
    /// - Complexity: O(distance from the previous query) going forward; a query before the
    ///   previous one counts again from the start.
    mutating func line(containing target: Int) -> Int {
        if target < offset { offset = 0; line = 1 }
        let end = min(target, bytes.count)
        guard let base = bytes.baseAddress else { return line }
        var report = offset + (1 << 22)
        while offset < end {
            guard let found = memchr(base + offset, 0x0A, end - offset) else { break }
            line += 1
            offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            if offset >= report { passed(offset); report = offset + (1 << 22) }
        }
        offset = max(offset, end)
        passed(offset)
        return line
    }

    /// The 1-based column of byte `target` on its line, in Unicode scalars; the first line starts
    /// at `contentStart`.
    func column(of target: Int, contentStart: Int) -> Int {
        var start = min(target, bytes.count)
        while start > contentStart, bytes[start - 1] != 0x0A { start -= 1 }
        var column = 1
        for index in start..<min(target, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
