import Testing

@testable import GlossaryKit

/// The fix of an untranslated term replaces it as `deprecated-term` replaces a term: an acronym
/// written as the glossary writes it by the preferred term as written (not in the acronym's
/// capitals), another word with the writer's case carried over.
@Suite("untranslated-term fixes")
struct UntranslatedTermFixTests {
    static let checker = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: migrant-worker
                terms:
                  en: [migrant worker]
                  id:
                    - pekerja migran
                    - term: TKI
                      type: acronym
                      status: deprecated
                  su: [pekerja migran]
              - id: trafficking
                terms:
                  en: [labour trafficking]
                  id: [perdagangan orang]
                  su: [dagang jalma]
            """)

    /// The fixes of the untranslated-term findings in the Sundanese section of a document whose
    /// Indonesian section writes `indonesian` and whose Sundanese section writes `sundanese`.
    func fixes(indonesian: String, sundanese: String) throws -> [String?] {
        let text = """
            ABSTRAK

            Pemerintah melindungi para pekerja migran. \(indonesian) berangkat tanpa dokumen yang sah dan rentan terhadap perdagangan orang.

            RINGKESAN

            Pamarentah ngajaga para pagawe migran. \(sundanese) anu indit tanpa dokumen anu sah jeung rentan kana dagang jalma.

            """
        let findings = try Self.checker.check(SourceText(path: "abstract.md", string: text))
        return findings.filter { $0.rule == "untranslated-term" }.map(\.fix)
    }

    @Test func anAcronymIsReplacedByThePreferredTermAsWritten() throws {
        #expect(try fixes(indonesian: "Banyak TKI", sundanese: "Loba TKI") == ["pekerja migran"])
    }

    @Test func aWordKeepsTheWritersCase() throws {
        #expect(try fixes(indonesian: "Banyak pekerja migran", sundanese: "Loba Perdagangan Orang") == ["Dagang Jalma"])
    }
}
