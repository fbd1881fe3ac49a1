import TestRandom
import Testing

@testable import GlossaryKit

@Suite("Byte search")
struct ByteSearchTests {
    @Test func findsTheFirstOccurrence() {
        let text = Array("a glossary glossary-ignore and glossary-disable".utf8)
        text.withUnsafeBufferPointer { buffer in
            #expect(ByteSearch.find(Array("glossary-".utf8), in: buffer) == 11)
            #expect(ByteSearch.find(Array("glossary-enable".utf8), in: buffer) == nil)
            #expect(ByteSearch.find(Array("a".utf8), in: buffer) == 0)
            #expect(ByteSearch.find([], in: buffer) == nil)
        }
    }

    /// A text of whole 32-byte blocks of ASCII ends where the fast loop stops: the byte after it
    /// (here 0xFF, outside the buffer) was once read and taken for the text's first bad byte.
    @Test(arguments: [32, 64, 96, 224])
    func utf8CheckStopsAtTheEndOfWholeBlocks(_ length: Int) {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length) + [0xFF]
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteSearch.firstInvalidUTF8(in: UnsafeBufferPointer(rebasing: buffer[..<length])) == nil)
            #expect(ByteSearch.firstInvalidUTF8(in: buffer) == length)
        }
    }

    /// The vector search (sixteen starts at a time, then the library's search for the tail)
    /// against a plain loop: random texts over a small alphabet, so that needles occur often,
    /// partly and wholly, at every offset, in the tail and straddling a block.
    @Test func findAgreesWithAPlainSearch() {
        func plain(_ needle: [UInt8], in text: [UInt8]) -> Int? {
            guard !needle.isEmpty, needle.count <= text.count else { return nil }
            return (0...(text.count - needle.count)).first { text[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("ab-g\u{E9}".utf8)
        var found = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let expected = plain(needle, in: text)
            if expected != nil { found += 1 }
            text.withUnsafeBufferPointer { buffer in
                #expect(ByteSearch.find(needle, in: buffer) == expected, "\(needle) in \(text)")
            }
        }
        #expect(found > 5_000)
    }

    @Test func suppressionFoundAcrossTheSearchWindow() throws {
        // The directive straddles the 4 MiB window the search advances by.
        let directive = "glossary-ignore deprecated-term"
        var text = String(repeating: "x", count: (1 << 22) - 5) + " " + directive + "\nProgramme.\n"
        text += String(repeating: "y ", count: 10)
        let bytes = Array(text.utf8)
        let source = try SourceText(path: "big.txt", bytes: bytes)
        let suppressions = try Suppressions(parsing: source, markdown: false, knownRules: ["deprecated-term"])
        #expect(suppressions.directives.count == 1)
        #expect(suppressions.directives.first?.offset == (1 << 22) - 4)
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        // Random bytes biased towards the edges of UTF-8: lead bytes, continuations, overlong
        // and surrogate forms, 0xF4 0x90 (above U+10FFFF), long ASCII runs for the 8-byte path.
        let interesting: [UInt8] = [
            0x41, 0x0A, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xA0, 0x9F, 0xED,
            0xEF, 0xF0, 0x90, 0x8F, 0xF4, 0xF5, 0xFF,
        ]
        var generator = SeededGenerator(seed: 99)
        var invalid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                if Bool.random(using: &generator) {
                    bytes += [UInt8](repeating: 0x61, count: Int.random(in: 1...9, using: &generator))
                } else {
                    bytes.append(interesting[Int.random(in: 0..<interesting.count, using: &generator)])
                }
            }
            let expected = String(validating: bytes, as: UTF8.self) == nil
            let found = bytes.withUnsafeBufferPointer { ByteSearch.firstInvalidUTF8(in: $0) }
            #expect((found != nil) == expected, "\(bytes)")
            if expected {
                invalid += 1
                // And the reader reports an error for the same text.
                #expect(throws: TextError.self) { try SourceText(path: "t", bytes: bytes) }
            }
        }
        #expect(invalid > 1_000)
    }
}
