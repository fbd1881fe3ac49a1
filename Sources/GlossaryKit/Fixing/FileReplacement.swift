import Foundation

#if canImport(Glibc)
    import Glibc

    /// `struct flock`, named apart from the function `flock(2)`.
    private typealias RecordLock = Glibc.flock
#elseif canImport(Darwin)
    import Darwin

    private typealias RecordLock = Darwin.flock
#endif

/// Replaces a file whose content is known with new bytes, so that nothing another program writes
/// meanwhile is lost, and the file keeps its owner, group and mode.
///
/// A fix is computed from the bytes read when the file was checked; by the time it is written,
/// other programs may write to the file: append to it (`echo >> file`, a logger), rewrite it, or
/// put another file in its place. The old file and the new one are each held open and watched
/// (`WatchedFile`): on Linux, with a read lease, so that a program that opens one of them for
/// writing waits until this run lets it go, and this run sees that it waits. The replacement:
///
/// 1. Refuses the file when another program holds an advisory lock on it (`flock(2)` or
///    `fcntl(2)`), when it has other hard links (a new file would split them), when it is
///    read-only (unless forced), when another program keeps it open for writing (no lease is
///    granted within `Options.patience`), and when its content is no longer what was read.
/// 2. Writes the new bytes to a temporary file beside it, with the original's owner, group and
///    mode, flushed to disk, and leased. If a program began opening the old file for writing
///    meanwhile, it stops here (that program then writes to the old file, which keeps its name).
/// 3. Swaps the two in one step (`renameat2(RENAME_EXCHANGE)`): readers see the old file or the
///    new one, never a part. From now on, programs that open the file by name open the new one.
/// 4. Lets the old file settle: it is kept until nobody has opened it for writing for
///    `Options.quiet`. A program that found its name before the swap and opens it now is let
///    through and waited for until it closes the file; what it appended goes to the new file.
///    If the old file changed in any other way, if such a program keeps it open past
///    `Options.patience`, or if the name held another program's file at the swap (it renamed
///    one into place), the swap is undone, and the new file settles in turn: what was appended
///    to it while it had the name is appended to the restored file, and any other change to it
///    is kept in a file beside it, named in the error. Meanwhile, programs that open the file
///    by name for writing wait for the new file's lease.
/// 5. Removes the old file's name, looks at it once more, lets its lease go, then the new
///    file's (the programs waiting for it go ahead), and appends what the old file gained.
///
/// What remains (also in `docs/workflows.md`):
/// - A program whose `open` of the file by name found the name before the swap but reaches the
///   file only after the last look in step 5 writes to the old file, which has no name any more.
///   That takes a thread stopped inside the `open` system call, between finding the name and
///   opening the file, for all of `Options.quiet`; Linux shows no such thread to another program.
/// - A program that opens the old file for writing between the last look and the lease being let
///   go (two system calls), and one that opens it just before and keeps it open past
///   `Options.patience`, write to it after it has no name; the second case is reported (exit 2),
///   and so is a change other than an append that lands then (the old file's content is kept in
///   a file beside it).
/// - Without a lease (a file of another user without `CAP_LEASE`, file systems without leases
///   such as NFS, other systems), the old file is watched by its size and times for
///   `Options.unleasedQuiet` instead: a program that opened it before the swap and writes to it
///   after that is not seen.
/// - Where the file system cannot swap (`EINVAL`), the content is compared once more and the new
///   file renamed over the old one; what reaches the old file after that is carried over as in
///   step 4, but a change other than an append can then only be kept beside it, not undone.
/// - The order of lines that different programs append at the same moment is not kept: lines
///   carried over from the old file follow those written to the new one.
enum FileReplacement {
    /// A point in `replace` at which an observer (a test) can act as another program would.
    enum Step: Sendable, CaseIterable {
        /// The old file is open and passed the checks for locks, links and permissions; no lease
        /// is taken yet and its content is not read.
        case opened
        /// The old file is leased and holds what was read.
        case verified
        /// The new file is written and leased beside it, under the temporary name.
        case written
        /// The two names are swapped: the path names the new file, the temporary name the old.
        case swapped
        /// The swap is undone (the path names the old file again) and its lease let go.
        case swappedBack
        /// The file swapped out (the old one, or the new one after an undo) settled and its
        /// name was removed; it is still open and leased.
        case unlinked
        /// The file swapped out had its last look and its lease let go; it is still open.
        case released
    }

