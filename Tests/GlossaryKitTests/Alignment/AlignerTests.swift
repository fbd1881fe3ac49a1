import Foundation
import Testing

@testable import GlossaryKit

/// The paragraph, sentence (Gale–Church) and section aligners.
@Suite("Aligners")
struct AlignerTests {
    static let checker = CrossLanguageChecker(compiled: TestSupport.projectChecker.compiled)

    static func fixture(_ name: String) throws -> SourceText {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/cross/\(name)", withExtension: nil))
        return try SourceText(path: name, bytes: Array(Data(contentsOf: url)))
    }

    @Test func galeChurchPairsSentencesOfProportionalLength() {
        // Second text: the same sentences, 1.2 times as long, with the last two merged into one.
        let beads = GaleChurch.align([40, 80, 30, 50], [48, 96, 96])
        #expect(beads.map(\.first) == [0..<1, 1..<2, 2..<4])
        #expect(beads.map(\.second) == [0..<1, 1..<2, 2..<3])
        #expect(beads[0].confidence > 0.9)
        #expect(beads[2].confidence <= 0.5, "a 2–1 bead is never fully certain")
    }

    @Test func aSentenceWithoutCounterpartMakesItsBeadUnreliable() {
        let beads = GaleChurch.align([50, 200, 60], [50, 60])
        #expect(beads.first.map { ($0.first, $0.second) } ?? (0..<0, 0..<0) == (0..<1, 0..<1))
        #expect(beads.first.map { $0.confidence > TranslationSet.reliableConfidence } == true)
        let bead = beads.first { $0.first.contains(1) }
        #expect(bead.map { $0.confidence < TranslationSet.reliableConfidence } == true)
    }

    @Test func lengthMatchProbability() {
        #expect(GaleChurch.match(100, 100, ratio: 1) > 0.99)
        #expect(GaleChurch.match(100, 300, ratio: 1) < 0.01)
        #expect(GaleChurch.match(100, 120, ratio: 1.2) > 0.99, "the ratio is taken into account")
    }

    @Test func equalParagraphCountsArePairedByPosition() throws {
        let sources = try ["abstract.id.md", "abstract.en.md"].map(Self.fixture)
        let corpus = try Self.checker.parallelCorpus(sources)
        #expect(corpus.sets.count == 3)
        #expect(corpus.sets.map(\.id) == ["paragraph 1", "paragraph 2", "paragraph 3"])
        #expect(corpus.notes[0].hasPrefix("2 versions aligned paragraph by paragraph (3 paragraphs each)"))
        #expect(corpus.texts.map { $0.segments[0].language } == [.indonesian, .english])
    }

