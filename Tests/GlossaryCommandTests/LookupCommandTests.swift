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
}
