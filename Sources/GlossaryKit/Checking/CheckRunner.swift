import Foundation

/// Checks many files with one compiled glossary, in parallel, and collects a report.
///
/// Files are checked on all cores (or `jobs` threads); the report lists findings in the order of
/// the files given and, within a file, in text order, whatever order the threads finish in.
public struct CheckRunner: Sendable {
    public let checker: GlossaryChecker
    public var options: CheckOptions
    /// Threads to use; nil uses every core.
    public var jobs: Int?

    public init(checker: GlossaryChecker, options: CheckOptions = CheckOptions(), jobs: Int? = nil) {
        self.checker = checker
        self.options = options
        self.jobs = jobs
    }

    /// File endings checked when a folder is given.
    public static let textExtensions: Set<String> = ["md", "markdown", "mdx", "txt", "text"]

    /// The files to check for `paths`: files as given, folders searched for text files, `-` for
    /// standard input.
    public static func files(for paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError("no such file or folder", file: path)
            }
            if !isDirectory.boolValue { files.append(path); continue }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw InputError("cannot list folder", file: path)
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let components = relative.split(separator: "/")
                if components.contains(where: { $0.hasPrefix(".") }) { continue }
                if textExtensions.contains((relative as NSString).pathExtension.lowercased()) {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
            }
            files += found.sorted()
        }
        return files
    }

    /// The outcome for one file.
    public enum FileResult: Sendable {
        case checked(SourceText, [Finding])
        case failed(InputError)
    }

    /// Checks `files` (paths, `-` for standard input).
    public func run(files: [String]) -> (report: CheckReport, errors: [InputError]) {
        let results = ResultBox(count: files.count)
        let checker = checker
        let options = options
        let work: @Sendable (Int) -> Void = { index in
            results.set(index, Self.checkFile(files[index], checker: checker, options: options))
        }
        let threads = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        if threads == 1 || files.count == 1 {
            for index in files.indices { work(index) }
        } else {
            // Work is handed out one file at a time so that a few large files don't leave cores idle.
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: min(threads, files.count)) { _ in
                while true {
                    let index = next.increment()
                    guard index < files.count else { return }
                    work(index)
                }
            }
        }
        var findings: [Finding] = []
        var sources: [String: SourceText] = [:]
        var errors: [InputError] = []
        var checked = 0
        for result in results.values {
            switch result {
            case let .checked(source, fileFindings):
                findings += fileFindings
                sources[source.path] = source
                checked += 1
            case let .failed(error):
                errors.append(error)
            case nil:
                break
            }
        }
        return (CheckReport(findings: findings, fileCount: checked, sources: sources), errors)
    }

    /// Reads and checks one file.
    public static func checkFile(_ path: String, checker: GlossaryChecker, options: CheckOptions) -> FileResult {
        if path != "-", BilingualFormat(path: path) != nil {
            return checkBilingualFile(path, checker: checker, options: options)
        }
        do {
            let bytes = try InputFile.readBytes(path)
            let source: SourceText
            do {
                source = try SourceText(path: path == "-" ? "<stdin>" : path, bytes: bytes)
            } catch {
                if case let .invalidUTF8(line, offset, _) = error {
                    // The column counts the valid scalars before the bad byte on its line.
                    let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                    let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
                    return .failed(InputError(error.description, file: path, location: SourceLocation(file: path, line: line, column: column)))
                }
                return .failed(InputError(error.description, file: path))
            }
            do {
                return .checked(source, try checker.check(source, options: options))
            } catch {
                return .failed(InputError(error.description, file: path))
            }
        } catch {
            return .failed(error)
        }
    }
}

/// Results written by worker threads, each to its own slot.
private final class ResultBox: @unchecked Sendable {
    private var storage: [CheckRunner.FileResult?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: CheckRunner.FileResult) {
        lock.lock()
        storage[index] = value
        lock.unlock()
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
