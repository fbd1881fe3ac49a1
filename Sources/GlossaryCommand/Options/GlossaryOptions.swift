import ArgumentParser
import GlossaryKit

/// Where the glossary comes from: `--glossary` (repeatable), else the nearest `glossary/` folder.
struct GlossaryOptions: ParsableArguments {
    @Option(
        name: [.customLong("glossary"), .customShort("g")],
        help: ArgumentHelp("A glossary file or folder (YAML, TBX, CSV); repeatable. Default: the nearest glossary/ folder.", valueName: "path"))
    var paths: [String] = []

    /// The merged glossary, or an error message and exit status 2. Without `--glossary`, the
    /// configuration's glossaries, else the nearest `glossary/` folder.
    func load(configuration: Configuration? = nil) throws -> Glossary {
        var paths = paths
        if paths.isEmpty, let configured = configuration?.glossaries, !configured.isEmpty {
            paths = configured
        }
        if paths.isEmpty {
            guard let found = GlossaryLoader.discover() else {
                throw CommandFailure.input(InputError(
                    "no glossary: pass --glossary PATH or run inside a folder that has a glossary/ folder (here or above)"))
            }
            paths = [found]
        }
        do {
            return try GlossaryLoader.load(paths: paths)
        } catch {
            throw CommandFailure.input(error)
        }
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
