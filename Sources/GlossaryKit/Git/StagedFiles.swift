import Foundation

/// The staged content of a git repository: what `git commit` would record, which a pre-commit
/// hook must judge (not the working tree, which may hold unstaged edits).
package enum StagedFiles {
    /// One staged file.
    package struct Entry: Sendable, Equatable {
        /// The path relative to the current folder, as findings name it; a byte that is not part
        /// of valid UTF-8 is written `\xHH` (see `PathBytes`).
        package var path: String
        /// The path relative to the repository's top folder, as text (escaped like `path`).
        package var repositoryPath: String
        /// The path relative to the repository's top folder, byte for byte as git stores it.
        package var repositoryPathBytes: [UInt8]
        /// The index blob's object id.
        package var blob: String
    }

    /// The added, copied, modified and renamed files in the index of the repository holding
    /// `directory` (default: the current folder). Symbolic links and submodules are left out.
    ///
    /// Paths are read as bytes (`git diff --cached --raw -z`, which also gives each file's mode
    /// and blob, so no path is passed back to git): a name that is not valid UTF-8 is listed
    /// and checked like any other, not dropped.
    ///
    /// - Throws: `InputError` outside a git repository or when git fails.
    package static func list(in directory: String? = nil) throws(InputError) -> [Entry] {
        let repository = try Repository(in: directory, what: "--staged needs a git repository")
        return try repository.changedEntries(["--cached"], what: "cannot list staged files")
    }

    /// Every regular file in the index of the repository holding `directory` (`git ls-files
    /// -s -z`), merged entries only: the committed versions a staged file is compared with.
    package static func indexEntries(in directory: String? = nil) throws(InputError) -> [Entry] {
        let repository = try Repository(in: directory, what: "--staged needs a git repository")
        let listed = try Git.checked(["ls-files", "-s", "-z"], in: repository.top, what: "cannot list the index")
        var entries: [Entry] = []
        // Each record: "<mode> <blob> <stage>\t<path>".
        for record in listed.stdout.split(separator: 0) {
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let parts = record[..<tab].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            guard parts.count == 3, parts[0] == "100644" || parts[0] == "100755", parts[2] == "0" else { continue }
            entries.append(repository.entry(Array(record[(tab + 1)...]), blob: parts[1]))
        }
        return entries
    }

    /// The repository holding a folder: its top folder and the folder's place in it.
    package struct Repository: Sendable {
        /// The top folder, absolute.
        package var top: String
        /// The folder's path below the top folder, with a trailing `/` (empty at the top).
        package var prefix: [UInt8]

        /// The repository holding `directory` (default: the current folder).
        ///
        /// - Throws: `InputError` starting with `what` outside a repository.
        package init(in directory: String? = nil, what: String) throws(InputError) {
            let here = directory ?? FileManager.default.currentDirectoryPath
            top = try Git.checked(["rev-parse", "--show-toplevel"], in: here, what: what).text.trimmingCharacters(in: .newlines)
            prefix = try Git.checked(["rev-parse", "--show-prefix"], in: here, what: what).stdout
            while prefix.last == 0x0A { prefix.removeLast() }
        }

        /// The entry for the repository path `bytes`.
        package func entry(_ bytes: [UInt8], blob: String) -> Entry {
            Entry(
                path: PathBytes.text(displayPath(bytes, prefix: prefix)), repositoryPath: PathBytes.text(bytes),
                repositoryPathBytes: bytes, blob: blob)
        }

        /// The added, copied, modified and renamed regular files `git diff --raw` lists with
        /// `arguments` (`--cached`, a revision), under their new names. Renames are followed
        /// (`-M`). A file only announced (`git add -N`) is left out of the index's list; the
        /// working tree's files have no blob yet (`blob` is all zeros) and are kept.
        package func changedEntries(_ arguments: [String], what: String) throws(InputError) -> [Entry] {
            let workingTree = !arguments.contains("--cached")
            let changed = try Git.checked(
                ["diff", "--raw", "-z", "--no-abbrev", "-M", "--no-ext-diff", "--diff-filter=ACMR"] + arguments + ["--"],
                in: top, what: what)
            var entries: [Entry] = []
            var fields = changed.stdout.split(separator: 0, omittingEmptySubsequences: false)[...]
            // Each record: ":<old mode> <new mode> <old blob> <new blob> <status>", its path, and a
            // second path for a rename or copy (the new one).
            while let header = fields.popFirst(), !header.isEmpty {
                let parts = header.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
                guard parts.count == 5, parts[0].hasPrefix(":"), let status = parts[4].first else {
                    throw InputError("\(what): cannot read git's list (\(String(decoding: header, as: UTF8.self)))")
                }
                guard var path = fields.popFirst() else { break }
                if status == "R" || status == "C" {
                    guard let destination = fields.popFirst() else { break }
                    path = destination
                }
                // Regular files only; in the index, a blob of zeros is a file only announced.
                guard parts[1] == "100644" || parts[1] == "100755", workingTree || parts[3].contains(where: { $0 != "0" })
                else { continue }
                entries.append(entry(Array(path), blob: parts[3]))
            }
            return entries
        }
    }

    /// The index content of `entries`, read in one `git cat-file --batch`.
    package static func contents(of entries: [Entry], in directory: String? = nil) throws(InputError) -> [[UInt8]] {
        guard !entries.isEmpty else { return [] }
        let request = entries.map(\.blob).joined(separator: "\n") + "\n"
        let output = try Git.checked(
            ["cat-file", "--batch"], in: directory, input: Array(request.utf8), what: "cannot read staged content")
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
    package static func inputs(in directory: String? = nil, accept: (Entry) -> Bool) throws(InputError) -> [CheckRunner.Input] {
        let entries = try list(in: directory).filter(accept)
        let contents = try contents(of: entries, in: directory)
        return zip(entries, contents).map { .contents(path: $0.path, bytes: $1) }
    }

    /// `path` (relative to the top folder) relative to the folder `prefix` names, as bytes.
    static func displayPath(_ path: [UInt8], prefix: [UInt8]) -> [UInt8] {
        guard !prefix.isEmpty else { return path }
        if path.starts(with: prefix) { return Array(path.dropFirst(prefix.count)) }
        let depth = prefix.split(separator: 0x2F).count
        return Array(String(repeating: "../", count: depth).utf8) + path
    }
}
