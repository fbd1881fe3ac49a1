import Foundation
import Testing

@testable import GlossaryKit

/// The cache's coder of the compiled glossary's tables: any `Codable` description round-trips,
/// the large tables are used where they lie, and bytes that are not exactly what was written
/// for the type are refused.
@Suite("Table coding")
struct TableCodingTests {
    struct Inner: Codable, Equatable {
        var name: String
        var weight: Int32
    }

    /// Every kind of value a table description may hold.
    struct Sample: Codable, Equatable {
        var flag: Bool
        var count: Int
        var small: UInt8
        var wide: UInt64
        var negative: Int16
        var ratio: Double
        var text: String
        var optionalPresent: String?
        var optionalAbsent: Int?
        var list: [Inner]
        var byNumber: [Int32: [String]]
        var byName: [String: [Inner]]
        var tags: [LanguageTag]
        var numbers: PinnedArray<UInt32>

        static func == (lhs: Sample, rhs: Sample) -> Bool {
            lhs.flag == rhs.flag && lhs.count == rhs.count && lhs.small == rhs.small && lhs.wide == rhs.wide
                && lhs.negative == rhs.negative && lhs.ratio == rhs.ratio && lhs.text == rhs.text
                && lhs.optionalPresent == rhs.optionalPresent && lhs.optionalAbsent == rhs.optionalAbsent
                && lhs.list == rhs.list && lhs.byNumber == rhs.byNumber && lhs.byName == rhs.byName && lhs.tags == rhs.tags
                && Array(lhs.numbers) == Array(rhs.numbers)
        }
    }

    /// The same shape with one property renamed.
    struct Renamed: Codable {
        var flag: Bool
        var total: Int
    }

    /// The first two properties of `Sample`, in the other order.
    struct Reordered: Codable {
        var count: Int
        var flag: Bool
    }

    static let sample = Sample(
        flag: true, count: 1_234_567, small: 200, wide: .max - 3, negative: -12, ratio: 0.25, text: "pagawé ß",
        optionalPresent: "", optionalAbsent: nil, list: [Inner(name: "a", weight: -1), Inner(name: "", weight: 7)],
        byNumber: [3: ["x", "y"], -4: []], byName: ["": [], "kerja": [Inner(name: "k", weight: 2)]],
        tags: [.english, LanguageTag("su")!, LanguageTag("en-GB")!], numbers: PinnedArray([1, 2, 0xFFFF_FFFF]))

    static func encoded<Value: Encodable>(_ value: Value, after prefix: Int = 0) throws -> [UInt8] {
        var writer = BinaryWriter()
        for _ in 0..<prefix { writer.write(UInt8(9)) }
        try TableEncoder.encode(value, into: &writer)
        return writer.bytes
    }

    static func decoded<Value: Decodable>(_ type: Value.Type, _ bytes: [UInt8], after prefix: Int = 0) throws -> Value {
        var reader = BinaryReader(bytes)
        try reader.skip(prefix)
        let value = try TableDecoder.decode(type, from: &reader)
        #expect(reader.isAtEnd)
        return value
    }

    @Test func everyKindOfValueRoundTrips() throws {
        // Whatever precedes it, the in-place array is aligned for use where it lies.
        for prefix in 0..<8 {
            let bytes = try Self.encoded(Self.sample, after: prefix)
            #expect(try Self.decoded(Sample.self, bytes, after: prefix) == Self.sample, "after \(prefix) bytes")
        }
    }

    @Test func pinnedArraysAreUsedWhereTheyLie() throws {
        let bytes = try Self.encoded(Self.sample, after: 3)
        var reader = BinaryReader(bytes)
        try reader.skip(3)
        let start = UInt(bitPattern: reader.remaining.baseAddress)
        let end = start + UInt(reader.remaining.count)
        let decoded = try TableDecoder.decode(Sample.self, from: &reader)
        let address = decoded.numbers.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(address >= start && address < end)
        #expect(address % UInt(MemoryLayout<UInt32>.alignment) == 0)
    }

