import GlossaryKit

/// The lists that help texts give, made from the constants the code itself uses, so that the
/// help cannot drift from what the commands do (the README is held to the same constants by
/// the tests).
enum HelpText {
    /// The glossary formats by name: `YAML, TBX, CSV or TSV`.
    static let glossaryFormats = English.list(GlossaryFormat.allCases.map(\.displayName), "or")

    /// The file endings read as glossary files in a folder: `.yml, .yaml, .tbx, .csv or .tsv`.
    static let glossaryExtensions = English.list(GlossaryLoader.allExtensions.map { "." + $0 }, "or")

    /// Every ending a glossary file to convert may have, by format: `.yml/.yaml, .tbx/.xml, …`.
    static let convertibleExtensions = English.list(
        GlossaryFormat.allCases.map { $0.fileExtensions.map { "." + $0 }.joined(separator: "/") }, "or")

    /// The text file endings a folder search picks up: `.markdown, .md, …`.
    static let folderTextExtensions = English.list(CheckRunner.textExtensions.sorted().map { "." + $0 }, "and")

    /// The bilingual file endings a folder search picks up: `.po, .tmx, …`.
    static let folderBilingualExtensions = English.list(CheckRunner.bilingualExtensions.sorted().map { "." + $0 }, "and")
}
