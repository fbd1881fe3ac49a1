import Foundation
import Testing

@Suite("glossary lookup, end to end")
struct LookupCommandTests {
    @Test func findsTheConceptWithAllLanguages() throws {
        let result = try CommandRunner.run(["lookup", "trafficking tenaga kerja"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("labour-trafficking"))
        #expect(result.stdout.contains("  en:\n    labour trafficking — preferred"))
        #expect(result.stdout.contains("  id:\n    perdagangan tenaga kerja — preferred"))
        #expect(result.stdout.contains("  su:\n"))
    }

    @Test func inflectedQueries() throws {
        let result = try CommandRunner.run(["lookup", "--format", "json", "Migrant Workers"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let concepts = try #require(json["concepts"] as? [[String: Any]])
        #expect(concepts.map { $0["id"] as? String } == ["migrant-worker"])
    }

    @Test func unknownTermExitsOne() throws {
        let result = try CommandRunner.run(["lookup", "zebra crossing"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("No concept"))
    }

    @Test func listsEachTermsExceptionPhrases() throws {
        let result = try CommandRunner.run(["lookup", "maid"])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "    maid — deprecated\n        Presents the worker as a servant; use \"domestic worker\" (ILO C189).\n        exceptions: maid of honour; maid of honor; Old Maid;"
            ))
        let json = try CommandRunner.run(["lookup", "--format", "json", "maid"])
        #expect(json.stdout.contains("\"exceptions\": [\n              \"maid of honour\","))
    }

    /// A text inside an exception phrase names no concept: the phrase is shown and the status
    /// says that no concept matched.
    @Test func aTextThatIsAnExceptionPhraseSaysSo() throws {
        let result = try CommandRunner.run(["lookup", "Old Maids"])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix(
                "'Old Maid' is an exception of 'maid' (en) in domestic-worker: there the term does not name the concept.\n"))
        #expect(result.stdout.contains("No concept has a term matching 'Old Maids'."))
        let json = try CommandRunner.run(["lookup", "--format", "json", "calo tiket"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let exceptions = try #require(object["exceptions"] as? [[String: String]])
        #expect(exceptions.map { $0["language"] } == ["id", "su"])
        #expect(
            exceptions.allSatisfy {
                $0["phrase"] == "calo tiket" && $0["term"] == "calo" && $0["concept"] == "recruitment-broker"
            })
        #expect((object["concepts"] as? [Any])?.isEmpty == true)
    }

    /// A concept named beside a phrase is found as usual.
    @Test func aConceptBesideAPhraseIsFound() throws {
        let result = try CommandRunner.run(["lookup", "calo tiket dan calo"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("'calo tiket' is an exception of 'calo' (id)"))
        #expect(result.stdout.contains("recruitment-broker (labour migration)\n"))
    }
}
