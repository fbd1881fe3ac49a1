import Testing

@testable import GlossaryKit

/// Alignment lengths count the prose a reader reads (`AlignmentLength`): markup in one version
/// of a text that the other lacks must not make a true pair look mismatched.
@Suite("Alignment lengths without markup")
struct AlignmentLengthTests {
    /// The length of the whole of `text`, read as Markdown (`.md`) or plain text (`.txt`).
    static func length(_ text: String, path: String = "t.md") -> Int {
        let source = SourceText(path: path, string: text)
        let segmented = SegmentedText(
            file: source, segments: [Segment(id: "1", language: nil, bytes: 0..<source.bytes.count)], format: "test")
        return ParallelAligner.length(segmented.segments[0], in: segmented)
    }

    /// Markdown and the prose a reader reads in it, which must have the same length.
    static let markedUp: [(markdown: String, prose: String)] = [
        (
            "Pekerja migran berangkat. <!-- glossary-ignore deprecated-term -- quoted from the law -->",
            "Pekerja migran berangkat."
        ),
        ("Pekerja <!-- glossary-disable -->migran berangkat.", "Pekerja migran berangkat."),
        (
            "Lihat [laporan ILO](https://www.ilo.org/global/publications/WCMS_123456/lang--en/index.htm \"Judul\").",
            "Lihat laporan ILO."
        ),
        ("Lihat <https://www.ilo.org/global/publications/index.htm> saja.", "Lihat saja."),
        ("Lihat https://www.ilo.org/global/publications/index.htm saja.", "Lihat saja."),
        ("![Peta arus migrasi per provinsi](images/peta-arus-migrasi-2023.png) Pekerja migran.", "Pekerja migran."),
        ("Pekerja migran. ![Peta][peta]", "Pekerja migran."),
        ("Pekerja <abbr title=\"Pekerja Migran Indonesia\">migran</abbr><br/> berangkat.", "Pekerja migran berangkat."),
        ("**Pekerja** _migran_ ~~berangkat~~ ***pulang***.", "Pekerja migran berangkat pulang."),
        ("Jalankan `glossary check --parallel` sekarang.", "Jalankan sekarang."),
        ("Pekerja migran.\n\n```sh\nglossary check\n```", "Pekerja migran."),
        ("Pekerja migran[^1] berangkat.", "Pekerja migran1 berangkat."),
        ("[^1]: Catatan kaki.", "1: Catatan kaki."),
        ("[ilo]: https://www.ilo.org \"International Labour Organization\"", ""),
        ("Lihat [laporan][ilo] dan [catatan][] kerja.", "Lihat laporan dan catatan kerja."),
        ("Teks [sic] dan [tautan](https://www.ilo.org).", "Teks [sic] dan tautan."),
        (
            "Pekerja migran\n> berangkat\n- pulang\n+ lagi\n* juga\n## Judul",
            "Pekerja migran\nberangkat\npulang\nlagi\njuga\nJudul"
        ),
        ("\\*Bukan\\* penekanan\\\nbaris baru.", "*Bukan* penekanan\nbaris baru."),
    ]

    @Test func markupCountsNothingInMarkdown() {
        for (markdown, prose) in Self.markedUp {
            #expect(Self.length(markdown) == Self.length(prose, path: "t.txt"), "\(markdown)")
        }
    }

    @Test func proseInMarkupStillCounts() {
        // Link text, the text inside tags and emphasis, a footnote's text: a reader reads them.
        #expect(Self.length("[laporan](https://example.org)") == 7)
        #expect(Self.length("<em>laporan</em>") == 7)
        #expect(Self.length("*laporan* kerja") == 12)
        #expect(Self.length("2. laporan") == 9)
        // Prose that differs still differs.
        #expect(Self.length("Pekerja migran berangkat ke luar negeri.") > Self.length("Pekerja migran berangkat."))
        // Brackets that open no link are read as written.
        #expect(Self.length("[id] Teks [sic] ini.") == Self.length("[id] Teks [sic] ini.", path: "t.txt"))
        #expect(Self.length("[id] Teks [sic] ini.") == 17)
        // A `!` or `#` that is no image or heading is punctuation of the prose.
        #expect(Self.length("Awas! [Baca](x) ini #1") == Self.length("Awas! Baca ini #1", path: "t.txt"))
    }

    @Test func plainTextCountsEverythingButURLs() {
        // Nothing is markup in plain text: comments, brackets and asterisks are characters.
        #expect(Self.length("Pekerja <!-- x --> *migran* [1]", path: "t.txt") == 26)
        #expect(Self.length("Lihat https://www.ilo.org/index.htm saja.", path: "t.txt") == 10)
        // Markdown read as plain text when the check says so.
        let source = SourceText(path: "t.md", string: "**Pekerja**")
        let plain = SegmentedText(
            file: source, segments: [Segment(id: "1", language: nil, bytes: 0..<source.bytes.count)], format: "test",
            markup: .plain)
        #expect(ParallelAligner.length(plain.segments[0], in: plain) == 11)
    }

