import Foundation
import TestLocations
import TestScratch

/// Runs the built `glossary` binary and captures what it prints.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A child that was still running after its time limit; it has been killed.
    struct TimedOut: Error, CustomStringConvertible {
        var command: [String]
        var seconds: TimeInterval
        var description: String { "\(command.joined(separator: " ")) still ran after \(seconds) s and was killed" }
    }

    /// The binary beside the test bundle (the same build folder), else in `.build/debug`.
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("glossary"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("glossary"),
            TestPackage.root.appendingPathComponent(".build/debug/glossary"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// The compiled-glossary cache of every child: a folder inside the test process's scratch
    /// folder, removed with it, so that `swift test` never writes into the user's
    /// `~/.cache/glossary`.
    static let cacheFolder = TestScratch.root.appendingPathComponent("glossary-cache", isDirectory: true)

    /// Runs `glossary arguments…` in `directory` (default: the package root), feeding `input`;
    /// `executable` runs another copy of the binary, `environment` adds to or replaces variables.
    static func run(
        _ arguments: [String], in directory: URL? = nil, input: String? = nil, executable: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        try run(
            executable: executable ?? binary, arguments, in: directory ?? TestPackage.root, input: input,
            environment: environment)
    }

    /// Runs `executable arguments…` in `directory`, feeding `input`, and waits at most
    /// `timeLimit` seconds for it before killing it and throwing ``TimedOut``.
    ///
    /// The child gets this process's environment with `GLOSSARY_CACHE_DIR` set to
    /// ``cacheFolder``, then `environment` on top.
    ///
    /// Standard input is written, and standard output and standard error are read, each on a
    /// thread of its own: a pipe holds only 64 KiB, so a child that fills one stream while this
    /// side waits for the end of another would block forever.
    static func run(
        executable: URL, _ arguments: [String], in directory: URL, input: String? = nil,
        environment: [String: String] = [:], timeLimit: TimeInterval = 600
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment["GLOSSARY_CACHE_DIR"] = cacheFolder.path
        childEnvironment.merge(environment) { _, given in given }
        process.environment = childEnvironment
        let outputPipe = Pipe(), errorPipe = Pipe(), inputPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = inputPipe
        try process.run()
        let streams = DispatchGroup()
        let writer = inputPipe.fileHandleForWriting
        DispatchQueue.global().async(group: streams) {
            if let input { try? writer.write(contentsOf: Data(input.utf8)) }
            try? writer.close()
        }
        let stdout = Collected(), stderr = Collected()
        for (pipe, collected) in [(outputPipe, stdout), (errorPipe, stderr)] {
            let reader = pipe.fileHandleForReading
            DispatchQueue.global().async(group: streams) { collected.data = reader.readDataToEndOfFile() }
        }
        if streams.wait(timeout: .now() + timeLimit) == .timedOut {
            // kill(2) directly: with Swift 6.3's Foundation on Linux, Process.terminate() left
            // a child running to its end.
            kill(process.processIdentifier, SIGKILL)
            streams.wait()
            process.waitUntilExit()
            throw TimedOut(command: [executable.lastPathComponent] + arguments, seconds: timeLimit)
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout.data, as: UTF8.self),
            stderr: String(decoding: stderr.data, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = TestScratch.url("cli")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The bytes of one stream, read on another thread and handed over once the reads are done.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()

    var data: Data {
        get { lock.withLock { bytes } }
        set { lock.withLock { bytes = newValue } }
    }
}