    /// What an observer of `replace` is shown.
    struct Moment {
        let step: Step
        let path: String
        let temporary: String
        /// How many of the leased files another thread or program is opening for writing, and
        /// waits for their lease to be let go.
        let filesWaitedFor: () -> Int
    }

    /// How long `replace` waits for other programs, and what tests change.
    struct Options {
        /// How long to wait for a program that has a file open for writing to close it.
        var patience: Duration = .seconds(1)
        /// How long nobody must open the old file for writing, under a lease, before it is let
        /// go: the time a program may take between finding the name and opening the file.
        var quiet: Duration = .milliseconds(10)
        /// How long the old file's size and times must stay the same when it has no lease.
        var unleasedQuiet: Duration = .milliseconds(50)
        /// Whether to ask for leases (tests turn it off to see what happens without).
        var leases = true
        /// Whether to swap the two files (tests turn it off as a file system that cannot would).
        var exchange = true
        /// Called at each step; nil but in tests.
        var observe: ((Moment) -> Void)?
    }

    /// Replaces the file at `path` (a symbolic link already resolved), whose content must be
    /// `original`, with `bytes`.
    ///
    /// - Parameters:
    ///   - name: the path errors name.
    ///   - force: replace a read-only file too (it stays read-only).
    /// - Throws: `InputError`; unless the message says the fix was written, the file at `path`
    ///   then has its content as it was, plus whatever other programs wrote to it.
    static func replace(
        _ path: String, reportingAs name: String, expecting original: [UInt8], with bytes: [UInt8], force: Bool,
        options: Options = Options()
    ) throws(InputError) {
        let (descriptor, status) = try InputFile.openRegularFile(path)
        defer { close(descriptor) }
        func refuse(_ message: String) -> InputError { InputError(message + "; not fixed", file: name) }
        func failure(_ message: String) -> InputError { InputError(message, file: name) }
        func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
        let temporary = temporaryName(beside: path)
        func observe(_ step: Step, _ files: [WatchedFile]) {
            let waitedFor = { files.count { $0.othersAreWaiting } }
            options.observe?(Moment(step: step, path: path, temporary: temporary, filesWaitedFor: waitedFor))
        }

        if status.st_nlink > 1 {
            throw refuse("has \(status.st_nlink) hard links, which a new file would split (fix it under one name by hand)")
        }
        if !force && (status.st_mode & 0o222 == 0 || access(path, W_OK) != 0) {
            throw refuse("is read-only (use --force to fix it anyway; it stays read-only)")
        }
        if let holder = lockHolder(descriptor) { throw refuse("\(holder) holds a lock on it (run again when it is done)") }
        var old = WatchedFile(descriptor)
        defer { old.letGo() }
        observe(.opened, [old])
        if options.leases, old.lease(waitingUpTo: options.patience) == .busy {
            throw refuse("another program has it open for writing (run again when it is done)")
        }
        guard WatchedFile.readAll(descriptor) == original else {
            throw failure("the file changed while it was checked; not fixed (run again)")
        }
        observe(.verified, [old])

        var new = try writeTemporary(bytes, at: temporary, like: status, leasing: options.leases, name: name)
        defer {
            new.letGo()
            close(new.descriptor)
        }
        var removeTemporary = true
        defer { if removeTemporary { unlink(temporary) } }
        observe(.written, [old, new])

        // A program now opening the old file for writing waits for its lease: it would write to
        // it after the swap. Stop, and it writes to the old file under its own name.
        if old.othersAreWaiting || (!old.isLeased && WatchedFile.readAll(descriptor) != original) {
            throw failure("the file changed while it was being fixed; not fixed (run again)")
        }
        let settle = { (file: inout WatchedFile, prefix: [UInt8], quiet: Bool) in
            file.settle(
                expecting: prefix, quiet: quiet ? options.quiet : .zero, unleasedQuiet: quiet ? options.unleasedQuiet : .zero,
                patience: options.patience)
        }

        let replaced = "another program put a file of its own in its place while it was being fixed; not fixed (run again)"
        guard options.exchange, let exchanged = exchange(temporary, path) else {
            // The file system cannot swap: rename the new file over the old one, which then has
            // no name. What reaches it can still be carried over, but not undone.
            guard names(path, descriptor) else { throw failure(replaced) }
            guard rename(temporary, path) == 0 else { throw refuse("cannot replace it (\(reason(errno)))") }
            removeTemporary = false
            observe(.swapped, [old, new])
            let last = settle(&old, original, true)
            old.letGo()
            observe(.released, [old, new])
            new.letGo()
            try carryOver(last, to: path, fixed: true, like: status, name: name)
            syncFolder(of: path)
            return
        }
        guard exchanged == 0 else { throw refuse("cannot replace it (\(reason(errno)))") }
        observe(.swapped, [old, new])

        // `temporary` names the old file now, unless another program renamed a file of its own
        // to the path before the swap: then it names that file, which must get the name back.
        var undoing = "the file changed while it was being fixed; not fixed (run again)"
        if names(temporary, descriptor) {
            if case .grown = settle(&old, original, true) {
                unlink(temporary)
                removeTemporary = false
                observe(.unlinked, [old, new])
                let last = settle(&old, original, false)
                old.letGo()
                observe(.released, [old, new])
                new.letGo()
                try carryOver(last, to: path, fixed: true, like: status, name: name)
                syncFolder(of: path)
                return
            }
        } else {
            undoing = replaced
        }

        // Undo the swap. The old file gets its name back, and the programs waiting to write to
        // it go ahead; then the new file settles, and what was appended to it is carried over.
        guard exchange(temporary, path) == 0 else {
            removeTemporary = false
            throw failure(
                "the file changed while it was being fixed, and undoing the fix failed (\(reason(errno))); "
                    + "the content before the fix, with the change, is in \(temporary)")
        }
        old.letGo()
        observe(.swappedBack, [new])
        guard case .grown = settle(&new, bytes, true) else {
            new.letGo()
            removeTemporary = false
            throw failure(
                "the file changed while it was being fixed; not fixed, and what was written to the fixed file meanwhile "
                    + "is kept in \(temporary)")
        }
        unlink(temporary)
        removeTemporary = false
        observe(.unlinked, [new])
        let last = settle(&new, bytes, false)
        new.letGo()
        observe(.released, [new])
        try carryOver(last, to: path, fixed: false, like: status, name: name)
        throw failure(undoing)
    }

