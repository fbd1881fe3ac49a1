public import ArgumentParser
import Foundation
import GlossaryKit

extension GlossaryFormat: ExpressibleByArgument {}
extension CSVLayout: ExpressibleByArgument {}

/// `glossary convert`: rewrites a glossary in another format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary between \(English.list(GlossaryFormat.allCases.map(\.displayName), "and")).",
        discussion: """
            The formats come from the file extensions (\(HelpText.convertibleExtensions)) or --to. \
            Data the target format cannot hold is listed as a warning. Exit status 2 on unreadable \
            input or when OUT exists without --force.
            """)

    @Argument(help: ArgumentHelp("The glossary file to read, or a folder of glossary files to merge.", valueName: "in"))
    var input: String

    @Argument(help: ArgumentHelp("The file to write.", valueName: "out"))
    var output: String

    @Option(
        help: "The output format: \(English.list(GlossaryFormat.allCases.map(\.rawValue), "or")) (default: from OUT's extension)."
    )
    var to: GlossaryFormat?

    @Option(name: .customLong("csv-layout"), help: "CSV/TSV layout: wide (one row per concept) or long (one row per term).")
    var csvLayout: CSVLayout = .long

    @Flag(help: "Overwrite OUT if it exists.")
    var force = false

    func validate() throws {
        if to == nil, GlossaryFormat(path: output) == nil {
            throw ValidationError(
                "cannot tell the output format from '\(output)'; pass --to \(GlossaryFormat.allCases.map(\.rawValue).joined(separator: "|"))"
            )
        }
        var isDirectory: ObjCBool = false
        let isFolder = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) && isDirectory.boolValue
        if !isFolder, GlossaryFormat(path: input) == nil {
            throw ValidationError("cannot tell the format of '\(input)'; use \(HelpText.convertibleExtensions)")
        }
    }

    func run() throws {
        let report: GlossaryConverter.Report
        do {
            report = try GlossaryConverter.convert(input: input, output: output, to: to, csvLayout: csvLayout, overwrite: force)
        } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.usage)
        }
        for diagnostic in report.diagnostics { Output.error(diagnostic.description) }
        for omission in report.omissions { Output.error("warning: \(output) cannot hold \(omission)") }
        Output.error(
            "wrote \(English.counted(report.concepts, "concept")), \(English.counted(report.terms, "term")) to \(output)")
    }
}
