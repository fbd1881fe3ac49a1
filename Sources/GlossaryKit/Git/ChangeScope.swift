import Foundation

/// The part of a repository a run reports on: the staged files (`check --staged`), or the lines
/// changed since a revision (`check --diff REV`, from the working tree or, with `--staged`, the
/// index), with what must be read besides them.
///
/// A changed file that is one version of a translation set (`report.id.md` of `report.en.md`,
/// `report.su.md`, or a configured parallel set) is compared with the other versions as they
/// stand — their index content for a staged run, their working-tree content otherwise — so the
/// other versions are read too, as context: their own findings are never reported. Within the
/// reported files, `--diff` keeps the findings that start on an added or changed line; a
/// cross-language finding lands on the version whose line diverges, so it is kept when that line
/// is one of the changed ones.
package struct ChangeScope: Sendable {
    /// What to check: the reported files, then the other versions of their translation sets.
    package var inputs: [CheckRunner.Input]
    /// The reported files, by the path findings name, with their repository paths.
    package var reported: [String: [UInt8]]
    /// The changed lines; nil reports every line of a reported file (`--staged` alone).
    package var lines: ChangedLines?

    /// The scope of a run.
    ///
    /// - Parameters:
    ///   - revision: `--diff`'s revision; nil reports the staged files whole.
    ///   - staged: read the index (the staged content) instead of the working tree.
    ///   - accept: whether a changed file is reported (its kind, the paths given, the
    ///     configuration's patterns).
    ///   - acceptsContext: whether a file may be read as another version of a reported one.
    ///   - configuration: the parallel sets to group versions by.
    ///   - known: the glossary's languages, to group versions by name; nil groups none
    ///     (`--no-parallel`, `--lang`).
    ///   - directory: a folder of the repository (default: the current folder).
    /// - Throws: `InputError` outside a repository, for a revision that names no commit, a file
    ///   that cannot be read, or when git fails.
    package init(
        revision: String?, staged: Bool, accept: (StagedFiles.Entry) -> Bool, acceptsContext: (StagedFiles.Entry) -> Bool,
        configuration: Configuration?, known: [LanguageTag]?, in directory: String? = nil
    ) throws(InputError) {
        var files: [StagedFiles.Entry]
        let repository: StagedFiles.Repository
        if let revision {
            let changes = try GitChanges(since: revision, staged: staged, in: directory)
            repository = changes.repository
            lines = changes.lines
            // A file whose changes only remove lines has nothing to report.
            files = changes.files.filter { accept($0) && changes.lines.ranges[$0.repositoryPathBytes] != nil }
        } else {
            repository = try StagedFiles.Repository(in: directory, what: "--staged needs a git repository")
            files = try StagedFiles.list(in: directory).filter(accept)
        }
        let reported = Dictionary(files.map { ($0.path, $0.repositoryPathBytes) }, uniquingKeysWith: { first, _ in first })
        self.reported = reported

        if let known, !files.isEmpty {
            let candidates = try StagedFiles.indexEntries(in: directory).filter {
                reported[$0.path] == nil && acceptsContext($0)
            }
            files += Self.otherVersions(of: files.map(\.path), among: candidates, configuration: configuration, known: known)
        }
        if staged {
            let contents = try StagedFiles.contents(of: files, in: repository.top)
            inputs = zip(files, contents).map { .contents(path: $0.path, bytes: $1) }
        } else {
            var inputs: [CheckRunner.Input] = []
            for entry in files {
                if let input = try Self.workingTreeInput(entry, repository: repository, isContext: reported[entry.path] == nil) {
                    inputs.append(input)
                }
            }
            self.inputs = inputs
        }
    }

    /// The entries of `candidates` that are versions, in a translation set, of one of `paths`.
    static func otherVersions(
        of paths: [String], among candidates: [StagedFiles.Entry], configuration: Configuration?, known: [LanguageTag]
    ) -> [StagedFiles.Entry] {
        let byPath = Dictionary(candidates.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let changed = Set(paths)
        let groups = ParallelFiles.groups(
            paths + candidates.map(\.path), configuration: configuration, byName: true, known: known)
        var found: [StagedFiles.Entry] = []
        var seen: Set<String> = []
        for group in groups.groups where group.files.contains(where: changed.contains) {
            for file in group.files where !changed.contains(file) && seen.insert(file).inserted {
                if let entry = byPath[file] { found.append(entry) }
            }
        }
        return found
    }

    /// The working-tree file of `entry`: named by its path when that is the file's real name,
    /// else read by its bytes (a name that is not valid UTF-8). A context file missing from the
    /// working tree is left out.
    static func workingTreeInput(_ entry: StagedFiles.Entry, repository: StagedFiles.Repository, isContext: Bool)
        throws(InputError) -> CheckRunner.Input?
    {
        let absolute = Array(repository.top.utf8) + [0x2F] + entry.repositoryPathBytes
        if isContext {
            var status = stat()
            let exists = (absolute + [0]).withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &status) == 0 }
            }
            guard exists, status.st_mode & S_IFMT == S_IFREG else { return nil }
        }
        if String(validating: entry.repositoryPathBytes, as: UTF8.self) != nil { return .file(entry.path) }
        let descriptor = (absolute + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY) }
        }
        guard descriptor >= 0 else {
            throw InputError(String(cString: strerror(errno)), file: entry.path)
        }
        let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile()
        return .contents(path: entry.path, bytes: Array(data))
    }

    /// Leaves in `report` only the findings on the reported files — on their changed lines,
    /// when there are changed lines — and counts only the reported files as checked.
    package func narrow(_ report: inout CheckReport) {
        report.findings.removeAll { finding in
            guard let path = reported[finding.location.file] else { return true }
            guard let lines else { return false }
            return !lines.contains(finding.location.line, in: path)
        }
        report.fileCount = reported.keys.filter { report.hasChecked($0) }.count
    }
}
