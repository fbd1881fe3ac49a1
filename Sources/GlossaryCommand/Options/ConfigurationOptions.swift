import ArgumentParser
import GlossaryKit

/// Which `.glossary.yml` a command follows: `--config`, else the nearest one; `--no-config`: none.
struct ConfigurationOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The configuration file (default: .glossary.yml here or in the nearest parent folder).", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .glossary.yml.")
    var noConfig = false

    func validate() throws {
        if config != nil && noConfig { throw ValidationError("--config and --no-config exclude each other") }
    }

    /// The configuration: `--config`, else `.glossary.yml` found from the current folder; nil with
    /// `--no-config` or when there is none. With `--verbose`, says which.
    func load(glossary: GlossaryOptions) throws -> Configuration? {
        if noConfig {
            glossary.note("configuration: none (--no-config)")
            return nil
        }
        guard let path = config ?? Configuration.discover() else {
            glossary.note(
                "configuration: none (no \(Configuration.fileName) here or in a parent folder, up to the repository root or the home folder)"
            )
            return nil
        }
        glossary.note("configuration: \(GlossaryOptions.shown(path))" + (config == nil ? "" : " (--config)"))
        do {
            return try ProjectDiscovery.readConfiguration(contentsOf: path)
        } catch {
            throw CommandFailure.input(error)
        }
    }
}

/// `--source LANG`: the language the versions of a text are translated from.
struct SourceOptions: ParsableArguments {
    @Option(
        name: .customLong("source"),
        help: ArgumentHelp(
            "The language the versions of a text are translated from, one of the glossary's (such as en): parallel files and language sections are then checked as translations of it, as a bilingual file is of the source it declares. Default: the configuration's source, else none (the versions are compared with each other).",
            valueName: "code"))
    var language: String?

    func validate() throws {
        if let language, LanguageTag(language) == nil {
            throw ValidationError("--source: '\(language)' is not a valid language tag (e.g. en, id, su, en-GB)")
        }
    }

    /// `--source`, else the configuration's `source`, as a language of the glossary (whose
    /// languages are `known`); an error (exit status 2) when it is not one.
    func resolve(configuration: Configuration?, known: [LanguageTag]) throws -> LanguageTag? {
        do {
            return try SourceLanguage.resolve(
                named: language.flatMap(LanguageTag.init), configuration: configuration, known: known)
        } catch {
            throw CommandFailure.input(error)
        }
    }
}
