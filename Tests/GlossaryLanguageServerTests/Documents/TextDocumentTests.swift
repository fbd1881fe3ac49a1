import TestRandom
import Testing

@testable import GlossaryLanguageServer

@Suite("Text document synchronisation")
struct TextDocumentTests {
    static func change(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String)
        -> ContentChange
    {
        ContentChange(
            range: TextRange(
                start: Position(line: startLine, character: startCharacter), end: Position(line: endLine, character: endCharacter)
            ),
            text: text)
    }

    /// Each change applies to the text the previous change left.
    @Test func appliesChangesInOrder() throws {
        var document = TextDocument(uri: "file:///d.md", languageID: "markdown", version: 1, text: "one\ntwo\n")
        try document.apply(
            [
                Self.change(0, 0, 0, 3, "ONE\r\nhalf"),  // now "ONE\r\nhalf\ntwo\n"
                Self.change(2, 0, 2, 3, "2"),  // line 2 is "two" only after the first change
                ContentChange(range: nil, text: "whole\n"),
                Self.change(1, 0, 1, 0, "end"),
            ], version: 5, encoding: .utf16)
        #expect(document.text.string == "whole\nend")
        #expect(document.version == 5)
        #expect(document.text.lines == LineIndex(document.text.bytes))
    }

    @Test func countsRangesInTheNegotiatedEncoding() throws {
        for (encoding, emojiEnd) in [(PositionEncoding.utf16, 3), (.utf8, 5), (.utf32, 2)] {
            var document = TextDocument(uri: "file:///d.md", languageID: "markdown", version: 1, text: "a😀b")
            try document.apply([Self.change(0, 1, 0, emojiEnd, "🙂é")], version: 2, encoding: encoding)
            #expect(document.text.string == "a🙂éb", "\(encoding)")
        }
    }

    @Test func aBackwardRangeLeavesTheDocumentAsItWas() {
        var document = TextDocument(uri: "file:///d.md", languageID: "markdown", version: 1, text: "abc")
        #expect(throws: ResponseError.self) {
            try document.apply([Self.change(0, 0, 0, 1, "X"), Self.change(0, 3, 0, 1, "Y")], version: 2, encoding: .utf16)
        }
        #expect(document.text.string == "abc")
        #expect(document.version == 1)
    }

    @Test func aRangePastTheEndAppends() throws {
        var document = TextDocument(uri: "file:///d.md", languageID: "markdown", version: 1, text: "ab\n")
        try document.apply([Self.change(5, 0, 9, 9, "tail")], version: 2, encoding: .utf16)
        #expect(document.text.string == "ab\ntail")
    }

    /// The span recorded as edited since the last check covers every byte that differs from
    /// the text as it was then (after the common prefix and before the common suffix).
    @Test func theEditedSpanCoversEveryChange() throws {
        var generator = SeededGenerator(seed: 5)
        let pieces = ["a", "é", "😀", "\n", "\r\n", "xy", ""]
        for _ in 0..<300 {
            var document = TextDocument(
                uri: "file:///d.md", languageID: "markdown", version: 0, text: "first line\nsecond 😀 line\r\nthird")
            document.markChecked()
            let checked = document.text.bytes
            for round in 0..<Int.random(in: 1...6, using: &generator) {
                let lines = document.text.lines.lineCount
                var start = Position(
                    line: Int.random(in: 0..<lines, using: &generator), character: Int.random(in: 0...12, using: &generator))
                var end = Position(
                    line: Int.random(in: 0..<lines, using: &generator), character: Int.random(in: 0...12, using: &generator))
                if end < start { swap(&start, &end) }
                let text = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined()
                try document.apply(
                    [ContentChange(range: TextRange(start: start, end: end), text: text)], version: round + 1, encoding: .utf16)
            }
            let now = document.text.bytes
            guard case let .span(span) = document.edited else {
                Issue.record("ranged edits made \(document.edited), not a span")
                continue
            }
            // The bytes of the new text that differ from the checked text: after the common
            // prefix, before the common suffix (which may not overlap the prefix).
            let prefix = zip(checked, now).prefix { $0 == $1 }.count
            let suffix = min(
                zip(checked.reversed(), now.reversed()).prefix { $0 == $1 }.count, min(checked.count, now.count) - prefix)
            #expect(
                span.lowerBound <= prefix && now.count - suffix <= span.upperBound, "\(span) vs \(prefix)..<\(now.count - suffix)"
            )
        }
    }

    @Test func aWholeTextChangeMarksEverythingEdited() throws {
        var document = TextDocument(uri: "file:///d.md", languageID: "markdown", version: 0, text: "abc")
        #expect(document.edited == .everything)
        document.markChecked()
        #expect(document.edited == .nothing)
        try document.apply([Self.change(0, 1, 0, 2, "Z")], version: 1, encoding: .utf16)
        #expect(document.edited == .span(1..<2))
        try document.apply([ContentChange(range: nil, text: "new")], version: 2, encoding: .utf16)
        #expect(document.edited == .everything)
    }
}
