import ArgumentParser
import Foundation
import GlossaryKit

/// `glossary init`: a commented `.glossary.yml` and a starter glossary in the current folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .glossary.yml and a starter glossary/terms.yml here.",
        discussion: "Existing files are never overwritten: when either exists, nothing is written and the exit status is 2.")

    func run() throws {
        let manager = FileManager.default
        let files = [
            (Configuration.fileName, StarterFiles.configuration),
            (StarterFiles.glossaryPath, StarterFiles.glossary),
        ]
        let existing = files.map(\.0).filter {
            manager.fileExists(atPath: $0) || (try? manager.destinationOfSymbolicLink(atPath: $0)) != nil
        }
        guard existing.isEmpty else {
            for path in existing {
                Output.error("\(path): error: already exists; glossary init writes nothing (move it away or edit it)")
            }
            throw ExitCode(ExitStatus.usage)
        }
        var written: [String] = []
        for (path, content) in files {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                try AtomicFile.write(Array(content.utf8), to: path)
            } catch let error as InputError {
                throw CommandFailure.input(error)
            } catch {
                throw CommandFailure.input(InputError("cannot create folder: \(error.localizedDescription)", file: folder))
            }
            written.append(path)
        }
        // Run with no path, check takes the files the starter configuration's include patterns
        // choose in this folder: the command works here as soon as it is written.
        Output.print("Wrote \(written.joined(separator: " and ")). Edit them, then run `\(StarterFiles.nextCommand)`.\n")
    }
}
