import ArgumentParser
import GlossaryKit

/// Where the glossary comes from: `--glossary` (repeatable), else the nearest `glossary/` folder.
struct GlossaryOptions: ParsableArguments {
    @Option(
        name: [.customLong("glossary"), .customShort("g")],
        help: ArgumentHelp(
            "A glossary file or folder (\(HelpText.glossaryFormats)); repeatable. Default: the nearest glossary/ folder.",
            valueName: "path"))
    var paths: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Do not read or write the compiled-glossary cache (~/.cache/glossary, or $GLOSSARY_CACHE_DIR).")
    var noCache = false

    /// The glossary paths: `--glossary`, else the configuration's glossaries, else the nearest
    /// `glossary/` folder.
    func resolvedPaths(configuration: Configuration? = nil) throws -> [String] {
        if !paths.isEmpty { return paths }
        if let configured = configuration?.glossaries, !configured.isEmpty { return configured }
        return [try Self.discovered(otherwise: "pass --glossary PATH")]
    }

    /// The nearest `glossary/` folder, or a failure that says to `otherwise` (“pass a path”).
    static func discovered(otherwise: String) throws(CommandFailure) -> String {
        guard let found = GlossaryLoader.discover() else {
            throw CommandFailure.input(InputError(
                "no glossary: \(otherwise) or run inside a folder that has a glossary/ folder (here or above)"))
        }
        return found
    }

    /// The merged glossary, or an error message and exit status 2.
    func load(configuration: Configuration? = nil) throws -> Glossary {
        let paths = try resolvedPaths(configuration: configuration)
        do {
            return try GlossaryLoader.load(paths: paths, onWarning: Self.printWarning)
        } catch {
            throw CommandFailure.input(error)
        }
    }

    /// The merged glossary compiled for matching, from the cache when it is current.
    func loadCompiled(configuration: Configuration? = nil) throws -> CompiledGlossary {
        let paths = try resolvedPaths(configuration: configuration)
        do {
            return try GlossaryLoader.loadCompiled(
                paths: paths, cache: noCache ? nil : GlossaryCache.standard, onWarning: Self.printWarning).0
        } catch let error as InputError {
            throw CommandFailure.input(error)
        }
    }

    /// Prints a glossary reader's warning (a TBX dialect problem) to standard error as
    /// `file:line:col: warning: message [rule]`. Warnings never fail the run.
    static func printWarning(_ diagnostic: FormatDiagnostic) {
        Output.error("\(diagnostic.location): warning: \(diagnostic.message) [\(diagnostic.rule)]")
    }
}

/// An error that ends a command with exit status 2 after printing it.
enum CommandFailure: Error {
    case input(InputError)
}

extension CommandFailure {
    /// Prints the error to standard error and returns the exit code to throw.
    var exitCode: ExitCode {
        switch self {
        case let .input(error): Output.error(error.description)
        }
        return ExitCode(ExitStatus.usage)
    }
}
