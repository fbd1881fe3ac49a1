import TestRandom
import Testing

@testable import GlossaryKit

@Suite("Tokenizer: ICU words, folding, gaps, paragraphs")
struct TokenizerTests {
    let tokenizer = try! Tokenizer()

    /// `text` scanned with empty lexicons (every word is a distinct unknown word), and its words
    /// as tokens.
    func scanned(_ text: String, markup: Tokenizer.Markup = .plain) throws -> (text: ScannedText, tokens: [Token]) {
        let scanned = try tokenizer.scan(
            SourceText(path: "t", string: text), markup: markup, words: ByteLexicon(), gaps: ByteLexicon(),
            unknownWords: ByteLexicon())
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

    @Test func invisibleCharactersInsideWordsAreIgnored() throws {
        // Soft hyphen, word joiner, ZWNJ, ZWJ and a stray U+FEFF are part of the word they are in
        // (UAX #29 joins them) and folding removes them; ICU breaks a word at a zero-width space,
        // and the scanner joins the halves of a Latin word again. Positions stay on the bytes.
        for invisible in ["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"] {
            let text = "the traf\(invisible)ficking case"
            let words = try tokens(text)
            #expect(words.map(\.folded) == ["the", "trafficking", "case"], "\(invisible.unicodeScalars.first!.value)")
            #expect(words[1].start == 4 && words[1].end == 4 + "traf\(invisible)ficking".utf8.count)
        }
        // Digits and letters both; the word takes the kind of its last part.
        #expect(try tokens("COVID\u{200B}19").map(\.folded) == ["covid19"])
        #expect(try tokens("abc\u{200B}\u{200B}def").map(\.folded) == ["abcdef"])
    }

    @Test func zeroWidthSpacesStillSeparateWhatIsNoLatinWord() throws {
        // Thai (written without spaces) marks word boundaries with U+200B; a zero-width space
        // next to punctuation or white space is nothing but invisible.
        #expect(try tokens("ภาษา\u{200B}ไทย").count == 2)
        #expect(try tokens("word\u{200B} next").map(\.folded) == ["word", "next"])
        #expect(try tokens("word.\u{200B}next").map(\.folded) == ["word", "next"])
        #expect(try tokens("a_\u{200B}b").map(\.folded) == ["a_", "b"])
    }

    @Test func gapsLeaveInvisibleCharactersOut() throws {
        #expect(try tokens("migrant \u{200B}workers").map(\.gapBefore) == [Token.hardBreak, " "])
        #expect(try tokens("migrant\u{2060} \u{FEFF}workers")[1].gapBefore == " ")
        #expect(try tokens("hak-\u{AD}hak")[1].gapBefore == "-")
    }

    @Test func aHyphenThatEndsALineHasItsOwnGap() throws {
        #expect(try tokens("traf-\nficking")[1].gapBefore == Gap.lineBreakHyphen)
        #expect(try tokens("traf-  \r\n   ficking")[1].gapBefore == Gap.lineBreakHyphen)
        #expect(try tokens("traf-\u{2028}ficking")[1].gapBefore == Gap.lineBreakHyphen)
        // Not a hyphen at a line's end: a spaced hyphen, a hyphen within the line, a blank line.
        #expect(try tokens("pre- and")[1].gapBefore == "- ")
        #expect(try tokens("hak -\nhak")[1].gapBefore == " - ")
        #expect(try tokens("traf-ficking")[1].gapBefore == "-")
        #expect(try tokens("traf-\n\nficking")[1].gapBefore == Token.hardBreak)
    }

    @Test func theScannerAndTheSwiftSignatureClassifyGapsAlike() throws {
        // The scanner classifies gaps in C (by their id in the gap lexicon); terms and unknown
        // gaps are classified by `Gap.signature`. Random gaps of every kind must agree.
        let pieces = [
            " ", "\n", "\r\n", "\t", "-", "'", "\u{2019}", ",", ".", "\u{A0}", "\u{2003}", "\u{2028}",
            "\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "(", "/",
            // Transparent Markdown markup, as the masker leaves it (`MarkdownMasker.ignored`).
            "\u{1E}",
        ]
        var generator = SeededGenerator(seed: 0x6A9)
        for _ in 0..<2000 {
            var gap = ""
            for _ in 0..<Int.random(in: 1...5, using: &generator) { gap += pieces.randomElement(using: &generator)! }
            let signature = Gap.signature(ArraySlice(gap.utf8))
            let gaps = ByteLexicon()
            gaps.insert(" ")
            let id = gaps.insert(signature)
            let scanned = try tokenizer.scan(
                SourceText(path: "t", string: "alpha" + gap + "beta"), markup: .plain, words: ByteLexicon(), gaps: gaps,
                unknownWords: ByteLexicon())
            guard scanned.words.count == 2, signature != Token.hardBreak else { continue }
            #expect(
                scanned.words[1].gap == id, "\(gap.debugDescription): the scanner's gap is not '\(signature.debugDescription)'")
        }
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
