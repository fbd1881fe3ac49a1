import Foundation

/// Path arithmetic for configurations and baselines: absolute and relative forms of `/` paths.
public enum Paths {
    /// `path` made absolute against `directory` (default: the current folder), with `.` and `..`
    /// resolved textually.
    public static func absolute(_ path: String, from directory: String? = nil) -> String {
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
    public static func relative(_ path: String, to base: String) -> String {
        let target = absolute(path).split(separator: "/")
        let from = absolute(base).split(separator: "/")
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let ups = Array(repeating: Substring(".."), count: from.count - common)
        let result = (ups + target[common...]).joined(separator: "/")
        return result.isEmpty ? "." : result
    }

    /// The path of `name` in `directory` (default: the current folder) or its nearest ancestor
    /// that has one, as git finds `.git`; `folder` says whether a folder or a file is wanted.
    public static func nearest(_ name: String, folder: Bool, from directory: String? = nil) -> String? {
        var url = URL(fileURLWithPath: directory ?? FileManager.default.currentDirectoryPath).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue == folder {
                return candidate.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
