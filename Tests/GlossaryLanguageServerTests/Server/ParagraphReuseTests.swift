import Foundation
import TestRandom
import Testing

@testable import GlossaryLanguageServer

/// A re-check matches only the paragraphs that changed (`ParagraphMatchCache`), and what it
/// publishes is what a server that has seen nothing before publishes for the same text, whatever
/// the edit did: changed a paragraph's language, or the language of the one before it (the
/// detector reads ahead), split or joined paragraphs, or came after the glossary was reloaded.
@Suite("Re-checks reuse the matches of unchanged paragraphs")
struct ParagraphReuseTests {
    /// Paragraphs in each language of the test glossary, with its terms (deprecated ones among
    /// them) and without.
    static let pools: [[String]] = [
        [
            "Banyak TKI berangkat dari Kupang tahun lalu untuk bekerja di luar negeri sebagai pekerja migran.",
            "Para pekerja migran itu pulang ke desa mereka setelah kontrak kerja mereka selesai tahun ini.",
            "Pemerintah daerah mencatat setiap TKI yang berangkat melalui pelabuhan dan bandar udara.",
            "Keluarga mereka menunggu kabar dari luar negeri setiap minggu dengan penuh harapan.",
        ],
        [
            "Many migrant workers left Kupang last year; the figures come from the International Labor Organization.",
            "The International Labour Organization counted them every year and published its report in March.",
            "Their families waited for news from abroad every week, hoping that the contracts would end soon.",
            "Each migrant worker who returned was interviewed by the staff of the regional office.",
        ],
        [
            "Seueur pekerja migran angkat ti Kupang taun kamari pikeun damel di luar nagri.",
            "Kulawargana ngantosan wartos ti luar nagri unggal minggu kalayan pinuh harepan.",
            "Pamarentah daerah nyatet unggal TKI anu angkat ngalangkungan palabuhan.",
        ],
    ]

    /// Short paragraphs whose language the detector takes from the paragraph after them.
    static let headings = ["## Laporan", "## Report", "# TKI", "## International Labor Organization", "Kata kunci: TKI"]

    /// A document of sections in three languages, a heading before each.
    static func document(_ generator: inout SeededGenerator) -> [String] {
        var paragraphs: [String] = []
        for pool in pools {
            paragraphs.append(headings.randomElement(using: &generator)!)
            paragraphs += pool.shuffled(using: &generator)
        }
        return paragraphs
    }

    static func text(_ paragraphs: [String]) -> String {
        paragraphs.joined(separator: "\n\n") + "\n"
    }

