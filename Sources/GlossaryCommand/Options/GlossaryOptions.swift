import ArgumentParser
import Foundation
import GlossaryKit

/// Where the glossary comes from: `--glossary` (repeatable), else the configuration's, else the
/// nearest `glossary/` folder.
struct GlossaryOptions: ParsableArguments {
    @Option(
        name: [.customLong("glossary"), .customShort("g")],
        help: ArgumentHelp(
            "A glossary file or folder (\(HelpText.glossaryFormats)); repeatable. Default: the nearest glossary/ folder.",
            valueName: "path"))
    var paths: [String] = []

    @Flag(
        name: .customLong("no-cache"),
        help: "Do not read or write the compiled-glossary cache (~/.cache/glossary, or $GLOSSARY_CACHE_DIR).")
    var noCache = false

    @Flag(name: .long, help: "Say on standard error which glossary (and configuration) is used, and why.")
    var verbose = false

    /// The glossary paths: `--glossary`, else the configuration's glossaries, else the nearest
    /// `glossary/` folder. With `--verbose`, says which.
    func resolvedPaths(configuration: Configuration? = nil) throws -> [String] {
        guard let (found, origin) = ProjectDiscovery.glossaryPaths(named: paths, configuration: configuration) else {
            throw Self.notFound(otherwise: "pass --glossary PATH")
        }
        switch origin {
        case .named:
            note("glossary: \(found.joined(separator: ", ")) (--glossary)")
        case .configuration:
            let file = configuration?.file.map(Self.shown) ?? Configuration.fileName
            note("glossary: \(found.map(Self.shown).joined(separator: ", ")) (the glossary setting of \(file))")
        case .discovered:
            note("glossary: \(found.map(Self.shown).joined(separator: ", ")) (the nearest glossary/ folder with glossary files)")
        }
        return found
    }

    /// Refuses to write `output` (the `what`, chosen with `option`) when it is a file the run
    /// reads — one of `inputs`, a glossary file, the configuration — under any name (compared
    /// by device and inode): it would replace what it is made from. Nothing is written then.
    func refuseOverwriting(_ output: String, what: String, option: String, inputs: [String], configuration: Configuration?)
        throws
    {
        guard let target = FileIdentity(path: output) else { return }
        var read = inputs
        for path in try resolvedPaths(configuration: configuration) {
            read += (try? GlossaryLoader.files(at: path)) ?? [path]
        }
        if let file = configuration?.file { read.append(file) }
        guard read.contains(where: { FileIdentity(path: $0) == target }) else { return }
        throw CommandFailure.input(
            InputError("is a file this run reads; \(what) is not written over it (choose another \(option))", file: output))
    }

    /// The nearest `glossary/` folder with glossary files, or a failure that says to `otherwise`
    /// (“pass a path”) and names the `glossary/` folders that were passed over.
    static func discovered(otherwise: String) throws(CommandFailure) -> String {
        guard let found = GlossaryLoader.discover() else { throw notFound(otherwise: otherwise) }
        return found
    }

    /// The failure when no glossary is found: it says to `otherwise` and names the `glossary/`
    /// folders that were passed over.
    private static func notFound(otherwise: String) -> CommandFailure {
        var message =
            "no glossary: \(otherwise), or run in a folder that has a glossary/ folder of glossary files"
            + " (here or in a parent folder, up to the repository root or the home folder)"
        for folder in GlossaryLoader.passedOver() {
            message += "; \(shown(folder)) was passed over: it has no \(HelpText.glossaryExtensions) file at its top level"
        }
        return CommandFailure.input(InputError(message))
    }

    /// `path` relative to the current folder when it is inside it, else as it is.
    static func shown(_ path: String) -> String {
        let relative = Paths.relative(path, to: FileManager.default.currentDirectoryPath)
        return relative.hasPrefix("../") || relative == ".." ? path : relative
    }

    /// Prints `message` as a note on standard error when `--verbose` is given.
    func note(_ message: @autoclosure () -> String) {
        if verbose { Output.error("note: " + message()) }
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

    /// The merged glossary compiled for matching, from the cache when it is current; compiling
    /// uses at most `jobs` threads (nil: up to two, `CompiledGlossary`).
    func loadCompiled(configuration: Configuration? = nil, jobs: Int? = nil) throws -> CompiledGlossary {
        let paths = try resolvedPaths(configuration: configuration)
        do {
            let (compiled, fromCache) = try GlossaryLoader.loadCompiled(
                paths: paths, cache: noCache ? nil : GlossaryCache.standard, maximumThreads: jobs,
                onWarning: Self.printWarning)
            note(
                fromCache
                    ? "glossary: compiled form read from the cache in \(GlossaryCache.standard.path)"
                    : "glossary: read and compiled")
            return compiled
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
