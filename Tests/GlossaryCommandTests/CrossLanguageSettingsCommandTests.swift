import Foundation
import TestLocations
import Testing

/// How a user steers the cross-language rules: severities and suppressions by rule id, and the
/// source language that makes versions directed.
@Suite("check and coverage: cross-language rules in the configuration, directives and --source")
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

    // MARK: The source language

    /// Three versions; the second paragraph names labour trafficking in English only.
    static let versions = [
        "report.id.md": """
        ILO melindungi pekerja migran di perbatasan dan juga di kota-kota besar yang jauh dari rumah mereka.

        Laporan itu sudah terbit pada tahun lalu dan dibaca oleh banyak orang di desa.

        """,
        "report.en.md": """
        The ILO protects migrant workers at the border and also in the big cities that are far from their homes.

        The report on labour trafficking came out last year and was read by many people in the villages.

        """,
        "report.su.md": """
        ILO ngajaga pekerja migran di wates jeung ogé di kota-kota gedé anu jauh ti imah maranéhna.

        Laporan éta geus medal taun kamari sarta dibaca ku loba jalma di désa.

        """,
    ]

    /// `file:line rule` for every finding of the cross-language rules about labour trafficking.
    static func labourTrafficking(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.contains("concept 'labour-trafficking'") }.map { line in
            let parts = line.split(separator: ":")
            return
                "\((parts[0] as Substring).split(separator: "/").last!):\(parts[1]) \(line.split(separator: "[").last!.dropLast())"
        }
    }

    @Test func aSourceLanguageMakesVersionsDirected() throws {
        let root = try Self.folder(Self.versions)
        let free = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, root.path])
        #expect(free.status == 0, "\(free.stdout)\(free.stderr)")
        #expect(
            Self.labourTrafficking(free.stdout) == ["report.id.md:3 divergent-term", "report.su.md:3 divergent-term"],
            "\(free.stdout)")
        #expect(
            free.stdout.contains(
                "info: concept 'labour-trafficking' is named only in the en version (1 of 3 versions), not in this id segment"),
            "\(free.stdout)")

        // English is the source: what it names is required in each target.
        let fromEnglish = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, "--source", "en", root.path])
        #expect(fromEnglish.status == 1)
        #expect(
            Self.labourTrafficking(fromEnglish.stdout) == [
                "report.id.md:3 missing-translation", "report.su.md:3 missing-translation",
            ], "\(fromEnglish.stdout)")
        #expect(
            fromEnglish.stderr.contains("en is the declared source: the other versions are compared with it"),
            "\(fromEnglish.stderr)")
        // A tag within a glossary language names it.
        let british = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, "--source", "en-GB", root.path])
        #expect(Self.labourTrafficking(british.stdout) == Self.labourTrafficking(fromEnglish.stdout))

        // Indonesian is the source: the English addition is no divergence.
        let fromIndonesian = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, "--source", "id", root.path])
        #expect(fromIndonesian.status == 0)
        #expect(Self.labourTrafficking(fromIndonesian.stdout).isEmpty, "\(fromIndonesian.stdout)")

        // The same in one document with three language sections.
        let document = try Self.folder([
            "abstract.md": ["report.id.md", "report.en.md", "report.su.md"].map { Self.versions[$0]! }.joined(separator: "\n")
        ])
        #expect(
            try CommandRunner.run(["coverage", "--no-config", "-g", Self.glossary, document.path]).stdout.hasPrefix(
                "note: language sections id, en, su aligned"))
        let sections = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, "--source", "en", document.path])
        #expect(
            Self.labourTrafficking(sections.stdout) == [
                "abstract.md:3 missing-translation", "abstract.md:11 missing-translation",
            ], "\(sections.stdout)")
    }

    @Test func aSourceWithNoVersionLeavesTheVersionsUndirectedAndSaysSo() throws {
        let root = try Self.folder([
            "report.id.md": Self.versions["report.id.md"]!, "report.su.md": Self.versions["report.su.md"]!,
        ])
        let result = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, "--source", "en", root.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(
            result.stderr.contains("no en version, the declared source: the versions are compared with each other"),
            "\(result.stderr)")
    }

    @Test func aSourceOutsideTheGlossaryIsAnError() throws {
        let root = try Self.folder(Self.versions)
        for command in ["check", "coverage"] {
            let unknown = try CommandRunner.run([command, "--no-config", "-g", Self.glossary, "--source", "fr", root.path])
            #expect(unknown.status == 2, "\(command)")
            #expect(
                unknown.stderr.contains("error: --source fr: the glossary has no terms in fr (its languages: en, id, su)"),
                "\(command): \(unknown.stderr)")
            #expect(unknown.stdout.isEmpty)
            let malformed = try CommandRunner.run([
                command, "--no-config", "-g", Self.glossary, "--source", "not a tag", root.path,
            ])
            #expect(malformed.status == 2, "\(command)")
            #expect(
                malformed.stderr.contains("--source: 'not a tag' is not a valid language tag"), "\(command): \(malformed.stderr)")
        }
    }

    @Test func theConfigurationSetsTheSourceAndTheOptionWins() throws {
        var files = Self.versions
        files[".glossary.yml"] = "glossary: [\"\(Self.glossary)\"]\nsource: en\n"
        let root = try Self.folder(files)
        let configured = try CommandRunner.run(["check", "."], in: root)
        #expect(
            Self.labourTrafficking(configured.stdout) == [
                "report.id.md:3 missing-translation", "report.su.md:3 missing-translation",
            ], "\(configured.stdout)\(configured.stderr)")
        let overridden = try CommandRunner.run(["check", "--source", "id", "."], in: root)
        #expect(Self.labourTrafficking(overridden.stdout).isEmpty, "\(overridden.stdout)")
        let ignored = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, "."], in: root)
        #expect(
            Self.labourTrafficking(ignored.stdout) == ["report.id.md:3 divergent-term", "report.su.md:3 divergent-term"],
            "\(ignored.stdout)")
        let coverage = try CommandRunner.run(["coverage", "."], in: root)
        #expect(coverage.stdout.contains("labour-trafficking   1   —   —"), "\(coverage.stdout)")

        // A language the glossary lacks is reported at the setting, after the glossary is read.
        try Data("glossary: [\"\(Self.glossary)\"]\nsource:   fr\n".utf8).write(to: root.appendingPathComponent(".glossary.yml"))
        for command in ["check", "coverage"] {
            let unknown = try CommandRunner.run([command, "."], in: root)
            #expect(unknown.status == 2, "\(command)")
            #expect(
                unknown.stderr.contains(
                    ".glossary.yml:2:11: error: source language 'fr' is not a language of the glossary (its languages: en, id, su)\nsource:   fr\n          ^"
                ), "\(command): \(unknown.stderr)")
        }
        // A malformed tag is reported when the configuration is read.
        try Data("source: [en]\n".utf8).write(to: root.appendingPathComponent(".glossary.yml"))
        let list = try CommandRunner.run(["check", "."], in: root)
        #expect(list.status == 2)
        #expect(list.stderr.contains(".glossary.yml:1:9: error: expected text for source"), "\(list.stderr)")
    }

    @Test func aBilingualFileKeepsTheSourceItDeclares() throws {
        let root = try Self.folder([
            "app.xlf": """
            <xliff version="1.2"><file source-language="en" target-language="id"><body>
            <trans-unit id="1"><source>The ILO protects workers.</source>
            <target>Pekerja migran dilindungi.</target></trans-unit>
            </body></file></xliff>
            """
        ])
        let file = root.appendingPathComponent("app.xlf").path
        let declared = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, file])
        #expect(
            declared.stdout.contains(
                "app.xlf:3:9: warning: concept 'ilo' is named in the en version but this id segment has no term for it"),
            "\(declared.stdout)")
        // --source id does not turn the target into the source.
        let option = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, "--source", "id", file])
        #expect(option.stdout == declared.stdout)
        let coverage = try CommandRunner.run(["coverage", "--no-config", "-g", Self.glossary, "--source", "id", file])
        #expect(coverage.stdout.contains("migrant-worker   0   1"), "\(coverage.stdout)")
        #expect(coverage.stdout.contains("ilo              1   —"), "\(coverage.stdout)")
    }

    @Test func aBilingualFileWithoutASourceTakesTheDeclaredOne() throws {
        // TMX with srclang="*all*" declares no source: its units are undirected versions.
        let root = try Self.folder([
            "all.tmx": """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="*all*" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
            <body>
            <tu><tuv xml:lang="en"><seg>The ILO protects migrant workers.</seg></tuv><tuv xml:lang="id"><seg>Pekerja migran dilindungi.</seg></tuv><tuv xml:lang="su"><seg>Pekerja migran dijaga.</seg></tuv></tu>
            </body></tmx>
            """
        ])
        let file = root.appendingPathComponent("all.tmx").path
        let free = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, file])
        #expect(
            free.stdout.contains("all.tmx:4:98: info: concept 'ilo' is named only in the en version (1 of 3 versions)"),
            "\(free.stdout)")
        let directed = try CommandRunner.run(["check", "--no-config", "-g", Self.glossary, "--source", "en", file])
        #expect(
            directed.stdout.contains("all.tmx:4:98: warning: concept 'ilo' is named in the en version but this id segment"),
            "\(directed.stdout)")
        #expect(
            directed.stdout.contains("all.tmx:4:160: warning: concept 'ilo' is named in the en version but this su segment"),
            "\(directed.stdout)")
    }
}
