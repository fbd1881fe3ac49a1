import Foundation

/// Runs `git` and reads what it prints: the only place the library starts a process.
package enum Git {
    /// The output of one git command.
    package struct Output: Sendable {
        package var status: Int32
        package var stdout: [UInt8]
        package var stderr: String

        package var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `git arguments…` in `directory`, feeding `input` to its standard input.
    ///
    /// - Throws: `InputError` when git cannot be started.
    package static func run(_ arguments: [String], in directory: String? = nil, input: [UInt8]? = nil) throws(InputError)
        -> Output
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        do {
            try process.run()
        } catch {
            throw InputError("cannot run git: \(error.localizedDescription)")
        }
        // Write the input and read standard error on other threads, so that no pipe fills up
        // and blocks git while this thread reads standard output.
        let group = DispatchGroup()
        let writeHandle = inPipe.fileHandleForWriting
        DispatchQueue.global().async(group: group) {
            if let input { writeHandle.write(Data(input)) }
            try? writeHandle.close()
        }
        let errorBox = DataBox()
        let errorHandle = err.fileHandleForReading
        DispatchQueue.global().async(group: group) {
            errorBox.data = errorHandle.readDataToEndOfFile()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return Output(
            status: process.terminationStatus, stdout: Array(stdout), stderr: String(decoding: errorBox.data, as: UTF8.self))
    }

    /// Runs git and returns its output, or throws its error message.
    static func checked(_ arguments: [String], in directory: String? = nil, input: [UInt8]? = nil, what: String)
        throws(InputError) -> Output
    {
        let output = try run(arguments, in: directory, input: input)
        guard output.status == 0 else {
            let message = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw InputError("\(what): git \(arguments.first ?? "") failed" + (message.isEmpty ? "" : ": \(message)"))
        }
        return output
    }
}

/// Data handed over from a reader thread.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()

    var data: Data {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
