import Foundation

/// Standard input, read whole when it is small, else copied into a temporary file as it
/// arrives: a pipe cannot be mapped, and holding a text of hundreds of megabytes would make
/// memory grow with it.
package enum StandardInputSpool {
    /// Fewer bytes than the threshold, read whole.
    case bytes([UInt8])
    /// The whole input in a deleted temporary file, mapped, named `<stdin>`.
    case file(MappedFile)

    /// Bytes copied at a time.
    static let chunkSize = 1 << 20

    /// Reads standard input: into memory while it stays below `threshold` bytes
    /// (bounded by `InputFile.maximumSize` as before), else into a file in the temporary folder
    /// (`TMPDIR`), which is deleted as soon as it is created, so nothing is left behind; the
    /// mapping keeps its bytes until the check is done.
    ///
    /// - Throws: `InputError` naming `<stdin>` when it cannot be read, or the temporary file
    ///   cannot be created, written or mapped (a full disk, say).
    /// - Complexity: O(*n*) time; O(min(*n*, `threshold`) + `chunkSize`) memory.
    package static func read(threshold: Int) throws(InputError) -> StandardInputSpool {
        // Streaming off (`--fix`): read whole, within the limit, as any text.
        guard threshold <= InputFile.maximumSize else { return .bytes(try InputFile.readBytes("-")) }
        return try read(threshold: threshold, from: STDIN_FILENO)
    }

    /// Reads `descriptor` as `read(threshold:)` reads standard input (the tests hand in a pipe).
    static func read(threshold limit: Int, from descriptor: Int32) throws(InputError) -> StandardInputSpool {
        var held: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while held.count < limit {
            let count = try readSome(descriptor, into: &chunk)
            if count == 0 { return .bytes(held) }
            held += chunk[..<count]
        }
        // Too large to hold: from here on, through a file.
        let folder = FileManager.default.temporaryDirectory
        let template = folder.appendingPathComponent("glossary-stdin.XXXXXX").path
        var name = Array(template.utf8CString)
        let file = name.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { throw failure("cannot create a temporary file in \(folder.path)") }
        defer { close(file) }
        name.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var size = 0
        try write(held, to: file, size: &size)
        held = []
        while true {
            let count = try readSome(descriptor, into: &chunk)
            if count == 0 { break }
            try write(chunk[..<count], to: file, size: &size)
        }
        return .file(try MappedFile(descriptor: file, size: size, path: "<stdin>"))
    }

    /// Reads what is there, up to `buffer.count` bytes; 0 at the end.
    private static func readSome(_ descriptor: Int32, into buffer: inout [UInt8]) throws(InputError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            if errno == EAGAIN {
                // Standard input opened without blocking by another program: wait for it.
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&request, 1, -1)
                continue
            }
            throw failure("cannot read the file")
        }
    }

    /// Writes all of `bytes` to `file`.
    private static func write(_ bytes: some Collection<UInt8>, to file: Int32, size: inout Int) throws(InputError) {
        let array = Array(bytes)
        var written = 0
        while written < array.count {
            let count = array.withUnsafeBytes { Foundation.write(file, $0.baseAddress! + written, array.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot copy standard input into a temporary file")
            }
            written += count
        }
        size += array.count
    }

    private static func failure(_ what: String) -> InputError {
        InputError("\(what) (\(String(cString: strerror(errno))))", file: "<stdin>")
    }
}
