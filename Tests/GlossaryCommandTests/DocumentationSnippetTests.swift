import Foundation
import GlossaryKit
import TestLocations
import Testing

/// The code of the DocC articles (`Sources/GlossaryKit/GlossaryKit.docc`) lives in `Snippets/`,
/// which `swift build` and `swift test` compile into one executable each. These tests run them
/// and check what they print, and compare the output an article shows with the real one, so that
/// neither the code nor the article can drift from the library.
@Suite("Documentation snippets")
struct DocumentationSnippetTests {
    /// The built snippet `name`, beside the `glossary` binary.
    static func snippet(_ name: String) -> URL {
        CommandRunner.binary.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs snippet `name` from the package root (where `glossary/` and `Examples/` are) and
    /// returns its standard output; a non-zero exit or anything on standard error fails.
    static func run(_ name: String) throws -> String {
        let result = try CommandRunner.run(executable: snippet(name), [], in: TestPackage.root)
        #expect(result.status == 0, "\(name) exited with \(result.status): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(name) wrote to standard error: \(result.stderr)")
        return result.stdout
    }

    /// The text of the article `name` of the catalog.
    static func article(_ name: String) throws -> String {
        let url = TestPackage.root.appendingPathComponent("Sources/GlossaryKit/GlossaryKit.docc/\(name).md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The fenced code blocks of `article` whose info string is `language` (`""` for none).
    static func codeBlocks(_ article: String, language: String) -> [String] {
        var blocks: [String] = []
        var open: (language: Substring, lines: [Substring])?
        for line in article.split(separator: "\n", omittingEmptySubsequences: false) {
            if let block = open {
                if line == "```" {
                    if block.language == language { blocks.append(block.lines.joined(separator: "\n") + "\n") }
                    open = nil
                } else {
                    open?.lines.append(line)
                }
            } else if line.hasPrefix("```") {
                open = (line.dropFirst(3), [])
            }
        }
        return blocks
    }

    @Test("The landing page's sample finds the deprecated acronym with the project's glossary")
    func overview() throws {
        let output = try Self.run("Overview")
        #expect(
            output
                == "draft.md:1:8: 'TKI' is deprecated for concept 'migrant-worker'; use 'pekerja migran' [deprecated-term]\n")
    }

    @Test("Getting started prints the findings its article shows")
    func gettingStarted() throws {
        let output = try Self.run("GettingStarted")
        #expect(
            output == """
                draft.md:1:5: warning: 'International Labor Organization' is deprecated for concept 'ilo'; use 'International Labour Organization' or 'ILO' [deprecated-term]
                draft.md:2:16: warning: 'Ilo' should be written 'ILO' (concept 'ilo') [term-case]

                """)
        let shown = Self.codeBlocks(try Self.article("GettingStarted"), language: "")
        #expect(shown.contains(output), "GettingStarted.md does not show the snippet's output:\n\(output)")
    }

    @Test("The article's claim holds: a lower-case acronym is another word, not a finding")
    func lowerCaseAcronymIsAnotherWord() throws {
        let glossary = Glossary(concepts: [Concept(id: "ilo", terms: [Term(text: "ILO", language: .english, type: .acronym)])])
        let checker = try GlossaryChecker(glossary: glossary)
        #expect(try checker.check(SourceText(path: "a.txt", string: "Since 1946 the ilo has met.")).isEmpty)
        #expect(try checker.check(SourceText(path: "a.txt", string: "Since 1946 the Ilo has met.")).map(\.rule) == ["term-case"])
    }

    @Test("Loading from files reads the project's glossary folder")
    func loadingFromFiles() throws {
        let output = try Self.run("LoadingFromFiles")
        let glossary = try GlossaryLoader.load(paths: [TestPackage.root.appendingPathComponent("glossary").path])
        #expect(glossary.concepts.count > 0)
        #expect(output == "\(glossary.concepts.count) concepts in \(glossary.languages.count) languages\n")
    }

    @Test("Building in code finds the reduplicated plural and renders every format")
    func buildingInCode() throws {
        let output = try Self.run("BuildingInCode")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "migrant-worker: pekerja migran")
        for format in GlossaryFormat.allCases {
            #expect(lines.contains { $0.hasPrefix("\(format.displayName): ") && !$0.hasSuffix(": 0 lines") })
        }
        // YAML and TBX hold everything; the spreadsheets say what they left out.
        #expect(lines.filter { $0.hasPrefix("  left out: ") }.count == 2)
    }

