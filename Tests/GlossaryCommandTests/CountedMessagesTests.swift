import Foundation
import Testing

/// Messages that count things say `1 file`, not `1 files`: runs where every count is one, and
/// the same runs with two.
@Suite("Counts in messages")
struct CountedMessagesTests {
    static func xliff(units: Int) -> String {
        let unit = """
            <trans-unit id="%d"><source>Every migrant worker has rights.</source>
            <target>Setiap pekerja migran punya hak.</target></trans-unit>
            """
        return """
            <xliff version="1.2"><file source-language="en" target-language="id"><body>
            \((1...units).map { String(format: unit, $0) }.joined(separator: "\n"))
            </body></file></xliff>
            """
    }

    @Test(arguments: [1, 2])
    func coverageOfABilingualFile(units: Int) throws {
        let folder = try CommandRunner.temporaryFolder()
        let file = folder.appendingPathComponent("app.xlf")
        try Data(Self.xliff(units: units).utf8).write(to: file)
        let result = try CommandRunner.run(["coverage", "--no-cache", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let expected =
            units == 1
            ? ["note: XLIFF 1.2: 1 translation unit\n", "\n1 concept in 1 translation set; "]
            : ["note: XLIFF 1.2: 2 translation units\n", "\n1 concept in 2 translation sets; "]
        for text in expected { #expect(result.stdout.contains(text), "\(result.stdout)") }
    }

    @Test(arguments: [1, 2])
    func parallelVersionsWithOneParagraph(paragraphs: Int) throws {
        let folder = try CommandRunner.temporaryFolder()
        let indonesian = folder.appendingPathComponent("r.id.md"), english = folder.appendingPathComponent("r.en.md")
        try Data(Array(repeating: "ILO melindungi pekerja migran.", count: paragraphs).joined(separator: "\n\n").utf8).write(
            to: indonesian)
        try Data(Array(repeating: "The ILO protects migrant workers.", count: paragraphs).joined(separator: "\n\n").utf8).write(
            to: english)
        let result = try CommandRunner.run(["check", "--no-cache", "--parallel", indonesian.path, english.path])
        let each = paragraphs == 1 ? "1 paragraph each" : "2 paragraphs each"
        #expect(result.stderr.contains("note: 2 versions aligned paragraph by paragraph (\(each))"), "\(result.stderr)")
        #expect(result.stdout.hasSuffix("No findings in 2 files.\n"), "\(result.stdout)")
    }

    @Test func convertCountsConceptsAndTerms() throws {
        let folder = try CommandRunner.temporaryFolder()
        let input = folder.appendingPathComponent("one.yml"), output = folder.appendingPathComponent("one.tbx")
        try Data("concepts:\n  - id: a\n    terms:\n      en: [labour]\n".utf8).write(to: input)
        let result = try CommandRunner.run(["convert", input.path, output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote 1 concept, 1 term to "), "\(result.stderr)")
    }
}
