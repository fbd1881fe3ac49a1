import ArgumentParser
import GlossaryLanguageServer

/// `glossary lsp`: the language server, over standard input and output.
struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP over standard input and output) for editors.",
        discussion: """
            Editors start this command and talk to it in the Language Server Protocol; see \
            docs/editors.md for Neovim, VS Code, Helix and Zed. Markdown and plain-text documents \
            get the findings of `check` as diagnostics while they are edited, with the \
            configuration (.glossary.yml) and the glossary found for each workspace folder as \
            `check` finds them from that folder. Exit status: 0 after the client's shutdown and \
            exit, 1 when the client exits or goes away without shutdown.
            """)

    @OptionGroup var glossary: GlossaryOptions

    @Flag(name: .long, help: "Talk over standard input and output (the only transport; accepted because clients pass it).")
    var stdio = false

    func run() throws {
        let status = LanguageServerMain.run(
            options: LanguageServerOptions(
                glossaryPaths: glossary.paths, usesCache: !glossary.noCache, verbose: glossary.verbose))
        throw ExitCode(status)
    }
}
