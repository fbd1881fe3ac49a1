import Testing

@testable import GlossaryKit

/// Inline Markdown markup that a reader does not see as text (emphasis delimiters, a link's
/// brackets and destination) is transparent to matching: it neither hides a term nor keeps a
/// term's words apart, and a fix never replaces it blindly.
@Suite("Transparent Markdown markup")
struct MarkdownTransparencyTests {
    /// `text` masked as Markdown, with transparent bytes shown as `·` and the mark of an opaque
    /// region as `|`.
    static func masked(_ text: String, markdown: Bool = true) -> String {
        let bytes = MarkdownMasker.mask(Array(text.utf8), markdown: markdown)
        return String(
            decoding: bytes.flatMap { byte -> [UInt8] in
                byte == MarkdownMasker.ignored ? Array("·".utf8) : byte == MarkdownMasker.mark ? Array("|".utf8) : [byte]
            }, as: UTF8.self)
    }

    // MARK: The masker

    @Test func emphasisAndStrongDelimitersAreTransparent() {
        #expect(Self.masked("The _TKI_ arrived.") == "The ·TKI· arrived.")
        #expect(Self.masked("A *guest* worker") == "A ·guest· worker")
        #expect(Self.masked("A **guest** worker") == "A ··guest·· worker")
        #expect(Self.masked("***TKI***") == "···TKI···")
        #expect(Self.masked("**_TKI_**") == "···TKI···")
        #expect(Self.masked("~~TKI~~ left") == "··TKI·· left")
        #expect(Self.masked("*TKI*-nya") == "·TKI·-nya")
        #expect(Self.masked("A *guest\nworker* came") == "A ·guest\nworker· came")
    }

    /// An underscore inside a word, an escaped delimiter, a delimiter between spaces, a bullet,
    /// a thematic break and a run of three tildes are text.
    @Test func delimitersThatCannotOpenOrCloseAreText() {
        #expect(Self.masked("TKI_2020 and snake_case") == "TKI_2020 and snake_case")
        #expect(Self.masked("_TKI_nya") == "·TKI_nya")
        #expect(Self.masked(#"\_TKI\_ and \*TKI\*"#) == #"\_TKI\_ and \*TKI\*"#)
        #expect(Self.masked("guest * worker, guest _ worker") == "guest * worker, guest _ worker")
        #expect(Self.masked("* item\n***\n___\n") == "* item\n***\n___\n")
        #expect(Self.masked("a ~~~TKI~~~ x") == "a ~~~TKI~~~ x")
    }

    /// An unclosed run is judged alone: it reads as the word a reader reads.
    @Test func anUnbalancedDelimiterIsTransparent() {
        #expect(Self.masked("_TKI came") == "·TKI came")
        #expect(Self.masked("came TKI*") == "came TKI·")
    }

    @Test func anInlineLinkIsTransparentAndAnImageIsNot() {
        #expect(Self.masked("A [guest](http://x) worker") == "A ·guest··········· worker")
        #expect(Self.masked("A [*guest*](x \"t\") worker") == "A ··guest········· worker")
        #expect(Self.masked("![guest](x) worker") == "![guest]|   worker")
        // Brackets that open no inline link stay; a `](` without its `[` masks as before.
        #expect(Self.masked("[sic] guest") == "[sic] guest")
        #expect(Self.masked("a\n\n[b\n\nc](x) d") == "a\n\n[b\n\nc]|   d")
    }

    /// A full or collapsed reference link is transparent like an inline link: its opening
    /// bracket and its `][label]`. Brackets with no label after them, an image's and a label
    /// broken by a line or a bracket are read as before.
    @Test func aReferenceLinkIsTransparent() {
        #expect(Self.masked("A [guest][ref] worker") == "A ·guest······ worker")
        #expect(Self.masked("A [guest][] worker") == "A ·guest··· worker")
        #expect(Self.masked("A [*guest*][r] worker") == "A ··guest····· worker")
        #expect(Self.masked("A [guest] worker") == "A [guest] worker")
        #expect(Self.masked(#"A [guest][r\]s] worker"#) == "A ·guest······· worker")
        #expect(Self.masked("![guest][r] worker") == "![guest][r] worker")
        #expect(Self.masked("[guest][r\nx] worker") == "[guest][r\nx] worker")
        #expect(Self.masked("[a][b[c] d") == "[a][b[c] d")
        #expect(Self.masked("[ref]: http://x\n") == "[ref]: |       \n")
    }

