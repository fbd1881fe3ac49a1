import Foundation
import Testing

@testable import GlossaryKit

/// The language data files: they load, their rules are well-formed, and mistakes are reported.
@Suite("Language data")
struct LanguageDataTests {
    @Test(arguments: ["id", "en", "su"])
    func builtInFilesLoadWithoutProblems(_ name: String) throws {
        let data = try LanguageData.builtIn(name)
        #expect(data.language == name)
        #expect(data.problems.isEmpty)
        #expect(!data.stopwords.isEmpty)
    }

    /// The build plugin embeds every data file in the source folder, and exactly its text.
    @Test func everyDataFileIsCompiledInUnchanged() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GlossaryKit/Languages/Data")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }
        #expect(Set(names.map { String($0.dropLast(4)) }) == Set(LanguageData.embeddedFiles.keys))
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(LanguageData.embeddedFiles[String(name.dropLast(4))] == text, "\(name)")
        }
    }

    @Test func malformedRulesAreReportedWithTheFile() throws {
        let text = """
            language: xx
            enclitics: [na]
            plural-endings: [[s]]
            spelling-endings: [[our, or, three]]
            not-clitic: [rumah]
            irregular-plural-endings: [[men]]
            irregular-plural-exceptions: [omen, house]
            plural-infixes: [ar]
            plural-infix-exceptions: [barang, budak]
            """
        #expect(throws: InputError.self) { try LanguageData.parse(text, path: "xx.yml") }
        let problems = try LanguageData.decode(text, path: "xx.yml").problems
        #expect(problems.count == 6)
        #expect(problems.contains { $0.contains("irregular-plural-endings") })
        // "omen" and "barang" could be misread, so listing them is right; "house" and "budak" not.
        #expect(problems.contains { $0.contains("'house'") } && problems.contains { $0.contains("'budak'") })
        #expect(problems.contains { $0.contains("rumah") })
    }

    @Test func defaultsForAnEmptyLanguage() throws {
        let data = try LanguageData.parse("language: xx\n", path: "xx.yml")
        #expect(data.enclitics.isEmpty && !data.reduplication && data.reduplicationJoins == ["-"])
        let analyzer = RuleBasedAnalyzer(data: data)
        #expect(analyzer.analyses(of: try Tokenizer().tokenize(term: "kerjanya"), at: 0).isEmpty)
    }
}