    @Test("Checking a document prints what the glossary command prints")
    func checkingDocuments() throws {
        let output = try Self.run("CheckingDocuments")
        let command = try CommandRunner.run(["check", "--glossary", "glossary", "Examples/abstract.md"])
        #expect(command.status == 1)
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.removeLast() == "")
        let known = lines.removeLast()
        #expect(lines.joined(separator: "\n") + "\n" == command.stdout)
        #expect(command.stdout.hasSuffix("5 warnings, 2 infos in 1 file.\n"))
        #expect(known == #"note.txt:1:5 deprecated-term ["International Labour Organization", "ILO"]"#)
    }

    @Test("Versions in separate files: each names a concept the other lacks")
    func translationFiles() throws {
        let output = try Self.run("TranslationFiles")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("report.id.md:1:1: concept 'migrant-worker' is named in the en version"))
        #expect(lines[0].hasSuffix("[missing-translation]"))
        // "village brokers": the English version names the broker, the Indonesian one does not.
        #expect(lines[1].hasPrefix("report.id.md:1:1: concept 'recruitment-broker' is named in the en version"))
        #expect(lines[2].hasPrefix("report.en.md:1:1: concept 'labour-trafficking' is named in the id version"))
        #expect(lines[3].hasPrefix("note: 2 versions aligned paragraph by paragraph"))
    }

    @Test("The custom rule finds exactly what its examples mark")
    func writingARule() throws {
        let output = try Self.run("WritingARule")
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasSuffix(": ok") }, "\(output)")
    }

    @Test("The Malay analyzer finds the inflected term, and the standard registry does not")
    func addingALanguage() throws {
        let output = try Self.run("AddingALanguage")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines == [
                "laporan.txt:1:25: 'buruh asingnya' is deprecated for concept 'migrant-worker'; use 'pekerja asing'",
                "  matched 'buruh asingnya' as 'asing' + -nya",
                "without MalayAnalyzer: 0 findings",
                "",
            ])
        let shown = Self.codeBlocks(try Self.article("AddingALanguage"), language: "")
        #expect(
            shown.contains(lines[0...1].joined(separator: "\n") + "\n"), "AddingALanguage.md does not show the snippet's output")
    }

    @Test("Reading the format gives each key its model value")
    func readingTheFormat() throws {
        let output = try Self.run("ReadingTheFormat")
        #expect(
            output == """
                ilo [en] International Labour Organization: preferred, fullForm, case-sensitive: false
                ilo [en] ILO: preferred, acronym, case-sensitive: true
                ilo [en] International Labor Organization: deprecated, fullForm, case-sensitive: false
                ilo [id] Organisasi Perburuhan Internasional: preferred, fullForm, case-sensitive: false

                """)
    }

    @Test("Every YAML example of the format article is a valid glossary")
    func formatArticleExamplesParse() throws {
        let blocks = Self.codeBlocks(try Self.article("GlossaryFileFormat"), language: "yaml")
        #expect(blocks.count == 2)
        for (index, block) in blocks.enumerated() {
            let glossary = try YAMLGlossaryReader.read(block, path: "GlossaryFileFormat.md example \(index + 1)")
            #expect(!glossary.concepts.isEmpty)
            #expect(glossary.concepts.allSatisfy { !$0.terms.isEmpty })
        }
    }

    @Test("Every snippet that an article names exists, and every snippet is named by an article")
    func articlesNameTheSnippets() throws {
        let catalog = TestPackage.root.appendingPathComponent("Sources/GlossaryKit/GlossaryKit.docc")
        var named: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: catalog.path) where file.hasSuffix(".md") {
            let text = try String(contentsOf: catalog.appendingPathComponent(file), encoding: .utf8)
            for part in text.components(separatedBy: "@Snippet(path: \"glossary/Snippets/").dropFirst() {
                named.insert(String(part.prefix { $0 != "\"" }))
            }
        }
        let snippets = try FileManager.default.contentsOfDirectory(
            atPath: TestPackage.root.appendingPathComponent("Snippets").path
        )
        .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(".swift".count)) }
        #expect(named == Set(snippets))
        for name in snippets {
            #expect(FileManager.default.isExecutableFile(atPath: Self.snippet(name).path), "snippet \(name) was not built")
        }
    }
}
