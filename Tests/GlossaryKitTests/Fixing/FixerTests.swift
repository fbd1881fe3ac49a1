import Foundation
import TestLocations
import TestScratch
import Testing

@testable import GlossaryKit

@Suite("--fix")
struct FixerTests {
    static let checker = try! TestSupport.checker(
        yaml: """
            concepts:
              - id: labour
                terms:
                  en:
                    - labour
                    - term: labor
                      status: deprecated
              - id: labour-trafficking
                terms:
                  id:
                    - perdagangan tenaga kerja
                    - term: trafficking tenaga kerja
                      status: deprecated
              - id: ilo
                terms:
                  en:
                    - International Labour Organization
                    - term: International Labor Organization
                      status: deprecated
              - id: migrant-worker
                terms:
                  id:
                    - pekerja migran
                    - term: TKI
                      type: acronym
                      status: deprecated
              - id: worker
                terms:
                  en:
                    - worker
                    - employee
                    - term: workman
                      status: deprecated
            """)

    /// The source and its findings.
    func checked(_ bytes: [UInt8], path: String = "t.txt", language: LanguageTag? = .english) throws -> (SourceText, [Finding]) {
        let source = try SourceText(path: path, bytes: bytes)
        let (result, _) = CheckRunner.check(
            .contents(path: path, bytes: bytes), checker: Self.checker, options: CheckOptions(language: language))
        guard case let .checked(_, findings) = result else { throw InputError("not checked") }
        return (source, findings)
    }

    func fixed(_ text: String, language: LanguageTag? = .english) throws -> String {
        let (source, findings) = try checked(Array(text.utf8), language: language)
        guard let fix = Fixer.fix(source, findings: findings) else { return text }
        return String(decoding: fix.fixed, as: UTF8.self)
    }

    @Test func keepsTheCasePattern() throws {
        #expect(try fixed("Labor, LABOR and labor.\n") == "Labour, LABOUR and labour.\n")
        #expect(try fixed("The INTERNATIONAL LABOR ORGANIZATION met.\n") == "The INTERNATIONAL LABOUR ORGANIZATION met.\n")
    }

    @Test func capitalisesAReplacementThatStartsASentence() throws {
        func fixedID(_ text: String) throws -> String { try fixed(text, language: .indonesian) }
        // Start of the text, after a sentence end, on a paragraph's first line.
        #expect(try fixedID("TKI berangkat.\n") == "Pekerja migran berangkat.\n")
        #expect(try fixedID("Mereka pulang. TKI berangkat!\n") == "Mereka pulang. Pekerja migran berangkat!\n")
        #expect(try fixedID("Apa kabar? TKI-nya berangkat.\n") == "Apa kabar? Pekerja migrannya berangkat.\n")
        #expect(try fixedID("Mereka pulang.\n\nTKI berangkat.\n") == "Mereka pulang.\n\nPekerja migran berangkat.\n")
        #expect(try fixedID("Mereka pulang.\nTKI berangkat.\n") == "Mereka pulang.\nPekerja migran berangkat.\n")
        #expect(try fixedID("\u{FEFF}TKI berangkat.\n") == "\u{FEFF}Pekerja migran berangkat.\n")
        // Mid-sentence it stays lower case: after a word, a comma, a line break inside a sentence,
        // or a full stop not followed by a space.
        #expect(try fixedID("Banyak TKI berangkat.\n") == "Banyak pekerja migran berangkat.\n")
        #expect(try fixedID("Mereka, TKI, berangkat.\n") == "Mereka, pekerja migran, berangkat.\n")
        #expect(try fixedID("Banyak\nTKI berangkat.\n") == "Banyak\npekerja migran berangkat.\n")
        // The writer's case is carried over, and a sentence start is capitalised whatever it was.
        #expect(try fixed("Labor matters. labor too, and LABOR.\n") == "Labour matters. Labour too, and LABOUR.\n")
    }

    @Test func inconsistentTermFixIsCapitalisedAtASentenceStartToo() throws {
        // "workman" has no deprecated-term fix (two preferred terms); the inconsistency names the
        // one used. The preferred "employee" is reported but never replaced.
        let (source, findings) = try checked(Array("The worker came. workman left, and the employee stayed.\n".utf8))
        // The inconsistency of the deprecated "workman" is folded into its deprecated-term finding.
        let fixes = findings.flatMap { finding in
            ([FoldedFinding(finding)] + finding.folded).filter { $0.rule == "inconsistent-term" }.map(\.fix)
        }
        #expect(fixes == ["Worker", nil], "\(findings)")
        let fixed = try #require(Fixer.fix(source, findings: findings))
        #expect(String(decoding: fixed.fixed, as: UTF8.self) == "The worker came. Worker left, and the employee stayed.\n")
    }

