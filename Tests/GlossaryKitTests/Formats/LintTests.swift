import Foundation
import TestLocations
import Testing

@testable import GlossaryKit

@Suite("Glossary lint")
struct LintTests {
    static let fixtures = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/lint").path

    static func findings(_ file: String) throws -> [Finding] {
        try GlossaryLinter().lint(paths: [fixtures + "/" + file]).findings
    }

    @Test func flagsEachProblem() throws {
        let findings = try Self.findings("problems.yml")
        func has(_ rule: String, line: Int, _ fragment: String = "") -> Bool {
            findings.contains { $0.rule == rule && $0.location.line == line && ($0.message.contains(fragment)) }
        }
        #expect(has(ConflictingStatusRule.id, line: 9, "Worker"), "\(findings)")
        #expect(has(AmbiguousTermRule.id, line: 16, "worker"))
        #expect(has(MissingPreferredTermRule.id, line: 22, "no-preferred"))
        #expect(has(MissingRequiredLanguageRule.id, line: 26, "id"))
        #expect(has(TermTokenizationRule.id, line: 33, "'++'"))
        #expect(has(TermTokenizationRule.id, line: 34, "e.g. labour"))
        #expect(has(TermTokenizationRule.id, line: 36, "no words"))
        #expect(has(InvalidLanguageTagRule.id, line: 43, "english"))
        #expect(findings.count == 8, "\(findings.map { "\($0.location) \($0.rule)" })")
    }

    @Test func duplicateIDsAcrossFiles() throws {
        let report = try GlossaryLinter().lint(paths: [Self.fixtures + "/duplicate-a.yml", Self.fixtures + "/duplicate-b.yml"])
        #expect(report.findings.map(\.rule) == [DuplicateConceptIDRule.id])
        #expect(report.findings.first?.location.file.hasSuffix("duplicate-b.yml") == true)
        #expect(report.findings.first?.message.contains("duplicate-a.yml:2:5") == true)
    }

    @Test func unknownFieldIsAnInvalidGlossaryFinding() throws {
        let findings = try Self.findings("unknown-field.yml")
        #expect(findings.count == 1)
        #expect(findings.first?.rule == "invalid-glossary")
        #expect(findings.first?.location.line == 5 && findings.first?.location.column == 5)
        #expect(findings.first?.message.contains("colour") == true)
    }

    @Test(.needsSharedData) func tbxDialectViolationsAreFindings() throws {
        let path = SharedData.path("tbx/ltac-tbx-test-files/min_bad.tbx")
        let findings = try GlossaryLinter().lint(paths: [path]).findings.filter { $0.severity == .error }
        #expect(findings.map(\.location.line).sorted() == [21, 41, 803])
    }

    @Test func projectGlossaryIsClean() throws {
        let glossary = TestPackage.root.appendingPathComponent("glossary").path
        let report = try GlossaryLinter().lint(paths: [glossary])
        #expect(report.findings == [], "\(report.findings.map { "\($0.location) [\($0.rule)] \($0.message)" })")
    }

    @Test func projectGlossaryRoundTripsThroughTBXAndCSV() throws {
        let files = try GlossaryLoader.files(at: TestPackage.root.appendingPathComponent("glossary").path)
        #expect(!files.isEmpty)
        for file in files {
            let original = try GlossaryLoader.read(file: file)
            let (tbx, reason) = TBXWriter.render(original)
            #expect(reason == nil, "\(file): \(reason ?? "")")
            let viaTBX = try TBXReader.load(data: Data(tbx.utf8), path: "p.tbx")
            #expect(viaTBX.diagnostics == [])
            #expect(ModelComparison.difference(original, viaTBX.glossary) == nil, "\(file)")
            let viaYAML = try YAMLGlossaryReader.read(YAMLGlossaryWriter.string(from: viaTBX.glossary), path: "p.yml")
            #expect(ModelComparison.difference(original, viaYAML) == nil, "\(file)")
            var csvExpected = original
            csvExpected.name = nil; csvExpected.requiredLanguages = []; csvExpected.properties = []
            let csv = CSVGlossaryWriter.write(original, layout: .long).text
            #expect(
                ModelComparison.difference(csvExpected, try CSVGlossaryReader().read(data: Data(csv.utf8), path: "p.csv")) == nil,
                "\(file)")
        }
    }
}
