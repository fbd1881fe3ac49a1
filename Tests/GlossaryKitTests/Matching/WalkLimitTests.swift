import Testing

@testable import GlossaryKit

/// A walk from a start visits at most `TermMatcher.walkStepLimit` trie nodes, so that a term of
/// words that each read several ways (a reduplication whole and as its halves, a word as
/// written and as its stem) costs time linear in the text, not exponential in the term; and
/// the limit never comes near natural text, whose matches stay what they were.
@Suite("The matcher's walk limit")
struct WalkLimitTests {
    /// The longest walk over `text`'s paragraphs in `language`, and the concepts found.
    static func walk(_ text: String, glossary: Glossary, language: LanguageTag) throws -> (longest: Int, concepts: [String]) {
        var matching = try MatchingSession(text, compiled: try CompiledGlossary(glossary))
        var concepts: [String] = []
        for paragraph in matching.scanned.paragraphs {
            matching.session.forEachMatch(in: paragraph, language: language) { match, _ in
                concepts.append(glossary.concepts[match.term.concept].id)
            }
        }
        return (matching.session.longestWalk, concepts)
    }

    /// `word` `count` times, one space apart.
    static func repeating(_ word: String, _ count: Int) -> String {
        Array(repeating: word, count: count).joined(separator: " ")
    }

    static func glossary(_ term: String, language: LanguageTag) -> Glossary {
        var glossary = Glossary()
        glossary.concepts.append(Concept(id: "long", terms: [Term(text: term, language: language)]))
        glossary.concepts.append(Concept(id: "work", terms: [Term(text: "tenaga kerja", language: .indonesian)]))
        return glossary
    }

    /// Reduplications read whole and as halves, stems read as written and inflected: each word
    /// of the term doubles the paths at least. The walks stop at the limit (which they reach:
    /// the input does branch) and the verbatim term is still found, its path being the first.
    @Test(arguments: [
        (WalkLimitTests.repeating("zork-zork", 10) + " akhir", "zork-zork ", LanguageTag.indonesian),
        (WalkLimitTests.repeating("kerjanya", 14), "kerjanya ", .indonesian),
        (WalkLimitTests.repeating("zork", 20) + " akhir", "zork ", .sundanese),
    ])
    func branchingTermsStopAtTheLimit(term: String, repeated: String, language: LanguageTag) throws {
        let glossary = Self.glossary(term, language: language)
        let text = String(repeating: repeated, count: 40) + "\n"
        let branching = try Self.walk(text, glossary: glossary, language: language)
        #expect(branching.longest == TermMatcher.walkStepLimit)
        let verbatim = try Self.walk(term + ".\n", glossary: glossary, language: language)
        #expect(verbatim.concepts.contains("long"), "\(verbatim.concepts)")
    }

    /// Prose walks a few nodes per start, far below the limit.
    @Test func naturalTextStaysFarBelowTheLimit() throws {
        let glossary = Self.glossary("perdagangan tenaga kerja", language: .indonesian)
        let text = """
            Perdagangan tenaga kerja dan kerja paksa masih terjadi. Tenaga kerjanya pekerja-pekerja \
            migran yang bekerja di luar negeri; perlindungan tenaga kerja harus diperkuat.

            """
        let walked = try Self.walk(text, glossary: glossary, language: .indonesian)
        #expect(walked.longest < 64, "\(walked.longest)")
        #expect(walked.concepts.filter { $0 == "long" }.count == 1 && walked.concepts.contains("work"), "\(walked.concepts)")
    }
}
