import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file's content all at once: readers see the old file or the new one, never a part.
package enum AtomicFile {
    /// Writes `bytes` to a temporary file in `path`'s folder (with the existing file's
    /// permissions, else 0666 less the umask), flushes it, then renames it over `path`.
    ///
    /// - Parameters:
    ///   - bytes: the file's new content.
    ///   - path: the file to replace or create.
    ///   - name: the path errors name (default: `path`).
    ///   - mode: the permissions to give the file instead of keeping the existing ones.
    /// - Throws: `InputError`, also when `path` exists and is not a regular file, or ends in a
    ///   slash; the file at `path` is then unchanged.
    package static func write(_ bytes: [UInt8], to path: String, reportingAs name: String? = nil, mode: UInt16? = nil)
        throws(InputError)
    {
        let shown = name ?? path
        // A path that ends in a slash names a folder: rename(2) would fail on it, or the name
        // without the slash would be written.
        if path.hasSuffix("/") { throw InputError("names a folder (it ends in '/'); expected a file; not written", file: shown) }
        var status = stat()
        // rename(2) would put a regular file where a device, a pipe or a folder was.
        if stat(path, &status) == 0, let problem = InputFile.problem(with: status, descriptor: nil) {
            throw InputError(problem.replacingOccurrences(of: "; it is not read", with: "") + "; not written", file: shown)
        }
        // The existing file's permissions, or the ones asked for, exactly; a new file gets the
        // usual 0666 less the umask, as any file a program creates.
        let permissions: mode_t? = mode.map { mode_t($0) } ?? (stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil)
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(base).glossary-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, permissions ?? 0o666)
        guard descriptor >= 0 else {
            throw InputError(
                "cannot create a temporary file beside it (\(String(cString: strerror(errno)))); not changed", file: shown)
        }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        // The umask may have narrowed the mode given to open(2); a kept or asked mode is set exactly.
        if failure == nil, let permissions, fchmod(descriptor, permissions) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw InputError("cannot write the file (\(failure)); not changed", file: shown)
        }
    }
}

/// `write(2)`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
    #else
        Darwin.write(descriptor, buffer, count)
    #endif
}
