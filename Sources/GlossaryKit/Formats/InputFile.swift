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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("cannot read file (permission denied?)", file: path)
        }
        return Array(data)
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
