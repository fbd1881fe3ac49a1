import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file held open for reading while it is being replaced, watched for other programs that
/// write to it, through a Linux read lease where the system grants one.
///
/// A read lease (`fcntl(F_SETLEASE, F_RDLCK)`) is granted only while no other open file has the
/// file open for writing, and as long as it is held, any program that opens the file for
/// writing, or truncates it by name, waits (up to `/proc/sys/fs/lease-break-time`, 45 s by
/// default) until the holder lets it go; the holder sees that someone waits. So while the lease
/// is held, the file's content cannot change unseen, and once it is let go, taking it again
/// succeeds only when every writer has closed the file. Readers are not held up; a program that
/// opens the file for writing with `O_NONBLOCK` is refused (`EWOULDBLOCK`) instead of waiting.
///
/// Linux grants a lease to the file's owner (or a process with `CAP_LEASE`) on a file system
/// that supports leases. Where it does not (another user's file, a network file system, other
/// systems), the file is watched by its size and times instead: that sees what is written, but
/// not who still holds the file open to write more.
struct WatchedFile {
    /// The open file, read-only.
    let descriptor: Int32
    /// Whether this run holds a read lease on the file.
    private(set) var isLeased = false

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// What comes of asking for a lease.
    enum LeaseOutcome: Equatable {
        case granted
        /// Another program kept the file open for writing all the time it was waited for.
        case busy
        /// The system or the file system grants no lease on this file.
        case unavailable
    }

    /// Takes a read lease, waiting up to `patience` while another program has the file open
    /// for writing.
    mutating func lease(waitingUpTo patience: Duration) -> LeaseOutcome {
        #if os(Linux)
            let clock = ContinuousClock()
            let start = clock.now
            while true {
                // A lease's holder is told that someone waits by a signal, SIGIO unless another is
                // set, and SIGIO ends a process that does not handle it. So the signal is set to
                // SIGURG, which is ignored unless handled, and then no signal is sent at all
                // (F_SETOWN 0). Letting a lease go resets both, so this is done each time.
                _ = fcntl(descriptor, Self.setSignal, SIGURG)
                if fcntl(descriptor, Self.setLease, Int32(F_RDLCK)) == 0 {
                    _ = fcntl(descriptor, F_SETOWN, 0)
                    isLeased = true
                    return .granted
                }
                guard errno == EAGAIN else { return .unavailable }
                if clock.now - start >= patience { return .busy }
                usleep(1000)
            }
        #else
            return .unavailable
        #endif
    }

    /// Whether another program is opening the file for writing and waits for the lease to be
    /// let go (the lease is then being broken, or was, after the lease-break time).
    var othersAreWaiting: Bool {
        #if os(Linux)
            return isLeased && fcntl(descriptor, Self.getLease) != Int32(F_RDLCK)
        #else
            return false
        #endif
    }

    /// Lets the lease go: programs waiting to open the file go ahead.
    mutating func letGo() {
        #if os(Linux)
            if isLeased { _ = fcntl(descriptor, Self.setLease, Int32(F_UNLCK)) }
        #endif
        isLeased = false
    }

    /// What the file holds once nobody has written to it for `quiet`, compared with `prefix`.
    enum Settled: Equatable {
        /// The file holds `prefix` followed by these bytes (written by other programs).
        case grown([UInt8])
        /// The file no longer starts with `prefix`; this is all it holds.
        case changed([UInt8])
        /// Another program kept writing to it, or kept it open for writing, longer than it
        /// was waited for; the lease, if any, is let go.
        case busy
    }

    /// Waits until nobody has written to the file for `quiet`, then reads it.
    ///
    /// With a lease, the file is quiet while nobody waits for the lease; when somebody does,
    /// the lease is let go, and taken again once every writer has closed the file. Without
    /// one, the file is quiet while its size and times stay the same. `patience` bounds the
    /// whole wait.
    mutating func settle(expecting prefix: [UInt8], quiet: Duration, unleasedQuiet: Duration, patience: Duration) -> Settled {
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        var quietSince = clock.now
        var lastSeen = signature()
        while true {
            if isLeased {
                if othersAreWaiting {
                    letGo()
                    guard lease(waitingUpTo: max(deadline - clock.now, .zero)) == .granted else { return .busy }
                    quietSince = clock.now
                    continue
                }
                if clock.now - quietSince >= quiet { break }
            } else {
                let seen = signature()
                if seen != lastSeen {
                    lastSeen = seen
                    quietSince = clock.now
                }
                if clock.now - quietSince >= unleasedQuiet { break }
            }
            if clock.now >= deadline { return .busy }
            usleep(1000)
        }
        let content = Self.readAll(descriptor)
        guard content.starts(with: prefix) else { return .changed(content) }
        return .grown(Array(content[prefix.count...]))
    }

    /// The file's size, modification and change times: what changes when it is written.
    private func signature() -> [Int] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return [] }
        #if canImport(Glibc)
            let (modified, changed) = (status.st_mtim, status.st_ctim)
        #else
            let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #endif
        return [Int(status.st_size), modified.tv_sec, modified.tv_nsec, changed.tv_sec, changed.tv_nsec]
    }

    /// The bytes of the open file from `offset` to its end.
    static func readAll(_ descriptor: Int32, from offset: Int = 0) -> [UInt8] {
        var result: [UInt8] = []
        var position = offset
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(position)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return result }
            result += buffer[..<count]
            position += count
        }
    }

    #if os(Linux)
        // From <fcntl.h>, which declares them only with _GNU_SOURCE, so Swift does not see them.
        private static let setSignal: Int32 = 10  // F_SETSIG
        private static let setLease: Int32 = 1024  // F_SETLEASE
        private static let getLease: Int32 = 1025  // F_GETLEASE
    #endif
}
