import Foundation

/// Reads input files with errors that say what went wrong and where.
public enum InputFile {
    /// Reads the bytes of `path` (`-` reads standard input).
    public static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("no such file", file: path)
        }
        guard !isDirectory.boolValue else { throw InputError("is a folder, expected a file", file: path) }
        guard let bytes = readDirectly(path) else {
            throw InputError("cannot read file (permission denied?)", file: path)
        }
        return bytes
    }

    /// The bytes of a regular file, read straight into the array (no intermediate `Data`), or nil
    /// when it cannot be opened or read.
    private static func readDirectly(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var failed = false
        /// Reads into `buffer` until it is full or the file ends; returns how much was read.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var length = 0
            while length < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + length, buffer.count - length)
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if count == 0 { break }
                length += count
            }
            return length
        }
        // The size fstat gives, plus one byte to notice a file that grew (or reports no size).
        let expected = max(Int(status.st_size), 0) + 1
        var full = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = fill(buffer)
            full = initialized == buffer.count
        }
        while !failed && full {
            let more = [UInt8](unsafeUninitializedCapacity: max(bytes.count, 1 << 16)) { buffer, initialized in
                initialized = fill(buffer)
                full = initialized == buffer.count
            }
            bytes += more
        }
        return failed ? nil : bytes
    }

    /// Reads `path` as UTF-8 text, rejecting invalid UTF-8 with its line and byte offset.
    public static func readText(_ path: String) throws(InputError) -> String {
        let bytes = try readBytes(path)
        do {
            let source = try SourceText(path: path, bytes: bytes)
            return String(decoding: source.bytes[source.contentStart...], as: UTF8.self)
        } catch {
            throw InputError(error.description, file: path)
        }
    }
}