    @Test func aRenamedPropertyOrAnotherTypeIsRefused() throws {
        let bytes = try Self.encoded(Self.sample)
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decoded(Renamed.self, bytes) }
        // Read by key, a reordered struct still finds its values.
        let reordered = try Self.encoded(Reordered(count: 5, flag: false))
        let back = try Self.decoded(Reordered.self, reordered)
        #expect(back.count == 5 && !back.flag)
        // A value of another type is refused, not misread: an Int is eight bytes, a Bool one.
        struct BoolCount: Codable { var count: Bool; var flag: Bool }
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decoded(BoolCount.self, reordered) }
    }

    @Test func truncatedOrExtendedBytesAreRefused() throws {
        let bytes = try Self.encoded(Self.sample)
        for length in 0..<bytes.count {
            #expect(throws: BinaryReader.Corrupt.self, "length \(length)") {
                try Self.decoded(Sample.self, Array(bytes[..<length]))
            }
        }
        var reader = BinaryReader(bytes + [0])
        _ = try TableDecoder.decode(Sample.self, from: &reader)
        #expect(!reader.isAtEnd)
    }

    @Test func damagedBytesAreRefusedOrDecodeWithoutCrashing() throws {
        let bytes = try Self.encoded(Self.sample)
        var refused = 0
        for position in bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[position] ^= mask
                if (try? Self.decoded(Sample.self, damaged)) == nil { refused += 1 }
            }
        }
        #expect(refused > bytes.count)
    }

    @Test func pinnedArraysAreAPlainListForOtherCoders() throws {
        let json = try JSONEncoder().encode(PinnedArray<Int32>([3, -1, 7]))
        #expect(String(decoding: json, as: UTF8.self) == "[3,-1,7]")
        #expect(Array(try JSONDecoder().decode(PinnedArray<Int32>.self, from: json)) == [3, -1, 7])
        // A lexicon's ids are its C table's: no other coder can keep them.
        #expect(throws: EncodingError.self) { try JSONEncoder().encode([ByteLexicon()]) }
    }

    @Test func unsupportedRequestsAreRefused() {
        struct Nested: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                var inner = container.nestedUnkeyedContainer()
                try inner.encode(1)
            }
        }
        #expect(throws: EncodingError.self) { try Self.encoded(Nested()) }
        #expect(throws: EncodingError.self) { try Self.encoded([Int?.none]) }
    }

    /// The compiled glossary's tables are such a description: written and read back, they are
    /// the same tables.
    @Test func compiledTablesRoundTrip() throws {
        let compiled = try CompiledGlossary(GlossaryCacheTests.detailedGlossary)
        let bytes = try Self.encoded(compiled.tables)
        let tables = try Self.decoded(CompiledGlossary.Tables.self, bytes)
        #expect(tables.languages == compiled.tables.languages)
        #expect(Array(tables.flags) == Array(compiled.tables.flags))
        #expect(Array(tables.edges.storage) == Array(compiled.tables.edges.storage))
        #expect(tables.words.count == compiled.tables.words.count)
        #expect(
            tables.prefixes.storage.mapValues { $0.storage.mapValues { $0.map(\.stem) } }
                == compiled.tables.prefixes.storage.mapValues { $0.storage.mapValues { $0.map(\.stem) } })
        #expect(tables.entries.exactWords == compiled.tables.entries.exactWords)
        #expect(!tables.prefixes.isEmpty)
        #expect(try Self.encoded(tables) == bytes)
    }

    /// The same pairs make the same bytes, whatever order they were inserted in: a dictionary's
    /// own order changes from process to process.
    @Test func keyOrderedDictionariesCodeTheSameWayWhateverTheirHistory() throws {
        let pairs = (0..<500).map { (Int32($0 * 7919 % 1000), ["w\($0)"]) }
        var forward: [Int32: [String]] = [:], backward: [Int32: [String]] = [:]
        for (key, value) in pairs { forward[key] = value }
        for (key, value) in pairs.reversed() { backward[key] = value }
        backward.reserveCapacity(4096)
        let bytes = try Self.encoded(KeyOrderedDictionary(forward))
        #expect(try Self.encoded(KeyOrderedDictionary(backward)) == bytes)
        #expect(try Self.decoded(KeyOrderedDictionary<Int32, [String]>.self, bytes) == KeyOrderedDictionary(forward))
        // A key given twice is refused.
        var twice = BinaryWriter()
        twice.write(UInt32(4))
        for _ in 0..<2 {
            twice.write(fixed: Int32(1))
            twice.write(UInt32(0))
        }
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decoded(KeyOrderedDictionary<Int32, [String]>.self, twice.bytes) }
    }
}
