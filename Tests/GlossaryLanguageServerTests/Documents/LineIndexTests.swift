import TestRandom
import Testing

@testable import GlossaryLanguageServer

@Suite("Line index")
struct LineIndexTests {
    /// Edits over a text of line endings and multi-byte characters, the index kept by
    /// `replace` against one built afresh: including edits that split a CR LF, join a CR to an
    /// LF, and touch the first and last byte.
    @Test func incrementalUpdatesMatchAFreshIndex() {
        var generator = SeededGenerator(seed: 11)
        let pieces: [[UInt8]] = ["\r", "\n", "\r\n", "a", "é", "😀", "bc", ""].map { Array($0.utf8) }
        for _ in 0..<300 {
            var text = DocumentText(
                bytes: (0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! })
            for _ in 0..<20 {
                // Cut only at character boundaries, as edits from positions do.
                let boundaries = (0...text.bytes.count).filter { $0 == text.bytes.count || text.bytes[$0] & 0xC0 != 0x80 }
                let a = boundaries.randomElement(using: &generator)!
                let b = boundaries.randomElement(using: &generator)!
                let replacement = (0..<Int.random(in: 0...3, using: &generator)).flatMap { _ in
                    pieces.randomElement(using: &generator)!
                }
                let before = text.bytes
                text.replace(min(a, b)..<max(a, b), with: replacement)
                #expect(text.lines == LineIndex(text.bytes), "\(before) → \(text.bytes)")
            }
        }
    }

    @Test func findsTheLineOfAnOffset() {
        let index = LineIndex(Array("ab\ncd\r\n\nef".utf8))
        #expect(index.starts == [0, 3, 7, 8])
        #expect([0, 2, 3, 6, 7, 8, 10].map(index.line(containing:)) == [0, 0, 1, 1, 2, 3, 3])
    }
}
