/// How a check finds its configuration and glossary when it is not told: the rules
/// `glossary check` follows, here so that every front end (the CLI, the language server)
/// follows the same ones.
///
/// The configuration is the `.glossary.yml` nearest the folder the check runs from
/// (`Configuration.discover(from:)`). The glossary is the one named by the caller, else the
/// configuration's `glossary` setting, else the nearest `glossary/` folder that holds glossary
/// files (`GlossaryLoader.discover(from:)`).
package enum ProjectDiscovery {
    /// Where a check's glossary paths came from.
    package enum GlossaryOrigin: Sendable, Equatable {
        /// Named by the caller (`--glossary`).
        case named
        /// The `glossary` setting of the configuration.
        case configuration
        /// The nearest `glossary/` folder.
        case discovered
    }

    /// The glossary paths of a check run from `directory` (default: the current folder):
    /// `named` when it is not empty, else the configuration's glossaries, else the nearest
    /// `glossary/` folder; nil when there is none of the three.
    package static func glossaryPaths(
        named: [String], configuration: Configuration?, from directory: String? = nil
    ) -> (paths: [String], origin: GlossaryOrigin)? {
        if !named.isEmpty { return (named, .named) }
        if let configuration, !configuration.glossaries.isEmpty { return (configuration.glossaries, .configuration) }
        return GlossaryLoader.discover(from: directory).map { ([$0], .discovered) }
    }

    /// Reads the configuration file at `path`, which may set the severity of any built-in rule,
    /// monolingual (`Rules.all`) or cross-language (`Rules.crossLanguage`).
    package static func readConfiguration(contentsOf path: String) throws(InputError) -> Configuration {
        try ConfigurationReader.read(contentsOf: path, knownRules: knownRules)
    }

    /// Reads `text` as the configuration file at `path` (an editor's unsaved text of it), as
    /// `readConfiguration(contentsOf:)` reads the file.
    package static func readConfiguration(_ text: String, path: String) throws(InputError) -> Configuration {
        try ConfigurationReader.read(text, path: path, knownRules: knownRules)
    }

    /// Every rule a configuration may set.
    private static var knownRules: Set<String> { Set(Rules.all.map(\.id) + Rules.crossLanguage.map(\.id)) }
}
