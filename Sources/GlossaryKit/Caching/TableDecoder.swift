/// Reads a `Decodable` value that `TableEncoder` wrote (the layout is described there).
///
/// Every read is bounds-checked and every key compared, so damaged or foreign bytes throw
/// `BinaryReader.Corrupt`; they never crash and are never taken for other values. A table used
/// in place (`PinnedArray`, `ByteLexicon`) borrows its bytes from the reader when it finds
/// that this decoder is decoding it.
struct TableDecoder: Decoder {
    /// The reader, shared by the decoders of all nested values.
    final class Input {
        var reader: BinaryReader
        /// Whether the bytes passed every check of a full load before
        /// (`CacheEntry.read(verified:key:)`): tables used in place then skip the checks of
        /// their contents, which read them whole.
        let isVerified: Bool

        init(reader: BinaryReader, isVerified: Bool) {
            self.reader = reader
            self.isVerified = isVerified
        }
    }

    let input: Input
    /// Whether the value is one of no bytes, which a keyed container writes for nil.
    private let isEmpty: Bool

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init(input: Input, isEmpty: Bool = false) {
        self.input = input
        self.isEmpty = isEmpty
    }

    /// Reads a `Value` from `reader`, which moves past it; `isVerified` says that the bytes
    /// passed a full load's checks before (see `Input.isVerified`).
    ///
    /// - Throws: `BinaryReader.Corrupt` for bytes that are not a `Value` as `TableEncoder`
    ///   writes it, or that its `init(from:)` refuses.
    static func decode<Value: Decodable>(
        _ type: Value.Type, from reader: inout BinaryReader, isVerified: Bool = false
    ) throws(BinaryReader.Corrupt) -> Value {
        let input = Input(reader: reader, isVerified: isVerified)
        do {
            let value = try Value(from: TableDecoder(input: input))
            reader = input.reader
            return value
        } catch {
            throw BinaryReader.Corrupt()
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedContainer<Key>(input: input))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedContainer(input: input)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(input: input, isEmpty: isEmpty)
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        /// Where a value's key and bytes are.
        private struct Item {
            var key: Range<Int>
            var value: Range<Int>
        }

        let input: Input
        private let items: [Item]
        /// Where the container ends: the reader is left there after each value.
        private let end: Int
        /// The item after the last one read: values are usually read in the order written
        /// (a struct's properties, a dictionary's `allKeys`), so the search starts there. A
        /// class, as the protocol's reads do not mutate the container.
        private final class Hint {
            var next = 0
        }

        private let hint = Hint()

        /// Reads the container's keys and the extent of each value.
        init(input: Input) throws(BinaryReader.Corrupt) {
            self.input = input
            // A key's length and a value's length take five bytes at least.
            let count = Int(try input.reader.readFixed(UInt32.self))
            guard count <= (input.reader.count - input.reader.offset) / 5 else { throw BinaryReader.Corrupt() }
            var items: [Item] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                let keyLength = try input.reader.readInt()
                let keyStart = input.reader.offset
                try input.reader.skip(keyLength)
                let valueLength = Int(try input.reader.readFixed(UInt32.self))
                let valueStart = input.reader.offset
                try input.reader.skip(valueLength)
                items.append(Item(key: keyStart..<(keyStart + keyLength), value: valueStart..<(valueStart + valueLength)))
            }
            self.items = items
            end = input.reader.offset
        }

        var codingPath: [any CodingKey] { [] }

        var allKeys: [Key] {
            items.compactMap { Key(stringValue: String(decoding: input.reader.bytes(in: $0.key), as: UTF8.self)) }
        }

