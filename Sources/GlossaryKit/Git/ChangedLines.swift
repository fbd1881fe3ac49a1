import Foundation

/// The lines of each file added or changed since a git revision: what `glossary check --diff`
/// reports findings on.
///
/// Read from `git diff -U0 -M` (no context lines, renames followed, so that a renamed file's
/// unchanged lines are not new). The parser reads the patch as bytes and relies only on its
/// structure: a file's header starts at `diff --git`, its new name is on the `+++` line (C-quoted
/// by git when it holds a quote, a backslash or a control character; `core.quotepath` is turned
/// off so that other bytes come as they are), and each hunk header `@@ -a,b +c,d @@` gives the
/// new lines `c…c+d-1`. Hunk bodies are skipped by their first byte, so a removed line that reads
/// `-- a/x` is never taken for a header; binary files have no hunks and no lines.
package struct ChangedLines: Sendable, Equatable {
    /// The added or changed lines by repository path (the new name), as sorted ranges.
    package var ranges: [[UInt8]: [ClosedRange<Int>]] = [:]

    package init(ranges: [[UInt8]: [ClosedRange<Int>]] = [:]) {
        self.ranges = ranges
    }

    /// Whether line `line` (1-based) of the file at repository path `path` was added or changed.
    ///
    /// - Complexity: O(log *r*) for *r* ranges in the file.
    package func contains(_ line: Int, in path: [UInt8]) -> Bool {
        guard let ranges = ranges[path] else { return false }
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < line { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(line)
    }

    /// The changed lines of a `git diff -U0` patch.
    ///
    /// - Complexity: O(*n*) in the patch's length.
    package init(patch: [UInt8]) {
        var current: [UInt8]?
        var inHeader = false
        var start = 0
        while start < patch.count {
            let end = patch[start...].firstIndex(of: 0x0A) ?? patch.count
            let line = patch[start..<end]
            start = end + 1
            if line.starts(with: Self.fileStart) {
                current = nil
                inHeader = true
            } else if inHeader, line.starts(with: Self.newName) {
                current = Self.path(afterPrefix: line.dropFirst(Self.newName.count))
            } else if line.starts(with: Self.hunkStart) {
                inHeader = false
                guard let current, let range = Self.newLines(ofHunkHeader: line) else { continue }
                ranges[current, default: []].append(range)
            }
            // Anything else is a header line (index, mode, rename, Binary files …) or a hunk's
            // body line (` `, `+`, `-`, `\ No newline at end of file`).
        }
        for path in ranges.keys { ranges[path]!.sort { $0.lowerBound < $1.lowerBound } }
    }

    private static let fileStart = Array("diff --git ".utf8)
    private static let newName = Array("+++ ".utf8)
    private static let hunkStart = Array("@@ ".utf8)

    /// The repository path of a `+++` line's name: `b/path` or `"b/pa\"th"`; nil for
    /// `/dev/null` (a deleted file).
    static func path(afterPrefix name: ArraySlice<UInt8>) -> [UInt8]? {
        var bytes: [UInt8]
        if name.first == 0x22 {
            guard let unquoted = unquote(name) else { return nil }
            bytes = unquoted
        } else {
            bytes = Array(name)
            // Git ends a name holding a space with a tab, so that trailing spaces show.
            if bytes.last == 0x09 { bytes.removeLast() }
        }
        guard bytes.starts(with: Array("b/".utf8)) else { return nil }
        return Array(bytes.dropFirst(2))
    }

    /// A C-quoted name as git writes it (`"…"`, with `\\`, `\"`, `\t`, `\n` and octal escapes).
    static func unquote(_ quoted: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        var index = quoted.startIndex + 1
        while index < quoted.endIndex {
            let byte = quoted[index]
            if byte == 0x22 { return result }
            guard byte == 0x5C else {
                result.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < quoted.endIndex else { return nil }
            let escaped = quoted[index]
            switch escaped {
            case UInt8(ascii: "a"): result.append(0x07)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "v"): result.append(0x0B)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard index + 2 < quoted.endIndex else { return nil }
                var value = 0
                for digit in quoted[index...(index + 2)] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { return nil }
                    value = value * 8 + Int(digit - UInt8(ascii: "0"))
                }
                guard value <= 255 else { return nil }
                result.append(UInt8(value))
                index += 2
            default: result.append(escaped)
            }
            index += 1
        }
        return nil
    }

    /// The new lines of a hunk header `@@ -a[,b] +c[,d] @@…`: `c…c+d-1`, nil when `d` is 0 (a
    /// hunk that only removes lines).
    static func newLines(ofHunkHeader line: ArraySlice<UInt8>) -> ClosedRange<Int>? {
        let text = String(decoding: line, as: UTF8.self)
        guard let plus = text.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { return nil }
        let numbers = plus.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
        guard let first = numbers.first.flatMap({ Int($0) }) else { return nil }
        let count = numbers.count > 1 ? Int(numbers[1]) ?? 0 : 1
        guard count > 0, first > 0 else { return nil }
        return first...(first + count - 1)
    }
}

/// What changed in a repository since a revision: the files and their new lines.
package struct GitChanges: Sendable {
    /// The changed files (added, copied, modified, renamed; regular files), under their new names.
    package var files: [StagedFiles.Entry]
    /// Their added and changed lines.
    package var lines: ChangedLines
    /// The repository.
    package var repository: StagedFiles.Repository

    /// The changes since `revision`: from the merge base of `revision` and `HEAD` to the working
    /// tree (`git diff $(git merge-base REV HEAD)`), or to the index when `staged` — for a
    /// pull request, the lines its branch added whatever the target branch did since.
    ///
    /// - Throws: `InputError` outside a repository, when `revision` names no commit, or when git
    ///   fails.
    package init(since revision: String, staged: Bool, in directory: String? = nil) throws(InputError) {
        repository = try StagedFiles.Repository(in: directory, what: "--diff needs a git repository")
        let base = try Self.base(of: revision, in: repository.top)
        let side = staged ? ["--cached", base] : [base]
        files = try repository.changedEntries(side, what: "cannot list the files changed since \(revision)")
        let patch = try Git.checked(
            [
                "-c", "core.quotepath=off", "diff", "-U0", "-M", "--no-color", "--no-ext-diff", "--no-textconv",
                "--src-prefix=a/", "--dst-prefix=b/", "--no-relative",
            ] + side + ["--"], in: repository.top, what: "cannot compare with \(revision)")
        lines = ChangedLines(patch: patch.stdout)
    }

    /// The commit lines are counted from: the merge base of `revision` and `HEAD`, or `revision`
    /// itself when they share no history or there is no `HEAD` yet.
    static func base(of revision: String, in top: String) throws(InputError) -> String {
        let resolved = try Git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], in: top)
        let commit = resolved.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard resolved.status == 0, !commit.isEmpty else {
            throw InputError("--diff: '\(revision)' is not a revision of this repository (a commit, branch or tag)")
        }
        let merged = try Git.run(["merge-base", commit, "HEAD"], in: top)
        let base = merged.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return merged.status == 0 && !base.isEmpty ? base : commit
    }
}