    @Test func aSegmentIsReadWithTheMarkupOpeningItsLine() {
        // Segments start at their first word (here the image's alternative text and the
        // definition's label): the markup before it on its line is read too.
        let text = "Teks.\n\n![Peta migrasi](peta.png) Pekerja migran.\n\n[ilo]: https://www.ilo.org \"ILO\"\n"
        func offset(_ needle: String) -> Int { text.utf8.count - text[text.range(of: needle)!.lowerBound...].utf8.count }
        let source = SourceText(path: "t.md", string: text)
        let segmented = SegmentedText(
            file: source,
            segments: [
                Segment(id: "1", language: nil, bytes: offset("Peta")..<offset("\n\n[ilo]")),
                Segment(id: "2", language: nil, bytes: offset("ilo]")..<(text.utf8.count - 1)),
            ], format: "test")
        #expect(ParallelAligner.lengths(of: segmented.segments, in: segmented) == [14, 0])
    }

    /// Texts that would make a careless measure read the same bytes again and again: images
    /// that never close, lines that start like reference definitions, segments that start after
    /// runs of markup. Twice the text must cost about twice the work.
    @Test(arguments: [
        "![a ", "[label without end ", "\n[x", "*_~ [ ! ", "Kata. ", "\n> - ## [ref]: ", "![i](u) [t](https://e.org/p) ",
    ])
    func measuringIsLinear(piece: String) {
        func work(_ count: Int) -> Int {
            let text = String(repeating: piece, count: count)
            let source = SourceText(path: "t.md", string: text)
            // A segment at every piece, to the end of the text, and the whole text.
            let bytes = source.bytes.count
            let step = max(1, piece.utf8.count)
            let segments =
                stride(from: 0, to: bytes, by: step * 50).map {
                    Segment(id: "s", language: nil, bytes: $0..<min(bytes, $0 + step * 50))
                } + [Segment(id: "all", language: nil, bytes: 0..<bytes)]
            let segmented = SegmentedText(file: source, segments: segments, format: "test")
            return WorkMeter.count { _ = ParallelAligner.lengths(of: segmented.segments, in: segmented) }
        }
        let small = work(2000)
        let large = work(4000)
        #expect(small > 0)
        #expect(Double(large) <= 2.5 * Double(small), "\(piece): \(small) → \(large)")
    }

    // MARK: - Alignment

    static let checker = CrossLanguageChecker(compiled: TestSupport.projectChecker.compiled)

    static let indonesian = """
        ILO mencatat bahwa pekerja migran rentan terhadap perdagangan tenaga kerja di perbatasan.

        Program ini melindungi pekerja migran di perbatasan setiap tahun.

        """

    /// The English version; its first paragraph leaves the migrant workers out.
    static let englishParagraph = "The ILO notes that workers from abroad are vulnerable to labour trafficking at the border."
    static let english = englishParagraph + "\n\nThis programme protects migrant workers at the border every year.\n"

    /// The first English paragraph with markup at its end, in its middle or at its start.
    static let decorated: [String] = [
        englishParagraph + " <!-- glossary-ignore deprecated-term -- the wording of the 2019 report, quoted as written -->",
        englishParagraph.replacingOccurrences(of: " notes", with: " <!-- glossary-ignore deprecated-term --> notes"),
        englishParagraph.replacingOccurrences(
            of: "The ILO",
            with: "The [ILO](https://www.ilo.org/global/topics/labour-migration/publications/WCMS_000000/lang--en/index.htm)"),
        englishParagraph + " ![Chart of migration flows by province and year](images/migration-flows-by-province-2019-2023.png)",
        "![Logo of the organisation](logo.png) " + englishParagraph,
        englishParagraph.replacingOccurrences(
            of: "ILO", with: "<abbr title=\"International Labour Organization, Geneva\">ILO</abbr>") + "<br/>",
        englishParagraph.replacingOccurrences(of: "workers from abroad", with: "**workers from abroad**")
            .replacingOccurrences(of: "vulnerable", with: "_vulnerable_").replacingOccurrences(
                of: "at the border", with: "*at the border*"),
        englishParagraph + " `glossary check --parallel report.id.md report.en.md`",
        englishParagraph.replacingOccurrences(of: " notes", with: " `(ref. ILO/2023/14-b)` notes"),
    ]

    /// The cross-language findings and the sets' confidences of the two versions, as files
    /// named by language.
    static func aligned(_ english: String, suffix: String = "md") throws -> (findings: [String], confidences: [Double]) {
        let sources = [
            SourceText(path: "report.id.\(suffix)", string: indonesian), SourceText(path: "report.en.\(suffix)", string: english),
        ]
        let corpus = try checker.parallelCorpus(sources)
        let (findings, _) = try checker.parallelFindings(sources)
        return (
            findings.map { "\($0.location.file):\($0.location.line) \($0.rule) \($0.concept ?? "-")" },
            corpus.sets.map(\.confidence)
        )
    }

