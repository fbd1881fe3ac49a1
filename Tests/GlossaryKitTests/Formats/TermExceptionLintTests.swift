import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// `glossary lint` places an exception phrase's problem at the phrase, in every format.
@Suite("Term exceptions in lint")
struct TermExceptionLintTests {
    static let glossary = Glossary(concepts: [
        Concept(
            id: "recruitment-broker",
            terms: [
                Term(text: "broker", language: .english, exceptions: ["honest broker", "power brokerage", "insurance agent"])
            ])
    ])

    static func findings(_ text: String, extension ext: String) throws -> [Finding] {
        let path = try TestScratch.file(text, extension: ext)
        return try GlossaryLinter().lint(paths: [path]).findings.filter { $0.rule == TermExceptionRule.id }
    }

    @Test func aPhraseWithoutItsTermIsAnErrorAtItsPlaceInYAML() throws {
        let findings = try Self.findings(YAMLGlossaryWriter.string(from: Self.glossary), extension: "yml")
        #expect(findings.map(\.text) == ["power brokerage", "insurance agent"])
        #expect(findings.allSatisfy { $0.severity == .error && $0.location.line == 6 })
        #expect(findings.map(\.location.column) == [39, 56])
    }

    @Test func andInTBX() throws {
        let tbx = TBXWriter.string(from: Self.glossary)
        let lines = tbx.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = lines.indices.filter { lines[$0].contains("exception=power") || lines[$0].contains("exception=insurance") }
            .map { $0 + 1 }
        let findings = try Self.findings(tbx, extension: "tbx")
        #expect(findings.map(\.location.line) == expected)
        #expect(findings.map(\.text) == ["power brokerage", "insurance agent"])
    }

    @Test func andInCSV() throws {
        let csv = CSVGlossaryWriter.write(Self.glossary, layout: .long, separator: ",").text
        let findings = try Self.findings(csv, extension: "csv")
        // The cell's place: a CSV cell holds all of a term's phrases.
        #expect(findings.map { "\($0.location.line):\($0.location.column)" } == ["2:40", "2:40"])
    }
}

@Suite("Term exceptions read as the matcher reads them")
struct TermExceptionContainmentTests {
    /// A phrase holds its term when the matcher finds it there, inflected or not; phrase after
    /// phrase, each read afresh (the words met in one phrase say nothing of the next).
    @Test func inflectedTermsInPhrasesAreTheTerm() throws {
        let glossary = try YAMLGlossaryReader.read(
            """
            concepts:
              - id: fisher
                terms:
                  en:
                    - term: fisher
                      exceptions: [Fisher's exact test, Fisher's zebra test, Fisher's z, fishers' guild hall]
                    - term: fisherman
                      status: deprecated
                      exceptions: [Fisherman's Wharf, fisherman's knot, fishing knot]
            """, path: "g.yml")
        let findings = try GlossaryLinter().lint([GlossaryLinter.File(path: "g.yml", glossary: glossary)])
        // Only the phrase without the term: "fishing" is another word.
        #expect(findings.map(\.text) == ["fishing knot"], "\(findings.map { "\($0.text): \($0.message)" })")
    }
}
