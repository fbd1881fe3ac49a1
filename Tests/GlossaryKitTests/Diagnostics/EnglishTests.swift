import Testing
@testable import GlossaryKit

/// Lists, as messages and help texts write them.
@Suite("English in messages")
struct EnglishTests {
    @Test func listsJoinWithTheConjunctionBeforeTheLast() {
        #expect(English.list([], "or") == "")
        #expect(English.list(["YAML"], "or") == "YAML")
        #expect(English.list(["YAML", "TBX"], "and") == "YAML and TBX")
        #expect(English.list(["YAML", "TBX", "CSV", "TSV"], "or") == "YAML, TBX, CSV or TSV")
    }
}
