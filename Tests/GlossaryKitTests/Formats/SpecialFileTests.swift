import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// Only regular files are read (and `-`, standard input): a device never ends, a named pipe
/// blocks until someone writes, and a /proc file's size says nothing of what it holds.
@Suite("Special files")
struct SpecialFileTests {
    static let hasProc = FileManager.default.fileExists(atPath: "/proc/self/mem")

    func folder() throws -> URL {
        let url = TestScratch.url("special")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A named pipe nobody writes to.
    func fifo(in folder: URL, named name: String = "pipe") throws -> String {
        let path = folder.appendingPathComponent(name).path
        #expect(mkfifo(path, 0o600) == 0)
        return path
    }

    /// Runs `body` on another thread; when it has not returned after a while (it is blocked
    /// opening `pipe`), records that it blocked and, until it returns, opens the pipe for writing
    /// and closes it again, which ends each wait with an empty read.
    func runsWithoutBlocking(on pipe: String, _ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            body()
            done.signal()
        }
        guard done.wait(timeout: .now() + 20) == .timedOut else { return }
        Issue.record("blocked opening a named pipe")
        repeat {
            let writer = open(pipe, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        } while done.wait(timeout: .now() + 0.1) == .timedOut
    }

    /// The error `body` throws, nil when it throws none (another error is recorded).
    func error(_ body: () throws -> Void) -> InputError? {
        do {
            try body()
            return nil
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("not an InputError: \(error)")
            return InputError("\(error)")
        }
    }

    @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
    func devicesAreRefused(_ path: String) throws {
        let error = try #require(error { _ = try InputFile.readBytes(path) })
        #expect(error.message.contains("device"), "\(error)")
        #expect(error.file == path)
        #expect(self.error { _ = try MappedFile(path: path) }?.message.contains("device") == true)
        #expect(self.error { _ = try GlossaryLoader.load(paths: [path]) } != nil)
        #expect(self.error { _ = try Baseline.read(contentsOf: path) }?.message.contains("device") == true)
        #expect(
            self.error { _ = try ConfigurationReader.read(contentsOf: path, knownRules: []) }?.message.contains("device") == true)
    }

    @Test func aNamedPipeIsRefusedWithoutBlocking() throws {
        let folder = try folder()
        let pipe = try fifo(in: folder)
        // Readers that open the file themselves (TBX, CSV) are reached through these names.
        for name in ["pipe.yml", "pipe.tbx", "pipe.csv"] {
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent(name).path, withDestinationPath: pipe)
        }
        let results = Results()
        runsWithoutBlocking(on: pipe) { results.add(self.error { _ = try InputFile.readBytes(pipe) }) }
        runsWithoutBlocking(on: pipe) { results.add(self.error { _ = try MappedFile(path: pipe) }) }
        for name in ["pipe.yml", "pipe.tbx", "pipe.csv"] {
            let path = folder.appendingPathComponent(name).path
            runsWithoutBlocking(on: pipe) { results.add(self.error { _ = try GlossaryLoader.load(paths: [path]) }) }
        }
        runsWithoutBlocking(on: pipe) {
            results.add(self.error { _ = try ConfigurationReader.read(contentsOf: pipe, knownRules: []) })
        }
        runsWithoutBlocking(on: pipe) { results.add(self.error { _ = try Baseline.read(contentsOf: pipe) }) }
        runsWithoutBlocking(on: pipe) { results.add(EntryFile(path: pipe) == nil ? InputError("refused") : nil) }
        runsWithoutBlocking(on: pipe) {
            var hasher = GlossaryCache.KeyHasher()
            results.add(hasher.add(path: pipe, readingFileAt: pipe) ? nil : InputError("refused"))
        }
        #expect(results.errors.count == 9)
        for error in results.errors {
            #expect(error?.message.contains("pipe") == true || error?.message == "refused", "\(String(describing: error))")
        }
    }

    @Test func aFolderIsRefusedAsAFile() throws {
        let folder = try folder()
        let error = try #require(error { _ = try InputFile.readBytes(folder.path) })
        #expect(error.message.contains("folder"))
        #expect(self.error { _ = try MappedFile(path: folder.path) }?.message.contains("folder") == true)
    }

    @Test(.enabled(if: hasProc)) func procFilesAreRefusedClearly() throws {
        for path in ["/proc/self/mem", "/proc/self/status"] {
            let error = try #require(error { _ = try InputFile.readBytes(path) })
            #expect(error.message.contains("/proc"), "\(error)")
            #expect(!error.message.contains("permission denied?"))
            #expect(self.error { _ = try GlossaryLoader.load(paths: [path]) }?.message.contains("/proc") == true)
        }
    }

    @Test func symbolicLinkLoopsAndDanglingLinksAreNamed() throws {
        let folder = try folder()
        let a = folder.appendingPathComponent("a.md").path, b = folder.appendingPathComponent("b.md").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        let loop = try #require(error { _ = try InputFile.readBytes(a) })
        #expect(loop.message.contains("symbolic link loop"), "\(loop)")
        #expect(self.error { _ = try GlossaryLoader.load(paths: [a]) }?.message.contains("symbolic link loop") == true)
        let dangling = folder.appendingPathComponent("c.md").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "missing.md")
        #expect(error { _ = try InputFile.readBytes(dangling) }?.message.contains("missing") == true)
        #expect(error { _ = try InputFile.readBytes(folder.appendingPathComponent("none.md").path) }?.message == "no such file")
    }

    @Test func aLinkToARegularFileIsRead() throws {
        let folder = try folder()
        let file = folder.appendingPathComponent("real.md").path
        try Data("text\n".utf8).write(to: URL(fileURLWithPath: file))
        let link = folder.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        #expect(try InputFile.readBytes(link) == Array("text\n".utf8))
    }

    @Test func readsAreBounded() throws {
        let folder = try folder()
        let file = folder.appendingPathComponent("big.md").path
        try Data(repeating: 0x61, count: 1000).write(to: URL(fileURLWithPath: file))
        #expect(try InputFile.readBytes(file, limit: 1000).count == 1000)
        let error = try #require(error { _ = try InputFile.readBytes(file, limit: 999) })
        #expect(error.message.contains("larger than"), "\(error)")
    }

    @Test func atomicWritesRefuseToReplaceASpecialFile() throws {
        let folder = try folder()
        let pipe = try fifo(in: folder)
        #expect(error { try AtomicFile.write([0x61], to: pipe) }?.message.contains("pipe") == true)
        var status = stat()
        #expect(lstat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(error { try AtomicFile.write([0x61], to: folder.path) }?.message.contains("folder") == true)
    }
}

/// Errors collected from other threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [InputError?] = []

    func add(_ error: InputError?) {
        lock.lock()
        values.append(error)
        lock.unlock()
    }

    var errors: [InputError?] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
