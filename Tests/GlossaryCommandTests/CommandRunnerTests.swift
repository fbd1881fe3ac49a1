import Foundation
import GlossaryKit
import TestLocations
import Testing

/// The runner the end-to-end tests rely on.
@Suite("The command runner")
struct CommandRunnerTests {
    /// Runs `body` on a thread of its own and waits for it at most `seconds`, so that a runner
    /// that deadlocks fails the test instead of hanging the whole run. A stuck thread is left
    /// behind; its child dies with the test process, when the pipe it writes to closes.
    static func finishing<T: Sendable>(
        within seconds: TimeInterval, sourceLocation: Testing.SourceLocation = #_sourceLocation,
        _ body: @escaping @Sendable () throws -> T
    ) throws -> T? {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            outcome.set(Result { try body() })
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success, let result = outcome.get() else {
            Issue.record("did not finish within \(seconds) s", sourceLocation: sourceLocation)
            return nil
        }
        return try result.get()
    }

    /// A child that writes more than a pipe holds to standard output, then to standard error,
    /// then to standard output again: reading either stream to its end before the other would
    /// leave the child blocked on a full pipe and the runner waiting for it.
    @Test func readsBothStreamsAtOnce() throws {
        let script = """
            head -c 100000 /dev/zero | tr '\\0' a
            head -c 200000 /dev/zero | tr '\\0' b >&2
            head -c 300000 /dev/zero | tr '\\0' c
            """
        let result = try Self.finishing(within: 120) {
            try CommandRunner.run(
                executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: TestPackage.root, timeLimit: 600)
        }
        let output = try #require(result)
        #expect(output.status == 0)
        #expect(output.stdout == String(repeating: "a", count: 100_000) + String(repeating: "c", count: 300_000))
        #expect(output.stderr == String(repeating: "b", count: 200_000))
    }

    /// A child that echoes more than a pipe holds: writing all the input before reading any
    /// output would block both sides once the output pipe is full.
    @Test func feedsInputWhileReading() throws {
        let input = String(repeating: "line of input\n", count: 20_000)
        let result = try Self.finishing(within: 120) {
            try CommandRunner.run(executable: URL(fileURLWithPath: "/bin/cat"), [], in: TestPackage.root, input: input)
        }
        let output = try #require(result)
        #expect(output.status == 0)
        #expect(output.stdout == input)
    }

    /// Every child caches compiled glossaries in the scratch ``CommandRunner/cacheFolder``, never
    /// in the user's cache. `XDG_CACHE_HOME`, which the tool consults before the home folder,
    /// points at a sentinel folder: a child that wrote to the standard location would create it.
    @Test func childrenCacheInTheScratchFolder() throws {
        let folder = try CommandRunner.temporaryFolder()
        // A concept of its own gives a cache key that no other run produces.
        let glossary = folder.appendingPathComponent("g.yml")
        let yaml = "concepts:\n  - id: isolation-\(UUID().uuidString)\n    terms:\n      en:\n        - colour\n"
        try yaml.write(to: glossary, atomically: true, encoding: .utf8)
        try "The colour is red.\n".write(to: folder.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        let key = GlossaryCache.key(files: [(glossary.standardizedFileURL.path, Array(yaml.utf8))])

        func check(_ environment: [String: String]) throws -> (scratch: Bool, sentinel: Bool) {
            let sentinel = folder.appendingPathComponent("xdg-cache-\(UUID().uuidString)")
            var environment = environment
            environment["XDG_CACHE_HOME"] = sentinel.path
            let result = try CommandRunner.run(
                ["check", "--glossary", glossary.path, "t.txt"], in: folder, environment: environment)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            return (
                GlossaryCache(path: CommandRunner.cacheFolder.path).load(key: key) != nil,
                FileManager.default.fileExists(atPath: sentinel.path)
            )
        }
        let isolated = try check([:])
        #expect(isolated.scratch, "the scratch cache has the glossary")
        #expect(!isolated.sentinel, "nothing was written to the standard cache location")
        // The sentinel does catch a child that uses the standard location.
        let standard = try check(["GLOSSARY_CACHE_DIR": ""])
        #expect(standard.sentinel)
    }

    /// A child that outlives its time limit is killed and reported.
    @Test func killsAChildPastItsTimeLimit() throws {
        let result = try Self.finishing(within: 120) {
            Result {
                try CommandRunner.run(executable: URL(fileURLWithPath: "/bin/sleep"), ["60"], in: TestPackage.root, timeLimit: 1)
            }
        }
        let outcome = try #require(result)
        #expect(throws: CommandRunner.TimedOut.self) { try outcome.get() }
    }
}

/// A value handed from a worker thread to the waiting test.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) { lock.withLock { value = result } }
    func get() -> Result<T, any Error>? { lock.withLock { value } }
}
