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
    public static func discover(from directory: String? = nil) -> String? {
        Paths.nearest("glossary", folder: true, from: directory, where: holdsGlossaryFiles)
    }

    /// The `glossary/` folders `discover(from:)` passed over because they hold no glossary file
    /// at their top level, nearest first; for a message when nothing was found.
    public static func passedOver(from directory: String? = nil) -> [String] {
        Paths.searchedFolders(from: directory).compactMap { folder in
            let candidate = (folder as NSString).appendingPathComponent("glossary")
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue,
                  !holdsGlossaryFiles(candidate) else { return nil }
            return candidate
        }
    }

    /// Whether `folder` has a glossary file (a file with one of `allExtensions`, not hidden)
    /// directly inside it.
    public static func holdsGlossaryFiles(_ folder: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.contains { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && allExtensions.contains((name as NSString).pathExtension.lowercased())
                && FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
    }

    /// The glossary files at `path`: the file itself, or every glossary file below the folder,
    /// sorted so that loading is deterministic. Hidden files and folders and build folders
    /// (`Paths.isSkippedFolder`) are not searched.
    public static func files(at path: String) throws(InputError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("no such glossary file or folder", file: path)
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw InputError("cannot list the glossary folder", file: path)
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if Paths.isSkippedFolder(name) {
                // A file of that name is not a glossary file either; for a folder, nothing below it is read.
                enumerator.skipDescendants()
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            if allExtensions.contains(ext) {
                files.append((path as NSString).appendingPathComponent(relative))
            }
        }
        if files.isEmpty { throw InputError(
                "the glossary folder has no glossary files (" + allExtensions.map { "." + $0 }.joined(separator: ", ") + ")", file: path) }
        return files.sorted()
    }

    /// Reads one glossary file, choosing the reader by its extension.
    public static func read(file path: String) throws(InputError) -> Glossary {
        var warnings: [FormatDiagnostic] = []
        return try read(file: path, warnings: &warnings)
    }

    /// Reads one glossary file, choosing the reader by its extension, and appends what the
    /// reader noticed without failing (TBX dialect diagnostics) to `warnings`.
    public static func read(file path: String, warnings: inout [FormatDiagnostic]) throws(InputError) -> Glossary {
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
        for path in paths {
            for file in try files(at: path) {
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