    @Test func sentenceStarts() {
        func starts(_ text: String, at marker: String = "TKI") -> Bool {
            let bytes = Array(text.utf8)
            let offset = text.utf8.count - text[text.range(of: marker, options: .backwards)!.lowerBound...].utf8.count
            return SentenceStart.isSentenceStart(bytes, at: offset)
        }
        #expect(starts("TKI"))
        #expect(starts("  TKI"))
        #expect(starts("Selesai. TKI"))
        #expect(starts("Selesai.\" TKI"))
        #expect(starts("Selesai.\u{201D} TKI"))
        #expect(starts("Selesai.  \n  \nx. TKI"))
        #expect(starts("a\n\nTKI"))
        #expect(starts("a\r\n\r\nTKI"))
        #expect(starts("a.\r\nTKI"))
        #expect(starts("# TKI"))
        #expect(starts("text\n## TKI"))
        #expect(starts("- TKI"))
        #expect(starts("  12. TKI"))
        #expect(starts("> TKI"))
        #expect(!starts("a TKI"))
        #expect(!starts("a.TKI"))
        #expect(!starts("a, TKI"))
        #expect(!starts("a\nTKI"))
        #expect(!starts("a - TKI"))
        #expect(!starts("a # TKI"))
        #expect(!starts("a (TKI"))
        // Opening emphasis or a link's bracket does not move the start.
        #expect(starts("*TKI"))
        #expect(starts("Selesai. **_TKI"))
        #expect(starts("- [TKI"))
        #expect(starts("# ~~TKI"))
        #expect(!starts("a *TKI"))
        #expect(!starts("a*TKI"))
        // So do opening phrasing tags, and not other or closing tags.
        #expect(starts("<em>TKI"))
        #expect(starts("Selesai. <b><a href=\"x>y\">*TKI"))
        #expect(!starts("a <em>TKI"))
        #expect(!starts("Selesai. <code>TKI"))
        #expect(!starts("Selesai. </em>TKI"))
        #expect(!starts("Selesai. <embed>TKI"))
    }

