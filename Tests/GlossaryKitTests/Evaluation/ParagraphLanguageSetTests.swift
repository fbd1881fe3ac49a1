import Foundation
import TestLocations
import Testing

@testable import GlossaryKit

/// The labelled paragraph-language documents: the loader, the report's arithmetic, and the
/// figures on the project's set (issue 15, item 11).
@Suite("Paragraph-language evaluation")
struct ParagraphLanguageSetTests {
    static let folder = TestPackage.root.appendingPathComponent("Evaluation/paragraph-languages")

    @Test func theTagsAreRemovedAndEachParagraphKeepsItsGoldLanguageAndPlace() throws {
        let document = try ParagraphLanguageSet.parse(
            """
            [en] ## Keywords

            [id] Kata kunci: calo,
            pekerja migran

               \t
            [zxx] 0800-1-888-999
            [su] not a tag: this line continues the paragraph above
            """, file: "doc.md")
        #expect(
            document.text
                == "## Keywords\n\nKata kunci: calo,\npekerja migran\n\n   \t\n0800-1-888-999\n[su] not a tag: this line continues the paragraph above"
        )
        #expect(document.paragraphs.map(\.gold.rawValue) == ["en", "id", "zxx"])
        #expect(document.paragraphs.map(\.line) == [1, 3, 7])
        let bytes = Array(document.text.utf8)
        let texts = document.paragraphs.map { String(decoding: bytes[$0.bytes], as: UTF8.self) }
        #expect(
            texts == [
                "## Keywords", "Kata kunci: calo,\npekerja migran",
                "0800-1-888-999\n[su] not a tag: this line continues the paragraph above",
            ])
        #expect(document.paragraphs.map(\.isLinguistic) == [true, true, false])
    }

    @Test func aParagraphWithoutATagIsAnErrorAtItsFirstLine() throws {
        for (text, line) in [
            ("[en] Fine.\n\nNo tag here.\n", 3), ("[EN] Upper case.\n", 1), ("[e] One letter.\n", 1),
            ("[engl] Four letters.\n", 1), ("[en]No space.\n", 1), ("[en] Fine.\n\n  [id] Indented.\n", 3),
        ] {
            #expect(
                performing: { try ParagraphLanguageSet.parse(text, file: "doc.txt") },
                throws: { error in
                    guard let error = error as? InputError, let location = error.location else { return false }
                    return location.line == line && location.column == 1 && error.message.contains("square brackets")
                })
        }
        #expect(throws: InputError.self) { try ParagraphLanguageSet.load(path: "/nonexistent/paragraph-languages") }
    }

    /// Right, wrong but uncertain, and wrong and certain (its terms would be missed), counted per
    /// gold language and per length; `zxx` and word-less paragraphs are left out.
    @Test func theReportCountsAccuracyUncertaintyAndMisses() throws {
        let document = try ParagraphLanguageSet.parse(
            """
            [id] Para pekerja migran itu sudah pulang ke desa mereka dari Malaysia pada bulan lalu.

            [en] Returned migrant workers access justice.

            [en] Thank you

            [id] Di sana ada yang bisa membantu?

            [zxx] 0800-1-888-999

            [su] 🙏🙏🙏
            """, file: "mixed.txt")
        let report = try TestSupport.projectChecker.evaluateParagraphLanguages(ParagraphLanguageSet(documents: [document]))
        // The logframe line has no function word and takes its section's language, uncertain;
        // "Thank you" is English but against both its neighbours on two words, uncertain too.
        #expect(report.all == ParagraphLanguageReport.Counts(paragraphs: 4, correct: 3, uncertain: 2, missed: 0))
        #expect(report.byLanguage[.english] == ParagraphLanguageReport.Counts(paragraphs: 2, correct: 1, uncertain: 2, missed: 0))
        #expect(report.short.paragraphs == 3)
        #expect(report.byLength.map(\.paragraphs) == [1, 0, 2, 1])
        #expect(report.wordless == 1)
        #expect(report.errors.map(\.line) == [3])
        let rendered = report.render()
        #expect(rendered.hasPrefix("paragraph language   paragraphs  correct  accuracy  uncertain  missed\n"))
        #expect(rendered.contains("\nshort (1-8 words)             3        2     0.667      0.667   0.000\n"))
        #expect(rendered.contains("mixed.txt:3: en detected as id (uncertain): Returned migrant workers access justice."))
    }

    /// A wrong language the detector is sure of is the one error that silences terms.
    @Test func aWrongCertainLanguageIsAMiss() {
        var report = ParagraphLanguageReport()
        let paragraph = ParagraphLanguageSet.Paragraph(gold: .sundanese, bytes: 0..<10, line: 3)
        report.add(paragraph, file: "f.md", excerpt: "Di nagara mana?", words: 3, detected: .indonesian, isUncertain: false)
        report.add(paragraph, file: "f.md", excerpt: "Di nagara mana?", words: 3, detected: .indonesian, isUncertain: true)
        report.add(paragraph, file: "f.md", excerpt: "Di nagara mana?", words: 3, detected: .sundanese, isUncertain: true)
        #expect(report.short == ParagraphLanguageReport.Counts(paragraphs: 3, correct: 1, uncertain: 2, missed: 1))
        #expect(
            report.errors.first?.description == "f.md:3: su detected as id, certain: its terms would be missed: Di nagara mana?")
    }

    /// The project's labelled documents, as docs/languages.md states the figures. The floors
    /// guard against losing what the detector gained; no short paragraph may be both wrong and
    /// certain.
    @Test func theProjectsDocumentsAreDetectedWithoutSilentMisses() throws {
        let set = try ParagraphLanguageSet.load(path: Self.folder.path)
        #expect(set.documents.count >= 32)
        let linguistic = set.documents.flatMap(\.paragraphs).filter(\.isLinguistic)
        #expect(linguistic.count >= 450)
        let report = try TestSupport.projectChecker.evaluateParagraphLanguages(set)
        #expect(report.short.paragraphs >= 400)
        #expect(report.short.missed == 0, "\(report.errors.filter { !$0.isUncertain })")
        #expect(report.all.missed == 0)
        #expect(report.short.accuracy >= 0.75)
        #expect(report.all.accuracy >= 0.78)
    }
}
