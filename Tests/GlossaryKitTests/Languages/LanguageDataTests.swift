import Foundation
import Testing
@testable import GlossaryKit

/// The language data files: they load, their rules are well-formed, and mistakes are reported.
@Suite("Language data")
struct LanguageDataTests {
    @Test(arguments: ["id", "en", "su"])
    func bundledFilesLoadWithoutProblems(_ name: String) throws {
        let data = try LanguageData.bundled(name)
        #expect(data.language == name)
        #expect(data.problems.isEmpty)
        #expect(!data.stopwords.isEmpty)
    }

    @Test func malformedRulesAreReportedWithTheFile() throws {
        let text = """
            language: xx
            enclitics: [na]
            plural-endings: [[s]]
            spelling-endings: [[our, or, three]]
            not-clitic: [rumah]
            """
        #expect(throws: InputError.self) { try LanguageData.parse(text, path: "xx.yml") }
        let problems = try LanguageData.decode(text, path: "xx.yml").problems
        #expect(problems.count == 3)
        #expect(problems.contains { $0.contains("rumah") })
    }

    @Test func defaultsForAnEmptyLanguage() throws {
        let data = try LanguageData.parse("language: xx\n", path: "xx.yml")
        #expect(data.enclitics.isEmpty && !data.reduplication && data.reduplicationJoins == ["-"])
        let analyzer = RuleBasedAnalyzer(data: data)
        #expect(analyzer.analyses(of: try Tokenizer().tokenize(term: "kerjanya"), at: 0).isEmpty)
    }
}
