import Foundation
import TestRandom
import Testing

@testable import GlossaryLanguageServer

/// A document checked again and again as it is edited gets the diagnostics a check from scratch
/// gives its text: what the server keeps between checks (its scanning state, the folder
/// listings and translation sets it found) never changes a result.
@Suite("Checks again after edits")
struct RecheckTests {
    /// Paragraphs in Indonesian, English and Sundanese (language sections), with terms of the
    /// test glossary, deprecated ones among them.
    static let text = """
        # Laporan

        Banyak TKI berangkat dari Kupang tahun lalu untuk bekerja di luar negeri sebagai pekerja migran.

        International Labor Organization menghitung mereka setiap tahun dan menerbitkan laporannya.

        ## Report

        Many migrant workers left Kupang last year; the TKI figures come from the International Labour Organization.

        The International Labor Organization counted them every year and published its report.

        ## Laporan basa Sunda

        Seueur pekerja migran angkat ti Kupang taun kamari pikeun damel di luar nagri.

        """

    static let english = """
        # Report

        Many migrant workers left Kupang last year for jobs abroad.

        The International Labour Organization counted them.

        """

    /// The diagnostics a server that has seen nothing before publishes for `text` at `uri`.
    static func fromScratch(_ text: String, uri: String, version: Int, workspace: TestWorkspace) -> [JSONValue] {
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(uri, text, version: version)
        return DiagnosticsTests.diagnostics(session.publish().first { $0["uri"] == .string(uri) })
    }

    /// Random single-character insertions and deletions (blank lines too, which split and join
    /// paragraphs), each compared with a check from scratch of the text it leaves.
    @Test(arguments: [1, 2] as [UInt64])
    func randomEditsGiveTheDiagnosticsOfACheckFromScratch(seed: UInt64) throws {
        let workspace = try TestWorkspace()
        // Another version on disk: the edited document also gets cross-language findings.
        try workspace.write("laporan.en.md", Self.english)
        let uri = workspace.uri("laporan.id.md")
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(uri, Self.text)
        var published = DiagnosticsTests.diagnostics(session.publish().first { $0["uri"] == .string(uri) })
        #expect(published == Self.fromScratch(Self.text, uri: uri, version: 1, workspace: workspace))
        #expect(published.contains { $0["code"] == "deprecated-term" })

        var generator = SeededGenerator(seed: seed)
        var lines = Self.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var sawDifferentDiagnostics = false
        for version in 2...40 {
            let line = Int.random(in: 0..<lines.count, using: &generator)
            let characters = Array(lines[line])
            let column = Int.random(in: 0...characters.count, using: &generator)
            let range: TextRange
            let inserted: String
            if column == characters.count || Bool.random(using: &generator) {
                inserted = String("aeiknrstu \n".randomElement(using: &generator)!)
                range = TextRange(line, column, line, column)
                let written = String(characters[..<column]) + inserted + String(characters[column...])
                lines.replaceSubrange(
                    line...line, with: written.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            } else {
                inserted = ""
                range = TextRange(line, column, line, column + 1)
                lines[line] = String(characters[..<column] + characters[(column + 1)...])
            }
            session.change(uri, version: version, [(range, inserted)])
            let text = lines.joined(separator: "\n")
            let now = DiagnosticsTests.diagnostics(session.publish().first { $0["uri"] == .string(uri) })
            if now != published { sawDifferentDiagnostics = true }
            published = now
            #expect(now == Self.fromScratch(text, uri: uri, version: version, workspace: workspace), "version \(version)")
        }
        // The edits reached the terms: the comparison was not of one list over and over.
        #expect(sawDifferentDiagnostics)
    }

    /// A version of the text that appears on disk while a document is open is found once the
    /// client reports the new file, though the folder was listed before.
    @Test func aVersionThatAppearsOnDiskIsFoundWhenTheClientReportsIt() throws {
        let workspace = try TestWorkspace()
        let uri = workspace.uri("laporan.id.md")
        let indonesian = "# Laporan\n\nBanyak orang berangkat dari Kupang untuk bekerja di luar negeri.\n"
        let session = TestSession()
        session.initialize(folders: [workspace])
        session.open(uri, indonesian)
        #expect(DiagnosticsTests.diagnostics(session.publish().first).isEmpty)
        try workspace.write("laporan.en.md", Self.english)
        session.notify(
            "workspace/didChangeWatchedFiles",
            ["changes": [["uri": .string(workspace.uri("laporan.en.md")), "type": 1]]])
        session.change(uri, version: 2, [(TextRange(0, 0, 0, 0), " ")])
        let diagnostics = DiagnosticsTests.diagnostics(session.publish().first)
        #expect(diagnostics.map { $0["code"] } == ["missing-translation"])
    }

    /// The server asks to hear of text files changing on disk, which may be versions of an
    /// open document.
    @Test func watchesTextFiles() {
        let log = ClientLog(verbose: false, send: { _ in })
        let patterns = GlossaryAdapter(options: LanguageServerOptions(usesCache: false), log: log).watchedFilePatterns
        #expect(patterns.contains { $0.contains("md") && $0.contains("txt") })
    }
}
