import Foundation
import TestLocations
import Testing

@testable import GlossaryKit

/// Term exceptions (`TermException`) in every glossary format: read with the place of each
/// phrase (for `glossary lint`), written back, and kept through every conversion.
@Suite("Term exceptions in YAML, TBX and CSV")
struct TermExceptionFormatTests {
    static let yaml = """
        concepts:
          - id: domestic-worker
            terms:
              en:
                - domestic worker
                - term: maid
                  status: deprecated
                  exceptions:
                    - maid of honour
                    - Old Maid
              id:
                - term: pembantu
                  status: deprecated
                  exceptions: [pembantu rektor, "unsur pembantu"]
                - term: ART
                  type: acronym
                  exceptions: AD/ART
        """

    @Test func yamlReadsEveryPhraseWithItsPlace() throws {
        let glossary = try YAMLGlossaryReader.read(Self.yaml, path: "g.yml")
        let terms = try #require(glossary.concepts.first).terms
        #expect(terms[0].exceptions.isEmpty)
        #expect(
            terms[1].exceptions == [
                TermException("maid of honour", location: SourceLocation(file: "g.yml", line: 9, column: 15)),
                TermException("Old Maid", location: SourceLocation(file: "g.yml", line: 10, column: 15)),
            ])
        #expect(terms[2].exceptions.map(\.text) == ["pembantu rektor", "unsur pembantu"])
        #expect(terms[2].exceptions.map { $0.location?.column } == [24, 41])
        // A single phrase may be written without a list, as `forms` may.
        #expect(terms[3].exceptions == [TermException("AD/ART", location: SourceLocation(file: "g.yml", line: 17, column: 23))])
    }

    @Test func yamlKeepsAnEmptyPhraseForLintAndRefusesAMapping() throws {
        let empty = try YAMLGlossaryReader.read(
            """
            concepts:
              - id: a
                terms:
                  en:
                    - term: maid
                      exceptions: ["", "  "]
            """, path: "g.yml")
        #expect(empty.concepts[0].terms[0].exceptions.map(\.text) == ["", ""])
        #expect {
            try YAMLGlossaryReader.read(
                """
                concepts:
                  - id: a
                    terms:
                      en:
                        - term: maid
                          exceptions: {maid: honour}
                """, path: "g.yml")
        } throws: { error in
            (error as? InputError)?.location == SourceLocation(file: "g.yml", line: 6, column: 23)
                && (error as? InputError)?.message.contains("exceptions") == true
        }
    }

    @Test func yamlWriterListsThePhrasesAndReadsThemBack() throws {
        let glossary = try YAMLGlossaryReader.read(Self.yaml, path: "g.yml")
        let written = YAMLGlossaryWriter.string(from: glossary)
        #expect(written.contains("          exceptions: [maid of honour, Old Maid]\n"))
        #expect(written.contains("          exceptions: [AD/ART]\n"))
        #expect(ModelComparison.difference(glossary, try YAMLGlossaryReader.read(written, path: "w.yml")) == nil)
        // A preferred term with exceptions and nothing else is no longer a plain string.
        let bare = Glossary(concepts: [
            Concept(id: "c", terms: [Term(text: "broker", language: .english, exceptions: ["honest broker"])])
        ])
        #expect(YAMLGlossaryWriter.string(from: bare).contains("- term: broker\n          exceptions: [honest broker]\n"))
    }

    @Test func tbxWritesOneNotePerPhraseAndReadsThemBackWithTheirPlace() throws {
        let glossary = try YAMLGlossaryReader.read(Self.yaml, path: "g.yml")
        let tbx = TBXWriter.string(from: glossary)
        #expect(
            tbx.contains(
                "\t\t\t\t\t\t<note>glossary:exception=maid of honour</note>\n\t\t\t\t\t\t<note>glossary:exception=Old Maid</note>\n"
            ))
        let output = try TBXReader.load(data: Data(tbx.utf8), path: "g.tbx")
        #expect(output.diagnostics == [])
        #expect(output.dialect == .basic)
        #expect(ModelComparison.difference(glossary, output.glossary) == nil)
        let lines = tbx.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("exception=Old Maid") }) + 1
        // Placed as the reader places every element: where the parser reports its start tag.
        #expect(
            output.glossary.concepts[0].terms[1].exceptions[1].location == SourceLocation(file: "g.tbx", line: line, column: 12))
    }

    @Test func tbxTellsExceptionNotesFromOtherNotes() throws {
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
            <tbxHeader><fileDesc><sourceDesc><p>hand-written</p></sourceDesc></fileDesc></tbxHeader>
            <text><body>
            <conceptEntry id="broker">
              <langSec xml:lang="en">
                <termSec>
                  <term>broker</term>
                  <note>glossary:exception=honest
                    broker</note>
                  <note>Use "recruitment agent" in texts about labour migration.</note>
                  <note>glossary:exceptions are listed one per note</note>
                  <note>glossary:exception=</note>
                </termSec>
              </langSec>
            </conceptEntry>
            </body></text>
            </tbx>
            """
        let term = try #require(TBXReader.read(data: tbx).concepts.first?.terms.first)
        // White space collapses as in a term; the first note that is not an exception is the
        // term's note; an empty phrase is kept for lint to report.
        #expect(term.exceptions.map(\.text) == ["honest broker", ""])
        #expect(term.exceptions.map { $0.location?.line } == [9, 13])
        #expect(term.note == "Use \"recruitment agent\" in texts about labour migration.")
        #expect(term.properties == [Property(name: "note", value: "glossary:exceptions are listed one per note")])
    }

    @Test func csvLongLayoutHasAnExceptionsColumn() throws {
        let glossary = try YAMLGlossaryReader.read(Self.yaml, path: "g.yml")
        let output = CSVGlossaryWriter.write(glossary, layout: .long, separator: ",")
        #expect(output.text.hasPrefix("\u{FEFF}concept,language,term,status,type,exceptions\r\n"))
        #expect(output.text.contains("domestic-worker,en,maid,deprecated,,maid of honour | Old Maid\r\n"))
        let back = try CSVGlossaryReader().read(data: Data(output.text.utf8), path: "g.csv")
        #expect(ModelComparison.difference(glossary, back) == nil)
        // Each phrase is placed at its cell.
        #expect(
            back.concepts[0].terms[1].exceptions.map(\.location) == [
                SourceLocation(file: "g.csv", line: 3, column: 37), SourceLocation(file: "g.csv", line: 3, column: 37),
            ])
        let wide = CSVGlossaryWriter.write(glossary, layout: .wide, separator: ",")
        #expect(wide.omissions.contains { $0.contains("exceptions") && $0.contains("long layout") })
    }

    @Test func csvEmptyPiecesAreSeparatorsNotPhrases() throws {
        let csv = "concept,language,term,exceptions\nc,en,broker,honest broker | | power \\| broker\n"
        let term = try #require(CSVGlossaryReader().read(data: Data(csv.utf8), path: "g.csv").concepts.first?.terms.first)
        #expect(term.exceptions.map(\.text) == ["honest broker", "power | broker"])
    }

    /// YAML → TBX → CSV → YAML keeps every phrase, for the format fixture and the project's
    /// own glossary (whose terms list real exceptions).
    @Test(arguments: [RoundTripTests.fixture, TestPackage.root.appendingPathComponent("glossary").path])
    func phrasesSurviveEveryConversion(_ path: String) throws {
        var original = try GlossaryLoader.load(paths: [path])
        #expect(original.concepts.contains { $0.terms.contains { !$0.exceptions.isEmpty } })
        let tbx = try TBXReader.load(data: Data(TBXWriter.string(from: original).utf8), path: "g.tbx").glossary
        #expect(ModelComparison.difference(original, tbx) == nil)
        let csv = try CSVGlossaryReader().read(
            data: Data(CSVGlossaryWriter.write(tbx, layout: .long, separator: ",").text.utf8), path: "g.csv")
        let yaml = try YAMLGlossaryReader.read(YAMLGlossaryWriter.string(from: csv), path: "g.yml")
        original.name = nil
        original.requiredLanguages = []
        original.properties = []
        #expect(ModelComparison.difference(original, yaml) == nil)
    }
}
