public import ArgumentParser
import GlossaryKit

extension CoverageTable.Format: ExpressibleByArgument {}

/// `glossary coverage`: which concepts each language version names, and where one is missing.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show a concept × language table of term counts for a translation set, gaps marked.",
        discussion: """
            PATH… is one multilingual document (its language sections are aligned), several \
            versions of one text (parallel files, aligned by paragraph or, when the counts differ, \
            by sentence length), or bilingual files (XLIFF, PO, TMX, .xcstrings, i18n JSON). A gap \
            (—) is a language that does not name a concept another language names.
            """)

    @OptionGroup var glossary: GlossaryOptions

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: CoverageTable.Format = .text

    @Flag(name: .customLong("by-segment"), help: "Also list the counts of every translation set (unit, paragraph, article).")
    var bySegment = false

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of a single plain text (disables section detection).", valueName: "code"))
    var language: String?

    @Argument(help: ArgumentHelp("The files of one translation set.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the files of a translation set") }
        if let language, LanguageTag(language) == nil { throw ValidationError("'\(language)' is not a valid language tag") }
    }

    func run() throws {
        let glossary = try self.glossary.load()
        let checker = CrossLanguageChecker(compiled: try CompiledGlossary(glossary))
        let corpora: [AnalyzedCorpus]
        do {
            corpora = try checker.coverageCorpus(paths: paths, options: CheckOptions(language: language.flatMap(LanguageTag.init)))
        } catch {
            throw CommandFailure.input(error)
        }
        for (index, corpus) in corpora.enumerated() {
            if corpora.count > 1 {
                let name = corpus.texts.map(\.segmented.path).joined(separator: ", ")
                Output.print((index > 0 ? "\n" : "") + (format == .markdown ? "## \(name)\n\n" : format == .text ? "\(name):\n" : ""))
            }
            Output.print(CoverageTable(corpus, bySegment: bySegment).render(format))
        }
    }
}
