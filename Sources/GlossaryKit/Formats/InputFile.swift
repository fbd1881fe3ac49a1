import Foundation

/// Reads input files — texts, glossaries, configuration, baselines — with errors that say what
/// went wrong and where.
///
/// Only regular files are read, and `-` (standard input) where a command accepts it. A device
/// (`/dev/zero`, `/dev/urandom`) never ends, a named pipe blocks until someone writes to it, a
/// socket is no file, and the files of the kernel's `/proc` and `/sys` file systems are regular in
/// name only: their size is 0 whatever they hold, and `/proc/self/mem` is the process's memory.
/// All of these are refused before a byte is read, and a pipe is opened without waiting for a
/// writer.
///
/// What is read into memory is bounded by `maximumSize` (1 GiB), standard input included; a text
/// larger than the streaming threshold is mapped instead (`MappedFile`), which reads nothing
/// ahead.
package enum InputFile {
    /// The most bytes read whole from one file or from standard input.
    package static let maximumSize = 1 << 30

    /// Reads the bytes of `path` (`-` reads standard input), at most `maximumSize`.
    ///
    /// - Throws: `InputError` naming the file when it is missing, not a regular file, larger
    ///   than the limit, or unreadable.
    package static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        try readBytes(path, limit: maximumSize)
    }

    /// Reads the bytes of `path` (`-` reads standard input), refusing more than `limit`.
    static func readBytes(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        if path == "-" {
            return try readAll(STDIN_FILENO, expected: 0, limit: limit, name: "<stdin>")
        }
        let (descriptor, status) = try openRegularFile(path)
        defer { close(descriptor) }
        guard Int(status.st_size) <= limit else { throw tooLarge(path, limit: limit) }
        return try readAll(descriptor, expected: Int(status.st_size), limit: limit, name: path)
    }

    /// Opens `path` for reading when it is a regular file, without blocking on a named pipe.
    ///
    /// - Returns: the open descriptor (the caller closes it) and its status.
    /// - Throws: `InputError` saying what `path` is when it is not a regular file, or why it
    ///   cannot be opened (missing, a link to nothing, a link loop, no permission).
    static func openRegularFile(_ path: String) throws(InputError) -> (descriptor: Int32, status: stat) {
        // O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer. It has
        // no effect on reading a regular file.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw openError(path, errno: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw InputError("cannot read the file (\(String(cString: strerror(code))))", file: path)
        }
        if let problem = problem(with: status, descriptor: descriptor) {
            close(descriptor)
            throw InputError(problem, file: path)
        }
        return (descriptor, status)
    }

    /// Checks that `path` names a regular file a reader may open itself (the TBX reader
    /// streams its file), with the errors of `openRegularFile`.
    package static func requireRegularFile(_ path: String) throws(InputError) {
        let (descriptor, _) = try openRegularFile(path)
        close(descriptor)
    }

    /// What is wrong with reading a file of `status`, nil for a regular file; with the open
    /// `descriptor`, a file of `/proc` or `/sys` is refused too.
    static func problem(with status: stat, descriptor: Int32?) -> String? {
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            if let descriptor, let system = kernelFileSystem(descriptor) {
                // A size of 0 whatever they hold; /proc/self/mem is the process's memory.
                return
                    "is a file of the kernel's \(system) file system, not a regular file (its size says nothing of what it holds); it is not read"
            }
            return nil
        case S_IFDIR: return "is a folder, expected a file"
        case S_IFCHR, S_IFBLK: return "is a device, not a regular file; it is not read"
        case S_IFIFO: return "is a named pipe, not a regular file; it is not read"
        case S_IFSOCK: return "is a socket, not a regular file; it is not read"
        default: return "is not a regular file; it is not read"
        }
    }

    /// `/proc` or `/sys` when the open file lives on that kernel file system (the device of
    /// the folder the system mounts it on).
    private static func kernelFileSystem(_ descriptor: Int32) -> String? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return kernelFileSystems.first { $0.device == status.st_dev }?.name
    }

    /// The devices of `/proc` and `/sys` where they are mounted (a folder of that name on the
    /// root's device, in a container without them, is an ordinary folder).
    private static let kernelFileSystems: [(name: String, device: dev_t)] = {
        var root = stat()
        guard stat("/", &root) == 0 else { return [] }
        return ["/proc", "/sys"].compactMap { name in
            var status = stat()
            return stat(name, &status) == 0 && status.st_dev != root.st_dev ? (name, status.st_dev) : nil
        }
    }()

    /// The error for a failed `open(2)` of `path`.
    static func openError(_ path: String, errno code: Int32) -> InputError {
        switch code {
        case ENOENT:
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " (\($0))" } ?? ""
                return InputError("is a symbolic link to a missing file\(target)", file: path)
            }
            return InputError("no such file", file: path)
        case ELOOP:
            return InputError("is a symbolic link loop (too many levels of symbolic links)", file: path)
        case EACCES:
            return InputError("cannot read the file: permission denied", file: path)
        case ENOTDIR:
            return InputError("no such file (a part of the path is not a folder)", file: path)
        default:
            return InputError("cannot open the file (\(String(cString: strerror(code))))", file: path)
        }
    }

    private static func tooLarge(_ name: String, limit: Int) -> InputError {
        InputError("is larger than \(limit >> 20) MiB, the most that is read into memory", file: name)
    }

    /// Reads `descriptor` to its end, refusing more than `limit` bytes; `expected` (the size
    /// `fstat` gave) sizes the first buffer.
    private static func readAll(_ descriptor: Int32, expected: Int, limit: Int, name: String) throws(InputError) -> [UInt8] {
        // One byte more than expected, to notice a file that grew (or reports no size).
        var capacity = min(max(expected, 0), limit) + 1
        var bytes: [UInt8] = []
        while true {
            var failure: Int32 = 0
            var full = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = 0
                while initialized < buffer.count {
                    let count = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                    if count < 0 {
                        if errno == EINTR { continue }
                        if errno == EAGAIN {
                            // Standard input opened without blocking by another program: wait for it.
                            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                            _ = poll(&request, 1, -1)
                            continue
                        }
                        failure = errno
                        return
                    }
                    if count == 0 { return }
                    initialized += count
                }
                full = true
            }
            if failure != 0 {
                throw InputError("cannot read the file (\(String(cString: strerror(failure))))", file: name)
            }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            guard bytes.count <= limit else { throw tooLarge(name, limit: limit) }
            guard full else { return bytes }
            capacity = min(max(bytes.count, 1 << 16), limit + 1 - bytes.count)
        }
    }

    /// Reads `path` as UTF-8 text, rejecting invalid UTF-8 with its line and byte offset.
    package static func readText(_ path: String) throws(InputError) -> String {
        try text(readBytes(path), path: path)
    }

    /// `bytes`, read from `path`, as text: what `readText(_:)` makes of a file's bytes.
    static func text(_ bytes: [UInt8], path: String) throws(InputError) -> String {
        do {
            let source = try SourceText(path: path, bytes: bytes)
            return String(decoding: source.bytes[source.contentStart...], as: UTF8.self)
        } catch {
            guard case let .invalidUTF8(line, offset, byte) = error, offset <= bytes.count else {
                throw InputError(error.description, file: path)
            }
            // The column of the bad byte: the scalars before it on its line (valid UTF-8 there).
            let column = bytes.withUnsafeBufferPointer { LineCounter($0).column(of: offset, contentStart: 0) }
            let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            var lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
            while lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let hex = String(byte, radix: 16, uppercase: true)
            // The line from these bytes, not read back from the file: they may be an editor's.
            throw InputError(
                location: SourceLocation(file: path, line: line, column: column),
                message: "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8",
                sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
        }
    }
}
