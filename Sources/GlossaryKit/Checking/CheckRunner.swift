import Foundation

/// Checks many files with one compiled glossary, in parallel, and collects a report.
///
/// Files are checked on all cores (or `jobs` threads); the report lists findings in the order of
/// the files given and, within a file, in text order, whatever order the threads finish in.
package struct CheckRunner: Sendable {
    package let checker: GlossaryChecker
    package var options: CheckOptions
    /// Threads to use; nil uses every core.
    package var jobs: Int?
    /// The project configuration: languages by path (used when `options.language` is nil).
    package var configuration: Configuration?
    /// Whether `glossary-ignore` and `glossary-disable` directives in the texts are obeyed.
    package var obeysSuppressions = true
    /// Known findings to leave out of the report.
    package var baseline: Baseline?

    package init(checker: GlossaryChecker, options: CheckOptions = CheckOptions(), jobs: Int? = nil) {
        self.checker = checker
        self.options = options
        self.jobs = jobs
    }

    /// One text to check: a file on disk (or `-`), or bytes from elsewhere (the git index) under
    /// the path findings should name.
    package enum Input: Sendable {
        case file(String)
        case contents(path: String, bytes: [UInt8])

        package var path: String {
            switch self {
            case let .file(path): path
            case let .contents(path, _): path
            }
        }
    }

    /// Text file endings checked when a folder is given.
    package static let textExtensions: Set<String> = ["md", "markdown", "mdx", "txt", "text"]

    /// Bilingual file endings checked when a folder is given (XLIFF, PO, TMX, String Catalogs).
    /// i18n JSON is not among them: an arbitrary `.json` file is not translation data, so JSON
    /// message files are checked only when named or configured.
    package static let bilingualExtensions: Set<String> = ["xlf", "xliff", "po", "tmx", "xcstrings"]

    /// Every file ending a folder search picks up.
    package static var folderExtensions: Set<String> { textExtensions.union(bilingualExtensions) }

    /// The files to check for `paths`: files as given, folders searched for text and bilingual
    /// files (`folderExtensions`, hidden files, hidden and build folders skipped, links to folders followed;
    /// see `FolderWalk`), `-` for standard input.
    ///
    /// A file named twice — `a.md ./a.md`, through a link, a hard link, or inside a folder also
    /// given — is listed once, under its first name: it is one file, checked and fixed once.
    ///
    /// - Throws: `InputError` for a path that does not exist (a link to nothing and a link loop
    ///   are named as such) or a folder that cannot be read.
    package static func files(for paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        var seen: Set<FileIdentity> = []
        /// Adds `file` unless the same file is already listed.
        func add(_ file: String) {
            if let id = FileIdentity(path: file), !seen.insert(id).inserted { return }
            files.append(file)
        }
        for path in paths {
            if path == "-" { files.append(path); continue }
            var status = stat()
            guard stat(path, &status) == 0 else {
                let code = errno
                var link = stat()
                if code == ENOENT, lstat(path, &link) != 0 { throw InputError("no such file or folder", file: path) }
                throw InputFile.openError(path, errno: code)
            }
            guard status.st_mode & S_IFMT == S_IFDIR else { add(path); continue }
            let found = try FolderWalk.files(below: path, skipsFolder: Paths.isSkippedFolder) { name in
                folderExtensions.contains((name as NSString).pathExtension.lowercased())
            }
            found.forEach(add)
        }
        return files
    }

    /// The outcome for one file.
    package enum FileResult: Sendable {
        case checked(SourceText, [Finding])
        /// A file checked without reading it whole (see `CheckOptions.streamingThreshold`).
        case streamed(MappedFile, [Finding])
        case failed(InputError)
    }

    /// Checks `files` (paths, `-` for standard input).
    package func run(files: [String]) -> (report: CheckReport, errors: [InputError]) {
        run(inputs: files.map { .file($0) })
    }

    /// Checks `inputs`: fingerprints every finding, drops the ones suppressed in the text, then
    /// the ones in the baseline.
    package func run(inputs: [Input]) -> (report: CheckReport, errors: [InputError]) {
        let files = inputs
        let results = ResultBox(count: files.count)
        let checker = checker
        let options = options
        let configuration = configuration
        let obeysSuppressions = obeysSuppressions
        let compiled = checker.compiled
        let work: @Sendable (Int, ScanSession) -> Void = { index, session in
            var fileOptions = options
            fileOptions.session = session
            if fileOptions.language == nil, let configuration {
                fileOptions.language = configuration.language(forPath: files[index].path)
            }
            let (result, suppressed) = Self.check(
                files[index], checker: checker, options: fileOptions, obeysSuppressions: obeysSuppressions)
            results.set(index, result, suppressed: suppressed)
        }
        let threads = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        if threads == 1 || files.count == 1 {
            let session = ScanSession(compiled: compiled, referencePath: options.referencePath)
            for index in files.indices { work(index, session) }
        } else {
            // Work is handed out one file at a time so that a few large files don't leave cores idle.
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: min(threads, files.count)) { _ in
                // One session per thread: the words of its earlier files are not read again.
                let session = ScanSession(compiled: compiled, referencePath: options.referencePath)
                while true {
                    let index = next.increment()
                    guard index < files.count else { return }
                    work(index, session)
                }
            }
        }
        var findings: [Finding] = []
        var sources: [String: SourceText] = [:]
        var streamed: [String: MappedFile] = [:]
        var errors: [InputError] = []
        var checked = 0
        let suppressed = results.suppressed.reduce(0, +)
        for result in results.values {
            switch result {
            case let .checked(source, fileFindings):
                // The first file's findings are taken as they are, not copied.
                if findings.isEmpty { findings = fileFindings } else { findings += fileFindings }
                sources[source.path] = source
                checked += 1
            case let .streamed(file, fileFindings):
                if findings.isEmpty { findings = fileFindings } else { findings += fileFindings }
                streamed[file.path] = file
                checked += 1
            case let .failed(error):
                errors.append(error)
            case nil:
                break
            }
        }
        var known = 0
        if let baseline { (findings, known) = baseline.filter(findings) }
        var report = CheckReport(
            findings: findings, fileCount: checked, sources: sources, suppressedCount: suppressed, baselinedCount: known)
        report.streamed = streamed
        return (report, errors)
    }

    /// The fix `--fix` applies to `source` for its `findings`: `Fixer.fix`, leaving alone the
    /// words of every term the glossary approves (see `Fixer.approvedRanges(in:)`), which the
    /// text is analysed again for (with the options its check had).
    ///
    /// - Returns: nil when nothing would change.
    package func fix(_ source: SourceText, findings: [Finding]) -> Fixer.FileFix? {
        guard findings.contains(where: { $0.fix != nil || $0.folded.contains { $0.fix != nil } }) else { return nil }
        var fileOptions = options
        if fileOptions.language == nil, let configuration {
            fileOptions.language = configuration.language(forPath: source.path)
        }
        // Without the analysis no edit could be shown to spare approved terms: none is made.
        guard let document = try? checker.analyze(source, options: fileOptions) else { return nil }
        return Fixer.fix(source, findings: findings, protecting: Fixer.approvedRanges(in: document))
    }

    /// Reads and checks one input, fingerprints its findings and drops suppressed ones; returns
    /// how many were suppressed.
    package static func check(_ input: Input, checker: GlossaryChecker, options: CheckOptions, obeysSuppressions: Bool = true)
        -> (FileResult, suppressed: Int)
    {
        let result: FileResult
        switch input {
        case let .file(path): result = checkFile(path, checker: checker, options: options)
        case let .contents(path, bytes):
            // Staged content is read as its file would be: a bilingual format by its name.
            result =
                BilingualFormat(path: path) != nil
                ? checkBilingualBytes(bytes, path: path, checker: checker, options: options)
                : checkBytes(bytes, path: path, checker: checker, options: options)
        }
        let markdown = (options.markup ?? Tokenizer.Markup(path: input.path)) == .markdown
        let known = checker.ruleIDs
        // Consumed, so that the findings are fingerprinted and filtered in place, not copied.
        switch consume result {
        case let .failed(error):
            return (.failed(error), 0)
        case .checked(let source, var findings):
            switch fingerprintAndFilter(
                &findings, obeysSuppressions: obeysSuppressions,
                { () throws(InputError) in
                    try Suppressions(parsing: source, markdown: markdown, knownRules: known)
                })
            {
            case let .success(suppressed): return (.checked(source, findings), suppressed)
            case let .failure(error): return (.failed(error), 0)
            }
        case .streamed(let file, var findings):
            switch fingerprintAndFilter(
                &findings, obeysSuppressions: obeysSuppressions,
                { () throws(InputError) in
                    try Suppressions(parsing: file, markdown: markdown, knownRules: known)
                })
            {
            case let .success(suppressed): return (.streamed(file, findings), suppressed)
            case let .failure(error): return (.failed(error), 0)
            }
        }
    }

    /// Fingerprints `findings` and drops the ones the text's directives suppress; the count
    /// dropped, or the error of an invalid directive.
    private static func fingerprintAndFilter(
        _ findings: inout [Finding], obeysSuppressions: Bool, _ suppressions: () throws(InputError) -> Suppressions
    ) -> Result<Int, InputError> {
        Fingerprint.assign(to: &findings)
        guard obeysSuppressions else { return .success(0) }
        do {
            return .success(try suppressions().removeSuppressed(from: &findings))
        } catch {
            return .failure(error)
        }
    }

    /// Reads and checks one file.
    package static func checkFile(_ path: String, checker: GlossaryChecker, options: CheckOptions) -> FileResult {
        if path == "-" { return checkStandardInput(checker: checker, options: options) }
        if BilingualFormat(path: path) != nil {
            return checkBilingualFile(path, checker: checker, options: options)
        }
        // stat follows symbolic links, so a link to a large file is streamed too.
        var status = stat()
        if path != "-", stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            status.st_size > 0, Int(status.st_size) >= options.streamingThreshold
        {
            return streamFile(path, checker: checker, options: options)
        }
        do {
            return checkBytes(try InputFile.readBytes(path), path: path, checker: checker, options: options)
        } catch {
            return .failed(error)
        }
    }

    /// Checks the file at `path` without reading it whole (`GlossaryChecker.check(_:options:)`
    /// on a `MappedFile`).
    package static func streamFile(_ path: String, checker: GlossaryChecker, options: CheckOptions) -> FileResult {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            return .failed(error)
        }
        return check(mapped: file, checker: checker, options: options)
    }

    /// Checks a mapped file; errors name `file.path`.
    static func check(mapped file: MappedFile, checker: GlossaryChecker, options: CheckOptions) -> FileResult {
        let path = file.path
        do {
            return .streamed(file, try checker.check(file, options: options))
        } catch {
            if case let .invalidUTF8(line, offset, _) = error {
                // The column counts the valid scalars before the bad byte on its line (a byte
                // order mark too, as for a text read whole).
                let column = LineCounter(file.bytes).column(of: offset, contentStart: 0)
                file.releaseAll()
                return .failed(
                    InputError(error.description, file: path, location: SourceLocation(file: path, line: line, column: column)))
            }
            return .failed(InputError(error.description, file: path))
        }
    }

    /// Checks standard input: read whole when it is smaller than the streaming threshold, else
    /// copied as it arrives into a temporary file, deleted at once, that is then checked like a
    /// large file (`streamFile`) — so `cat big.md | glossary check -` needs memory for a chunk
    /// at a time, not for the text. Findings name it `<stdin>` either way.
    package static func checkStandardInput(checker: GlossaryChecker, options: CheckOptions) -> FileResult {
        let spooled: StandardInputSpool
        do {
            spooled = try StandardInputSpool.read(threshold: options.streamingThreshold)
        } catch {
            return .failed(error)
        }
        switch spooled {
        case let .bytes(bytes):
            return checkBytes(bytes, path: "-", checker: checker, options: options)
        case let .file(file):
            return check(mapped: file, checker: checker, options: options)
        }
    }

    /// Checks `bytes` as the text of `path`.
    package static func checkBytes(_ bytes: [UInt8], path: String, checker: GlossaryChecker, options: CheckOptions) -> FileResult
    {
        let source: SourceText
        // Standard input is named as its findings name it.
        let name = path == "-" ? "<stdin>" : path
        do {
            source = try SourceText(path: name, bytes: bytes)
        } catch {
            if case let .invalidUTF8(line, offset, _) = error {
                // The column counts the valid scalars before the bad byte on its line.
                let column = bytes.withUnsafeBufferPointer { LineCounter($0).column(of: offset, contentStart: 0) }
                return .failed(
                    InputError(error.description, file: name, location: SourceLocation(file: name, line: line, column: column)))
            }
            return .failed(InputError(error.description, file: name))
        }
        do {
            return .checked(source, try checker.check(source, options: options))
        } catch {
            return .failed(InputError(error.description, file: name))
        }
    }
}

/// Results written by worker threads, each to its own slot.
private final class ResultBox: @unchecked Sendable {
    private var storage: [CheckRunner.FileResult?]
    private var suppressedCounts: [Int]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
        suppressedCounts = Array(repeating: 0, count: count)
    }

    func set(_ index: Int, _ value: CheckRunner.FileResult, suppressed: Int = 0) {
        lock.lock()
        storage[index] = value
        suppressedCounts[index] = suppressed
        lock.unlock()
    }

    var suppressed: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return suppressedCounts
    }

    var values: [CheckRunner.FileResult?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// A thread-safe counter handing out work items.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}
