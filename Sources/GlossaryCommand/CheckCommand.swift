import ArgumentParser
import GlossaryKit

/// `glossary check`: reports deprecated, inconsistent and mis-cased terms in drafts.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check texts against the glossary.",
        discussion: """
            Checks plain text and Markdown (code, URLs and HTML comments are skipped). The language \
            of a text comes from --lang, else its name (report.id.md, abstract_su.txt, en/…), else \
            it is detected per paragraph.
            """)

    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of every text (a BCP 47 tag such as id, en, su).", valueName: "code"))
    var language: String?

    @Option(name: .long, help: "Markup of the texts: plain or markdown (default: from the file name; plain for standard input).")
    var markup: MarkupArgument?

    @Option(name: .long, help: "Threads to use (default: all cores).")
    var jobs: Int?

    @Flag(name: .long, help: "The files are versions of one text in different languages: also align them and run the cross-language rules.")
    var parallel = false

    @Argument(help: ArgumentHelp("Files or folders to check; - reads standard input.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to check (or - for standard input)") }
        if let language, LanguageTag(language) == nil {
            throw ValidationError("'\(language)' is not a valid language tag (e.g. id, en, su, en-GB)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let compiled: CompiledGlossary
        do {
            compiled = try self.glossary.loadCompiled()
        } catch let failure as CommandFailure {
            throw failure.exitCode
        }
        let files: [String]
        do {
            files = try CheckRunner.files(for: paths)
        } catch {
            throw CommandFailure.input(error).exitCode
        }
        let checker = GlossaryChecker(compiled: compiled)
        let runner = CheckRunner(
            checker: checker,
            options: CheckOptions(language: language.flatMap(LanguageTag.init), markup: markup?.markup),
            jobs: jobs)
        var (report, errors) = runner.run(files: files)
        if parallel, errors.isEmpty {
            do {
                let notes = try report.addParallelFindings(files: files, checker: checker, options: runner.options)
                for note in notes { Output.error("note: " + note) }
            } catch {
                errors.append(error)
            }
        }
        for error in errors { Output.error(error.description) }
        Output.print(Reporter.render(report, format: output.format))
        if !errors.isEmpty { throw ExitCode(ExitStatus.usage) }
        if report.fails(at: output.failOn) { throw ExitCode(ExitStatus.findings) }
    }
}

/// The `--markup` values.
enum MarkupArgument: String, ExpressibleByArgument, CaseIterable {
    case plain
    case markdown

    var markup: Tokenizer.Markup { self == .plain ? .plain : .markdown }
}
