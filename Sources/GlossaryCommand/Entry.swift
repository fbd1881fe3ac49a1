import ArgumentParser
import Foundation

/// Starts the tool. Usage errors exit with status 2, like input errors, rather than
/// ArgumentParser's default 64, so that scripts see one code for "the run itself was wrong".
@main
enum Entry {
    static func main() {
        do {
            var command = try GlossaryTool.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            // Printed here once for every command: the message, then exit status 2.
            Foundation.exit(failure.exitCode.rawValue)
        } catch {
            let code = GlossaryTool.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((GlossaryTool.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            GlossaryTool.exit(withError: error)
        }
    }
}

/// The exit statuses of every command.
enum ExitStatus {
    /// No finding at or above `--fail-on`.
    static let clean: Int32 = 0
    /// A finding at or above `--fail-on`.
    static let findings: Int32 = 1
    /// Bad usage, an unreadable or invalid input, glossary or configuration.
    static let usage: Int32 = 2
}
