import ArgumentParser
import GlossaryKit

/// `glossary lint`: validates glossary files.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate glossary files (\(HelpText.glossaryFormats)).",
        discussion: """
            Reports duplicate concept ids, terms shared by two concepts, deprecated terms equal to \
            preferred ones, concepts without a preferred term or a required language, terms the \
            tokenizer splits unexpectedly, bad language tags, unknown fields and TBX dialect \
            violations. A folder's \(HelpText.glossaryExtensions) files are read, hidden and build \
            folders skipped. With no path, lints the nearest glossary/ folder with glossary files.
            """)

    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Glossary files or folders. Default: the nearest glossary/ folder.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let paths = paths.isEmpty ? [try GlossaryOptions.discovered(otherwise: "pass a path")] : paths
        let report: CheckReport
        do {
            report = try GlossaryLinter().lint(paths: paths)
        } catch let error as InputError {
            throw CommandFailure.input(error)
        }
        Reporter.write(report, format: output.format, rules: GlossaryLinter.ruleDescriptions(for: report), to: Output.print)
        if report.fails(at: output.failOn) { throw ExitCode(ExitStatus.findings) }
    }
}
