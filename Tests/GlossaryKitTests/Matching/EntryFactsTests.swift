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
                for bits in 0..<1536 {
                    for language in [0, 1, 0xFFFF] {
                        let flag = { (bit: Int) in bits & (1 << bit) != 0 }
                        let facts = Facts(
                            language: language, status: status, mode: mode, isCaseSensitive: flag(0), foldsAccents: flag(1),
                            isAbbreviated: flag(2), allowsPluralInfix: flag(3), viaBareKeys: flag(4), isListedForm: flag(5),
                            isHyphenated: flag(6), allowsHyphenForSpace: flag(7),
                            compoundVariant: bits >> 9 == 1 ? .closed : bits >> 9 == 2 ? .open : nil, isException: flag(8))
                        #expect(facts.language == language && facts.status == status && facts.mode == mode)
                        #expect(facts.isExact == (mode == .exact))
                        #expect(
                            [
                                facts.isCaseSensitive, facts.foldsAccents, facts.isAbbreviated, facts.allowsPluralInfix,
                                facts.viaBareKeys, facts.isListedForm, facts.isHyphenated, facts.allowsHyphenForSpace,
                                facts.isException,
                            ] == (0..<9).map(flag))
                        #expect(facts.compoundVariant == (bits >> 9 == 1 ? .closed : bits >> 9 == 2 ? .open : nil))
                        #expect(Facts(rawValue: facts.rawValue, languageCount: language + 1) == facts)
                        #expect(Facts(rawValue: facts.rawValue, languageCount: language) == nil)
                        seen.insert(facts.rawValue)
                    }
                }
            }
        }
        // No two combinations share an encoding.
        #expect(seen.count == TermStatus.allCases.count * MatchMode.allCases.count * 1536 * 3)
    }

    @Test func bitsThatNameNothingAreRefused() {
        let valid = Facts(
            language: 0, status: .preferred, mode: .inflected, isCaseSensitive: false, foldsAccents: false,
            isAbbreviated: false, allowsPluralInfix: false, viaBareKeys: false, isListedForm: false
        ).rawValue
        #expect(Facts(rawValue: valid, languageCount: 1) != nil)
        // A fourth mode, a fifth to eighth status; no bit is left above the last flag.
        #expect(Facts(rawValue: valid | 3 << 22, languageCount: 1) == nil)
        for status in UInt32(TermStatus.allCases.count)..<8 {
            #expect(Facts(rawValue: valid & ~(7 << 24) | status << 24, languageCount: 1) == nil)
        }
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
            var listed = 0, viaBare = 0, exceptions = 0
            for index in 0..<Int32(entries.count) {
                let entry = entries[index]
                let term = glossary[term: entry.reference]
                #expect(entries.languages[entry.facts.language] == term.language)
                if entry.facts.isException {
                    // A phrase matches case-insensitively and inflected, whatever its term does.
                    exceptions += 1
                    let phrase = try #require(entry.exceptionPhrase)
                    #expect(term.exceptions.indices.contains(Int(phrase)))
                    #expect(entry.facts.mode == .inflected && !entry.facts.isCaseSensitive && !entry.facts.isAbbreviated)
                    #expect(
                        entry.facts.foldsAccents == term.foldsAccents && entry.exactWords.isEmpty && !entry.facts.isListedForm)
                    continue
                }
                #expect(entry.exceptionPhrase == nil)
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
            // "café au lait" and "internet café", each by its written and its accent-free keys.
            #expect(exceptions == 4)
        }
    }
}
