import Foundation
import TestLocations
import TestScratch
import Testing

@testable import GlossaryKit

@Suite("Glossary loader")
struct GlossaryLoaderTests {
    /// A TBX-Basic file with one interpreted value (an unknown administrative status at 7:17).
    static let tbxWithWarnings = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/formats/warnings.tbx")

    static func folder(_ files: [String: String]) throws -> URL {
        let url = TestScratch.url("loader")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func returnsTBXWarningsWithTheirPositions() throws {
        let folder = try Self.folder([
            "terms.tbx": try String(contentsOf: Self.tbxWithWarnings, encoding: .utf8),
            "more.yml": "concepts:\n  - id: x\n    terms:\n      en: [x]\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        var warnings: [FormatDiagnostic] = []
        let glossary = try GlossaryLoader.load(paths: [folder.path], warnings: &warnings)
        #expect(glossary.concepts.map(\.id).sorted() == ["ilo", "x"])
        let status = try #require(warnings.first { $0.rule == "tbx-status-value" })
        #expect(status.location.file.hasSuffix("terms.tbx"))
        #expect(status.location.line == 7)
        #expect(status.message.contains("oddValue"))
        // The same load hands them to a callback, for callers that only print them.
        var collected: [FormatDiagnostic] = []
        _ = try GlossaryLoader.load(paths: [folder.path]) { collected.append($0) }
        #expect(collected == warnings)
    }

    @Test func yamlGlossariesHaveNoWarnings() throws {
        var warnings: [FormatDiagnostic] = []
        _ = try GlossaryLoader.load(paths: [TestPackage.root.appendingPathComponent("glossary").path], warnings: &warnings)
        #expect(warnings.isEmpty)
    }

    @Test func emptyFolderNamesEverySupportedExtension() throws {
        let folder = try Self.folder(["notes.txt": "not a glossary\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try GlossaryLoader.files(at: folder.path)
        } throws: { error in
            let message = (error as? InputError)?.message ?? ""
            return [".yml", ".yaml", ".tbx", ".csv", ".tsv"].allSatisfy { message.contains($0) }
        }
        // Each of those extensions is indeed picked up from a folder.
        let formats = try Self.folder(["a.yml": "", "b.yaml": "", "c.tbx": "", "d.csv": "", "e.tsv": "", "f.txt": ""])
        defer { try? FileManager.default.removeItem(at: formats) }
        #expect(
            try GlossaryLoader.files(at: formats.path).map { ($0 as NSString).lastPathComponent } == [
                "a.yml", "b.yaml", "c.tbx", "d.csv", "e.tsv",
            ])
    }
}
