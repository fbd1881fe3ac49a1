import ArgumentParser
import Foundation
import GlossaryKit

/// `glossary install-hook`: a git pre-commit hook that checks the staged content.
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that runs `glossary check --staged`.",
        discussion: """
            Writes pre-commit in the repository's hooks folder (core.hooksPath when set). The hook \
            needs no framework and judges the staged version of each file. An existing hook that \
            glossary did not write is kept unless --force, which first saves it as \
            pre-commit.backup.
            """)

    @Flag(name: .long, help: "Replace a pre-commit hook glossary did not write (it is kept as pre-commit.backup).")
    var force = false

    func run() throws {
        let outcome: HookInstaller.Outcome
        do {
            outcome = try HookInstaller.install(executable: Self.executablePath(), force: force)
        } catch {
            throw CommandFailure.input(error)
        }
        switch outcome {
        case let .installed(hook): Output.print("Installed the pre-commit hook at \(hook).\n")
        case let .updated(hook): Output.print("Updated the pre-commit hook at \(hook).\n")
        case let .replaced(hook, backup):
            Output.print("Installed the pre-commit hook at \(hook); the previous hook is kept as \(backup).\n")
        }
    }

    /// The absolute path of the running binary, when it can be known.
    static func executablePath() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        let first = CommandLine.arguments.first ?? ""
        return first.contains("/") ? Paths.absolute(first) : nil
    }
}
