import Foundation

/// What identifies one version of a cache entry's file: its device and inode, its size, and its
/// modification and status-change times in nanoseconds.
///
/// Any write to a file, in place or by replacing it, changes its status-change time (ctime),
/// which no program can set back; replacing it by a rename also changes the inode. So a file
/// whose identity is the one recorded when it was verified still holds the bytes verified
/// (`VerificationRecord`), provided the clock ticked between that last change and the moment
/// the identity was taken (`isSettled(at:)`).
struct EntryIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: UInt64
    var modificationSeconds: Int64
    var modificationNanoseconds: Int64
    var changeSeconds: Int64
    var changeNanoseconds: Int64

    /// The identity of the file whose status is `status`.
    init(_ status: stat) {
        device = UInt64(truncatingIfNeeded: status.st_dev)
        inode = UInt64(truncatingIfNeeded: status.st_ino)
        size = UInt64(truncatingIfNeeded: status.st_size)
        #if canImport(Darwin)
            (modificationSeconds, modificationNanoseconds) = (
                Int64(status.st_mtimespec.tv_sec), Int64(status.st_mtimespec.tv_nsec)
            )
            (changeSeconds, changeNanoseconds) = (Int64(status.st_ctimespec.tv_sec), Int64(status.st_ctimespec.tv_nsec))
        #else
            (modificationSeconds, modificationNanoseconds) = (Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec))
            (changeSeconds, changeNanoseconds) = (Int64(status.st_ctim.tv_sec), Int64(status.st_ctim.tv_nsec))
        #endif
    }

    /// The fields in a fixed order, for the record.
    var fields: [UInt64] {
        [
            device, inode, size, UInt64(bitPattern: modificationSeconds), UInt64(bitPattern: modificationNanoseconds),
            UInt64(bitPattern: changeSeconds), UInt64(bitPattern: changeNanoseconds),
        ]
    }

    /// The identity whose `fields` are `fields` (seven values).
    init?(fields: [UInt64]) {
        guard fields.count == 7 else { return nil }
        (device, inode, size) = (fields[0], fields[1], fields[2])
        modificationSeconds = Int64(bitPattern: fields[3])
        modificationNanoseconds = Int64(bitPattern: fields[4])
        changeSeconds = Int64(bitPattern: fields[5])
        changeNanoseconds = Int64(bitPattern: fields[6])
    }

    /// How long after its last change a file's identity is trusted to pin its bytes.
    ///
    /// File systems stamp times with a clock that may tick only every few milliseconds (or every
    /// second or two on some): a write in the same tick as the change before it leaves the
    /// ctime as it was. A file last changed at least this long before its identity was taken
    /// cannot be written again without its ctime moving on (the reasoning of Git's "racily
    /// clean" index entries).
    static let settleTime: Int64 = 2

    /// Whether the file had been left unchanged for `settleTime` when its identity was taken at
    /// `now` (seconds since 1970).
    func isSettled(at now: Double) -> Bool {
        Double(changeSeconds) + Double(changeNanoseconds) / 1e9 + Double(Self.settleTime) <= now
    }
}
