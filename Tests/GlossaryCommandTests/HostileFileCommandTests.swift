import Foundation
import Testing

/// Files that are not what they seem — devices, pipes, links, the same file under two names, a
/// glossary named as a text — give a clear error and exit status 2, and nothing is changed.
@Suite("Hostile files, end to end")
struct HostileFileCommandTests {
    @Test func specialFilesAreRefusedAsTextsGlossariesAndSettings() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("TKI and labor.\n", to: "a.md")
        #expect(mkfifo(project.root.appendingPathComponent("pipe").path, 0o600) == 0)
        for arguments in [
            ["check", "-g", "/dev/zero", "a.md"],
            ["check", "-g", "pipe", "a.md"],
            ["check", "--config", "/dev/urandom", "a.md"],
            ["check", "--baseline", "pipe", "a.md"],
            ["check", "/dev/zero"],
            ["check", "pipe"],
            ["lookup", "-g", "pipe", "labor"],
        ] {
            let result = try project.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is a device") || result.stderr.contains("is a named pipe"), "\(arguments): \(result.stderr)")
        }
        let written = try project.run(["check", "--write-baseline", "pipe", "a.md"])
        #expect(written.status == 2 && written.stderr.contains("not written"), "\(written.stderr)")
    }
}
