import Testing
@testable import GlossaryKit

/// An entry's facts are one 32-bit encoding, made when compiling, read by the matcher and
/// stored as they are by the cache.
@Suite("Entry facts")
struct EntryFactsTests {
    typealias Facts = CompiledGlossary.EntryFacts

    @Test func everyCombinationReadsBackAsMade() {
        var seen = Set<UInt32>()
        for status in TermStatus.allCases {
            for mode in MatchMode.allCases {
                for bits in 0..<768 {
                    for language in [0, 1, 0xFFFF] {
                        let flag = { (bit: Int) in bits & (1 << bit) != 0 }
                        let facts = Facts(
                            language: language, status: status, mode: mode, isCaseSensitive: flag(0), foldsAccents: flag(1),
                            isAbbreviated: flag(2), allowsPluralInfix: flag(3), viaBareKeys: flag(4), isListedForm: flag(5),
                            isHyphenated: flag(6), allowsHyphenForSpace: flag(7),
                            compoundVariant: bits >> 8 == 1 ? .closed : bits >> 8 == 2 ? .open : nil)
                        #expect(facts.language == language && facts.status == status && facts.mode == mode)
                        #expect(facts.isExact == (mode == .exact))
                        #expect([facts.isCaseSensitive, facts.foldsAccents, facts.isAbbreviated, facts.allowsPluralInfix,
                                 facts.viaBareKeys, facts.isListedForm, facts.isHyphenated, facts.allowsHyphenForSpace] == (0..<8).map(flag))
                        #expect(facts.compoundVariant == (bits >> 8 == 1 ? .closed : bits >> 8 == 2 ? .open : nil))
                        #expect(Facts(rawValue: facts.rawValue, languageCount: language + 1) == facts)
                        #expect(Facts(rawValue: facts.rawValue, languageCount: language) == nil)
                        seen.insert(facts.rawValue)
                    }
                }
            }
        }
        // No two combinations share an encoding.
        #expect(seen.count == TermStatus.allCases.count * MatchMode.allCases.count * 768 * 3)
    }

    @Test func bitsThatNameNothingAreRefused() {
        let valid = Facts(
            language: 0, status: .preferred, mode: .inflected, isCaseSensitive: false, foldsAccents: false,
            isAbbreviated: false, allowsPluralInfix: false, viaBareKeys: false, isListedForm: false).rawValue
        #expect(Facts(rawValue: valid, languageCount: 1) != nil)
        // A fourth mode, a fifth to eighth status, any bit above the last flag.
        #expect(Facts(rawValue: valid | 3 << 22, languageCount: 1) == nil)
        for status in UInt32(TermStatus.allCases.count)..<8 {
            #expect(Facts(rawValue: valid & ~(7 << 24) | status << 24, languageCount: 1) == nil)
        }
        #expect(Facts(rawValue: valid | 1 << 31, languageCount: 1) == nil)
        // Both kinds of compound variant at once.
        #expect(Facts(rawValue: valid | 3 << 29, languageCount: 1) == nil)
    }

    /// The compiled entries say what their terms say, whether compiled or read from the cache.
    @Test func compiledEntriesCarryTheirTermsFacts() throws {
        let glossary = GlossaryCacheTests.detailedGlossary
        let compiled = try CompiledGlossary(glossary)
        let decoded = try GlossaryCacheTests.decoded(GlossaryCacheTests.encoded(compiled))
        for tables in [compiled.tables, decoded.tables] {
            let entries = tables.entries
            #expect(entries.count > glossary.concepts[0].terms.count)
            var listed = 0, viaBare = 0
            for index in 0..<Int32(entries.count) {
                let entry = entries[index]
                let term = glossary[term: entry.reference]
                #expect(entries.languages[entry.facts.language] == term.language)
                #expect(entry.facts.status == term.status && entry.facts.mode == term.matchMode)
                #expect(entry.facts.isCaseSensitive == term.isCaseSensitive)
                #expect(entry.facts.isAbbreviated == term.type.isAbbreviated)
                #expect(entry.facts.allowsPluralInfix == term.allowsPluralInfix)
                #expect(entry.exactWords.isEmpty == !term.isCaseSensitive)
                if entry.facts.isListedForm { listed += 1 }
                if entry.facts.viaBareKeys { viaBare += 1 }
            }
            // "cafés" and "caffè" are listed forms; "café", "cafés", "caffè" fold accents.
            #expect(listed >= 2 && viaBare >= 3)
        }
    }
}
