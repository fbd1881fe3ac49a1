import ArgumentParser
import Foundation
import GlossaryKit

/// `glossary report`: writes the review page, one HTML file with the versions side by side.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML review page: the versions side by side, terms coloured by concept, findings and gaps inline.",
        discussion: """
            PATH… is taken as `glossary coverage` takes it: one multilingual document (its language \
            sections are aligned), several versions of one text (parallel files), or bilingual files \
            (XLIFF, PO, TMX, .xcstrings, i18n JSON). The page shows each translation set as a row with \
            its alignment confidence, every glossary term coloured and numbered by concept (hover or \
            focus one for its concept card), the findings of `glossary check` where they are, the \
            concepts a version leaves out, and the coverage table as a heat map. It is one \
            self-contained file that loads nothing: style and script are inside it. More than \
            \(ReviewPage.setsPerPage) translation sets are shown in pages. The file is replaced \
            whole (written beside it, then renamed): a failed run leaves the old one as it was.
            """)

    @OptionGroup var glossary: GlossaryOptions

    @OptionGroup var configurationFile: ConfigurationOptions

    @OptionGroup var source: SourceOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write (replaced if it exists).", valueName: "file"))
    var output: String

    @Option(name: .long, help: "The page's title (default: the files' names).")
    var title: String?

    @OptionGroup var sets: TranslationSetOptions

    func validate() throws {
        if sets.paths.isEmpty { throw ValidationError("give the files to review") }
        if sets.paths.contains("-") { throw ValidationError("report reads files, not standard input") }
        if output.isEmpty || output == "-" { throw ValidationError("-o takes the path of the HTML file to write") }
    }

    func run() throws {
        let configuration = try configurationFile.load(glossary: glossary)
        let compiled = try self.glossary.loadCompiled(configuration: configuration)
        try refuseOverwritingInputs(configuration: configuration)
        let crossChecker = CrossLanguageChecker(compiled: compiled)
        let sourceLanguage = try source.resolve(configuration: configuration, known: compiled.languages)
        let options = CheckOptions(
            language: sets.languageTag, ruleSettings: configuration?.ruleSettings ?? [:],
            sourceLanguage: sourceLanguage)
        let corpora: [AnalyzedCorpus]
        do {
            corpora = try crossChecker.coverageCorpus(
                paths: sets.paths, options: options, grouping: sets.grouping, configuration: configuration)
        } catch {
            throw CommandFailure.input(error)
        }
        var runner = CheckRunner(checker: GlossaryChecker(compiled: compiled), options: options)
        runner.configuration = configuration
        let (findings, errors) = runner.reviewFindings(for: corpora)
        guard errors.isEmpty else {
            for error in errors { Output.error(error.description) }
            Output.error("error: \(output) was not written")
            throw ExitCode(ExitStatus.usage)
        }
        let names = corpora.flatMap { $0.texts.map { ($0.segmented.path as NSString).lastPathComponent } }
        let page = ReviewPage(
            corpora: corpora, findings: findings, title: title ?? "Terminology review: " + names.joined(separator: ", "),
            generator: "glossary \(GlossaryKitInfo.version)")
        do {
            try AtomicFile.write(Array(page.render().utf8), to: output)
        } catch {
            throw CommandFailure.input(error)
        }
        Output.error(
            "glossary: wrote \(output): \(English.counted(corpora.reduce(0) { $0 + $1.sets.count }, "translation set")), "
                + English.counted(findings.count, "finding"))
    }

    /// Refuses an output path that is one of the files read — an input, a glossary file, the
    /// configuration — under any name: the page would replace the text it shows.
    private func refuseOverwritingInputs(configuration: Configuration?) throws {
        try glossary.refuseOverwriting(
            output, what: "the report", option: "-o", inputs: (try? CheckRunner.files(for: sets.paths)) ?? sets.paths,
            configuration: configuration)
    }
}
