import Testing

@testable import GlossaryKit

/// How the inconsistent-term rule counts the forms of one concept: the first form met is kept
/// in the group's record, later ones in a list, and past `Group.searchLimit` forms they are
/// found by hashing; each path must count and report alike.
@Suite("Inconsistent-term forms")
struct InconsistentTermFormsTests {
    static let checker = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: crew
                terms:
                  en:
                    - term: crew member
                    - term: deckhand
                      status: admitted
                    - term: seafarer
                      status: admitted
                    - term: sailor
                      status: admitted
                    - term: mariner
                      status: admitted
                    - term: boatman
                      status: admitted
                    - term: shipmate
                      status: admitted
                    - term: oarsman
                      status: admitted
                    - term: helmsman
                      status: admitted
                    - term: lookout
                      status: admitted
              - id: market
                terms:
                  en:
                    - term: labour market
              - id: port
                terms:
                  en:
                    - term: harbour
                      status: admitted
                    - term: seaport
                      status: admitted
            """)

    static func inconsistent(_ text: String) throws -> [Finding] {
        try TestSupport.findings(text, language: .english, checker: checker).filter { $0.rule == "inconsistent-term" }
    }

    @Test func moreFormsThanASearchCoversAreCountedAndReported() throws {
        // Ten forms, the preferred one met fourth; "lookout" and "helmsman", met after the
        // eighth form, come back, so their counts are found through the hashed positions.
        let text = """
            The deckhand, the seafarer and the sailor.

            The crew member, the mariner, the boatman, the shipmate and the oarsman.

            The helmsman and the lookout. Later the lookout, the helmsman and the lookout again.
            """
        let findings = try Self.inconsistent(text)
        #expect(
            findings.map(\.text) == [
                "deckhand", "seafarer", "sailor", "mariner", "boatman", "shipmate", "oarsman", "helmsman", "lookout",
                "lookout", "helmsman", "lookout",
            ])
        let message = try #require(findings.first?.message)
        #expect(message.contains("named in 10 ways"))
        #expect(
            message.contains(
                "('deckhand' ×1, 'seafarer' ×1, 'sailor' ×1, 'crew member' ×1, 'mariner' ×1, 'boatman' ×1, "
                    + "'shipmate' ×1, 'oarsman' ×1, 'helmsman' ×2, 'lookout' ×3)"))
        #expect(message.hasSuffix("use 'crew member' (preferred)"))
    }

    @Test func theMostUsedFormIsKeptWithoutAPreferredOne() throws {
        // Neither term of the concept is preferred: the most used one is kept, whether it was met
        // first (the group's own record) or later (its list).
        let laterWins = try Self.inconsistent("The harbour, then the seaport and the seaport.")
        #expect(laterWins.map(\.text) == ["harbour"])
        #expect(laterWins.first?.message.contains("('harbour' ×1, 'seaport' ×2); use 'seaport' (most used)") == true)
        let firstWins = try Self.inconsistent("The harbour, the harbour and then the seaport.")
        #expect(firstWins.map(\.text) == ["seaport"])
        // On a tie the form met first is kept.
        let tie = try Self.inconsistent("The seaport and the harbour.")
        #expect(tie.map(\.text) == ["harbour"])
    }

    @Test func oneFormIsNeverInconsistent() throws {
        #expect(try Self.inconsistent("The harbour and the harbour again.").isEmpty)
        #expect(try Self.inconsistent("The crew member and another crew member.").isEmpty)
    }

    @Test func anUnlistedSpellingIsAFormOfItsOwn() throws {
        let findings = try Self.inconsistent("The labour market grew; the labor market did too, as did the labor market.")
        #expect(findings.map(\.text) == ["labor market", "labor market"])
        let message = try #require(findings.first?.message)
        #expect(message.contains("('labour market' ×1, 'labor market' ×2)"))
        // The preferred term as the glossary writes it is kept even though used less.
        #expect(message.hasSuffix("use 'labour market' (preferred)"))
    }
}
