import Testing

@testable import GlossaryKit

/// Exact file positions of the text `PositionedXML` extracts.
@Suite("Positioned XML")
struct PositionedXMLTests {
    /// Text after a self-closing inline element (`<ph/>`, `<x/>`) keeps its own positions; the
    /// walk once went on to the next tag's `>`, so later findings pointed past their words.
    @Test(arguments: ["<ph id=\"1\"/>", "<x id=\"2\" />", "<ph id=\"1\"></ph>", "<g id=\"3\"/>"])
    func textAfterAnEmptyInlineElementKeepsItsPosition(_ inline: String) throws {
        let line = "<target>Setiap \(inline) migrant worker, \(inline)\(inline) migrant worker.</target>"
        let text = """
            <xliff version="1.2"><file source-language="en" target-language="id"><body><trans-unit id="w">
            <source>Every migrant worker.</source>
            \(line)
            </trans-unit></body></file></xliff>
            """
        let corpus = try XLIFFReader.read(SourceText(path: "a.id.xlf", string: text))
        let findings = try BilingualFormatTests.checker.check(corpus).filter { $0.rule == "untranslated-term" }
        let first = try #require(line.range(of: "migrant worker"))
        let second = try #require(line.range(of: "migrant worker", range: first.upperBound..<line.endIndex))
        let expected = [first, second].map { line.unicodeScalars.distance(from: line.startIndex, to: $0.lowerBound) + 1 }
        #expect(findings.map(\.location.line) == [3, 3])
        #expect(findings.map(\.location.column) == expected)
        #expect(findings.map(\.text) == ["migrant worker", "migrant worker"])
    }
}
