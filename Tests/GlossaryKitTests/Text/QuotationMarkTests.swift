import Testing

@testable import GlossaryKit

/// A single quotation mark after a word: an apostrophe, or the end of a quotation.
@Suite("Quotation marks")
struct QuotationMarkTests {
    /// Whether the mark right after the first occurrence of `word` in `text` closes a quotation.
    func closes(_ text: String, after word: String) throws -> Bool {
        let bytes = Array(text.utf8)
        let range = try #require(text.range(of: word))
        let offset = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        return bytes.withUnsafeBufferPointer { QuotationMark.closesQuotation($0, at: offset, from: 0) }
    }

    @Test func marksThatCloseAQuotation() throws {
        #expect(try closes("the word 'maids' is old", after: "maids"))
        #expect(try closes("they were called ‘guest workers’.", after: "workers"))
        #expect(try closes("'Employers', she said", after: "Employers"))
        // After a closed quotation, a new one opens.
        #expect(try closes("‘workers’, ‘employers’ and ‘others’", after: "employers"))
        // An apostrophe inside a word does not close anything.
        #expect(try closes("the list of 'NGOs' on the ministry's site", after: "NGOs"))
        // An opening mark after a non-ASCII letter's word, and before an accented letter.
        #expect(try closes("le mot 'élèves' est vieux", after: "élèves"))
    }

    @Test func apostrophesThatArePossessives() throws {
        #expect(try !closes("the maids' passports", after: "maids"))
        #expect(try !closes("not the agency's; the employers'.", after: "employers"))
        #expect(try !closes("\"Workers' voices matter\"", after: "Workers"))
        #expect(try !closes("‘Rights’ and the workers’ wages", after: "workers"))
        // A straight mark is not closed by a typographic opening one, nor the reverse.
        #expect(try !closes("‘the workers' rights", after: "workers"))
        #expect(try !closes("'the workers’ rights", after: "workers"))
    }

    @Test func onlyQuotationMarksAreAsked() throws {
        #expect(try !closes("the maids\" passports", after: "maids"))
        #expect(try !closes("the maids", after: "maids"))
    }

    @Test func theSearchIsBounded() throws {
        let long = "'" + String(repeating: "x ", count: QuotationMark.reach) + "maids' passports"
        #expect(try !closes(long, after: "maids"))
        #expect(try closes("'" + String(repeating: "x ", count: 10) + "maids' passports", after: "maids"))
    }
}
