import Foundation

/// A cache entry's file, open for reading: its header and chunk checksums read with `pread`,
/// then the file mapped (the tables checked and used in place).
///
/// A full load asks for the whole file ahead (`adviseWholeRead()`, `POSIX_FADV_WILLNEED`): it
/// reads all of it, and an entry that is not in the page cache is then read into small
/// page-cache folios, where the readahead of faults would make large ones; a later touch of the
/// mapping then brings in a few kilobytes, not the megabytes of a large folio. For an entry
/// already in the page cache this costs about 0.1 ms. A load of an entry verified before
/// (`CacheEntry.read(verified:key:)`) reads only the pages it touches, and does not ask.
final class EntryFile {
    private let descriptor: Int32
    /// The file's size in bytes.
    let length: Int
    /// The file's identity when it was opened (`EntryIdentity`).
    let identity: EntryIdentity

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
        identity = EntryIdentity(status)
    }

    /// Asks for the whole file ahead, before a load that reads all of it.
    func adviseWholeRead() {
        #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
        #endif
    }

    deinit {
        close(descriptor)
    }

    /// Fills `buffer` with the file's bytes from `offset`; false when the file ends first or
    /// cannot be read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        Self.read(descriptor, into: buffer, at: offset)
    }

    /// Fills `buffer` with the bytes of the file open as `descriptor` from `offset`, reading
    /// again after a short read or an interruption; false when the file ends first or cannot
    /// be read.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// The file mapped read-only, or nil when it cannot be mapped; the pages it gives back are
    /// first checked against `chunks`, when given.
    func map(checking chunks: ChunkChecksums? = nil) -> ReadOnlyMapping? {
        ReadOnlyMapping(descriptor: descriptor, length: length, checking: chunks)
    }
}
