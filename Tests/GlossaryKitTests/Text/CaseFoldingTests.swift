import TestRandom
import Testing

@testable import GlossaryKit

/// The byte paths that stand in for Unicode-aware string functions on ASCII text must give
/// exactly what those functions give.
@Suite("Byte paths for ASCII text")
struct CaseFoldingTests {
    @Test func lowercasingEqualsLowercased() {
        var generator = SeededGenerator(seed: 0x10C)
        let alphabet = Array("aZ@[`{09 -'\t".utf8) + Array(0x41...0x5A) + Array(0x61...0x7A)
        var samples = ["", "ILO", "Pekerja Migran", "ÉTA", "İstanbul", "ΣΟΦΙΑ", "straße", "TKI-ÑA", "ǅemal"]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            samples.append(String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self))
        }
        for sample in samples {
            #expect(sample.lowercasedFast() == sample.lowercased(), "\(sample.debugDescription)")
        }
    }

    @Test func byteSuffixesMatchTheirBytes() {
        let words = ["", "a", "pekerjanya", "kerja", "nya", "-nya", "teh", "téh", "eh", "workers", "s", "programmes"]
        for word in words {
            for suffix in words {
                #expect(
                    word.endsWithBytes(suffix) == Array(word.utf8).reversed().starts(with: Array(suffix.utf8).reversed()),
                    "\(word) / \(suffix)")
                let contains =
                    Array(word.utf8).indices.contains { start in
                        Array(word.utf8)[start...].starts(with: Array(suffix.utf8))
                    } || suffix.isEmpty
                #expect(RuleBasedAnalyzer.containsBytes(word, suffix) == contains, "\(word) / \(suffix)")
                if word.endsWithBytes(suffix) {
                    #expect(Array(word.droppingBytes(of: suffix).utf8) == Array(word.utf8.dropLast(suffix.utf8.count)))
                }
            }
        }
    }
}
