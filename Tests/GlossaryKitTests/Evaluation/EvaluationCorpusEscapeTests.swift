import Foundation
import Testing

@testable import GlossaryKit

/// The corpus escapes: `⏎` for a line break and `\u{XXXX}` for a Unicode scalar, expanded before
/// byte ranges are computed, inside and outside the markup.
@Suite("Evaluation corpus escapes")
struct EvaluationCorpusEscapeTests {
    /// The words a range of the plain sentence covers.
    func words(_ sentence: EvaluationCorpus.Sentence, _ range: Range<Int>) -> String {
        String(decoding: Array(sentence.text.utf8)[range], as: UTF8.self)
    }

    func sentence(_ line: String, language: String = "en") throws -> EvaluationCorpus.Sentence {
        try #require(try EvaluationCorpus.parse("# language: \(language)\n" + line, file: "x.txt").first)
    }

    @Test func lineBreakSymbolBecomesALineBreakInsideAnOccurrence() throws {
        let sentence = try sentence("The [[human-trafficking|human traf-⏎ficking|line-break]] case⏎went to court.")
        #expect(sentence.text == "The human traf-\nficking case\nwent to court.")
        let occurrence = try #require(sentence.occurrences.first)
        #expect(words(sentence, occurrence.bytes) == "human traf-\nficking")
        #expect(occurrence.text == "human traf-\nficking")
        #expect(occurrence.bytes == 4..<23)
        #expect(occurrence.phenomena == [.lineBreak])
    }

    @Test func unicodeEscapeInsideAnOccurrenceCountsItsUTF8Bytes() throws {
        let sentence = try sentence(#"A [[migrant-worker|mig\u{200B}rant worker|invisible]] left."#)
        #expect(sentence.text == "A mig\u{200B}rant worker left.")
        let occurrence = try #require(sentence.occurrences.first)
        // "mig" + three bytes of U+200B + "rant worker".
        #expect(occurrence.bytes == 2..<(2 + 3 + 3 + 11))
        #expect(words(sentence, occurrence.bytes) == "mig\u{200B}rant worker")
        #expect(occurrence.phenomena == [.invisible])
    }

    @Test func escapesBeforeAnOccurrenceShiftItsRange() throws {
        let sentence = try sentence(
            #"Pe\u{AD}kerja⏎dan [[victim|korban\u{2060}nya|invisible+clitic]] [[!|pe\u{00AD}kerjaan|derivation]]."#,
            language: "id")
        #expect(sentence.text == "Pe\u{AD}kerja\ndan korban\u{2060}nya pe\u{AD}kerjaan.")
        let victim = try #require(sentence.occurrences.first)
        #expect(words(sentence, victim.bytes) == "korban\u{2060}nya")
        #expect(victim.phenomena == [.clitic, .invisible])
        let trap = try #require(sentence.traps.first)
        #expect(words(sentence, trap.bytes) == "pe\u{AD}kerjaan")
        #expect(trap.text == "pe\u{AD}kerjaan")
    }

    @Test func supplementaryScalarsAndOtherBackslashesAreKept() throws {
        let sentence = try sentence(#"C:\data\u{1F4A1} and \n stay [[victim|victim]]."#)
        #expect(sentence.text == "C:\\data\u{1F4A1} and \\n stay victim.")
        let occurrence = try #require(sentence.occurrences.first)
        #expect(words(sentence, occurrence.bytes) == "victim")
    }

    @Test func malformedEscapesNameTheirColumn() throws {
        for (line, column) in [
            (#"ab \u{zz} cd"#, 4),
            (#"ab \u{110000} cd"#, 4),
            (#"ab \u{D800} cd"#, 4),
            (#"ab \u{} cd"#, 4),
            (#"ab [[victim|vic\u{200B]] cd"#, 16),
        ] {
            let error = #expect(throws: InputError.self, "\(line)") {
                try EvaluationCorpus.parse("# language: en\n" + line, file: "x.txt")
            }
            #expect(error?.location?.line == 2 && error?.location?.column == column, "\(line)")
        }
    }
}