    @Test func unequalParagraphCountsAreAlignedBySentence() throws {
        // The Sundanese version has an extra sentence in two paragraphs; counts still match
        // (3 paragraphs), so make them differ by joining two English paragraphs.
        let english = SourceText(
            path: "abstract.en.md",
            string: """
                # Summary

                The ILO notes that migrant workers are vulnerable to labour trafficking. This programme protects migrant workers at the border.
                """)
        let sources = [try Self.fixture("abstract.id.md"), english]
        let corpus = try Self.checker.parallelCorpus(sources)
        #expect(corpus.notes[0].contains("sentences aligned by length (Gale–Church)"))
        #expect(corpus.notes[0].contains("abstract.id.md: 3, abstract.en.md: 2"))
        // Heading ↔ heading, then sentence by sentence (closing punctuation included).
        let pairs = corpus.sets.map { set in set.members.map { corpus.texts[$0.text].string(of: corpus[$0]) } }
        #expect(pairs.count == 3)
        #expect(
            pairs[1] == [
                "ILO mencatat bahwa pekerja migran rentan terhadap perdagangan tenaga kerja.",
                "The ILO notes that migrant workers are vulnerable to labour trafficking.",
            ])
        #expect(corpus.sets.allSatisfy { $0.isReliable })
    }

    @Test func parallelFilesReportMissingTermsAndLowConfidence() throws {
        let sources = try ["abstract.id.md", "abstract.en.md", "abstract.su.md"].map(Self.fixture)
        let (findings, notes) = try Self.checker.parallelFindings(sources)
        #expect(notes.count == 1)
        // Paragraph 3 of the Sundanese version drops the migrant workers.
        let missing = findings.filter { $0.rule == "missing-translation" }
        #expect(missing.map(\.concept) == ["migrant-worker"])
        #expect(missing.first?.location.file == "abstract.su.md")
        #expect(missing.first?.location.line == 5)
        #expect(missing.first?.suggestions.first == "pekerja migran")
    }

    @Test func lowConfidencePairsAreNotedAndNotCheckedForMissingTerms() throws {
        let indonesian = SourceText(path: "a.id.md", string: "ILO mencatat bahwa pekerja migran rentan.\n\nSingkat.\n")
        let english = SourceText(
            path: "a.en.md",
            string:
                "The ILO notes it.\n\nThis programme protects migrant workers at the border every year, says the ILO, which has long argued for it.\n"
        )
        let (findings, _) = try Self.checker.parallelFindings([indonesian, english])
        #expect(findings.contains { $0.rule == "alignment-confidence" && $0.location.file == "a.en.md" && $0.location.line == 3 })
        #expect(!findings.contains { $0.rule == "missing-translation" && $0.location.line == 3 })
    }

    @Test func sectionsOfAMultilingualDocument() throws {
        let text = """
            # Ringkasan

            ILO mencatat bahwa pekerja migran rentan terhadap perdagangan tenaga kerja di perbatasan.

            # Summary

            The ILO notes that migrant workers are vulnerable to labour trafficking at the border.

            # Ringkesan

            ILO nyatet yén loba pagawé anu gampang pisan katarajang ku padagangan tanaga gawé di wates nagara, sarta éta téh kajadian unggal taun.
            """
        let source = SourceText(path: "abstract.md", string: text)
        let segmented = try Self.checker.analyzer.paragraphs(of: source)
        // Headings take the language of the section they open.
        #expect(segmented.segments.map(\.language) == [.indonesian, .indonesian, .english, .english, .sundanese, .sundanese])
        let corpus = try #require(SectionAligner.align(segmented))
        #expect(corpus.sets.count == 2)
        #expect(corpus.sets[1].members.map(\.segment) == [1, 3, 5])
        let findings = try TestSupport.projectChecker.check(source)
        let missing = findings.filter { $0.rule == "missing-translation" }
        #expect(missing.map(\.concept) == ["migrant-worker"])
        #expect(missing.first?.location.line == 11)
    }

    @Test func aQuotationInAnotherLanguageIsNotASection() throws {
        let text = """
            Laporan ini membahas pekerja migran di Nusa Tenggara Timur dan upaya ILO untuk melindungi mereka dari perdagangan tenaga kerja, yang terus meningkat setiap tahun di wilayah perbatasan.

            Laporan itu juga mencatat bahwa banyak pekerja migran berangkat tanpa kontrak tertulis dan tanpa pelatihan, sehingga mereka sulit menuntut hak mereka ketika terjadi pelanggaran.

            "The ILO is concerned."
            """
        let segmented = try Self.checker.analyzer.paragraphs(of: SourceText(path: "laporan.md", string: text))
        #expect(SectionAligner.align(segmented) == nil)
    }

    /// A paragraph of uncertain language opens the section of its language after it (a
    /// heading), closes the one before it (a keyword line), or is an aside in neither.
    @Test func onlyParagraphsOfCertainLanguageDelimitSections() {
        func paragraph(_ language: LanguageTag?, uncertain: Bool) -> AnalyzedDocument.Paragraph {
            AnalyzedDocument.Paragraph(bytes: 0..<1, words: 0..<1, language: language, languageIsUncertain: uncertain)
        }
        let id = LanguageTag.indonesian, en = LanguageTag.english, su = LanguageTag.sundanese
        let paragraphs = [
            paragraph(en, uncertain: true), paragraph(id, uncertain: true), paragraph(id, uncertain: false),
            paragraph(en, uncertain: true), paragraph(id, uncertain: true), paragraph(id, uncertain: false),
            paragraph(id, uncertain: true), paragraph(en, uncertain: true), paragraph(en, uncertain: false),
            paragraph(su, uncertain: true), paragraph(nil, uncertain: true),
        ]
        #expect(LanguageSections.sectionLanguages(of: paragraphs) == [nil, id, id, nil, id, id, id, en, en, nil, nil])
        #expect(LanguageSections.sectionLanguages(of: Array(paragraphs[0..<8])) == [nil, id, id, nil, id, id, id, nil])
    }

    /// A short reply in another language between two paragraphs of one language is an aside:
    /// the document has no sections, and a term of the other language in it is no untranslated
    /// term.
    @Test func aShortReplyInAnotherLanguageIsNotASection() throws {
        let text =
            "Para calo itu datang dari desa yang sama.\n\nOur sponsor: Bank Jabar.\n\nCalo itu sudah pergi dari desa ini.\n"
        let source = SourceText(path: "chat.txt", string: text)
        let segmented = try Self.checker.analyzer.paragraphs(of: source)
        #expect(segmented.segments.map(\.language) == [.indonesian, nil, .indonesian])
        #expect(SectionAligner.align(segmented) == nil)
        #expect(try TestSupport.projectChecker.check(source).isEmpty)
    }

    @Test func sentenceSplitter() {
        let text = SourceText(path: "t", string: "Dr. Smith met the ILO. It was 3 p.m. there! Then (they) left. e.g. nothing")
        let sentences = SentenceSplitter.sentences(in: text, range: 0..<text.bytes.count).map(text.text)
        #expect(sentences == ["Dr. Smith met the ILO.", "It was 3 p.m. there!", "Then (they) left. e.g. nothing"])
    }
}