    /// One edit of the kinds that change more than the paragraph typed in.
    static func edit(_ paragraphs: inout [String], _ generator: inout SeededGenerator) {
        let index = Int.random(in: 0..<paragraphs.count, using: &generator)
        switch Int.random(in: 0..<7, using: &generator) {
        case 0:
            // Another paragraph, perhaps in another language: the heading before it may follow.
            paragraphs[index] = pools.randomElement(using: &generator)!.randomElement(using: &generator)!
        case 1 where index + 1 < paragraphs.count:
            // Two paragraphs joined: the blank line between them deleted.
            paragraphs[index] += "\n" + paragraphs.remove(at: index + 1)
        case 2:
            // A paragraph split at a space.
            let words = paragraphs[index].split(separator: " ", omittingEmptySubsequences: false)
            guard words.count > 1 else { return }
            let cut = Int.random(in: 1..<words.count, using: &generator)
            paragraphs[index...index] = [words[..<cut].joined(separator: " "), words[cut...].joined(separator: " ")]
        case 3:
            // A heading inserted before a paragraph, or one removed.
            if headings.contains(paragraphs[index]) {
                paragraphs.remove(at: index)
                if paragraphs.isEmpty { paragraphs = ["TKI"] }
            } else {
                paragraphs.insert(headings.randomElement(using: &generator)!, at: index)
            }
        case 4:
            // A term typed into a paragraph, or a word of one deleted.
            var words = paragraphs[index].split(separator: " ").map(String.init)
            let at = Int.random(in: 0...words.count, using: &generator)
            if Bool.random(using: &generator) || words.count < 2 {
                words.insert(["TKI", "pekerja migran", "Labor", "migrant workers"].randomElement(using: &generator)!, at: at)
            } else {
                words.remove(at: min(at, words.count - 1))
            }
            paragraphs[index] = words.joined(separator: " ")
        default:
            // A character typed or deleted anywhere, next to the blank lines too.
            var characters = Array(text(paragraphs))
            let at = Int.random(in: 0..<characters.count, using: &generator)
            if Bool.random(using: &generator) {
                characters.insert("aeiknrstu '\"\n".randomElement(using: &generator)!, at: at)
            } else {
                characters.remove(at: at)
            }
            let joined = String(characters)
            paragraphs = joined.components(separatedBy: "\n\n")
            if paragraphs.last == "\n" || paragraphs.last == "" { paragraphs.removeLast() }
            if paragraphs.last?.hasSuffix("\n") == true { paragraphs[paragraphs.count - 1].removeLast() }
            if paragraphs.isEmpty { paragraphs = ["TKI"] }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func editsThatMoveLanguagesAndParagraphsGiveTheDiagnosticsOfACheckFromScratch(seed: UInt64) throws {
        let workspace = try TestWorkspace()
        let uri = workspace.uri("laporan.md")
        var generator = SeededGenerator(seed: seed)
        var paragraphs = Self.document(&generator)
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(uri, Self.text(paragraphs))
        _ = session.publish()
        var reused = 0
        var kinds: Set<String> = []
        for version in 2...30 {
            Self.edit(&paragraphs, &generator)
            let text = Self.text(paragraphs)
            let before = session.adapter.paragraphMatchCaches.first?.reusedParagraphs ?? 0
            session.change(uri, version: version, [(nil, text)])
            let now = DiagnosticsTests.diagnostics(session.publish().first { $0["uri"] == .string(uri) })
            reused += (session.adapter.paragraphMatchCaches.first?.reusedParagraphs ?? 0) - before
            kinds.formUnion(now.compactMap { $0["code"]?.stringValue })
            #expect(
                now == RecheckTests.fromScratch(text, uri: uri, version: version, workspace: workspace),
                "version \(version):\n\(text)")
        }
        // The matches were reused, and the comparisons were of findings of several rules.
        #expect(reused > 100)
        #expect(kinds.count >= 2, "\(kinds)")
    }

    /// After the glossary changes, a re-check matches against the new one: no paragraph's
    /// matches outlive the glossary they were found with.
    @Test func aReloadedGlossaryIsMatchedAfresh() throws {
        let workspace = try TestWorkspace()
        let uri = workspace.uri("laporan.md")
        var generator = SeededGenerator(seed: 7)
        let paragraphs = Self.document(&generator)
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(uri, Self.text(paragraphs))
        let first = DiagnosticsTests.diagnostics(session.publish().first { $0["uri"] == .string(uri) })
        // `pekerja migran` becomes the deprecated term and `TKI` the preferred one.
        try workspace.write(
            "glossary/terms.yml",
            """
            concepts:
              - id: migrant-worker
                terms:
                  en: [migrant worker]
                  id:
                    - term: TKI
                      type: acronym
                    - term: pekerja migran
                      status: deprecated
            """)
        session.notify(
            "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(workspace.uri("glossary/terms.yml")), "type": 2]]])
        let text = Self.text(paragraphs) + "\nTKI.\n"
        session.change(uri, version: 2, [(nil, text)])
        let now = DiagnosticsTests.diagnostics(session.publish().first { $0["uri"] == .string(uri) })
        #expect(now != first)
        #expect(now == RecheckTests.fromScratch(text, uri: uri, version: 2, workspace: workspace))
    }

    /// The paragraphs matched and reused, and the scans reused, by the check of a document after
    /// a change to its paragraph `edited` of `count` Indonesian paragraphs (in sections with
    /// English ones when `sections`).
    static func work(paragraphs count: Int, sections: Bool, edited: Int) throws -> (
        matched: Int, reused: Int, scansReused: Int
    ) {
        let workspace = try TestWorkspace()
        let uri = workspace.uri("laporan.md")
        var paragraphs = (0..<count).map { "Paragraf \($0): " + pools[0][$0 % pools[0].count] }
        if sections { paragraphs += (0..<count).map { "Paragraph \($0): " + pools[1][$0 % pools[1].count] } }
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(uri, Self.text(paragraphs))
        _ = session.publish()
        let cache = try #require(session.adapter.paragraphMatchCaches.first)
        let (matched, reused, scans) = (cache.matchedParagraphs, cache.reusedParagraphs, cache.reusedScans)
        paragraphs[edited] = paragraphs[edited].replacingOccurrences(of: ":", with: ": TKI")
        session.change(uri, version: 2, [(nil, Self.text(paragraphs))])
        _ = session.publish()
        return (cache.matchedParagraphs - matched, cache.reusedParagraphs - reused, cache.reusedScans - scans)
    }

    /// An edit in one paragraph of *n* matches that paragraph again, not *n*: the same few
    /// paragraphs for a document of 8 paragraphs as for one of 64, in one language or in
    /// language sections (whose alignment matches each section's paragraphs again).
    @Test(arguments: [false, true])
    func anEditMatchesOnlyItsParagraph(sections: Bool) throws {
        let small = try Self.work(paragraphs: 8, sections: sections, edited: 3)
        let large = try Self.work(paragraphs: 64, sections: sections, edited: 30)
        // The edited paragraph only: its section's matching has the key of the check's (same
        // words, context and language) and reuses it.
        #expect(small.matched == 1)
        #expect(large.matched == small.matched)
        #expect(large.reused > small.reused)
        #expect(large.reused >= (sections ? 2 * 128 - 2 : 63))
        // The alignment of the sections takes the check's scan rather than scanning again.
        #expect(large.scansReused == (sections ? 1 : 0))
    }

    /// The cache keeps the paragraphs of the open documents' latest checks, not every paragraph
    /// ever typed, and nothing of a closed document.
    @Test func theCacheIsBoundedByTheOpenDocuments() throws {
        let workspace = try TestWorkspace()
        let uri = workspace.uri("laporan.md")
        var generator = SeededGenerator(seed: 3)
        var paragraphs = Self.document(&generator)
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(uri, Self.text(paragraphs))
        _ = session.publish()
        let cache = try #require(session.adapter.paragraphMatchCaches.first)
        var largest = 0
        for version in 2...60 {
            // Every paragraph rewritten in turn: none of the old ones comes back.
            paragraphs[version % paragraphs.count] += " \(version)"
            session.change(uri, version: version, [(nil, Self.text(paragraphs))])
            _ = session.publish()
            largest = max(largest, cache.count)
        }
        // A check meets each paragraph at most twice (its own and its section's matching).
        #expect(largest <= 3 * 2 * paragraphs.count + 16)
        #expect(cache.matchedParagraphs < 60 * 3 + 3 * paragraphs.count)
        session.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        #expect(cache.count == 0)
    }
}
