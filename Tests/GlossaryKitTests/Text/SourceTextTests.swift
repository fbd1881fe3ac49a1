import TestRandom
import Testing

@testable import GlossaryKit

@Suite("Source text: UTF-8, lines and columns")
struct SourceTextTests {
    @Test func invalidUTF8NamesLineAndByteOffset() {
        let bytes = Array("first line\nsecond ".utf8) + [0xFF] + Array(" line\n".utf8)
        #expect(throws: TextError.invalidUTF8(line: 2, byteOffset: 18, byte: 0xFF)) {
            try SourceText(path: "bad.txt", bytes: bytes)
        }
    }

    @Test func truncatedSequenceAndOverlongFormsAreRejected() {
        #expect(throws: TextError.self) { try SourceText(path: "x", bytes: [0x61, 0xC3]) }
        #expect(throws: TextError.self) { try SourceText(path: "x", bytes: [0xC0, 0x80]) }
        #expect(throws: TextError.self) { try SourceText(path: "x", bytes: [0xED, 0xA0, 0x80]) }  // a surrogate
    }

    @Test func invalidUTF8MessageIsClear() {
        let error = TextError.invalidUTF8(line: 3, byteOffset: 41, byte: 0xC3)
        #expect(error.description == "invalid UTF-8 at line 3, byte offset 41 (byte 0xC3); save the file as UTF-8")
    }

    @Test func byteOrderMarkIsSkippedInColumns() throws {
        let source = try SourceText(path: "bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("ILO".utf8))
        #expect(source.contentStart == 3)
        #expect(source.position(of: 3) == (1, 1))
        #expect(source.lineText(1) == "ILO")
    }

    @Test func columnsCountUnicodeScalars() {
        // "é" precomposed is one scalar; "e" + U+0301 is two.
        let source = SourceText(path: "x", string: "pagawé X\npagawe\u{301} X")
        let first = Array("pagawé ".utf8).count
        #expect(source.position(of: first) == (1, 8))
        let secondLineStart = Array("pagawé X\n".utf8).count
        let second = secondLineStart + Array("pagawe\u{301} ".utf8).count
        #expect(source.position(of: second) == (2, 9))
    }

    @Test func lineTextDropsCRLF() {
        let source = SourceText(path: "x", string: "one\r\ntwo\r\n")
        #expect(source.lineText(1) == "one")
        #expect(source.lineText(2) == "two")
        #expect(source.line(containing: 5) == 2)
    }

    /// Positions on lines far longer than `SourceText.columnStride` (found from the column marks)
    /// are those of counting every scalar from the line's start: with multi-byte characters
    /// across the marks, a byte order mark, CRLF and a last line without a line break.
    @Test func positionsOnLongLinesCountFromTheLineStart() throws {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["a", "é", "e\u{301}", "€", "𝄞", " ", "\r\n", "\n"]
        for withMark in [false, true] {
            var text = ""
            for _ in 0..<6000 {
                let index = Int.random(in: 0..<1000, using: &generator)
                text += index < 2 ? pieces[6 + index % 2] : pieces[index % 6]
            }
            let bytes = (withMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
            let source = try SourceText(path: "long.txt", bytes: bytes)
            var line = 1, column = 1
            for offset in 0...bytes.count {
                if offset >= source.contentStart {
                    #expect(source.position(of: offset) == (line, column), "offset \(offset)")
                }
                guard offset < bytes.count, offset >= source.contentStart else { continue }
                if bytes[offset] == 0x0A {
                    line += 1
                    column = 1
                } else if bytes[offset] & 0xC0 != 0x80 {
                    column += 1
                }
            }
        }
    }
}
