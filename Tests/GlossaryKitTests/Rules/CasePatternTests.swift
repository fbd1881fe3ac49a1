import TestRandom
import Testing

@testable import GlossaryKit

/// `CasePattern.apply` takes a byte path for ASCII text; it must agree with the rules applied
/// character by character.
@Suite("Case pattern")
struct CasePatternTests {
    @Test(arguments: [
        ("LABOR", "labour", "LABOUR"),
        ("Labor trafficking", "labour trafficking", "Labour trafficking"),
        ("Labor Trafficking", "labour trafficking", "Labour Trafficking"),
        ("labor", "labour", "labour"),
        ("TKI", "pekerja migran", "PEKERJA MIGRAN"),
        ("Tki", "ILO", "ILO"),
        ("2024", "labour", "labour"),
        ("Ékonomi", "ekonomi", "Ekonomi"),
    ])
    func carriesTheCaseOver(original: String, replacement: String, expected: String) {
        #expect(CasePattern.apply(of: original, to: replacement) == expected)
    }

    /// Random ASCII texts of letters in both cases, digits, spaces, tabs, line breaks and
    /// punctuation: the byte path gives what the character path gives.
    @Test func asciiPathEqualsCharacterPath() {
        var generator = SeededGenerator(seed: 0xCA5E)
        let alphabet = Array("aAbBzZ \t\n\r-'09.".utf8)
        func randomText() -> String {
            let length = Int.random(in: 0...9, using: &generator)
            return String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
        }
        for _ in 0..<20_000 {
            let original = randomText(), replacement = randomText()
            let fast = CasePattern.applyASCII(of: original, to: replacement)
            let reference = CasePattern.applyByCharacter(of: original, to: replacement)
            #expect(fast == reference, "\(original.debugDescription) → \(replacement.debugDescription)")
        }
        #expect(CasePattern.applyASCII(of: "é", to: "x") == nil)
        #expect(CasePattern.applyASCII(of: "x", to: "é") == nil)
    }
}
