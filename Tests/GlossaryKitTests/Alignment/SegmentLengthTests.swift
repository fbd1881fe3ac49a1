import TestRandom
import Testing

@testable import GlossaryKit

/// The length the aligners compare segments by: the bytes that are neither white space nor
/// inside a character (UTF-8 continuation bytes).
@Suite("Segment lengths for alignment")
struct SegmentLengthTests {
    /// The definition, one character at a time.
    static func reference(_ text: String) -> Int {
        text.unicodeScalars.filter { !["\u{20}", "\n", "\t", "\r"].contains($0) }.count
    }

    @Test func countsTheCharactersThatAreNotWhiteSpace() {
        let text = SourceText(path: "t.md", string: "Pagawé migran\r\n\tdi 😀 luar  nagri\n")
        let whole = SegmentedText(
            file: text, segments: [Segment(id: "1", language: nil, bytes: 0..<text.bytes.count)], format: "plain text")
        #expect(ParallelAligner.length(whole.segments[0], in: whole) == 24)
    }

    @Test func randomTextsCountAsTheirCharactersDo() {
        var generator = SeededGenerator(seed: 5)
        let pieces = ["a", "é", "e\u{301}", "😀", " ", "\n", "\t", "\r\n", "ŋ", "-", "  ", "ᮞ"]
        for _ in 0..<300 {
            let parts = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let text = SourceText(path: "t.txt", string: parts.joined())
            // A segment over a run of whole pieces, anywhere in the text.
            let first = Int.random(in: 0...parts.count, using: &generator)
            let last = Int.random(in: first...parts.count, using: &generator)
            let start = parts[..<first].joined().utf8.count
            let end = start + parts[first..<last].joined().utf8.count
            let segmented = SegmentedText(
                file: text, segments: [Segment(id: "1", language: nil, bytes: start..<end)], format: "plain text")
            #expect(
                ParallelAligner.length(segmented.segments[0], in: segmented) == Self.reference(parts[first..<last].joined()))
        }
    }
}
