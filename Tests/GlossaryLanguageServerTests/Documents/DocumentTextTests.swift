import Testing

@testable import GlossaryLanguageServer

@Suite("Positions: LSP positions, byte offsets and the CLI's columns")
struct DocumentTextTests {
    static func position(_ line: Int, _ character: Int) -> Position {
        Position(line: line, character: character)
    }

    /// 😀 is one scalar, two UTF-16 units and four UTF-8 bytes.
    @Test func countsAnAstralCharacterInEachEncoding() {
        let text = DocumentText("a😀b")
        let b = 5
        #expect(text.offset(of: Self.position(0, 3), encoding: .utf16) == b)
        #expect(text.offset(of: Self.position(0, 5), encoding: .utf8) == b)
        #expect(text.offset(of: Self.position(0, 2), encoding: .utf32) == b)
        #expect(text.position(of: b, encoding: .utf16) == Self.position(0, 3))
        #expect(text.position(of: b, encoding: .utf8) == Self.position(0, 5))
        #expect(text.position(of: b, encoding: .utf32) == Self.position(0, 2))
    }

    /// A position between the two halves of a surrogate pair, or inside a UTF-8 sequence, is
    /// taken as the start of its character: an edit there never splits it.
    @Test func aPositionInsideACharacterMeansItsStart() {
        let text = DocumentText("a😀b")
        #expect(text.offset(of: Self.position(0, 2), encoding: .utf16) == 1)
        for character in 2...4 { #expect(text.offset(of: Self.position(0, character), encoding: .utf8) == 1) }
        // And an offset inside a character is reported at its start.
        #expect(text.position(of: 3, encoding: .utf16) == Self.position(0, 1))
    }

    /// A decomposed é (e + U+0301) is two scalars and two UTF-16 units: no encoding counts it as one.
    @Test func countsADecomposedAccentAsTwoCharacters() {
        let text = DocumentText("e\u{301}x é")
        #expect(text.offset(of: Self.position(0, 2), encoding: .utf16) == 3)
        #expect(text.offset(of: Self.position(0, 2), encoding: .utf32) == 3)
        #expect(text.offset(of: Self.position(0, 3), encoding: .utf8) == 3)
        #expect(text.position(of: 5, encoding: .utf16) == Self.position(0, 4))
        #expect(text.position(of: 5, encoding: .utf8) == Self.position(0, 5))
        #expect(text.cliPosition(of: 3) == (1, 3))
    }

    @Test func endsLinesAtLFCRLFAndALoneCR() {
        let text = DocumentText("a\nb\r\nc\rd\r")
        #expect(text.lines.starts == [0, 2, 5, 7, 9])
        #expect(text.offset(of: Self.position(3, 0), encoding: .utf16) == 7)
        #expect(text.position(of: 8, encoding: .utf16) == Self.position(3, 1))
        // The empty line after the final CR.
        #expect(text.position(of: 9, encoding: .utf16) == Self.position(4, 0))
        #expect(DocumentText("").lines.starts == [0])
        #expect(DocumentText("\r\n\r\n").lines.starts == [0, 2, 4])
    }

    @Test func clampsACharacterPastTheEndOfItsLineToBeforeTheLineEnding() {
        let text = DocumentText("ab\r\ncd😀\nlast")
        for encoding in PositionEncoding.allCases {
            #expect(text.offset(of: Self.position(0, 99), encoding: encoding) == 2)
            #expect(text.offset(of: Self.position(1, 99), encoding: encoding) == 10)
            #expect(text.offset(of: Self.position(2, 99), encoding: encoding) == 15)
            // A line past the last means the end of the text.
            #expect(text.offset(of: Self.position(7, 0), encoding: encoding) == 15)
        }
        // An offset between CR and LF is the end of the line's content.
        #expect(text.position(of: 3, encoding: .utf16) == Self.position(0, 2))
    }

    /// Every character boundary of a mixed text goes to a position and back unchanged, in
    /// every encoding.
    @Test func offsetsRoundTripThroughPositions() {
        let text = DocumentText("\u{FEFF}é😀\r\ne\u{301} 👩‍👩‍👧\rx\n\n🇮🇩 ok")
        var boundaries = [0]
        for scalar in text.string.unicodeScalars { boundaries.append(boundaries.last! + String(scalar).utf8.count) }
        for encoding in PositionEncoding.allCases {
            for offset in boundaries
            where !(offset > 0 && text.bytes[offset - 1] == 0x0D && offset < text.bytes.count && text.bytes[offset] == 0x0A) {
                #expect(
                    text.offset(of: text.position(of: offset, encoding: encoding), encoding: encoding) == offset,
                    "\(offset) in \(encoding)")
            }
        }
    }

    /// The CLI counts lines at LF only, and columns in scalars after a byte order mark.
    @Test func convertsToAndFromTheCLIsLinesAndColumns() {
        let text = DocumentText("\u{FEFF}é😀x\r\nab\rcd")
        #expect(text.cliPosition(of: 3) == (1, 1))
        #expect(text.cliPosition(of: 9) == (1, 3))
        #expect(text.offset(cliLine: 1, column: 3) == 9)
        // A lone CR ends an LSP line but not a CLI line.
        let c = text.bytes.count - 2
        #expect(text.cliPosition(of: c) == (2, 4))
        #expect(text.offset(cliLine: 2, column: 4) == c)
        #expect(text.position(of: c, encoding: .utf32) == Self.position(2, 0))
        // Past the end of a line or of the text.
        #expect(text.offset(cliLine: 1, column: 99) == 11)
        #expect(text.offset(cliLine: 9, column: 1) == text.bytes.count)
    }

    @Test func negotiatesThePositionEncoding() {
        #expect(PositionEncoding.negotiate(offered: nil) == .utf16)
        #expect(PositionEncoding.negotiate(offered: []) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiate(offered: ["utf-32", "utf-16"]) == .utf32)
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-32", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiate(offered: ["latin-1"]) == .utf16)
    }
}