    /// Phrasing tags (`<em>`, `<a href>`, `<span>`…) are transparent, opening and closing, in any
    /// case and with attributes; every other tag stays opaque and parts the words around it.
    @Test func phrasingTagsAreTransparentAndOtherTagsOpaque() {
        #expect(Self.masked("A <em>guest</em> worker") == "A ····guest····· worker")
        #expect(Self.masked("<STRONG>TKI</STRONG>") == "········TKI·········")
        #expect(Self.masked("<a href=\"x\">guest</a>") == "············guest····")
        #expect(Self.masked("<span class='a>b'>g</span>") == "··················g·······")
        #expect(Self.masked("<b>x</b><i>y</i><u>z</u><s>w</s>") == "···x·······y·······z·······w····")
        #expect(Self.masked("guest<br>worker") == "guest|   worker")
        #expect(Self.masked("guest<br/>worker") == "guest|    worker")
        #expect(Self.masked("<code>guest</code>") == "|     guest|      ")
        #expect(Self.masked("<embed>guest") == "|      guest")
        #expect(Self.masked("<bdi>guest</bdi>") == "|    guest|     ")
        #expect(Self.masked("<p>guest</p>") == "|  guest|   ")
        #expect(Self.masked("<h1>guest</h1>") == "|   guest|    ")
        #expect(Self.masked("<em guest worker") == "<em guest worker")
        #expect(Self.masked("<a title=\"x>y\">z") == "···············z")
    }

    /// Code, comments, tags and URLs stay opaque; emphasis inside them is not looked at.
    @Test func opaqueRegionsStayOpaque() {
        #expect(Self.masked("A `*guest*` worker") == "A |         worker")
        #expect(Self.masked("A guest<!-- c --> worker") == "A guest|          worker")
        #expect(Self.masked("see http://x/_a_b now") == "see |             now")
    }

    /// Plain text has no Markdown: its underscores and asterisks are text.
    @Test func plainTextKeepsItsDelimiters() {
        #expect(Self.masked("The _TKI_ and *guest* worker", markdown: false) == "The _TKI_ and *guest* worker")
    }

    /// Offsets are kept: the masked text is as long as the text, line breaks in place.
    @Test func maskingKeepsEveryOffset() {
        let text = "**A** _b_\n[c](d) ~~e~~ `f` <g>\n"
        let masked = MarkdownMasker.mask(Array(text.utf8), markdown: true)
        #expect(masked.count == text.utf8.count)
        #expect(masked.indices.filter { masked[$0] == 0x0A } == Array(text.utf8).indices.filter { Array(text.utf8)[$0] == 0x0A })
    }

    /// The gap signature leaves transparent bytes out, as the C tokenizer does.
    @Test func theGapLeavesTransparentMarkupOut() {
        let ignored = MarkdownMasker.ignored
        #expect(Gap.signature([ignored, 0x20][...]) == " ")
        #expect(Gap.signature([0x20, ignored, ignored][...]) == " ")
        #expect(Gap.signature([ignored, UInt8(ascii: "-")][...]) == "-")
        #expect(Gap.signature([ignored, MarkdownMasker.mark, 0x20][...]) == Token.hardBreak)
    }

    // MARK: Matching, with the shipped glossary

    static func matches(_ text: String, path: String = "t.md", language: LanguageTag? = nil) throws -> [String] {
        try TestSupport.findings(text, language: language, path: path, checker: TestSupport.projectChecker)
            .filter { $0.rule == "deprecated-term" }.map(\.text)
    }

    @Test(arguments: [
        ("Banyak _TKI_ pulang ke desa.", "TKI"), ("Banyak *TKI* pulang ke desa.", "TKI"),
        ("Banyak **_TKI_** pulang ke desa.", "TKI"), ("Banyak _TKI pulang ke desa.", "TKI"),
        ("_TKI_ pulang ke desa.", "TKI"), ("Yang pulang ke desa itu _TKI_", "TKI"),
    ])
    func emphasisDoesNotHideAnAcronym(_ text: String, _ written: String) throws {
        #expect(try Self.matches(text, language: .indonesian) == [written])
    }

