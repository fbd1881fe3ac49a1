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
/// another program may have added to the file. So the replacement is made as follows:
///
/// 1. The file is refused when another program holds an advisory lock on it (`flock(2)` or
///    `fcntl(2)`), when it has other hard links (a new file would split them), when it is
///    read-only (unless forced), and when its content is no longer what was read.
/// 2. The new bytes go to a temporary file beside it, with the original's owner, group and mode,
///    flushed to disk.
/// 3. The two are swapped in one step (`renameat2(RENAME_EXCHANGE)`): readers see the old file or
///    the new one, never a part. The file that was swapped out is then compared with what was
///    read, through a descriptor opened before the swap. If it changed, the swap is undone, and
///    whatever was appended to the new file in the meantime is appended to the restored one.
/// 4. Lines appended to the old file after that comparison (by a program that opened it before
///    the swap) are appended to the new file before the old one is let go.
///
/// What remains (see `docs/workflows.md`): a program that keeps the file open and writes to it
/// after step 4 writes to a file that no longer has a name; a change that is not an append and
/// lands on the new file during the microseconds between the swap and its undoing is kept in a
/// file beside it, whose name the error gives. Where the file system cannot swap (`EINVAL`), the
/// content is compared once more and the new file renamed over the old one.
enum FileReplacement {
    /// Replaces the file at `path` (a symbolic link already resolved), whose content must be
    /// `original`, with `bytes`.
    ///
    /// - Parameters:
    ///   - name: the path errors name.
    ///   - force: replace a read-only file too (it stays read-only).
    /// - Throws: `InputError`; the file at `path` then has its content as it was, plus whatever
    ///   other programs appended.
    static func replace(_ path: String, reportingAs name: String, expecting original: [UInt8], with bytes: [UInt8], force: Bool) throws(InputError) {
        let (descriptor, status) = try InputFile.openRegularFile(path)
        defer { close(descriptor) }
        func refuse(_ message: String) -> InputError { InputError(message + "; not fixed", file: name) }

        if status.st_nlink > 1 {
            throw refuse("has \(status.st_nlink) hard links, which a new file would split (fix it under one name by hand)")
        }
        if !force && (status.st_mode & 0o222 == 0 || access(path, W_OK) != 0) {
            throw refuse("is read-only (use --force to fix it anyway; it stays read-only)")
        }
        if let holder = lockHolder(descriptor) { throw refuse("\(holder) holds a lock on it (run again when it is done)") }
        guard readAll(descriptor) == original else {
            throw InputError("the file changed while it was checked; not fixed (run again)", file: name)
        }

        let temporary = try writeTemporary(bytes, beside: path, like: status, name: name)
        var removeTemporary = true
        defer { if removeTemporary { unlink(temporary) } }

        guard let exchanged = exchange(temporary, path) else {
            // The file system cannot swap: compare once more, then rename over the old file.
            guard readAll(descriptor) == original else {
                throw InputError("the file changed while it was being fixed; not fixed (run again)", file: name)
            }
            guard rename(temporary, path) == 0 else { throw refuse("cannot replace it (\(String(cString: strerror(errno))))") }
            removeTemporary = false
            syncFolder(of: path)
            return
        }
        guard exchanged == 0 else { throw refuse("cannot replace it (\(String(cString: strerror(errno))))") }

        // `temporary` now names the old file, still open as `descriptor`.
        let swappedOut = readAll(descriptor)
        if swappedOut == original {
            unlink(temporary)
            removeTemporary = false
            // Appends that reached the old file since it was compared.
            let late = readAll(descriptor, from: original.count)
            if !late.isEmpty { try append(late, to: path, name: name) }
            syncFolder(of: path)
            return
        }
        // It changed before the swap: undo it, and keep what was appended to the new file.
        guard exchange(temporary, path) == 0 else {
            removeTemporary = false
            throw InputError(
                "the file changed while it was being fixed, and undoing the fix failed (\(String(cString: strerror(errno)))); "
                    + "the content before the fix, with the change, is in \(temporary)", file: name)
        }
        let meanwhile = (try? InputFile.readBytes(temporary)) ?? bytes
        if meanwhile.count > bytes.count, meanwhile.starts(with: bytes) {
            try append(Array(meanwhile[bytes.count...]), to: path, name: name)
        } else if meanwhile != bytes {
            removeTemporary = false
            throw InputError("the file changed while it was being fixed; not fixed, and what was written meanwhile is kept in \(temporary)", file: name)
        }
        throw InputError("the file changed while it was being fixed; not fixed (run again)", file: name)
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

    /// Writes `bytes` to a new file in `path`'s folder with the owner, group and mode of
    /// `status`, flushed to disk; returns its path.
    private static func writeTemporary(_ bytes: [UInt8], beside path: String, like status: stat, name: String) throws(InputError) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(base).glossary-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw InputError("cannot create a temporary file beside it (\(String(cString: strerror(errno)))); not fixed", file: name)
        }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write the file (\(String(cString: strerror(errno))))"
                    return
                }
                offset += written
            }
        }
        // The owner first: changing it clears the set-user-ID bits a mode may hold.
        if failure == nil, fchown(descriptor, status.st_uid, status.st_gid) != 0 {
            failure = "it belongs to user \(status.st_uid) and group \(status.st_gid), which a new file cannot keep (\(String(cString: strerror(errno))))"
        }
        if failure == nil, fchmod(descriptor, status.st_mode & 0o7777) != 0 { failure = "cannot set its mode (\(String(cString: strerror(errno))))" }
        if failure == nil, fsync(descriptor) != 0 { failure = "cannot write the file (\(String(cString: strerror(errno))))" }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw InputError(failure + "; not fixed", file: name)
        }
        return temporary
    }

    /// `renameat2(first, second, RENAME_EXCHANGE)`: 0, or -1 with `errno`; nil when the system
    /// or the file system cannot swap two names.
    private static func exchange(_ first: String, _ second: String) -> Int32? {
        guard let renameat2 = Self.renameat2 else { return nil }
        let result = renameat2(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */)
        if result != 0, errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP { return nil }
        return result
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// The C library's `renameat2`, looked up at run time: the Swift C library module does not
    /// declare it (it needs `_GNU_SOURCE`), and a system without it falls back to `rename`.
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }

    /// The bytes of the open file from `offset` to its end.
    private static func readAll(_ descriptor: Int32, from offset: Int = 0) -> [UInt8] {
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

    /// Appends `bytes` to the file at `path`, as the program that wrote them meant to.
    private static func append(_ bytes: [UInt8], to path: String, name: String) throws(InputError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError("cannot append what another program wrote meanwhile (\(String(cString: strerror(errno)))); it was: \(String(decoding: bytes, as: UTF8.self))", file: name)
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError("cannot append what another program wrote meanwhile (\(String(cString: strerror(errno))))", file: name)
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
