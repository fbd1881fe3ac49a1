import Testing

@testable import GlossaryKit

@Suite("Inline suppressions")
struct SuppressionsTests {
    /// The (line, rule) of every finding left after suppressions, and how many were suppressed.
    func check(_ text: String, path: String = "t.md", language: LanguageTag = .english) -> (
        findings: [String], suppressed: Int, error: InputError?
    ) {
        let (result, suppressed) = CheckRunner.check(
            .contents(path: path, bytes: Array(text.utf8)), checker: TestSupport.exampleChecker,
            options: CheckOptions(language: language))
        switch result {
        case let .checked(_, findings), let .streamed(_, findings):
            return (findings.map { "\($0.location.line):\($0.rule)" }, suppressed, nil)
        case let .failed(error): return ([], suppressed, error)
        }
    }

    let labor = "The International Labor Organization met."

    @Test func withoutDirectivesEverythingIsReported() {
        #expect(check(labor + "\n").findings == ["1:deprecated-term"])
    }

    @Test func markdownIgnoreOnTheSameLine() {
        let result = check(labor + " <!-- glossary-ignore -->\n" + labor + "\n")
        #expect(result.findings == ["2:deprecated-term"])
        #expect(result.suppressed == 1)
    }

    @Test func markdownIgnoreOnItsOwnLineSilencesTheNextLine() {
        let result = check(
            "<!-- glossary-ignore deprecated-term -- quoting the 1990 report -->\n" + labor + "\n\n" + labor + "\n")
        #expect(result.findings == ["4:deprecated-term"])
    }

    @Test func ignoreNamingAnotherRuleKeepsTheFinding() {
        let result = check("<!-- glossary-ignore term-case -->\n" + labor + "\n")
        #expect(result.findings == ["2:deprecated-term"])
        #expect(result.suppressed == 0)
    }

    @Test func markdownDirectiveOutsideACommentDoesNothing() {
        #expect(check("glossary-ignore\n" + labor + "\n").findings == ["2:deprecated-term"])
        #expect(check("```\n<!-- glossary-disable -->\n```\n\n" + labor + "\n").findings == ["5:deprecated-term"])
    }

    @Test func plainTextDirectiveAnywhereOnALine() {
        #expect(check(labor + " glossary-ignore\n" + labor + "\n", path: "t.txt").findings == ["2:deprecated-term"])
        #expect(
            check("# glossary-ignore deprecated-term\n" + labor + "\n" + labor + "\n", path: "t.txt").findings == [
                "3:deprecated-term"
            ])
    }

    @Test func disableEnableBlocks() {
        let text = """
            \(labor)
            <!-- glossary-disable deprecated-term -->
            \(labor)

            \(labor)
            <!-- glossary-enable deprecated-term -->
            \(labor)
            """
        let result = check(text)
        #expect(result.findings == ["1:deprecated-term", "7:deprecated-term"])
        #expect(result.suppressed == 2)
    }

    @Test func disableWithoutRulesSilencesAllToTheEnd() {
        let result = check("<!-- glossary-disable -->\n" + labor + "\nBanyak TKI pulang.\n", language: .english)
        #expect(result.findings.isEmpty)
        #expect(result.suppressed >= 1)
    }

    @Test func enableOfOneRuleAfterDisablingAll() {
        let text = "<!-- glossary-disable -->\n<!-- glossary-enable deprecated-term -->\n" + labor + "\n"
        #expect(check(text).findings == ["3:deprecated-term"])
    }

    @Test func unknownRuleIsAnErrorAtItsColumn() {
        let result = check("Text. <!-- glossary-ignore deprecated-terms -->\n")
        let error = try! #require(result.error)
        #expect(error.location == SourceLocation(file: "t.md", line: 1, column: 28))
        #expect(error.message.hasPrefix("unknown rule 'deprecated-terms' in glossary-ignore"))
        #expect(error.description.hasSuffix("Text. <!-- glossary-ignore deprecated-terms -->\n                           ^"))
    }

    @Test func multiLineCommentTargetsTheLineAfterIt() {
        let result = check("<!--\n  glossary-ignore deprecated-term\n-->\n" + labor + "\n")
        #expect(result.findings.isEmpty)
    }
}
