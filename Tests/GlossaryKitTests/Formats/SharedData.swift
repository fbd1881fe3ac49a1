import Foundation
import TestLocations
import TestScratch

/// Locates `../shared/data` next to the package, for tests that read real material.
enum SharedData {
    /// `../shared/data` relative to the package root, or `nil` (with a printed reason) when absent.
    static func directory(_ test: String = #function) -> URL? {
        let url = TestPackage.root.deletingLastPathComponent().appendingPathComponent("shared/data")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        print("skipped \(test): \(url.path) is absent")
        return nil
    }

    /// The path of a file under `shared/data`, or `nil` when the folder is absent.
    static func path(_ relative: String, _ test: String = #function) -> String? {
        directory(test).map { $0.appendingPathComponent(relative).path }
    }

    /// A temporary file with `contents`, removed when the process ends (see `TestScratch`).
    static func temporaryFile(_ contents: String, extension ext: String) throws -> String {
        let url = TestScratch.url("file").appendingPathExtension(ext)
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}