    /// Appends to `path` what other programs appended to a file that has no name any more (the
    /// old one after a fix, the new one after an undo), or keeps what they wrote in a new file
    /// beside it and says so.
    ///
    /// - Parameter fixed: whether `path` holds the fix (the file let go is the old one).
    private static func carryOver(
        _ last: WatchedFile.Settled, to path: String, fixed: Bool, like status: stat, name: String
    ) throws(InputError) {
        let which = fixed ? "the old file as it was replaced" : "the fixed file as the fix was undone"
        let outcome = fixed ? "the fix was written" : "not fixed"
        switch last {
        case .grown(let tail):
            if !tail.isEmpty { try append(tail, to: path, name: name) }
        case .changed(let content):
            let kept = temporaryName(beside: path)
            let descriptor: Int32
            do {
                descriptor = try create(content, at: kept, name: name)
            } catch {
                throw InputError(
                    "\(outcome), but another program changed \(which), and what it wrote cannot be kept beside it: \(error.message)",
                    file: name)
            }
            // Its owner and mode if they can be given; the content matters more.
            try? own(descriptor, like: status, name: name)
            fsync(descriptor)
            close(descriptor)
            throw InputError("\(outcome), but another program changed \(which); what it wrote is kept in \(kept)", file: name)
        case .busy:
            throw InputError(
                "\(outcome), but another program opened \(which) and keeps it open for writing: what it writes there is lost "
                    + "(stop it, then check the file)", file: name)
        }
    }

