import ArgumentParser
import GlossaryKit

/// `glossary lookup`: what does the glossary call this, in every language?
struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show every concept with a term matching TEXT, with all its terms per language.",
        discussion: """
            Matching ignores case and Unicode differences and accepts inflected forms (hak-hak pekerja, migrant workers). \
            A text that matches one of a term's exception phrases (maid of honour) is reported as such: there the term \
            names no concept.
            """)

    @OptionGroup var glossary: GlossaryOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Argument(help: "The term to look up.")
    var text: String

    func validate() throws {
        if text.allSatisfy(\.isWhitespace) { throw ValidationError("give a term to look up") }
        if format != .text && format != .json { throw ValidationError("lookup prints text or json, not \(format.rawValue)") }
    }

    func run() throws {
        let compiled = try self.glossary.loadCompiled()
        let lookup = TermLookup(compiled: compiled)
        let result = try lookup.lookUp(text)
        switch format {
        case .text: Output.print(TermLookup.renderText(result, query: text))
        default: Output.print(TermLookup.renderJSON(result).serialized() + "\n")
        }
        // An exception phrase names no concept: the status says whether a concept was found.
        if result.concepts.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}