    @Test func markupInOneVersionLeavesTheAlignmentAsItIs() throws {
        let plain = try Self.aligned(Self.english)
        // The concept left out of the first English paragraph is reported.
        #expect(plain.findings.contains("report.en.md:1 missing-translation migrant-worker"), "\(plain.findings)")
        #expect(plain.confidences.allSatisfy { $0 > TranslationSet.reliableConfidence })
        for paragraph in Self.decorated {
            let marked = try Self.aligned(Self.english.replacingOccurrences(of: Self.englishParagraph, with: paragraph))
            #expect(marked.findings == plain.findings, "\(paragraph)")
            for (found, wanted) in zip(marked.confidences, plain.confidences) {
                #expect(abs(found - wanted) < 0.01, "\(paragraph): \(marked.confidences) ≠ \(plain.confidences)")
            }
        }
    }

    @Test func textThatDiffersStillLowersTheConfidence() throws {
        let plain = try Self.aligned(Self.english)
        // As much prose added as the longest markup above: a true difference of length.
        let longer = Self.english.replacingOccurrences(
            of: Self.englishParagraph,
            with: Self.englishParagraph
                + " The report was written in Geneva, printed in the spring and sent to every office in the region.")
        let added = try Self.aligned(longer)
        #expect(added.confidences[0] < plain.confidences[0] - 0.5)
        #expect(added.confidences[0] < TranslationSet.reliableConfidence)
        #expect(!added.findings.contains("report.en.md:1 missing-translation migrant-worker"))
    }

    @Test func aCommentInPlainTextIsText() throws {
        // In plain text `<!-- … -->` is no comment, and counts as the text it is.
        let plain = try Self.aligned(Self.english, suffix: "txt")
        let commented = try Self.aligned(
            Self.english.replacingOccurrences(
                of: Self.englishParagraph,
                with: Self.englishParagraph + " <!-- a note to the translators: keep the wording of the 2019 report -->"),
            suffix: "txt")
        #expect(commented.confidences[0] < plain.confidences[0] - 0.5)
    }

    @Test func aDirectiveInPlainTextIsNoProse() throws {
        let plain = try Self.aligned(Self.english, suffix: "txt")
        #expect(plain.findings.contains("report.en.txt:1 missing-translation migrant-worker"), "\(plain.findings)")
        for paragraph in [
            Self.englishParagraph + " # glossary-ignore deprecated-term -- the wording of the 2019 report, quoted as written",
            "// glossary-ignore deprecated-term -- the wording of the 2019 report, quoted as written\n" + Self.englishParagraph,
            Self.englishParagraph + " <!-- glossary-ignore deprecated-term -- the wording of the 2019 report -->",
        ] {
            let marked = try Self.aligned(
                Self.english.replacingOccurrences(of: Self.englishParagraph, with: paragraph), suffix: "txt")
            // The directive on a line of its own moves the paragraph's text down a line.
            let findings = marked.findings.map { $0.replacingOccurrences(of: "report.en.txt:2 ", with: "report.en.txt:1 ") }
            #expect(findings == plain.findings, "\(paragraph)")
            for (found, wanted) in zip(marked.confidences, plain.confidences) {
                #expect(abs(found - wanted) < 0.01, "\(paragraph): \(marked.confidences) ≠ \(plain.confidences)")
            }
        }
    }

    @Test func directivesRunFromTheirCommentToTheEndOfTheLine() {
        func ranges(_ text: String, markdown: Bool = false) -> [Range<Int>] {
            Array(text.utf8).withUnsafeBufferPointer {
                Suppressions.directiveRanges(in: $0, contentStart: 0, markdown: markdown)
            }
        }
        let text = "Teks. # glossary-ignore deprecated-term -- alasan\nBaris.\n// glossary-disable\nx"
        #expect(ranges(text) == [5..<49, 57..<76])
        // Part of a word, or a keyword that goes on: no directive.
        #expect(ranges("Baca xglossary-ignore dan glossary-ignored.").isEmpty)
        // In Markdown a directive is a comment, which the masker hides.
        #expect(ranges("Teks. <!-- glossary-ignore -->", markdown: true).isEmpty)
    }

    @Test func sectionsOfOneDocumentAreMeasuredAlike() throws {
        func sections(_ english: String) throws -> [Double] {
            let text = "# Ringkasan\n\n" + Self.indonesian + "\n# Summary\n\n" + english
            let segmented = try Self.checker.analyzer.paragraphs(of: SourceText(path: "abstract.md", string: text))
            return try #require(SectionAligner.align(segmented)).sets.map(\.confidence)
        }
        let plain = try sections(Self.english)
        for paragraph in Self.decorated {
            let marked = try sections(Self.english.replacingOccurrences(of: Self.englishParagraph, with: paragraph))
            #expect(marked.count == plain.count)
            for (found, wanted) in zip(marked, plain) { #expect(abs(found - wanted) < 0.01, "\(paragraph)") }
        }
    }
}
