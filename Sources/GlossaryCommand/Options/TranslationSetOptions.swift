import ArgumentParser
import GlossaryKit

/// The inputs of the commands that read translation sets, `coverage` and `report`: the paths,
/// how they are grouped, and the language of a single plain text.
struct TranslationSetOptions: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp("The language of a single plain text (disables section detection).", valueName: "code"))
    var language: String?

    @Flag(
        name: .customLong("no-parallel"),
        help:
            "Take every file on its own instead of grouping files into translation sets by name (report.id.md, report.en.md) or taking several files as versions of one text."
    )
    var noParallel = false

    @Argument(
        help: ArgumentHelp(
            "The files of one translation set, or files and folders whose files are grouped by name.", valueName: "path"))
    var paths: [String]

    /// The tag `--lang` gives, once `validate()` has accepted it.
    var languageTag: LanguageTag? { language.flatMap(LanguageTag.init) }

    /// How the paths are grouped into translation sets.
    var grouping: CrossLanguageChecker.Grouping { noParallel ? .none : .automatic }

    func validate() throws {
        if let language, LanguageTag(language) == nil { throw ValidationError("'\(language)' is not a valid language tag") }
    }
}