    @Test(arguments: [
        ("A *guest* worker came.", "guest* worker"), ("A **guest** worker came.", "guest** worker"),
        ("A guest *worker* came.", "guest *worker"), ("A _guest_ worker came.", "guest_ worker"),
        ("A _guest worker_ came.", "guest worker"), ("A ~~guest~~ worker came.", "guest~~ worker"),
        ("A [guest](http://x) worker came.", "guest](http://x) worker"),
        ("A *guest\nworker* came.", "guest\nworker"), ("A *guest*\nworker came.", "guest*\nworker"),
        ("A [guest][ref] worker came.", "guest][ref] worker"), ("A [guest][] worker came.", "guest][] worker"),
        ("A <em>guest</em> worker came.", "guest</em> worker"), ("A <em>guest worker</em> came.", "guest worker"),
        ("A guest <a href=\"x>y\">worker</a> came.", "guest <a href=\"x>y\">worker"),
        ("A <span lang=en>guest</span> <b>worker</b> came.", "guest</span> <b>worker"),
    ])
    func emphasisAndLinksNeitherHideNorPartATerm(_ text: String, _ written: String) throws {
        #expect(try Self.matches(text, language: .english) == [written])
    }

    @Test func indonesianAndSundaneseTermsAcrossEmphasis() throws {
        #expect(try Self.matches("Banyak *TKI*-nya pulang ke desa.", language: .indonesian) == ["TKI*-nya"])
        #expect(try Self.matches("Banyak *TKI ilegal* pulang ke desa.", language: .indonesian) == ["TKI ilegal"])
        #expect(try Self.matches("Banyak TKI _ilegal_ pulang ke desa.", language: .indonesian) == ["TKI _ilegal"])
        #expect(
            try Self.matches("Ieu teh *jual beuli* manusa di kampung.", language: .sundanese) == ["jual beuli* manusa"])
    }

    @Test(arguments: [
        "A `guest` worker came.", "A guest<!-- c --> worker came.", "A guest * worker came.", "![guest](x) worker came.",
        "A guest<br>worker came.", "A <code>guest</code> worker came.", "A guest<embed>worker came.",
        "A guest<bdi>worker came.", "A [guest] worker came.", "A guest</p> worker came.",
    ])
    func markupThatIsTextOrNotProseStillHides(_ text: String) throws {
        #expect(try Self.matches(text, language: .english).isEmpty)
    }

    @Test(arguments: [
        "Berkas TKI_2020 hilang.", "Nama snake_TKI_case dipakai.", #"Banyak \_TKI\_ pulang."#, "Banyak _TKI_nya pulang.",
        "Banyak `TKI` pulang.",
    ])
    func anAcronymInAnIdentifierOrEscapedIsText(_ text: String) throws {
        #expect(try Self.matches(text, language: .indonesian).isEmpty)
    }

    /// In plain text an underscore is a character of the word: `_TKI_` is not the term.
    @Test func plainTextIsReadAsWritten() throws {
        #expect(try Self.matches("Banyak _TKI_ pulang.", path: "t.txt", language: .indonesian).isEmpty)
        #expect(try Self.matches("A *guest* worker came.", path: "t.txt", language: .english).isEmpty)
        #expect(try Self.matches("Banyak *TKI* pulang.", path: "t.txt", language: .indonesian) == ["TKI"])
    }

    /// The finding starts at the first word: its column is the word's, not the delimiter's.
    @Test func theFindingStartsAtTheFirstWord() throws {
        let finding = try #require(
            try TestSupport.findings(
                "A **guest** worker came.", language: .english, path: "t.md", checker: TestSupport.projectChecker
            ).first { $0.rule == "deprecated-term" })
        #expect(finding.location.column == 5)
        #expect(finding.byteRange == 4..<18)
    }

    // MARK: Fixes

    static let fixing = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: migrant-worker
                terms:
                  en:
                    - migrant worker
                    - term: guest worker
                      status: deprecated
                  id:
                    - pekerja migran
                    - term: TKI
                      type: acronym
                      status: deprecated
            """)

    static func fixed(_ text: String, language: LanguageTag) throws -> (fixed: String, findings: [Finding]) {
        let source = SourceText(path: "t.md", string: text)
        let findings = try fixing.check(source, options: CheckOptions(language: language))
        let fix = Fixer.fix(source, findings: findings)
        return (fix.map { String(decoding: $0.fixed, as: UTF8.self) } ?? text, findings)
    }

    /// A match with markup inside has no fix, and says why; the markup is left as it is.
    @Test func aMatchAcrossMarkupIsNotFixed() throws {
        for text in ["A *guest* worker came.", "A guest **worker** came.", "A [guest](http://x) worker came."] {
            let (fixed, findings) = try Self.fixed(text, language: .english)
            let finding = try #require(findings.first { $0.rule == "deprecated-term" }, "\(text)")
            #expect(finding.fix == nil, "\(text)")
            #expect(
                finding.matchExplanation?.hasSuffix("Markdown markup ignored (no automatic fix across it)") == true, "\(text)")
            #expect(fixed == text)
        }
        let (fixed, _) = try Self.fixed("Banyak [TKI](https://x)-nya pulang.", language: .indonesian)
        #expect(fixed == "Banyak [TKI](https://x)-nya pulang.")
    }

    /// Emphasis closed between a term and its ending stays closed there: the fix puts it back
    /// before the ending.
    @Test func emphasisBeforeAnEndingIsKeptByTheFix() throws {
        let (fixed, findings) = try Self.fixed("Banyak *TKI*-nya dan **TKI**nya pulang.", language: .indonesian)
        #expect(fixed == "Banyak *pekerja migran*nya dan **pekerja migran**nya pulang.", "\(findings.map(\.text))")
        let capitals = try Self.fixed("BANYAK *TKI*-NYA PULANG.", language: .indonesian)
        // In capitals the hyphen stays, as for `TKI-NYA`.
        #expect(capitals.fixed == "BANYAK *PEKERJA MIGRAN*-NYA PULANG.")
    }

    /// A match wholly inside emphasis has no markup in its range: it is fixed as before, and
    /// every other byte is kept.
    @Test func aMatchInsideEmphasisIsFixedAndTheRestKept() throws {
        let text = "# T\n\nA *guest worker* and a *guest* worker.\n\nBanyak _TKI_ dan **TKI**nya.\n"
        let english = try Self.fixed(text, language: .english)
        #expect(english.fixed.hasPrefix("# T\n\nA *migrant worker* and a *guest* worker.\n\n"))
        let indonesian = try Self.fixed("Banyak _TKI_ dan **TKI** pulang.", language: .indonesian)
        #expect(indonesian.fixed == "Banyak _pekerja migran_ dan **pekerja migran** pulang.")
        // At a sentence's start, inside emphasis, the replacement is capitalised as without it.
        let start = try Self.fixed("_TKI_ pulang. **TKI** juga.", language: .indonesian)
        #expect(start.fixed == "_Pekerja migran_ pulang. **Pekerja migran** juga.")
        // A match inside a phrasing tag is fixed, the tags kept, capitalised at a sentence start.
        let tags = try Self.fixed("<em>TKI</em> pulang. Banyak <b>TKI</b> dan <em>guest</em> pekerja.", language: .indonesian)
        #expect(tags.fixed == "<em>Pekerja migran</em> pulang. Banyak <b>pekerja migran</b> dan <em>guest</em> pekerja.")
        let across = try Self.fixed("A <em>guest</em> worker came.", language: .english)
        #expect(across.fixed == "A <em>guest</em> worker came.")
        #expect(across.findings.map(\.rule) == ["deprecated-term"])
    }

    /// What an editor offers (`Fixer.candidates`, the language server's code actions): nothing
    /// for a match across markup, the fix for one inside emphasis.
    @Test func editorCandidatesFollowTheFix() throws {
        for (text, count) in [("A *guest* worker came.", 0), ("A *guest worker* came.", 1)] {
            let source = SourceText(path: "t.md", string: text)
            let options = CheckOptions(language: .english)
            let document = try Self.fixing.analyze(source, options: options)
            let finding = try #require(try Self.fixing.check(source, options: options).first { $0.rule == "deprecated-term" })
            #expect(Fixer.candidates(for: finding, in: document, source: source).count == count, "\(text)")
        }
    }
}
