import Foundation

/// Lists the files below a folder, following symbolic links to folders, each folder once.
///
/// A link to a folder is followed like the folder itself (`check docs` finds the texts behind
/// `docs/shared -> ../shared`); a folder already listed — reached again through a link loop
/// (`docs/up -> ..`) or through a second link — is not listed again, so every walk ends and
/// every file is found once. A link to nothing, or a special file, with a wanted name is listed
/// like a file, so that reading it reports what it is rather than it being missed. So is a name
/// that is not valid UTF-8: it cannot be named in the output, and is reported as an error
/// instead of being skipped.
///
/// Folders are identified by device and inode, and the entries of a folder are read as bytes
/// (`readdir(3)`), not through a layer that might drop a name it cannot decode.
enum FolderWalk {
    /// The files below `folder` whose names `wanted` accepts, as paths that begin with
    /// `folder`, sorted.
    ///
    /// - Parameters:
    ///   - skipsFolder: whether a folder of this name is left out with everything below it
    ///     (files whose names start with `.` always are).
    /// - Throws: `InputError` when a folder cannot be read, or for a wanted file whose name is
    ///   not valid UTF-8.
    /// - Complexity: O(entries below `folder`), each folder read once.
    static func files(below folder: String, skipsFolder: (String) -> Bool, wanted: (String) -> Bool) throws(InputError)
        -> [String]
    {
        var visited: Set<FileIdentity> = []
        if let id = FileIdentity(path: folder) { visited.insert(id) }
        var pending = [folder]
        var found: [String] = []
        while let current = pending.popLast() {
            for entry in try entries(of: current) {
                guard let name = entry.name else {
                    // The extension is ASCII, so whether the file is wanted is known without
                    // decoding the rest.
                    let shown = current + "/" + PathBytes.text(entry.bytes)
                    if wanted(shown) {
                        throw InputError(
                            "the file name is not valid UTF-8 (shown with \\x escapes); rename the file to check it", file: shown)
                    }
                    continue
                }
                let hidden = name.hasPrefix(".")
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                var status = stat()
                if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                    if skipsFolder(name) { continue }
                    if visited.insert(FileIdentity(status)).inserted { pending.append(path) }
                    continue
                }
                if !hidden && wanted(name) { found.append(path) }
            }
        }
        return found.sorted()
    }

    /// The names in `folder` (without `.` and `..`), as bytes and, when valid UTF-8, text.
    private static func entries(of folder: String) throws(InputError) -> [(bytes: [UInt8], name: String?)] {
        guard let directory = opendir(folder) else {
            throw InputError("cannot list the folder (\(String(cString: strerror(errno))))", file: folder)
        }
        defer { closedir(directory) }
        var result: [(bytes: [UInt8], name: String?)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { start in
                    Array(
                        UnsafeBufferPointer(
                            start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
                }
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            result.append((bytes, String(validating: bytes, as: UTF8.self)))
        }
        return result
    }
}
