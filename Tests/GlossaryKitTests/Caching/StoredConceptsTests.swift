import Foundation
import Testing

@testable import GlossaryKit

/// A glossary read from the cache leaves its concepts in the entry and decodes each when first
/// read: what it gives must be exactly what the glossary that was stored holds, whatever the
/// order and the threads that ask, and damaged concept bytes must be refused at load, never
/// found (or crash) when a finding asks for a concept.
@Suite("Stored concepts")
struct StoredConceptsTests {
    /// A small deterministic generator (SplitMix64), so that a failing seed can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let syllables = ["ka", "ri", "tu", "ne", "mo", "sa", "li", "pe", "dor", "wan", "é", "ng"]
    static let languages: [LanguageTag] = [.english, .indonesian, LanguageTag("su")!]

    static func word(_ random: inout Generator) -> String {
        (0..<Int.random(in: 2...4, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
    }

    static func text(_ random: inout Generator) -> String {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in word(&random) }.joined(separator: " ")
    }

    static func maybe<Value>(_ random: inout Generator, _ make: (inout Generator) -> Value) -> Value? {
        Bool.random(using: &random) ? make(&random) : nil
    }

    static func properties(_ random: inout Generator) -> [Property] {
        (0..<Int.random(in: 0...2, using: &random)).map { index in
            Property(
                name: "field\(index)", value: text(&random),
                language: Bool.random(using: &random) ? languages.randomElement(using: &random) : nil)
        }
    }

    static func location(_ random: inout Generator) -> GlossaryKit.SourceLocation {
        GlossaryKit.SourceLocation(
            file: ["a.yml", "b/c.tbx", "d.csv"].randomElement(using: &random)!, line: Int.random(in: 1...900, using: &random),
            column: Int.random(in: 1...40, using: &random))
    }

    /// A glossary that sets each optional field of concepts and terms at random.
    static func randomGlossary(seed: UInt64, concepts: Int) -> Glossary {
        var random = Generator(state: seed)
        var glossary = Glossary(name: maybe(&random) { text(&$0) }, requiredLanguages: [.english])
        glossary.properties = properties(&random)
        for index in 0..<concepts {
            let terms = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                Term(
                    text: text(&random), language: languages.randomElement(using: &random)!,
                    status: TermStatus.allCases.randomElement(using: &random)!,
                    type: TermType.allCases.randomElement(using: &random)!, isCaseSensitive: Bool.random(using: &random),
                    foldsAccents: maybe(&random) { Bool.random(using: &$0) },
                    matchMode: MatchMode.allCases.randomElement(using: &random)!,
                    forms: Bool.random(using: &random) ? [word(&random)] : [], allowsPluralInfix: Bool.random(using: &random),
                    exceptions: Bool.random(using: &random)
                        ? [TermException(text(&random), location: maybe(&random) { location(&$0) })] : [],
                    note: maybe(&random) { text(&$0) }, partOfSpeech: maybe(&random) { _ in "noun" },
                    context: maybe(&random) { text(&$0) }, properties: properties(&random),
                    location: maybe(&random) { location(&$0) })
            }
            glossary.concepts.append(
                Concept(
                    id: "c\(index)-\(word(&random))", definition: maybe(&random) { text(&$0) },
                    subject: maybe(&random) { text(&$0) }, note: maybe(&random) { text(&$0) }, terms: terms,
                    properties: properties(&random), location: maybe(&random) { location(&$0) }))
        }
        return glossary
    }

    static func roundTrip(_ compiled: CompiledGlossary) throws -> CompiledGlossary {
        try GlossaryCacheTests.decoded(GlossaryCacheTests.encoded(compiled))
    }

