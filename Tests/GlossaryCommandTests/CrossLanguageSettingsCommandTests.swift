import Foundation
import Testing
import TestLocations

/// How a user steers the cross-language rules: severities and suppressions by rule id.
@Suite("check: cross-language rules in the configuration and in suppression directives")
struct CrossLanguageSettingsCommandTests {
    static let glossary = TestPackage.root.appendingPathComponent("glossary").path
    /// The Indonesian version drops the ILO that the English one names: a missing translation.
    static let indonesian = "Laporan tentang pekerja migran sudah terbit.\n"
    static let english = "The ILO published a report on migrant workers.\n"

    static func folder(_ files: [String: String]) throws -> URL {
        let root = try CommandRunner.temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func theConfigurationSetsTheSeverityOfACrossLanguageRule() throws {
        let root = try Self.folder(["report.id.md": Self.indonesian, "report.en.md": Self.english])
        let reported = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, root.path])
        #expect(reported.status == 1)
        #expect(reported.stdout.contains("[missing-translation]"), "\(reported.stdout)")
        for (setting, status, shown) in [("off", Int32(0), false), ("info", 0, true), ("error", 1, true)] {
            try Data("glossary: [\"\(Self.glossary)\"]\nrules:\n  missing-translation: \(setting)\n".utf8)
                .write(to: root.appendingPathComponent(".glossary.yml"))
            let result = try CommandRunner.run(["check", "."], in: root)
            #expect(result.status == status, "\(setting): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("[missing-translation]") == shown, "\(setting): \(result.stdout)")
            if shown { #expect(result.stdout.contains(": \(setting): concept 'ilo'"), "\(result.stdout)") }
        }
    }

    @Test func aDirectiveSilencesACrossLanguageRule() throws {
        let silenced = "<!-- glossary-ignore missing-translation -- the ILO is named in the title -->\n" + Self.indonesian
        let root = try Self.folder(["report.id.md": silenced, "report.en.md": Self.english])
        let result = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, root.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("[missing-translation]"), "\(result.stdout)")
        // An unknown id is still an error, and the message lists the cross-language rules.
        let misspelt = try Self.folder(["a.md": "Teks.\n\n<!-- glossary-ignore missing-translations -->\n"])
        let wrong = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, misspelt.path])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("missing-translation"), "\(wrong.stderr)")
    }
}
