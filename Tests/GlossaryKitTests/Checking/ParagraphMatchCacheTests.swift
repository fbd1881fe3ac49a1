import Foundation
import TestLocations
import TestRandom
import Testing

@testable import GlossaryKit

/// Checks that reuse the matches of unchanged paragraphs (`ParagraphMatchCache`) find what a
/// check from scratch finds, and match only the paragraphs that changed.
@Suite("Paragraph matches reused between checks")
struct ParagraphMatchCacheTests {
    /// Texts in language sections and mixed paragraphs: the abstract in three languages one
    /// after another, and the fixtures of headings that take their section's language.
    static func texts() throws -> [(name: String, text: String)] {
        let folder = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/cross")
        var abstract = ""
        for name in ["abstract.en.md", "abstract.id.md", "abstract.su.md"] {
            abstract += try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) + "\n\n"
        }
        return [
            ("abstract.md", abstract),
            ("headings.md", try String(contentsOf: folder.appendingPathComponent("headings.md"), encoding: .utf8)),
            (
                "Examples-abstract.md",
                try String(contentsOf: TestPackage.root.appendingPathComponent("Examples/abstract.md"), encoding: .utf8)
            ),
        ]
    }

    /// Words of the project glossary in its three languages, and characters that change how
    /// the text is read (quotation marks, apostrophes, line breaks, hyphens at line ends).
    static let insertions = [
        "labour trafficking", "Labor trafficking", "tenaga kerja", "pekerja-pekerja migran", "pagawé migran", "ILO",
        "\n\n", "\n", "'", "\"", "-\n", " ", "the", "dan", "jeung", "# ",
    ]

    /// `text` with one random edit: an insertion from `insertions`, or a deletion of a few
    /// characters (a blank line among them, joining paragraphs).
    static func edit(_ text: String, _ generator: inout SeededGenerator) -> String {
        var characters = Array(text)
        let at = Int.random(in: 0...characters.count, using: &generator)
        if Bool.random(using: &generator) || characters.isEmpty {
            characters.insert(contentsOf: insertions.randomElement(using: &generator)!, at: at)
        } else {
            let end = min(characters.count, at + Int.random(in: 1...4, using: &generator))
            characters.removeSubrange(min(at, characters.count - 1)..<end)
        }
        return String(characters)
    }

    @Test(arguments: [1 << 20, 700])
    func editedTextsGetTheFindingsOfACheckFromScratch(chunkSize: Int) throws {
        let checker = TestSupport.projectChecker
        var generator = SeededGenerator(seed: UInt64(chunkSize))
        var reused = 0
        var reusedScans = 0
        for (name, original) in try Self.texts() {
            let session = ScanSession(compiled: checker.compiled, keepsParagraphMatches: true)
            let cache = try #require(session.paragraphMatches)
            var options = CheckOptions(chunkSize: chunkSize)
            options.session = session
            var text = original
            for step in 0..<25 {
                let source = SourceText(path: name, string: text)
                let before = cache.reusedParagraphs
                let again = try cache.withDocument(name) { try checker.check(source, options: options) }
                let analysis = try cache.withDocument(name) { try checker.analyze(source, options: options) }
                reused += cache.reusedParagraphs - before
                reusedScans = max(reusedScans, cache.reusedScans)
                let fresh = try checker.check(source, options: CheckOptions(chunkSize: chunkSize))
                #expect(again == fresh, "\(name), step \(step):\n\(text)")
                let freshAnalysis = try checker.analyze(source, options: CheckOptions(chunkSize: chunkSize))
                #expect(analysis.matches == freshAnalysis.matches)
                text = Self.edit(text, &generator)
            }
        }
        #expect(reused > 100)
        // The alignment of the language sections took the check's scan of a text in one chunk
        // (every text, or the short ones when the chunks are small).
        #expect(reusedScans > 0)
    }

    /// Outside a document's scope the cache keeps nothing and changes nothing: what the CLI's
    /// sessions would do with one.
    @Test func outsideADocumentNothingIsKept() throws {
        let checker = TestSupport.projectChecker
        let session = ScanSession(compiled: checker.compiled, keepsParagraphMatches: true)
        var options = CheckOptions()
        options.session = session
        let (name, text) = try Self.texts()[0]
        let source = SourceText(path: name, string: text)
        #expect(try checker.check(source, options: options) == checker.check(source))
        #expect(session.paragraphMatches?.count == 0)
        #expect(session.paragraphMatches?.reusedParagraphs == 0)
    }

    /// The words matched by the first check of a document of `count` paragraphs and by its
    /// re-check after an edit in one of them.
    static func wordsMatched(paragraphs count: Int) throws -> (first: Int, again: Int) {
        let checker = TestSupport.projectChecker
        let session = ScanSession(compiled: checker.compiled, keepsParagraphMatches: true)
        let cache = try #require(session.paragraphMatches)
        var options = CheckOptions()
        options.session = session
        var paragraphs = (0..<count).map { "Paragraph \($0): labour trafficking hurts migrant workers and their families." }
        func check() throws -> Int {
            let before = cache.matchedWords
            let source = SourceText(path: "d.md", string: paragraphs.joined(separator: "\n\n"))
            _ = try cache.withDocument("d") { try checker.check(source, options: options) }
            return cache.matchedWords - before
        }
        let first = try check()
        paragraphs[count / 2] = "Paragraph: Labor trafficking hurts migrant workers and their families."
        return (first, try check())
    }

    /// An edit in one paragraph of *n* matches the words of that paragraph, not of all *n*.
    @Test func anEditMatchesTheWordsOfItsParagraphOnly() throws {
        let small = try Self.wordsMatched(paragraphs: 10)
        let large = try Self.wordsMatched(paragraphs: 100)
        #expect(large.first >= 9 * small.first)
        #expect(small.again == 9)
        #expect(large.again == small.again)
    }
}
