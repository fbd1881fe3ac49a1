import ArgumentParser
import GlossaryKit

/// `glossary evaluate`: precision and recall of term matching on the labelled corpus, and a survey
/// of real texts.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure precision and recall of term matching per language and per phenomenon.",
        discussion: """
            Checks every sentence of the labelled corpus (default: Evaluation/corpus) against the \
            glossary (default: glossary/ and Evaluation/glossary.yml) and prints precision and \
            recall per language and per phenomenon, then every disagreement. Then it detects the \
            language of every paragraph of the labelled mixed documents (default: \
            Evaluation/paragraph-languages) and prints the accuracy per gold language and per \
            paragraph length, the share of paragraphs marked uncertain and the share whose terms \
            would have been missed, then every paragraph detected wrongly. With --real-texts it \
            instead runs the glossary and the language analyzers over the real texts in \
            ../shared/data and lists the matches that needed morphology and suspicious readings. \
            Exit status 1 when a language falls below --min-precision or --min-recall.
            """)

    @Option(help: ArgumentHelp("The labelled corpus: a file or a folder of *.txt files.", valueName: "path"))
    var corpus: String?

    @Option(
        help: ArgumentHelp(
            "The labelled mixed documents for paragraph-language detection: a file or a folder of *.md and *.txt files.",
            valueName: "path"))
    var paragraphLanguages: String?

    @Option(
        name: [.customLong("glossary"), .customShort("g")],
        help: ArgumentHelp(
            "A glossary file or folder (\(HelpText.glossaryFormats)); repeatable. Default: glossary/ and Evaluation/glossary.yml.",
            valueName: "path"))
    var glossaries: [String] = []

    @Flag(help: "Survey the real texts in ../shared/data instead of evaluating the corpus.")
    var realTexts = false

    @Option(
        help: ArgumentHelp(
            "The real-text folder for --real-texts. Default: ../shared/data beside the project.", valueName: "path"))
    var data: String?

    @Flag(help: "Print only the tables, not every disagreement.")
    var quiet = false

    @Option(help: "Fail when a language's precision is below this.")
    var minPrecision: Double = 0

    @Option(help: "Fail when a language's recall is below this.")
    var minRecall: Double = 0

    func validate() throws {
        guard (0...1).contains(minPrecision), (0...1).contains(minRecall) else {
            throw ValidationError("--min-precision and --min-recall are between 0 and 1")
        }
    }

    func run() throws {
        let defaults = EvaluationPaths.discover()
        let paths = glossaries.isEmpty ? defaults.glossaries : glossaries
        guard !paths.isEmpty else {
            throw CommandFailure.input(InputError("no glossary: pass --glossary PATH or run inside the project"))
        }
        let checker: GlossaryChecker
        do {
            checker = try GlossaryChecker(glossary: GlossaryLoader.load(paths: paths, onWarning: GlossaryOptions.printWarning))
        } catch let error as InputError {
            throw CommandFailure.input(error)
        }
        if realTexts {
            guard let folder = data ?? defaults.data else {
                Output.print("skipped: no real-text folder (../shared/data); pass --data PATH\n")
                return
            }
            Output.print(try RealTextSurvey(checker: checker, dataFolder: folder).run())
            return
        }
        guard let corpusPath = corpus ?? defaults.corpus else {
            throw CommandFailure.input(InputError("no corpus: pass --corpus PATH or run inside the project"))
        }
        let report: EvaluationReport
        do {
            report = try Evaluator(checker: checker).evaluate(EvaluationCorpus.load(path: corpusPath))
        } catch let error as InputError {
            throw CommandFailure.input(error)
        }
        Output.print(report.render(listErrors: !quiet))
        if let setPath = paragraphLanguages ?? (corpus == nil ? defaults.paragraphLanguages : nil) {
            do {
                let languages = try checker.evaluateParagraphLanguages(ParagraphLanguageSet.load(path: setPath))
                Output.print("\n" + languages.render(listErrors: !quiet))
            } catch let error as InputError {
                throw CommandFailure.input(error)
            }
        }
        let failing = report.byLanguage.filter { $0.value.precision < minPrecision || $0.value.recall < minRecall }
        if !failing.isEmpty {
            Output.error("below the thresholds: \(failing.keys.sorted().map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(ExitStatus.findings)
        }
    }
}
