import Foundation

/// Path arithmetic for configurations and baselines (absolute and relative forms of `/` paths),
/// and the bounds of searches for project files.
package enum Paths {
    /// `path` made absolute against `directory` (default: the current folder), with `.` and `..`
    /// resolved textually.
    package static func absolute(_ path: String, from directory: String? = nil) -> String {
        let base = directory ?? FileManager.default.currentDirectoryPath
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var components: [Substring] = []
        for component in joined.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// `path` relative to the folder `base` (both made absolute first): `docs/a.md`, or with `..`
    /// components when `path` is outside `base`.
    package static func relative(_ path: String, to base: String) -> String {
        let target = absolute(path).split(separator: "/")
        let from = absolute(base).split(separator: "/")
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let ups = Array(repeating: Substring(".."), count: from.count - common)
        let result = (ups + target[common...]).joined(separator: "/")
        return result.isEmpty ? "." : result
    }

    /// Folder names that a search through a folder tree never enters, besides hidden folders:
    /// build output and installed dependencies (SwiftPM's `.build` is hidden already).
    package static let buildFolderNames: Set<String> = ["build", "DerivedData", "node_modules"]

    /// Whether a search through a folder tree skips the folder named `name`: a hidden folder or a
    /// build folder (`buildFolderNames`).
    package static func isSkippedFolder(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || buildFolderNames.contains(String(name))
    }

    /// The folders a search for project files looks in, nearest first: `directory` (default: the
    /// current folder), then its parents up to and including the first that is a repository root
    /// (has a `.git` entry, as a clone, a worktree or a submodule does) or the home folder
    /// (default: the user's, `$HOME`), whichever comes first; outside both, up to `/`.
    ///
    /// Stopping there keeps a search started inside one project from picking up files of an
    /// unrelated tree above it.
    package static func searchedFolders(from directory: String? = nil, home: String? = nil) -> [String] {
        let manager = FileManager.default
        // `$HOME` as the shell and git see it; Foundation's home folder may ignore it.
        let userHome = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        let home = (home.map { URL(fileURLWithPath: $0) } ?? userHome ?? manager.homeDirectoryForCurrentUser).standardizedFileURL
        let homes: Set<String> = [home.path, home.resolvingSymlinksInPath().path]
        var url = URL(fileURLWithPath: directory ?? manager.currentDirectoryPath).standardizedFileURL
        var folders: [String] = []
        while true {
            folders.append(url.path)
            if manager.fileExists(atPath: url.appendingPathComponent(".git").path) || homes.contains(url.path) { break }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return folders
    }

    /// The path of `name` in the nearest of the `searchedFolders(from:)` that has one for which
    /// `accept` holds, as git finds `.git`; `folder` says whether a folder or a file is wanted.
    package static func nearest(
        _ name: String, folder: Bool, from directory: String? = nil, where accept: (String) -> Bool = { _ in true }
    ) -> String? {
        for candidate in searchedFolders(from: directory).map({ ($0 as NSString).appendingPathComponent(name) }) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue == folder,
                accept(candidate)
            {
                return candidate
            }
        }
        return nil
    }
}
