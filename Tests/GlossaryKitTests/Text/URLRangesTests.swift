import TestRandom
import Testing

@testable import GlossaryKit

@Suite("URL search")
struct URLRangesTests {
    @Test func searchAgreesWithTheByteByByteReference() {
        // Pieces that make and unmake URLs: schemes, "www.", words glued before them, trailing
        // punctuation, brackets, and long runs between them.
        let pieces = [
            "https://", "http://", "ftp://", "www.", "xwww.", "HTTP://", "mailto:", "://", "example.org", "a.b",
            " ", "\n", ".", ",", ")", "(", "x", "é", "-", "_", "9", "<", ">", "path/to?q=1", "wwww.",
        ]
        var generator = SeededGenerator(seed: 3)
        var found = 0
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...16, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let fast = MarkdownMasker.urlRanges(buffer)
                #expect(fast == MarkdownMasker.urlRangesByteByByte(buffer), "\(text.debugDescription)")
                found += fast.count
            }
        }
        #expect(found > 1_000)
    }
}
