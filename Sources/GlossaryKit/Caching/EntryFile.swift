import Foundation

/// A cache entry's file, open for reading: read in pieces into a small buffer (the header, the
/// checksum), then mapped (the tables used in place).
///
/// The file is read with `pread`, which leaves its pages in the page cache, not in the
/// process's memory: a check of every byte then costs the process one buffer, not the entry.
/// Readahead is off for it (`POSIX_FADV_RANDOM`): an entry that is not in the page cache is
/// read exactly in the pieces asked for, into small page-cache folios, and a later touch of
/// the mapping then brings in a few kilobytes, not the megabytes of a large folio.
final class EntryFile {
    private let descriptor: Int32
    /// The file's size in bytes.
    let length: Int

    /// The size of the buffer a check reads the file into, a whole number of checksum blocks.
    static let bufferSize = 256 << 10

    /// Opens the regular file at `path`, or returns nil when it cannot be opened.
    init?(path: String) {
        // O_NONBLOCK: a named pipe put where an entry belongs must not make the run wait.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        length = Int(status.st_size)
        #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_RANDOM)
        #endif
    }

    deinit {
        close(descriptor)
    }

    /// Fills `buffer` with the file's bytes from `offset`; false when the file ends first or
    /// cannot be read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// The `Checksum` of the file's bytes from `start` to its end, or nil when they cannot be
    /// read.
    ///
    /// - Complexity: O(*n*) in the bytes, in time; one buffer of `bufferSize` bytes in memory.
    func checksum(from start: Int) -> UInt64? {
        precondition(start >= 0 && start <= length, "a start within the file")
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        var checksum = Checksum()
        var offset = start
        while true {
            let count = min(Self.bufferSize, length - offset)
            let part = UnsafeMutableRawBufferPointer(rebasing: buffer[..<count])
            guard read(into: part, at: offset) else { return nil }
            offset += count
            guard offset < length else {
                let blocks = count / Checksum.blockSize * Checksum.blockSize
                checksum.add(blocks: UnsafeRawBufferPointer(rebasing: part[..<blocks]))
                return checksum.finish(tail: UnsafeRawBufferPointer(rebasing: part[blocks...]))
            }
            checksum.add(blocks: UnsafeRawBufferPointer(part))
        }
    }

    /// The file mapped read-only, or nil when it cannot be mapped.
    func map() -> ReadOnlyMapping? {
        ReadOnlyMapping(descriptor: descriptor, length: length)
    }
}
