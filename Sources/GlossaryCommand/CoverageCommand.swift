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
            by sentence length), or bilingual files (XLIFF, PO, TMX, .xcstrings, i18n JSON). Files \
            (or a folder's files) whose names differ only by a language tag — report.id.md and \
            report.en.md, or id/report.md and en/report.md — are grouped into one table per text. \
            The configuration (.glossary.yml) gives the glossary, the source language and the \
            parallel sets. A gap is a language that does not name a concept other versions name, \
            marked as check reports it: — missing (named in the source, or in at least half of \
            the versions), · divergent (named in fewer than half), ? not compared (a set aligned \
            with low confidence).
            """)

    @OptionGroup var glossary: GlossaryOptions

    @OptionGroup var configurationFile: ConfigurationOptions

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: CoverageTable.Format = .text

    @Flag(name: .customLong("by-segment"), help: "Also list the counts of every translation set (unit, paragraph, article).")
    var bySegment = false

    @OptionGroup var sets: TranslationSetOptions

    func validate() throws {
        if sets.paths.isEmpty { throw ValidationError("give the files of a translation set") }
    }

    func run() throws {
        let configuration = try configurationFile.load(glossary: glossary)
        let glossary = try self.glossary.load(configuration: configuration)
        let checker = CrossLanguageChecker(compiled: try CompiledGlossary(glossary))
        let sourceLanguage = try source.resolve(configuration: configuration, known: checker.analyzer.compiled.languages)
        let corpora: [AnalyzedCorpus]
        do {
            corpora = try checker.coverageCorpus(
                paths: sets.paths, options: CheckOptions(language: sets.languageTag, sourceLanguage: sourceLanguage),
                grouping: sets.grouping, configuration: configuration)
        } catch {
            throw CommandFailure.input(error)
        }
        for (index, corpus) in corpora.enumerated() {
            if corpora.count > 1 {
                let name = corpus.texts.map(\.segmented.path).joined(separator: ", ")
                Output.print(
                    (index > 0 ? "\n" : "") + (format == .markdown ? "## \(name)\n\n" : format == .text ? "\(name):\n" : ""))
            }
            Output.print(CoverageTable(corpus, bySegment: bySegment).render(format))
        }
    }
}
