import Foundation
import TestRandom
import TestScratch
import Testing

@testable import GlossaryKit

/// Writing a fix loses nothing: not a concurrent writer's lines, not the file's owner, mode or
/// hard links, not a file another program has locked or the user made read-only.
@Suite("--fix writes")
struct FixWriteTests {
    static let isRoot = getuid() == 0
    static let hasPython = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    let folder: URL

    init() throws {
        folder = TestScratch.url("fix-write")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A file holding `text` and the fix that replaces every "labor" in it with "labour".
    func file(_ name: String, _ text: String = "The labor office.\n") throws -> (path: String, fix: Fixer.FileFix) {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let bytes = Array(text.utf8)
        var edits: [Fixer.Edit] = []
        var search = text.startIndex
        while let range = text.range(of: "labor", range: search..<text.endIndex) {
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            edits.append(Fixer.Edit(range: start..<(start + 5), replacement: Array("labour".utf8), rule: "deprecated-term"))
            search = range.upperBound
        }
        return (path, Fixer.FileFix(path: path, original: bytes, fixed: Fixer.apply(edits, to: bytes), edits: edits))
    }

    func contents(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    func status(_ path: String) -> stat {
        var status = stat()
        _ = stat(path, &status)
        return status
    }

    @Test func keepsTheModeAndAFileThatGainedNothing() throws {
        let (path, fix) = try file("a.md")
        chmod(path, 0o640)
        try Fixer.write(fix)
        #expect(contents(path) == "The labour office.\n")
        #expect(status(path).st_mode & 0o7777 == 0o640)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.md"])
    }

    @Test(.enabled(if: isRoot)) func keepsTheOwnerAndGroup() throws {
        let (path, fix) = try file("owned.md")
        #expect(chown(path, 12345, 23456) == 0)
        try Fixer.write(fix)
        #expect(contents(path) == "The labour office.\n")
        #expect(status(path).st_uid == 12345 && status(path).st_gid == 23456)
    }

    @Test func refusesToSplitHardLinks() throws {
        let (path, fix) = try file("linked.md")
        let other = folder.appendingPathComponent("other.md").path
        try FileManager.default.linkItem(atPath: path, toPath: other)
        let error = #expect(throws: InputError.self) { try Fixer.write(fix) }
        #expect(error?.message.contains("hard link") == true, "\(String(describing: error))")
        #expect(contents(path) == "The labor office.\n")
        #expect(status(path).st_ino == status(other).st_ino)
    }

    @Test func refusesAReadOnlyFileUnlessForced() throws {
        let (path, fix) = try file("read-only.md")
        chmod(path, 0o444)
        let error = #expect(throws: InputError.self) { try Fixer.write(fix) }
        #expect(
            error?.message.contains("read-only") == true && error?.message.contains("--force") == true,
            "\(String(describing: error))")
        #expect(contents(path) == "The labor office.\n")
        try Fixer.write(fix, force: true)
        #expect(contents(path) == "The labour office.\n")
        #expect(status(path).st_mode & 0o7777 == 0o444)
    }

    @Test func refusesAFileAnotherProgramHasLockedWithFlock() throws {
        let (path, fix) = try file("flocked.md")
        // flock(2) locks belong to an open file: this descriptor stands for another program.
        let other = open(path, O_RDONLY)
        defer { close(other) }
        #expect(flock(other, LOCK_EX) == 0)
        let error = #expect(throws: InputError.self) { try Fixer.write(fix) }
        #expect(error?.message.contains("lock") == true, "\(String(describing: error))")
        #expect(contents(path) == "The labor office.\n")
        flock(other, LOCK_UN)
        try Fixer.write(fix)
        #expect(contents(path) == "The labour office.\n")
    }

    @Test(.enabled(if: hasPython)) func refusesAFileAnotherProcessHasLockedWithFcntl() throws {
        let (path, fix) = try file("fcntl.md")
        // A POSIX record lock belongs to a process, so another process must hold it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = [
            "-c",
            """
            import fcntl, sys, time
            f = open(sys.argv[1], 'r+')
            fcntl.lockf(f, fcntl.LOCK_EX)
            print('locked', flush=True)
            sys.stdin.read()
            """, path,
        ]
        let output = Pipe(), input = Pipe()
        holder.standardOutput = output
        holder.standardInput = input
        try holder.run()
        _ = output.fileHandleForReading.availableData
        let error = #expect(throws: InputError.self) { try Fixer.write(fix) }
        #expect(error?.message.contains("lock") == true, "\(String(describing: error))")
        #expect(contents(path) == "The labor office.\n")
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        try Fixer.write(fix)
        #expect(contents(path) == "The labour office.\n")
    }

    @Test func concurrentAppendsLeaveTheFileWhole() throws {
        // A writer appends lines while the fix is written, at random moments. What the code
        // guarantees whatever the timing: the file holds the fix (when it was written) or the
        // original, then lines the writer wrote, each once and whole. That no line is lost is
        // proved step by step in FixRaceTests; a line can still be lost in the windows
        // FileReplacement documents, which a loaded machine can hit, so it is not asserted here.
        let base = String(repeating: "The labor office is open.\n", count: 200)
        var generator = SeededGenerator(seed: 10)
        for trial in 0..<100 {
            let (path, fix) = try file("race-\(trial).md", base)
            let delay = UInt32.random(in: 0...3000, using: &generator)
            let appender = Appender(path: path, delay: delay)
            let thread = Thread { appender.run() }
            thread.start()
            var outcome: InputError?
            do {
                try Fixer.write(fix)
            } catch {
                outcome = error
            }
            appender.stop()
            let lines = appender.written
            let final = contents(path)
            let written = outcome == nil || outcome?.message.hasPrefix("the fix was written") == true
            let prefix = written ? String(decoding: fix.fixed, as: UTF8.self) : base
            let expected = written ? "fix" : "original"
            #expect(
                final.hasPrefix(prefix),
                "trial \(trial): not the \(expected) before the appended lines; \(String(describing: outcome))")
            let tail = final.hasPrefix(prefix) ? final.dropFirst(prefix.count) : ""
            let appended = tail.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(appended.last == "", "trial \(trial): the file does not end with a whole line")
            let found = appended.dropLast()
            #expect(Set(found).count == found.count, "trial \(trial): a line is there twice")
            #expect(Set(found).isSubset(of: lines), "trial \(trial): a line is there that was not written whole")
        }
    }
}

/// Appends numbered lines to a file (open, append, close, as `echo >> file` does) on its own
/// thread until stopped, after an initial delay in microseconds.
private final class Appender: @unchecked Sendable {
    let path: String
    let delay: UInt32
    private let lock = NSLock()
    private var lines: [String] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    init(path: String, delay: UInt32) {
        self.path = path
        self.delay = delay
    }

    func run() {
        usleep(delay)
        var number = 0
        while true {
            lock.lock()
            let done = stopping
            lock.unlock()
            if done { break }
            let line = "appended line \(number)"
            // Closed on exec: a process another test starts must not keep the file open.
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if descriptor >= 0 {
                let bytes = Array((line + "\n").utf8)
                let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                if written == bytes.count {
                    lock.lock()
                    lines.append(line)
                    lock.unlock()
                }
            }
            number += 1
            if number % 8 == 0 { usleep(50) }
        }
        finished.signal()
    }

    /// Stops after a few more lines, and waits for the thread.
    func stop() {
        usleep(500)
        lock.lock()
        stopping = true
        lock.unlock()
        finished.wait()
    }

    var written: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