    /// Who holds an advisory lock on the open file, nil when nobody does (`flock(2)` locks of
    /// other open files, and `fcntl(2)` record locks of other processes).
    private static func lockHolder(_ descriptor: Int32) -> String? {
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            return errno == EWOULDBLOCK ? "another program (flock)" : nil
        }
        flock(descriptor, LOCK_UN)
        var record = RecordLock()
        record.l_type = Int16(F_WRLCK)
        record.l_whence = Int16(SEEK_SET)
        record.l_start = 0
        record.l_len = 0
        if fcntl(descriptor, F_GETLK, &record) == 0, record.l_type != Int16(F_UNLCK) {
            return "process \(record.l_pid) (fcntl)"
        }
        return nil
    }

    /// A name for a new file beside `path`, hidden, that no other file has.
    private static func temporaryName(beside path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        return (folder.isEmpty ? "." : folder) + "/.\(base).glossary-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Writes `bytes` to the new file `temporary` with the owner, group and mode of `status`,
    /// flushed to disk, leased if `leasing` (and the system grants it).
    private static func writeTemporary(
        _ bytes: [UInt8], at temporary: String, like status: stat, leasing: Bool, name: String
    ) throws(InputError) -> WatchedFile {
        let descriptor = try create(bytes, at: temporary, name: name)
        var file = WatchedFile(descriptor)
        // While this run owns the file: a lease is granted to the owner.
        if leasing { _ = file.lease(waitingUpTo: .zero) }
        do {
            try own(descriptor, like: status, name: name)
        } catch {
            file.letGo()
            close(descriptor)
            unlink(temporary)
            throw error
        }
        return file
    }

    /// Creates the file `path` (which must not exist) holding `bytes`, readable by its owner
    /// only; returns it open for reading, with no other descriptor open. `own` flushes it.
    private static func create(_ bytes: [UInt8], at path: String, name: String) throws(InputError) -> Int32 {
        let writer = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard writer >= 0 else {
            throw InputError("cannot create a file beside it (\(String(cString: strerror(errno)))); not fixed", file: name)
        }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(writer, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write the file (\(String(cString: strerror(errno))))"
                    return
                }
                offset += written
            }
        }
        // Opened before the writer is closed: what is held open is the file written, whatever
        // happens to the name.
        let reader = failure == nil ? open(path, O_RDONLY | O_CLOEXEC) : -1
        if failure == nil, reader < 0 { failure = "cannot read the file it wrote (\(String(cString: strerror(errno))))" }
        close(writer)
        if let failure {
            unlink(path)
            throw InputError(failure + "; not fixed", file: name)
        }
        return reader
    }

    /// Gives the open file the owner, group and mode of `status`, and flushes it to disk, its
    /// content with them (`fsync` flushes the file, whichever descriptor it is given).
    private static func own(_ descriptor: Int32, like status: stat, name: String) throws(InputError) {
        // The owner first: changing it clears the set-user-ID bits a mode may hold.
        if fchown(descriptor, status.st_uid, status.st_gid) != 0 {
            throw InputError(
                "it belongs to user \(status.st_uid) and group \(status.st_gid), which a new file cannot keep (\(String(cString: strerror(errno)))); not fixed",
                file: name)
        }
        if fchmod(descriptor, status.st_mode & 0o7777) != 0 {
            throw InputError("cannot set its mode (\(String(cString: strerror(errno)))); not fixed", file: name)
        }
        if fsync(descriptor) != 0 {
            throw InputError("cannot write the file (\(String(cString: strerror(errno)))); not fixed", file: name)
        }
    }

    /// Whether `path` names the file open as `descriptor`.
    private static func names(_ path: String, _ descriptor: Int32) -> Bool {
        var named = stat(), open = stat()
        guard lstat(path, &named) == 0, fstat(descriptor, &open) == 0 else { return false }
        return named.st_dev == open.st_dev && named.st_ino == open.st_ino
    }

    /// `renameat2(first, second, RENAME_EXCHANGE)`: 0, or -1 with `errno`; nil when the system
    /// or the file system cannot swap two names.
    private static func exchange(_ first: String, _ second: String) -> Int32? {
        guard let renameat2 = Self.renameat2 else { return nil }
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE
        let result = renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange)
        if result != 0, errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP { return nil }
        return result
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// The C library's `renameat2`, looked up at run time: the Swift C library module does not
    /// declare it (it needs `_GNU_SOURCE`), and a system without it falls back to `rename`.
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }

    /// Appends `bytes` to the file at `path`, as the program that wrote them meant to.
    private static func append(_ bytes: [UInt8], to path: String, name: String) throws(InputError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(
                "cannot append what another program wrote meanwhile (\(String(cString: strerror(errno)))); it was: \(String(decoding: bytes, as: UTF8.self))",
                file: name)
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError(
                    "cannot append what another program wrote meanwhile (\(String(cString: strerror(errno))))", file: name)
            }
            offset += written
        }
    }

    /// Flushes the folder holding `path`, so that the new name survives a crash.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