    /// Differential: the stored concepts, read in a random order, each equal the concept that
    /// was stored, and so do the terms that entries refer to and the findings of a text.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func storedConceptsEqualTheEagerOnes(seed: UInt64) throws {
        let glossary = Self.randomGlossary(seed: seed, concepts: 150)
        let compiled = try CompiledGlossary(glossary)
        let stored = try Self.roundTrip(compiled)
        #expect(stored.glossary.concepts.isStored)
        #expect(!compiled.glossary.concepts.isStored)
        var random = Generator(state: seed ^ 0xFF)
        for index in (0..<glossary.concepts.count).shuffled(using: &random) {
            #expect(stored.glossary.concepts[index] == glossary.concepts[index], "concept \(index)")
        }
        // A second read gives the concept kept from the first.
        #expect(stored.glossary.concepts[0] == glossary.concepts[0])
        #expect(stored.glossary.concepts.array == glossary.concepts.array)
        #expect(stored.glossary.name == glossary.name)
        #expect(stored.glossary.properties == glossary.properties)
        #expect(stored.glossary.requiredLanguages == glossary.requiredLanguages)
        let entries = compiled.tables.entries
        for index in 0..<Int32(entries.count) {
            #expect(stored.glossary[term: entries.reference(index)] == glossary[term: entries.reference(index)])
        }
        // Findings name concepts and terms: a text of the glossary's own terms finds the same.
        let text = glossary.concepts.prefix(40).flatMap { $0.terms.map { "We saw \($0.text) here." } }
        let source = SourceText(path: "t.txt", string: text.joined(separator: "\n\n"))
        let expected = try GlossaryChecker(compiled: compiled).check(source)
        #expect(!expected.isEmpty)
        #expect(try GlossaryChecker(compiled: stored).check(source) == expected)
        // Encoding the stored glossary writes the same entry again.
        #expect(GlossaryCacheTests.encoded(stored) == GlossaryCacheTests.encoded(compiled))
    }

    /// Concepts asked for by several threads at once are each decoded correctly.
    @Test func conceptsReadOnSeveralThreadsAreTheStoredOnes() throws {
        let glossary = Self.randomGlossary(seed: 42, concepts: 400)
        let stored = try Self.roundTrip(try CompiledGlossary(glossary))
        let concepts = stored.glossary.concepts
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for step in 0..<800 {
                let index = (step * 7 + thread * 131) % glossary.concepts.count
                if concepts[index] != glossary.concepts[index] { mismatches.add(index) }
            }
        }
        #expect(mismatches.count == 0)
    }

    final class Mismatches: @unchecked Sendable {
        private let lock = NSLock()
        private var indices: [Int] = []
        func add(_ index: Int) { lock.withLock { indices.append(index) } }
        var count: Int { lock.withLock { indices.count } }
    }

    /// A stored list behaves as the array it stands for when changed: the change applies to the
    /// decoded concepts, and the rest stay as stored.
    @Test func changingStoredConceptsChangesACopy() throws {
        let glossary = Self.randomGlossary(seed: 9, concepts: 20)
        let stored = try Self.roundTrip(try CompiledGlossary(glossary))
        var concepts = stored.glossary.concepts
        concepts[3].id = "renamed"
        concepts.append(Concept(id: "new"))
        #expect(!concepts.isStored)
        #expect(concepts.count == 21 && concepts[3].id == "renamed" && concepts[20].id == "new")
        #expect(Array(concepts[4..<20]) == Array(glossary.concepts[4..<20]))
        // The compiled glossary's own list is untouched.
        #expect(stored.glossary.concepts.isStored && stored.glossary.concepts[3] == glossary.concepts[3])
    }

    /// Where the concepts' bytes lie in an encoded compiled glossary: from the first concept's
    /// id to the end of the last concept (found by its id and the next table's start).
    static func conceptRegion(_ bytes: [UInt8], glossary: Glossary) -> Range<Int> {
        let first = Array(glossary.concepts[0].id.utf8)
        let start = (0...(bytes.count - first.count)).first { Array(bytes[$0..<($0 + first.count)]) == first }!
        let last = Array(glossary.concepts[glossary.concepts.count - 1].id.utf8)
        let lastStart = (start...(bytes.count - last.count)).first { Array(bytes[$0..<($0 + last.count)]) == last }!
        return (start - 1)..<(lastStart + 40)
    }

    /// Damage in the concepts' bytes, or in their offsets, is refused when the entry is loaded
    /// or leaves every concept decodable: reading all of them (as encoding does) never crashes
    /// and gives a glossary that encodes and decodes to itself. Behind a checksum (as the cache
    /// reads entries) the same damage is always refused.
    @Test func damagedConceptBytesAreRefusedAtLoad() throws {
        let glossary = Self.randomGlossary(seed: 77, concepts: 5)
        let compiled = try CompiledGlossary(glossary)
        let bytes = GlossaryCacheTests.encoded(compiled)
        let region = Self.conceptRegion(bytes, glossary: glossary)
        // The offsets table lies just before the concepts: damage it too.
        let damagedRange = max(0, region.lowerBound - 80)..<min(bytes.count, region.upperBound)
        var refused = 0, accepted = 0
        let entry = CacheEntry.bytes(wrapping: bytes, key: "0123456789abcdef")
        for position in damagedRange {
            for mask: UInt8 in position % 2 == 0 ? [0xFF, 0x01] : [0x04] {
                var damaged = bytes
                damaged[position] ^= mask
                var checked = entry
                checked[CacheEntry.headerSize + position] ^= mask
                var reader = BinaryReader(checked)
                #expect(throws: BinaryReader.Corrupt.self) { try CacheEntry.read(&reader, key: "0123456789abcdef") }
                guard let decoded = try? GlossaryCacheTests.decoded(damaged) else {
                    refused += 1
                    continue
                }
                accepted += 1
                let concepts = decoded.glossary.concepts.array
                let again = try GlossaryCacheTests.decoded(GlossaryCacheTests.encoded(decoded))
                #expect(again.glossary.concepts.array == concepts)
            }
        }
        // Both outcomes occur: a changed letter of a note still decodes, a broken count does not.
        #expect(refused > 0 && accepted > 0)
    }

    /// Offsets that do not fit the concepts' bytes are refused: each concept must end where the
    /// next begins.
    @Test func offsetsThatDoNotFitTheConceptsAreRefused() throws {
        let glossary = Self.randomGlossary(seed: 5, concepts: 6)
        var writer = BinaryWriter()
        writer.write(glossary)
        let bytes = writer.bytes
        var reader = BinaryReader(bytes)
        _ = try reader.readGlossary()
        #expect(reader.isAtEnd)
        // The offsets are 4-byte values 0, o1, …, o6 just before the data's length and bytes:
        // find the run that starts with 0 and ends with the data's length.
        let region = Self.conceptRegion(bytes, glossary: glossary)
        var changed = 0
        for position in max(0, region.lowerBound - 40)..<region.lowerBound {
            for delta: UInt8 in [1, 0x7F] {
                var damaged = bytes
                damaged[position] &+= delta
                var reader = BinaryReader(damaged)
                if let (decoded, _) = try? reader.readGlossary() {
                    // Whatever is accepted decodes fully.
                    _ = decoded.concepts.array
                } else {
                    changed += 1
                }
            }
        }
        #expect(changed > 0)
    }
}
