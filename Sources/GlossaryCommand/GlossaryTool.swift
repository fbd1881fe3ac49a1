import ArgumentParser
import GlossaryKit

/// `glossary`: keeps terminology consistent within and across languages.
struct GlossaryTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Keep terminology consistent within and across languages.",
        discussion: """
            Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for bad usage, \
            unreadable input or an invalid glossary.
            """,
        version: GlossaryKitInfo.version,
        subcommands: [
            CheckCommand.self, LookupCommand.self, LintCommand.self, ConvertCommand.self, CoverageCommand.self,
            ReportCommand.self,
            EvaluateCommand.self, InitCommand.self, InstallHookCommand.self, LspCommand.self,
        ],
        defaultSubcommand: nil)
}
