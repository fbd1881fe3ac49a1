import Testing

@testable import GlossaryKit

@Suite("Look-behind: what precedes a match")
struct LookBehindTests {
    /// The look-behind of the last `marker` in `text`, and that place's offset.
    func lookBehind(_ text: String, at marker: String = "TKI") -> (LookBehind, Int) {
        let bytes = Array(text.utf8)
        let offset = text.utf8.count - text[text.range(of: marker, options: .backwards)!.lowerBound...].utf8.count
        return (bytes.withUnsafeBufferPointer { LookBehind($0, at: offset, contentStart: 0) }, offset)
    }

    @Test func aParenthesisAmongSeparatorsSetsOffAGloss() {
        for text in ["migran (TKI", "migran (*TKI", "migran, (\"TKI", "migran\n(TKI", "migran (“TKI"] {
            let (found, offset) = lookBehind(text)
            #expect(found.setsOffGloss(at: offset, of: "migran".utf8.count), "\(text)")
        }
        for text in ["migran TKI", "migran. (TKI", "migran dan (TKI", "migran (            TKI"] {
            let (found, offset) = lookBehind(text)
            #expect(!found.setsOffGloss(at: offset, of: "migran".utf8.count), "\(text)")
        }
        // A phrase ending after the place is never glossed by it.
        let (found, offset) = lookBehind("(TKI migran")
        #expect(!found.setsOffGloss(at: offset, of: offset + 3))
    }

    @Test func separatorsAndParenthesisAreCountedFromThePlace() {
        let (found, _) = lookBehind("kerja (*TKI")
        #expect(found.separators == 3)
        #expect(found.parenthesis == 2)
        #expect(lookBehind("kerja TKI").0.parenthesis == 0)
        #expect(lookBehind(String(repeating: " ", count: 20) + "TKI").0.separators == UInt8(LookBehind.glossReach))
    }

    @Test func anOpenerBeforeThePlaceMarksAQuotation() {
        for text in ["pekerja (TKI", "pekerja *TKI", "pekerja _TKI", "pekerja [ TKI", "( \tTKI"] {
            #expect(lookBehind(text).0.followsOpener, "\(text)")
        }
        for text in ["TKI", "pekerja TKI", "pekerja \"TKI", "pekerja (x) TKI", "pekerja) TKI"] {
            #expect(!lookBehind(text).0.followsOpener, "\(text)")
        }
    }

    @Test func aSentenceStartIsTheTextsOwn() {
        #expect(lookBehind("Selesai. TKI").0.startsSentence)
        #expect(!lookBehind("Selesai TKI").0.startsSentence)
    }
}
