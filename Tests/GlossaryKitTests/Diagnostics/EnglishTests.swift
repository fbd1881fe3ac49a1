import Testing

@testable import GlossaryKit

/// Counts with their nouns and lists, as messages and help texts write them.
@Suite("English in messages")
struct EnglishTests {
    @Test func countsTakeTheNounInTheRightNumber() {
        #expect(English.counted(0, "file") == "0 files")
        #expect(English.counted(1, "file") == "1 file")
        #expect(English.counted(2, "translation set") == "2 translation sets")
        #expect(English.counted(1, "entry", plural: "entries") == "1 entry")
        #expect(English.counted(3, "entry", plural: "entries") == "3 entries")
        #expect(English.counted(-1, "degree") == "-1 degrees")
    }

    @Test func listsJoinWithTheConjunctionBeforeTheLast() {
        #expect(English.list([], "or") == "")
        #expect(English.list(["YAML"], "or") == "YAML")
        #expect(English.list(["YAML", "TBX"], "and") == "YAML and TBX")
        #expect(English.list(["YAML", "TBX", "CSV", "TSV"], "or") == "YAML, TBX, CSV or TSV")
    }
}
