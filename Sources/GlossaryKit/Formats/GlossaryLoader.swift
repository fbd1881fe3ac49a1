import Foundation

/// Finds and loads glossaries: files or folders, in any supported format, merged into one.
public enum GlossaryLoader {
    /// File name endings read as YAML glossaries.
    public static let extensions = ["yml", "yaml"]

    /// Every file name ending read as a glossary when a folder is loaded: YAML and the formats of
    /// `GlossaryFileReaders`.
    public static var allExtensions: [String] { extensions + GlossaryFileReaders.extensions }

    /// The glossary a command uses when none is named: the nearest `glossary/` folder that holds
    /// glossary files at its top level, looking in `directory` (default: the current folder) and
    /// its parents up to the repository root or the home folder (`Paths.searchedFolders(from:)`).
    ///
    /// A folder named `glossary` without glossary files at its top level — a clone of a project
    /// of that name, a folder of web pages — is passed over, so it is never read as a glossary.
    package static func discover(from directory: String? = nil) -> String? {
        Paths.nearest("glossary", folder: true, from: directory, where: holdsGlossaryFiles)
    }

    /// The `glossary/` folders `discover(from:)` passed over because they hold no glossary file
    /// at their top level, nearest first; for a message when nothing was found.
    package static func passedOver(from directory: String? = nil) -> [String] {
        Paths.searchedFolders(from: directory).compactMap { folder in
            let candidate = (folder as NSString).appendingPathComponent("glossary")
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue,
                !holdsGlossaryFiles(candidate)
            else { return nil }
            return candidate
        }
    }

    /// Whether `folder` has a glossary file (a file with one of `allExtensions`, not hidden)
    /// directly inside it.
    package static func holdsGlossaryFiles(_ folder: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.contains { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && allExtensions.contains((name as NSString).pathExtension.lowercased())
                && FileManager.default.fileExists(
                    atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
    }

    /// The glossary files at `path`: the file itself, or every glossary file below the folder,
    /// sorted so that loading is deterministic. Hidden files and folders and build folders
    /// (`Paths.isSkippedFolder`) are not searched.
    public static func files(at path: String) throws(InputError) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(path, &link) != 0 { throw InputError("no such glossary file or folder", file: path) }
            throw InputFile.openError(path, errno: code)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [path] }
        // Hidden files and folders and build folders are skipped: a checkout's `.build/` holds
        // other packages' YAML files, which are no glossary of this project.
        let files = try FolderWalk.files(below: path, skipsFolder: Paths.isSkippedFolder) { name in
            allExtensions.contains((name as NSString).pathExtension.lowercased())
        }
        if files.isEmpty {
            throw InputError(
                "the glossary folder has no glossary files (" + allExtensions.map { "." + $0 }.joined(separator: ", ") + ")",
                file: path)
        }
        return files
    }

    /// Reads one glossary file, choosing the reader by its extension.
    public static func read(file path: String) throws(InputError) -> Glossary {
        var warnings: [FormatDiagnostic] = []
        return try read(file: path, warnings: &warnings)
    }

    /// Reads one glossary file, choosing the reader by its extension, and appends what the
    /// reader noticed without failing (TBX dialect diagnostics) to `warnings`.
    public static func read(file path: String, warnings: inout [FormatDiagnostic]) throws(InputError) -> Glossary {
        // Every reader gets a regular file: a device, a named pipe or a /proc file is refused
        // here, before a reader that opens the file itself could block on it or read it forever.
        try InputFile.requireRegularFile(path)
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "tbx" {
            let output = try TBXReader.load(contentsOf: path)
            warnings += output.diagnostics
            return output.glossary
        }
        if let reader = GlossaryFileReaders.reader(forExtension: ext) {
            return try reader(path)
        }
        return try YAMLGlossaryReader.read(contentsOf: path)
    }

    /// Reads one glossary file from `bytes` (an editor's unsaved text of the file at `path`), as
    /// `read(file:warnings:)` reads it from disk: the reader chosen by the extension of `path`,
    /// which also labels errors.
    package static func read(file path: String, bytes: [UInt8], warnings: inout [FormatDiagnostic]) throws(InputError)
        -> Glossary
    {
        switch (path as NSString).pathExtension.lowercased() {
        case "tbx":
            let output = try TBXReader.load(data: Data(bytes), path: path)
            warnings += output.diagnostics
            return output.glossary
        case "csv", "tsv":
            return try CSVGlossaryReader().read(data: Data(bytes), path: path)
        default:
            return try YAMLGlossaryReader.read(InputFile.text(bytes, path: path), path: path)
        }
    }

    /// Loads and merges the glossaries at `paths` (files or folders).
    ///
    /// What the readers noticed without failing (TBX dialect violations, interpreted values) goes
    /// to `onWarning`, in file order.
    ///
    /// - Throws: `InputError` for an unreadable or invalid file, or a concept id defined twice.
    public static func load(paths: [String], onWarning: (FormatDiagnostic) -> Void = { _ in }) throws(InputError) -> Glossary {
        var warnings: [FormatDiagnostic] = []
        let glossary = try load(paths: paths, warnings: &warnings)
        warnings.forEach(onWarning)
        return glossary
    }

    /// Loads and merges the glossaries at `paths` (files or folders), appending what the readers
    /// noticed without failing (TBX dialect violations, interpreted values) to `warnings`.
    ///
    /// - Throws: `InputError` for an unreadable or invalid file, or a concept id defined twice.
    public static func load(paths: [String], warnings: inout [FormatDiagnostic]) throws(InputError) -> Glossary {
        var merged = Glossary()
        var seen: [String: SourceLocation?] = [:]
        // One file named twice (a file and the folder it is in, a link) is read once.
        var files: Set<FileIdentity> = []
        for path in paths {
            for file in try self.files(at: path) {
                if let id = FileIdentity(path: file), !files.insert(id).inserted { continue }
                let glossary = try read(file: file, warnings: &warnings)
                try requireUniqueIDs(glossary, file: file, seen: &seen)
                merged.merge(glossary)
            }
        }
        return merged
    }

    /// Throws at the first concept of `glossary`, read from `file`, whose id is in `seen` (the
    /// concepts read before it, in this glossary or in earlier files), and adds each id to it.
    ///
    /// - Complexity: O(*n*) in the number of concepts.
    static func requireUniqueIDs(_ glossary: Glossary, file: String, seen: inout [String: SourceLocation?]) throws(InputError) {
        // Room for every id at once: growing a table of 100,000 ids step by step rehashes them
        // a dozen times.
        seen.reserveCapacity(seen.count + glossary.concepts.count)
        for concept in glossary.concepts {
            if let first = seen[concept.id] {
                let location = concept.location ?? SourceLocation(file: file, line: 1, column: 1)
                let text = try? InputFile.readText(file)
                throw InputError(
                    "duplicate concept id '\(concept.id)'" + (first.map { "; first defined at \($0)" } ?? ""),
                    file: file, line: location.line, column: location.column, in: text)
            }
            seen[concept.id] = concept.location
        }
    }
}

/// Readers for glossary formats other than YAML, by file extension.
package enum GlossaryFileReaders {
    /// Extensions with a reader here.
    package static var extensions: [String] { ["tbx", "csv", "tsv"] }

    /// The reader for `ext`, if any.
    package static func reader(forExtension ext: String) -> (@Sendable (String) throws(InputError) -> Glossary)? {
        switch ext {
        case "tbx": { path throws(InputError) in try TBXReader.read(contentsOf: path) }
        case "csv", "tsv": { path throws(InputError) in try CSVGlossaryReader.read(contentsOf: path) }
        default: nil
        }
    }
}
