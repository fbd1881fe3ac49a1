import Foundation

/// Installs a plain git pre-commit hook that runs `glossary check --staged`, without the
/// pre-commit framework.
///
/// The hook goes where git looks for hooks: `core.hooksPath` when set, else the repository's
/// hooks folder (`git rev-parse --git-path hooks`, which also handles worktrees). A hook this
/// tool wrote — byte for byte the script it writes, for whatever binary — is replaced. Any other
/// hook is first copied to `pre-commit.backup` (or `.backup.1`, …): one with the marker line
/// (an edited copy of ours, or another script that quotes it) is replaced after that; one
/// without it is kept unless `force` is set.
package enum HookInstaller {
    /// The line that identifies a hook written by `glossary install-hook`.
    package static let marker = "# glossary-hook: installed by `glossary install-hook`"

    /// What `install` did.
    package enum Outcome: Sendable, Equatable {
        case installed(hook: String)
        case updated(hook: String)
        case replaced(hook: String, backup: String)
    }

    /// The folder git runs hooks from, for the repository holding `directory`.
    package static func hooksFolder(in directory: String? = nil) throws(InputError) -> String {
        let here = directory ?? FileManager.default.currentDirectoryPath
        let top = try Git.checked(["rev-parse", "--show-toplevel"], in: here, what: "install-hook needs a git repository")
            .text.trimmingCharacters(in: .newlines)
        let configured = try Git.run(["config", "--get", "core.hooksPath"], in: here).text.trimmingCharacters(in: .newlines)
        if !configured.isEmpty {
            var path = configured
            if path.hasPrefix("~/") { path = NSHomeDirectory() + path.dropFirst() }
            return Paths.absolute(path, from: top)
        }
        let gitPath = try Git.checked(["rev-parse", "--git-path", "hooks"], in: here, what: "cannot find the hooks folder")
            .text.trimmingCharacters(in: .newlines)
        return Paths.absolute(gitPath, from: here)
    }

    /// The hook script. `executable` is tried first (the binary that installed the hook), then
    /// `glossary` on `PATH`.
    package static func script(executable: String?) -> String {
        let quoted = executable.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" } ?? "''"
        return """
            #!/bin/sh
            \(marker)
            # Checks the staged content of text files against the glossary; a finding stops the commit.
            # Skip it once with `git commit --no-verify`; settings come from .glossary.yml.
            glossary=\(quoted)
            if [ -z "$glossary" ] || [ ! -x "$glossary" ]; then
              glossary=$(command -v glossary) || {
                echo "pre-commit: glossary is not installed (or not on PATH); install it or remove this hook" >&2
                exit 1
              }
            fi
            exec "$glossary" check --staged

            """
    }

    /// Whether `bytes` are exactly the script `script(executable:)` writes, for the binary its
    /// `glossary=` line names: a hook this tool wrote and nobody changed.
    static func isOwnScript(_ bytes: [UInt8]) -> Bool {
        guard let text = String(validating: bytes, as: UTF8.self),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("glossary=") })
        else { return false }
        // The line is `glossary='…'` with each ' written '\'' (see `script(executable:)`).
        let quoted = line.dropFirst("glossary=".count)
        guard quoted.count >= 2, quoted.hasPrefix("'"), quoted.hasSuffix("'") else { return false }
        let executable = String(quoted.dropFirst().dropLast()).replacingOccurrences(of: "'\\''", with: "'")
        return Array(script(executable: executable.isEmpty ? nil : executable).utf8) == bytes
    }

    /// Writes the hook for the repository holding `directory`.
    ///
    /// - Throws: `InputError` outside a repository, when a foreign hook without the marker line
    ///   exists and `force` is false, or when a file cannot be written; nothing is changed then.
    package static func install(in directory: String? = nil, executable: String?, force: Bool) throws(InputError) -> Outcome {
        let folder = try hooksFolder(in: directory)
        let hook = folder + "/pre-commit"
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError("cannot create the hooks folder: \(error.localizedDescription)", file: folder)
        }
        var outcome = Outcome.installed(hook: hook)
        if manager.fileExists(atPath: hook) || (try? manager.destinationOfSymbolicLink(atPath: hook)) != nil {
            var link = stat()
            let isLink = lstat(hook, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
            let existing = isLink ? nil : manager.contents(atPath: hook)
            if let existing, isOwnScript(Array(existing)) {
                outcome = .updated(hook: hook)
            } else {
                let mentionsMarker = existing.map { String(decoding: $0, as: UTF8.self).contains(marker) } ?? false
                guard force || mentionsMarker else {
                    throw InputError(
                        "a pre-commit hook that glossary did not write is already there; rerun with --force to replace it (it will be kept as pre-commit.backup), or call `glossary check --staged` from it",
                        file: hook)
                }
                var backup = hook + ".backup"
                var number = 1
                while manager.fileExists(atPath: backup) || (try? manager.destinationOfSymbolicLink(atPath: backup)) != nil {
                    backup = hook + ".backup.\(number)"
                    number += 1
                }
                do {
                    try manager.copyItem(atPath: hook, toPath: backup)
                } catch {
                    throw InputError(
                        "cannot back up the existing hook: \(error.localizedDescription); nothing changed", file: hook)
                }
                outcome = .replaced(hook: hook, backup: backup)
            }
        }
        try AtomicFile.write(Array(script(executable: executable).utf8), to: hook, mode: 0o755)
        return outcome
    }
}
