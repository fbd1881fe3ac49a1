import Foundation

/// The staged content of a git repository: what `git commit` would record, which a pre-commit
/// hook must judge (not the working tree, which may hold unstaged edits).
public enum StagedFiles {
    /// One staged file.
    public struct Entry: Sendable, Equatable {
        /// The path relative to the current folder, as findings name it.
        public var path: String
        /// The path relative to the repository's top folder.
        public var repositoryPath: String
        /// The index blob's object id.
        public var blob: String
    }

    /// The added, copied, modified and renamed files in the index of the repository holding
    /// `directory` (default: the current folder). Symbolic links and submodules are left out.
    ///
    /// - Throws: `InputError` outside a git repository or when git fails.
    public static func list(in directory: String? = nil) throws(InputError) -> [Entry] {
        let here = directory ?? FileManager.default.currentDirectoryPath
        let top = try Git.checked(["rev-parse", "--show-toplevel"], in: here, what: "--staged needs a git repository")
            .text.trimmingCharacters(in: .newlines)
        let prefix = try Git.checked(["rev-parse", "--show-prefix"], in: here, what: "--staged needs a git repository")
            .text.trimmingCharacters(in: .newlines)
        let changed = try Git.checked(
            ["-c", "core.quotepath=off", "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"],
            in: top, what: "cannot list staged files")
        let paths = split(changed.stdout)
        guard !paths.isEmpty else { return [] }
        // Blob ids and modes from the index, for exactly these paths.
        let listing = try Git.checked(["ls-files", "--stage", "-z", "--"] + paths.map { ":(literal)" + $0 }, in: top, what: "cannot read the index")
        var entries: [Entry] = []
        for record in split(listing.stdout) {
            // "<mode> <object> <stage>\t<path>"
            guard let tab = record.firstIndex(of: "\t") else { continue }
            let fields = record[..<tab].split(separator: " ")
            let path = String(record[record.index(after: tab)...])
            guard fields.count == 3, fields[0] == "100644" || fields[0] == "100755", fields[2] == "0" else { continue }
            entries.append(Entry(path: displayPath(path, prefix: prefix), repositoryPath: path, blob: String(fields[1])))
        }
        return entries
    }

    /// The index content of `entries`, read in one `git cat-file --batch`.
    public static func contents(of entries: [Entry], in directory: String? = nil) throws(InputError) -> [[UInt8]] {
        guard !entries.isEmpty else { return [] }
        let request = entries.map(\.blob).joined(separator: "\n") + "\n"
        let output = try Git.checked(["cat-file", "--batch"], in: directory, input: Array(request.utf8), what: "cannot read staged content")
        var result: [[UInt8]] = []
        var position = 0
        let bytes = output.stdout
        for entry in entries {
            // "<oid> blob <size>\n<content>\n"
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else {
                throw InputError("git cat-file ended early", file: entry.path)
            }
            let header = String(decoding: bytes[position..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), newline + 1 + size <= bytes.count else {
                throw InputError("cannot read the staged content (\(header.joined(separator: " ")))", file: entry.path)
            }
            result.append(Array(bytes[(newline + 1)..<(newline + 1 + size)]))
            position = newline + 1 + size + 1
        }
        return result
    }

    /// The staged files to check, as inputs named by their paths relative to the current
    /// folder, restricted to those `accept` keeps.
    public static func inputs(in directory: String? = nil, accept: (Entry) -> Bool) throws(InputError) -> [CheckRunner.Input] {
        let entries = try list(in: directory).filter(accept)
        let contents = try contents(of: entries, in: directory)
        return zip(entries, contents).map { .contents(path: $0.path, bytes: $1) }
    }

    /// `path` (relative to the top folder) relative to the folder `prefix` names.
    static func displayPath(_ path: String, prefix: String) -> String {
        guard !prefix.isEmpty else { return path }
        if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        let depth = prefix.split(separator: "/").count
        return String(repeating: "../", count: depth) + path
    }

    private static func split(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}
