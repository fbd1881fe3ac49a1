import Foundation
import TestLocations
import Testing

@testable import GlossaryKit

/// `gloss-mismatch` beyond its examples: the look-ahead it reads, the seed's glosses, and what
/// it leaves to the other rules.
@Suite("Gloss mismatch")
struct GlossMismatchTests {
    /// The look-ahead at the end of `marked`'s `|`.
    static func lookAhead(_ marked: String) -> LookAhead {
        let all = Array(marked.utf8)
        let offset = all.firstIndex(of: UInt8(ascii: "|"))!
        let bytes = all.filter { $0 != UInt8(ascii: "|") }
        return bytes.withUnsafeBufferPointer { LookAhead($0, at: offset) }
    }

    @Test func theLookAheadSeesAParenthesisOrEmphasisClosing() {
        #expect(Self.lookAhead("X (Y|) z") == LookAhead(closesEmphasis: false, closesParenthesis: true))
        #expect(Self.lookAhead("X (*Y|*) z") == LookAhead(closesEmphasis: true, closesParenthesis: true))
        #expect(Self.lookAhead("X (“Y|”) z") == LookAhead(closesEmphasis: false, closesParenthesis: true))
        #expect(Self.lookAhead("X, *Y|*, z") == LookAhead(closesEmphasis: true, closesParenthesis: false))
        #expect(Self.lookAhead("X, _Y|_.") == LookAhead(closesEmphasis: true, closesParenthesis: false))
        #expect(Self.lookAhead("X, *Y|*") == LookAhead(closesEmphasis: true, closesParenthesis: false))
        // Not closing: a list goes on, a word follows the marks, or nothing is there to close.
        #expect(Self.lookAhead("X (Y|, 2019)") == .none)
        #expect(Self.lookAhead("X (Y| dan Z)") == .none)
        #expect(Self.lookAhead("snake_case|_x") == .none)
        #expect(Self.lookAhead("X Y|") == .none)
    }

    static func glossMismatches(_ text: String, language: LanguageTag? = nil) throws -> [Finding] {
        let source = SourceText(path: "t.md", string: text)
        return try TestSupport.projectChecker.check(source, options: CheckOptions(language: language))
            .filter { $0.rule == GlossMismatchRule.id }
    }

    @Test func theMessageNamesBothConceptsAndTheGlossOfTheOne() throws {
        let findings = try Self.glossMismatches(
            "Kasus perdagangan orang (*labour trafficking*) meningkat di Kupang.\n", language: .indonesian)
        #expect(findings.map(\.text) == ["labour trafficking"])
        #expect(findings.first?.concept == "labour-trafficking")
        #expect(
            findings.first?.message
                == "the gloss 'labour trafficking' names concept 'labour-trafficking', but the term it glosses, 'perdagangan orang', names concept 'human-trafficking'; the en term for 'human-trafficking' is 'human trafficking' or 'trafficking in persons'"
        )
        #expect(findings.first?.suggestions == ["human trafficking", "trafficking in persons"])
        #expect(findings.first?.fix == nil, "which of the two is wrong is the writer's call")
    }

    @Test func glossesOfTheSameConceptAndOtherParenthesesStaySilent() throws {
        for text in [
            "Kasus perdagangan orang (*human trafficking*) meningkat.",
            "Kasus perdagangan orang (trafficking in persons) meningkat.",
            "The International Labour Organization (ILO) met in Geneva.",
            "Human trafficking (2019) grew in East Nusa Tenggara (NTT).",
            "Human trafficking (labour trafficking, forced labour) grew.",
            "Human trafficking (that is, labour trafficking) grew.",
            "Key words: *human trafficking*, *labour trafficking*, *ILO*.",
        ] {
            #expect(try Self.glossMismatches(text + "\n").isEmpty, "\(text)")
        }
    }

    /// The seed glosses human trafficking with "Labour Trafficking" in each of its three
    /// versions: Indonesian `perdagangan manusia (*Labour Trafficking*)`, English
    /// `human trafficking (Labour Trafficking)`, Sundanese `human trafficking (*Labour Trafficking*)`.
    @Test(.needsSeed) func theSeedsThreeMismatchedGlossesAreFound() throws {
        let seed = SharedData.seed
        let source = try SourceText(path: seed.path, bytes: Array(Data(contentsOf: seed)))
        let findings = try TestSupport.projectChecker.check(source)
        let mismatches = findings.filter { $0.rule == GlossMismatchRule.id }
        #expect(mismatches.map(\.location.line) == [5, 11, 17], "\(mismatches.map(\.message))")
        #expect(mismatches.allSatisfy { $0.text == "Labour Trafficking" && $0.concept == "labour-trafficking" })
        #expect(mismatches.allSatisfy { $0.message.contains("names concept 'human-trafficking'") })
        // In the Indonesian and Sundanese versions the gloss also counted as a second name of
        // labour trafficking: that finding is folded into this one, not reported again.
        #expect(mismatches.map { $0.foldedRules.contains("inconsistent-term") } == [true, false, true])
        // One problem, one finding: no two findings of the seed share their words.
        let places = findings.map { "\($0.location.line):\($0.location.column)" }
        #expect(Set(places).count == places.count, "\(places)")
    }
}
