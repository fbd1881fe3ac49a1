import Foundation

/// Finds and loads glossaries: files or folders, in any supported format, merged into one.
public enum GlossaryLoader {
    /// File name endings read as YAML glossaries.
    public static let extensions = ["yml", "yaml"]

    /// Every file name ending read as a glossary when a folder is loaded: YAML and the formats of
    /// `GlossaryFileReaders`.
    public static var allExtensions: [String] { extensions + GlossaryFileReaders.extensions }

    /// The `glossary/` folder in `directory` or its nearest ancestor that has one, as git finds
    /// `.git`.
    public static func discover(from directory: String? = nil) -> String? {
        Paths.nearest("glossary", folder: true, from: directory)
    }

    /// The glossary files at `path`: the file itself, or every glossary file below the folder,
    /// sorted so that loading is deterministic.
    public static func files(at path: String) throws(InputError) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(path, &link) != 0 { throw InputError("no such glossary file or folder", file: path) }
            throw InputFile.openError(path, errno: code)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [path] }
        // Files whose names start with "." are skipped; hidden folders are searched.
        let files = try FolderWalk.files(below: path, skippingHiddenFolders: false) { name in
            allExtensions.contains((name as NSString).pathExtension.lowercased())
        }
        if files.isEmpty { throw InputError(
                "the glossary folder has no glossary files (" + allExtensions.map { "." + $0 }.joined(separator: ", ") + ")", file: path) }
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
                merged.merge(glossary)
            }
        }
        return merged
    }
}

/// Readers for glossary formats other than YAML, by file extension.
public enum GlossaryFileReaders {
    /// Extensions with a reader here.
    public static var extensions: [String] { ["tbx", "csv", "tsv"] }

    /// The reader for `ext`, if any.
    public static func reader(forExtension ext: String) -> (@Sendable (String) throws(InputError) -> Glossary)? {
        switch ext {
        case "tbx": { path throws(InputError) in try TBXReader.read(contentsOf: path) }
        case "csv", "tsv": { path throws(InputError) in try CSVGlossaryReader.read(contentsOf: path) }
        default: nil
        }
    }
}