    @Test func keepsTheInflection() throws {
        #expect(
            try fixed("Data trafficking tenaga kerjanya hilang.\n", language: .indonesian)
                == "Data perdagangan tenaga kerjanya hilang.\n")
    }

    @Test func keepsALineBreakInsideATerm() throws {
        #expect(try fixed("The International Labor\nOrganization met.\n") == "The International Labour\nOrganization met.\n")
    }

    @Test func doesNotGuessBetweenSeveralPreferredTerms() throws {
        let (source, findings) = try checked(Array("One workman came.\n".utf8))
        #expect(findings.contains { $0.rule == "deprecated-term" && $0.fix == nil })
        #expect(Fixer.fix(source, findings: findings) == nil)
    }

    @Test func aSharedRangeIsReplacedOnceAndDeprecatedTermWins() throws {
        let text = "Labour is labour, but labor is labor.\n"
        let (source, findings) = try checked(Array(text.utf8))
        // Folded or not, both rules' fixes are there to compete for a range.
        let ranges = findings.flatMap { finding in
            ([finding.fix] + finding.folded.map(\.fix)).compactMap { $0 }.map { _ in finding.byteRange }
        }
        #expect(Set(ranges).count < ranges.count, "deprecated-term and inconsistent-term share ranges")
        let fix = try #require(Fixer.fix(source, findings: findings))
        #expect(fix.edits.count == 2)
        #expect(fix.edits.allSatisfy { $0.rule == "deprecated-term" })
        #expect(String(decoding: fix.fixed, as: UTF8.self) == "Labour is labour, but labour is labour.\n")
    }

    @Test func overlappingRangesKeepTheFirst() throws {
        let source = SourceText(path: "t.txt", string: "abc def\n")
        func finding(_ range: Range<Int>, _ text: String, _ fix: String, rule: String) -> Finding {
            Finding(
                location: SourceLocation(file: "t.txt", line: 1, column: range.lowerBound + 1),
                endLocation: SourceLocation(file: "t.txt", line: 1, column: range.upperBound + 1),
                byteRange: range, rule: rule, severity: .warning, language: nil, concept: "c",
                text: text, message: "m", fix: fix)
        }
        let edits = Fixer.edits(
            for: [
                finding(4..<7, "def", "DEF", rule: "inconsistent-term"),
                finding(0..<7, "abc def", "x y", rule: "inconsistent-term"),
                finding(4..<7, "def", "ghi", rule: "deprecated-term"),
                finding(0..<3, "abd", "zzz", rule: "deprecated-term"),  // stale: text differs
            ], in: source)
        #expect(edits == [Fixer.Edit(range: 0..<7, replacement: Array("x y".utf8), rule: "inconsistent-term")])
    }

    @Test func keepsBOMAndCRLFByteForByte() throws {
        let url = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/bom-crlf.en.txt")
        let original = Array(try Data(contentsOf: url))
        #expect(original.starts(with: [0xEF, 0xBB, 0xBF]))
        let (source, findings) = try checked(original)
        let fix = try #require(Fixer.fix(source, findings: findings))
        var expected = original
        // BOM, "The Labor office\r\n", "has LABOR rules.\r\n": "Labor" at 7..<12, "LABOR" at 25..<30.
        #expect(Array(original[7..<12]) == Array("Labor".utf8) && Array(original[25..<30]) == Array("LABOR".utf8))
        expected.insert(UInt8(ascii: "U"), at: 29)
        expected.insert(UInt8(ascii: "u"), at: 11)
        #expect(fix.fixed == expected)
        #expect(fix.fixed.filter { $0 == 0x0D }.count == 2)
    }

    @Test func isIdempotent() throws {
        let once = try fixed("Labor and International Labor Organization.\n")
        #expect(once == "Labour and International Labour Organization.\n")
        let (source, findings) = try checked(Array(once.utf8))
        #expect(Fixer.fix(source, findings: findings) == nil)
    }

    @Test func writesAtomicallyKeepingPermissions() throws {
        let folder = TestScratch.url("fix")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.txt").path
        try Data("Labor.\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let (source, findings) = try checked(Array("Labor.\n".utf8), path: path)
        let fix = try #require(Fixer.fix(source, findings: findings))
        try Fixer.write(fix)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Labour.\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.txt"], "no temporary file left")
        // A file changed since it was read is not overwritten.
        try Data("Labor!\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputError.self) { try Fixer.write(fix) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Labor!\n")
    }

    @Test func unifiedDiffOfChangedLinesWithContext() throws {
        // Changes on lines 2 and 11: eight unchanged lines between them, more than twice the
        // context, so two hunks (six or fewer would merge them, as diff -u does).
        var text = (1...12).map { "Line \($0) is plain." }
        text[1] = "Line 2 has labor."
        text[10] = "Line 11 has LABOR."
        let (source, findings) = try checked(Array((text.joined(separator: "\n") + "\n").utf8))
        let fix = try #require(Fixer.fix(source, findings: findings))
        let diff = UnifiedDiff.render(fix)
        #expect(
            diff == """
                --- a/t.txt
                +++ b/t.txt
                @@ -1,5 +1,5 @@
                 Line 1 is plain.
                -Line 2 has labor.
                +Line 2 has labour.
                 Line 3 is plain.
                 Line 4 is plain.
                 Line 5 is plain.
                @@ -8,5 +8,5 @@
                 Line 8 is plain.
                 Line 9 is plain.
                 Line 10 is plain.
                -Line 11 has LABOR.
                +Line 11 has LABOUR.
                 Line 12 is plain.

                """)
    }

    @Test func unifiedDiffMarksAMissingFinalNewline() throws {
        let (source, findings) = try checked(Array("Labor".utf8))
        let diff = UnifiedDiff.render(try #require(Fixer.fix(source, findings: findings)))
        #expect(
            diff
                == "--- a/t.txt\n+++ b/t.txt\n@@ -1 +1 @@\n-Labor\n\\ No newline at end of file\n+Labour\n\\ No newline at end of file\n"
        )
    }
}

@Suite("--fix on acronyms")
struct AcronymFixTests {
    @Test func acronymIsReplacedByThePreferredTermAsWrittenAndTheCliticJoins() throws {
        let checker = TestSupport.exampleChecker
        func fixed(_ text: String, _ language: LanguageTag) throws -> String {
            let source = SourceText(path: "t.txt", string: text)
            let findings = try checker.check(source, options: CheckOptions(language: language))
            return Fixer.fix(source, findings: findings).map { String(decoding: $0.fixed, as: UTF8.self) } ?? text
        }
        #expect(try fixed("Banyak TKI pulang.", .indonesian) == "Banyak pekerja migran pulang.")
        #expect(try fixed("Data TKI-nya belum lengkap.", .indonesian) == "Data pekerja migrannya belum lengkap.")
        #expect(try fixed("Loba TKI-na nu mulang.", .sundanese) == "Loba pekerja migranna nu mulang.")
    }
}
