import Foundation
import TestLocations
import Testing

/// Inline Markdown markup, end to end with the shipped glossary: emphasis and inline links do
/// not hide terms, code and identifiers still do, and `--fix` never breaks the markup.
@Suite("glossary check, Markdown markup")
struct MarkdownMarkupCommandTests {
    static let glossary = TestPackage.root.appendingPathComponent("glossary").path

    /// Checks `text` written to a file named `name` in a fresh folder; returns the result and
    /// the file's URL.
    static func check(_ text: String, name: String = "draft.md", fix: Bool = false) throws -> (
        result: CommandRunner.Result, file: URL
    ) {
        let folder = try CommandRunner.temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        let result = try CommandRunner.run(["check", "-g", glossary] + (fix ? ["--fix"] : []) + [name], in: folder)
        return (result, file)
    }

    static let english = """
        # Notes

        A *guest* worker came.

        A **guest** worker came.

        A guest *worker* came.

        A _guest_ worker came.

        A _guest worker_ came.

        A [guest](https://example.org/guest) worker came.

        A `guest` worker came. A guest * worker came. TKI_2020 and snake_case are names.

        """

    @Test func emphasisAndLinksDoNotHideTermsInMarkdown() throws {
        let (result, _) = try Self.check(Self.english)
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("[deprecated-term]") }
        for expected in ["draft.md:3:4:", "draft.md:5:5:", "draft.md:7:3:", "draft.md:9:4:", "draft.md:11:4:", "draft.md:13:4:"] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "\(expected) in \(result.stdout)")
        }
        #expect(!lines.contains { $0.hasPrefix("draft.md:15:") }, "\(result.stdout)")
        #expect(result.stdout.contains("Markdown markup ignored (no automatic fix across it)"))
    }

    @Test func anAcronymInEmphasisIsFoundAndInAnIdentifierIsNot() throws {
        let text = "Banyak _TKI_ pulang ke desa.\n\nBanyak **_TKI_** pulang.\n\nBerkas TKI_2020 hilang.\n"
        let (result, _) = try Self.check(text, name: "laporan.id.md")
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("[deprecated-term]") }
        #expect(lines.count == 2, "\(result.stdout)")
        #expect(lines.first?.hasPrefix("laporan.id.md:1:9:") == true, "\(result.stdout)")
        #expect(lines.last?.hasPrefix("laporan.id.md:3:11:") == true, "\(result.stdout)")
    }

    /// In plain text, `_` and `*` are text: `_TKI_` is a word of its own.
    @Test func plainTextUnderscoresAreText() throws {
        let (result, _) = try Self.check("Banyak _TKI_ pulang ke desa.\n", name: "laporan.id.txt")
        #expect(result.status == 0, "\(result.stdout)")
    }

    /// `--fix` replaces a term inside emphasis and leaves a term across markup, and every byte
    /// outside the fixed matches, as it is.
    @Test func fixKeepsTheMarkup() throws {
        let text =
            "Banyak *TKI* dan _TKI_ pulang.\r\n\r\nBanyak *TKI*-nya dan **TKI ilegal** pulang.\r\n\r\nA *guest* worker came.\r\n"
        let (result, file) = try Self.check(text, name: "laporan.id.md", fix: true)
        // Every finding is fixed.
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let fixed = try String(contentsOf: file, encoding: .utf8)
        #expect(
            fixed
                == "Banyak *pekerja migran* dan _pekerja migran_ pulang.\r\n\r\nBanyak *pekerja migran*nya dan **pekerja migran nonprosedural** pulang.\r\n\r\nA *guest* worker came.\r\n",
            "\(fixed.debugDescription)")
    }

    /// In English: only the match wholly inside emphasis is fixed; every match across markup,
    /// and every other byte, is left as written.
    @Test func fixLeavesMatchesAcrossMarkup() throws {
        let (_, file) = try Self.check(Self.english, fix: true)
        let fixed = try String(contentsOf: file, encoding: .utf8)
        #expect(fixed == Self.english.replacingOccurrences(of: "_guest worker_", with: "_migrant worker_"), "\(fixed)")
    }

    static let linksAndTags = """
        A [guest][ref] worker came. A [guest][] worker came.

        A <em>guest</em> worker came. A <a href="/x" title="a>b">guest</a> worker came.

        A <span class='t'><b>guest</b></span> <i>worker</i> came.

        A [guest] worker. A guest<br>worker. A <code>guest</code> worker. A guest<bdi>worker.

        [ref]: https://example.org/guest

        """

    /// Reference links and phrasing tags hide no term, and a match across them is not fixed;
    /// brackets without a label, `<br>`, `<code>` and other tags still part the words.
    @Test func referenceLinksAndPhrasingTagsDoNotHideTerms() throws {
        let (result, file) = try Self.check(Self.linksAndTags, fix: true)
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("[deprecated-term]") }
        let expected = ["draft.md:1:4:", "draft.md:1:32:", "draft.md:3:7:", "draft.md:3:58:", "draft.md:5:22:"]
        #expect(lines.map { String($0.prefix { $0 != " " }) } == expected, "\(result.stdout)")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.linksAndTags)
    }
}
