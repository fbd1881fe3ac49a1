public import Foundation

/// One scratch folder per test process, under the system's temporary folder, removed when the
/// process exits: every temporary file and folder the tests of both test targets make goes
/// inside it, so a test run leaves nothing behind however its tests end.
public enum TestScratch {
    /// The process's scratch folder, made on first use.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("glossary-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        scratchPath = url.path
        atexit {
            if let path = scratchPath { try? FileManager.default.removeItem(atPath: path) }
        }
        return url
    }()

    /// A fresh name inside `root`.
    public static func url(_ name: String) -> URL {
        root.appendingPathComponent("\(name)-\(UUID().uuidString)")
    }

    /// A new file inside `root` holding `contents`, named with the extension `ext`; its path.
    public static func file(_ contents: String, extension ext: String) throws -> String {
        let url = url("file").appendingPathExtension(ext)
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}

/// `TestScratch.root` for the exit handler, which cannot capture values.
nonisolated(unsafe) private var scratchPath: String?
