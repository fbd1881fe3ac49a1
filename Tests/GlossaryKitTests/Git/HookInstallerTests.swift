import Foundation
import Testing

@testable import GlossaryKit

/// `install-hook` replaces without a backup only a hook it wrote byte for byte.
@Suite("Hook installer")
struct HookInstallerTests {
    func hook(in repository: TemporaryRepository) throws -> String {
        try HookInstaller.hooksFolder(in: repository.root.path) + "/pre-commit"
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aForeignHookWithTheMarkerLineIsBackedUp() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        let path = try hook(in: repository)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let foreign = "#!/bin/sh\n\(HookInstaller.marker)\nrun-my-linters\nexec glossary check --staged\n"
        try Data(foreign.utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try HookInstaller.install(in: repository.root.path, executable: "/usr/bin/glossary", force: false)
        guard case let .replaced(_, backup) = outcome else {
            Issue.record("\(outcome): the foreign hook was replaced without a backup")
            return
        }
        #expect(contents(backup) == foreign)
        #expect(contents(path) == HookInstaller.script(executable: "/usr/bin/glossary"))
    }

    @Test func itsOwnHookIsUpdatedWithoutABackup() throws {
        let repository = try TemporaryRepository()
        defer { repository.remove() }
        let path = try hook(in: repository)
        #expect(
            try HookInstaller.install(in: repository.root.path, executable: "/old/place/glossary", force: false)
                == .installed(hook: path))
        // The same hook for another binary is still one it wrote.
        #expect(
            try HookInstaller.install(in: repository.root.path, executable: "/new/place/glos'sary", force: false)
                == .updated(hook: path))
        #expect(try HookInstaller.install(in: repository.root.path, executable: nil, force: false) == .updated(hook: path))
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("pre-commit.backup") }.isEmpty)
        // Edited by hand: no longer its own, so kept.
        let edited = HookInstaller.script(executable: nil) + "echo done\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        guard case let .replaced(_, backup) = try HookInstaller.install(in: repository.root.path, executable: nil, force: false)
        else {
            Issue.record("an edited hook was replaced without a backup")
            return
        }
        #expect(contents(backup) == edited)
    }
}
