public import ArgumentParser
import Foundation
import GlossaryKit

extension ReportFormat: ExpressibleByArgument {}

extension Severity: ExpressibleByArgument {}

/// How findings are printed and when the run fails.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Output format: text, json, sarif (SARIF 2.1.0), github (GitHub Actions annotations) or gitlab (GitLab code quality report)."
    )
    var format: ReportFormat = .text

    @Option(
        name: .customLong("fail-on"),
        help:
            "Exit with status 1 when a finding is at least this severe: info, warning or error (default: for check, fail-on in .glossary.yml; else warning)."
    )
    var failOnOption: Severity?

    /// The `--fail-on` level, `warning` when not given.
    var failOn: Severity { failOnOption ?? .warning }
}

/// Writing to standard output and standard error.
enum Output {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
