import Foundation
import Testing

@testable import GlossaryKit

/// Every reader takes the concept ids the YAML reader takes, and no others, so that a glossary
/// converted from TBX or CSV reads back. Found by the CSV glossary fuzz target: a quoted CSV id
/// with a comma converted to a YAML file that `lint` refused.
@Suite("Concept ids across readers")
struct ConceptIDTests {
    @Test(arguments: ["labour-trafficking", "C002", "ilo.c189", "iso:704", "pekerja_migran", "tenaga-kerja-ü", "0"])
    func idsOfLettersDigitsAndPunctuationAreValid(_ id: String) {
        #expect(Concept.isValidID(id))
    }

    @Test(arguments: ["", "quoted, id", "a b", "a/b", "a#b", "a\tb", "x\u{2028}y"])
    func otherIdsAreNot(_ id: String) {
        #expect(!Concept.isValidID(id))
    }

    func csvError(_ csv: String) -> InputError? {
        do {
            _ = try CSVGlossaryReader().read(data: Data(csv.utf8), path: "g.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func csvRefusesAnIdTheYAMLReaderRefusesAtItsField() throws {
        let wide = try #require(
            csvError("concept,en,id\nmigrant-worker,migrant worker,pekerja migran\n\"quoted, id\",labour,buruh\n"))
        #expect(wide.location == SourceLocation(file: "g.csv", line: 3, column: 1))
        #expect(wide.message.contains("concept id 'quoted, id' may only contain"))
        let long = try #require(csvError("language,term,concept\nen,worker,c1\nid,pekerja,c 2\n"))
        #expect(long.location == SourceLocation(file: "g.csv", line: 3, column: 12))
        // Valid ids, and rows without one (given an id from their first term), still read.
        let read = try CSVGlossaryReader().read(data: Data("concept,en\nc-1,worker\n,migrant worker\n".utf8), path: "g.csv")
        #expect(read.concepts.map(\.id) == ["c-1", "migrant-worker"])
    }

    @Test func tbxReportsAnInvalidIdAndMakesOneFromTheFirstTerm() throws {
        let tbx = """
            <?xml version="1.0"?>
            <martif type="TBX" xml:lang="en"><text><body>
            <termEntry id="a, b"><langSet xml:lang="en"><tig><term>migrant worker</term></tig></langSet></termEntry>
            <termEntry id="C002"><langSet xml:lang="en"><tig><term>worker</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        let output = try TBXReader.load(data: Data(tbx.utf8), path: "g.tbx")
        #expect(output.glossary.concepts.map(\.id) == ["migrant-worker", "C002"])
        let errors = output.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 3)
        #expect(errors.first?.message.contains("'a, b'") == true)
        // What was read is written as YAML that reads back.
        let back = try YAMLGlossaryReader.read(YAMLGlossaryWriter.string(from: output.glossary), path: "g.yml")
        #expect(back.concepts.map(\.id) == ["migrant-worker", "C002"])
    }

    @Test func convertRefusesAConceptIdDefinedTwiceInOneFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concept-id-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/g.csv", output = folder + "/g.yml"
        try "concept,en\nc1,worker\nc2,labour\nc1,migrant worker\n".write(toFile: input, atomically: true, encoding: .utf8)
        #expect {
            try GlossaryConverter.convert(input: input, output: output)
        } throws: { error in
            guard case let .read(inputError) = error as? GlossaryConverter.Failure else { return false }
            return inputError.location?.line == 4 && inputError.message.contains("duplicate concept id 'c1'")
        }
        #expect(!FileManager.default.fileExists(atPath: output), "nothing is written")
        // Without the duplicate the file converts, and the YAML reads back.
        try "concept,en\nc1,worker\nc2,labour\n".write(toFile: input, atomically: true, encoding: .utf8)
        _ = try GlossaryConverter.convert(input: input, output: output)
        #expect(try YAMLGlossaryReader.read(contentsOf: output).concepts.map(\.id) == ["c1", "c2"])
    }
}
