import Testing

@testable import GlossaryKit

/// Lines and columns of findings, counted in Unicode scalars whatever the normalisation form.
@Suite("Finding positions")
struct FindingPositionTests {
    @Test func composedAndDecomposedAccentsCountAsWritten() throws {
        // "pagawé" precomposed (6 scalars) and "pagawe" + U+0301 (7 scalars) on one line.
        let text = "Baris kahiji.\nPagawé jeung pagawe\u{301} nyaéta TKI."
        let finding = try #require(try TestSupport.findings(text, language: .sundanese).first { $0.rule == "deprecated-term" })
        #expect(finding.location.line == 2)
        #expect(finding.location.column == 29)
        #expect(finding.endLocation.column == 32)
        #expect(finding.text == "TKI")
    }

    @Test func aTermWrittenDecomposedIsFoundAndLocated() throws {
        let text =
            "Ieu Organisasi Buruh Internasional jeung Organisasi Buruh Internasional.\nPadagangan tanaga gawe\u{301} jeung trafficking tenaga kerja."
        let findings = try TestSupport.findings(text, language: .sundanese).filter { $0.rule == "inconsistent-term" }
        let finding = try #require(findings.first)
        #expect(finding.location.line == 2)
        // "Padagangan tanaga gawe\u{301} jeung " is 30 scalars.
        #expect(finding.location.column == 31)
        #expect(finding.text == "trafficking tenaga kerja")
    }
}
