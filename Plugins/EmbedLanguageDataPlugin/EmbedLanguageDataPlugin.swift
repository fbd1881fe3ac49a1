import Foundation
import PackagePlugin

/// Embeds GlossaryKit's language data (`Languages/Data/*.yml`) in the library as Swift source.
///
/// The data files stay YAML, the form linguists edit, and remain the only copy in the repository.
/// Compiling them into the library means neither the `glossary` binary nor an app built on
/// GlossaryKit looks up a resource bundle at run time, so a copied binary works without its
/// build folder. Each file is also embedded composed (parsed, its scalars' tags resolved), which
/// the library reads without a YAML parser at the start of every run. The build runs this again
/// whenever a data file changes.
@main
struct EmbedLanguageDataPlugin: BuildToolPlugin {
    /// The folder, relative to the target, whose `.yml` files are embedded.
    static let dataFolder = "Languages/Data"

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: Self.dataFolder).standardizedFileURL.path + "/"
        let inputs = target.sourceFiles
            .map(\.url)
            .filter { $0.pathExtension == "yml" && $0.standardizedFileURL.path.hasPrefix(folder) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLanguageData.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) language data files in \(target.name)",
                executable: try context.tool(named: "EmbedLanguageData").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