        /// The index of the item with `key`, or nil.
        private func find(_ key: Key) -> Int? {
            var name = key.stringValue
            let found = name.withUTF8 { name -> Int? in
                let next = hint.next
                if next < items.count, input.reader.bytes(in: items[next].key).elementsEqual(name) { return next }
                return items.firstIndex { input.reader.bytes(in: $0.key).elementsEqual(name) }
            }
            if let found { hint.next = found + 1 }
            return found
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard let index = find(key) else { throw BinaryReader.Corrupt() }
            return items[index].value.isEmpty
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let index = find(key) else { throw BinaryReader.Corrupt() }
            let range = items[index].value
            try input.reader.seek(to: range.lowerBound)
            let value = try T(from: TableDecoder(input: input, isEmpty: range.isEmpty))
            // The value must be exactly the bytes written for it.
            guard input.reader.offset == range.upperBound else { throw BinaryReader.Corrupt() }
            try input.reader.seek(to: end)
            return value
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeValue(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeValue(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeValue(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeValue(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeValue(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeValue(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeValue(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeValue(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeValue(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeValue(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeValue(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeValue(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeValue(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeValue(type, key) }

        /// A value of a primitive type, through the single-value container.
        private func decodeValue<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            try decode(type, forKey: key)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw BinaryReader.Corrupt()
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw BinaryReader.Corrupt()
        }

        func superDecoder() throws -> any Decoder { throw BinaryReader.Corrupt() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw BinaryReader.Corrupt() }
    }

    private struct UnkeyedContainer: UnkeyedDecodingContainer {
        let input: Input
        private let total: Int
        private(set) var currentIndex = 0

        init(input: Input) throws(BinaryReader.Corrupt) {
            self.input = input
            // Every value takes a byte at least.
            total = Int(try input.reader.readFixed(UInt32.self))
            guard total <= input.reader.count - input.reader.offset else { throw BinaryReader.Corrupt() }
        }

        var codingPath: [any CodingKey] { [] }
        var count: Int? { total }
        var isAtEnd: Bool { currentIndex >= total }

        /// Lists hold no nil (`TableEncoder` refuses it).
        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd else { throw BinaryReader.Corrupt() }
            currentIndex += 1
            return try T(from: TableDecoder(input: input))
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeValue(type) }
        mutating func decode(_ type: String.Type) throws -> String { try decodeValue(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try decodeValue(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try decodeValue(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try decodeValue(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeValue(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeValue(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeValue(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeValue(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeValue(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeValue(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeValue(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeValue(type) }

        /// A value of a primitive type, through the single-value container.
        private mutating func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
            try decode(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
            NestedKey
        > {
            throw BinaryReader.Corrupt()
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw BinaryReader.Corrupt() }
        mutating func superDecoder() throws -> any Decoder { throw BinaryReader.Corrupt() }
    }

    private struct SingleValueContainer: SingleValueDecodingContainer {
        let input: Input
        let isEmpty: Bool

        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { isEmpty }

        func decode(_ type: Bool.Type) throws -> Bool {
            let byte = try input.reader.readByte()
            guard byte <= 1 else { throw BinaryReader.Corrupt() }
            return byte == 1
        }

        func decode(_ type: String.Type) throws -> String { try input.reader.readString() }
        func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try input.reader.readFixed(UInt64.self)) }
        func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: try input.reader.readFixed(UInt32.self)) }

        func decode(_ type: Int.Type) throws -> Int {
            guard let value = Int(exactly: try input.reader.readFixed(Int64.self)) else { throw BinaryReader.Corrupt() }
            return value
        }

        func decode(_ type: Int8.Type) throws -> Int8 { try input.reader.readFixed(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try input.reader.readFixed(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try input.reader.readFixed(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try input.reader.readFixed(type) }

        func decode(_ type: UInt.Type) throws -> UInt {
            guard let value = UInt(exactly: try input.reader.readFixed(UInt64.self)) else { throw BinaryReader.Corrupt() }
            return value
        }

        func decode(_ type: UInt8.Type) throws -> UInt8 { try input.reader.readFixed(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try input.reader.readFixed(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try input.reader.readFixed(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try input.reader.readFixed(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try T(from: TableDecoder(input: input))
        }
    }
}
