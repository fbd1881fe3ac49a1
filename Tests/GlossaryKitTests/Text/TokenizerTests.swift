import Testing
@testable import GlossaryKit

@Suite("Tokenizer: ICU words, folding, gaps, paragraphs")
struct TokenizerTests {
    let tokenizer = try! Tokenizer()

    /// `text` scanned with empty lexicons (every word is a distinct unknown word), and its words
    /// as tokens.
    func scanned(_ text: String, markup: Tokenizer.Markup = .plain) throws -> (text: ScannedText, tokens: [Token]) {
        let scanned = try tokenizer.scan(
            SourceText(path: "t", string: text), markup: markup, words: ByteLexicon(), gaps: ByteLexicon(), unknownWords: ByteLexicon())
        return (scanned, scanned.words.indices.map(scanned.token(at:)))
    }

    func tokens(_ text: String, markup: Tokenizer.Markup = .plain) throws -> [Token] {
        try scanned(text, markup: markup).tokens
    }

    @Test func foldsCaseAndKeepsByteOffsets() throws {
        let words = try tokens("The ILO’s Programme")
        #expect(words.map(\.folded) == ["the", "ilo's", "programme"])
        #expect(words[1].start == 4)
        #expect(words[1].end == 4 + Array("ILO’s".utf8).count)
    }

    @Test func composedAndDecomposedFoldAlike() throws {
        let composed = try tokens("pagawéan")
        let decomposed = try tokens("pagawe\u{301}an")
        #expect(composed[0].folded == decomposed[0].folded)
        #expect(composed[0].bare == "pagawean")
        #expect(decomposed[0].end == Array("pagawe\u{301}an".utf8).count)
    }

    @Test func fullCaseFolding() throws {
        #expect(try tokens("STRASSE Straße")[1].folded == "strasse")
    }

    @Test func gapsDescribeWhatSeparatesWords() throws {
        let words = try tokens("labour\n  trafficking, hak-hak workers' rights")
        #expect(words.map(\.gapBefore) == [Token.hardBreak, " ", ", ", "-", " ", "' "])
    }

    @Test func blankLinesSeparateParagraphs() throws {
        let (text, tokens) = try scanned("one two\n\nthree\n \nfour")
        #expect(text.paragraphs == [0..<2, 2..<3, 3..<4])
        #expect(tokens[2].gapBefore == Token.hardBreak)
    }

    @Test func markdownMaskingSkipsCodeURLsAndComments() throws {
        let markdown = """
            Real ILO text `ILO code` and <!-- ILO comment --> then
            ```
            ILO in a fence
            ```
            see https://ilo.org/ILO and [ILO](https://x.org/ILO) <span class="ILO">ok</span>
            """
        let words = try tokens(markdown, markup: .markdown).map(\.folded)
        #expect(words == ["real", "ilo", "text", "and", "then", "see", "and", "ilo", "ok"])
    }

    @Test func maskedRegionsBreakMultiWordTerms() throws {
        let words = try tokens("labour `x` trafficking", markup: .markdown)
        #expect(words.count == 2)
        #expect(words[1].gapBefore == Token.hardBreak)
    }

    @Test func plainTextMasksOnlyURLs() throws {
        let words = try tokens("`ILO` at www.ilo.org.").map(\.folded)
        #expect(words == ["ilo", "at"])
    }
}
