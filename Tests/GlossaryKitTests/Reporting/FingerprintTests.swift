import TestRandom
import Testing

@testable import GlossaryKit

@Suite("Finding fingerprints")
struct FingerprintTests {
    private func finding(_ file: String, rule: String = "deprecated-term", concept: String? = "ilo", text: String) -> Finding {
        let location = SourceLocation(file: file, line: 1, column: 1)
        return Finding(
            location: location, endLocation: location, byteRange: 0..<1, rule: rule, severity: .warning,
            language: .english, concept: concept, text: text, message: "m")
    }

    /// Baselines store fingerprints: the values of known findings must never change.
    @Test func knownFindingsKeepTheirFingerprints() {
        var findings = [
            finding("a.md", text: "International  Labor\nOrganization"),
            finding("a.md", text: "international labor organization"),
            finding("a.md", rule: "inconsistent-term", concept: nil, text: "LABOR"),
        ]
        Fingerprint.assign(to: &findings)
        #expect(findings.map(\.fingerprint) == ["0162daaef21a24f4", "0162dbaef21a26a7", "ffc56248e65a883f"])
    }

    /// Assigning over findings of several files, in any order, gives each file's findings what
    /// `compute(forFileFindings:)` gives them on their own.
    @Test func assigningAgreesWithComputingFileByFile() {
        var generator = SeededGenerator(seed: 5)
        let files = ["a.md", "b.md", "c.txt"]
        let texts = ["Labor", "labor", "LABOR  union", "labour", "ILO"]
        var findings = (0..<400).map { _ in
            finding(
                files.randomElement(using: &generator)!,
                rule: ["deprecated-term", "inconsistent-term"].randomElement(using: &generator)!,
                concept: ["ilo", "labour", nil].randomElement(using: &generator)!, text: texts.randomElement(using: &generator)!)
        }
        Fingerprint.assign(to: &findings)
        for file in files {
            let own = findings.filter { $0.location.file == file }
            #expect(own.map(\.fingerprint) == Fingerprint.compute(forFileFindings: own))
        }
    }
}
