/// Writes an `Encodable` value in the cache's binary layout: how the compiled glossary's tables
/// (`CompiledGlossary.Tables`) are stored, through their synthesised conformances, so that a
/// table added to that description is stored without further code.
///
/// The layout, which `TableDecoder` reads:
/// - a keyed container (a struct's stored properties, a dictionary keyed by strings) is a
///   4-byte count, then per value its key (a length and UTF-8), its length in bytes (4 bytes)
///   and the value: a decoder checks every key, so a renamed, added or reordered property
///   makes an entry unreadable instead of misread;
/// - an unkeyed container (an array, a dictionary with other keys) is a 4-byte count and the
///   values one after another;
/// - a number is its bytes in full width, little-endian (`Int` as 8 bytes); a `Bool` is a byte;
///   a `String` is a length and UTF-8;
/// - a table used in place (`PinnedArray`, `ByteLexicon`) writes its own layout, aligned, when
///   it finds that this encoder is encoding it.
///
/// Nested containers and superclass encoders are not supported (no table uses them): asking for
/// one makes `encode(_:into:)` throw. Coding paths are not tracked: a cache entry is read
/// whole or refused, never reported on.
struct TableEncoder: Encoder {
    /// The bytes being written, shared by the encoders of all nested values.
    final class Output {
        var writer: BinaryWriter
        /// The first request the layout cannot express.
        var unsupported: EncodingError?

        init(writer: BinaryWriter) {
            self.writer = writer
        }

        func refuse(_ what: String) {
            if unsupported == nil {
                unsupported = EncodingError.invalidValue(
                    what, .init(codingPath: [], debugDescription: "the cache cannot store \(what)"))
            }
        }
    }

    let output: Output

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Appends `value` to `writer`.
    ///
    /// - Throws: `EncodingError` when the value asks for a container the layout does not have.
    static func encode<Value: Encodable>(_ value: Value, into writer: inout BinaryWriter) throws {
        let output = Output(writer: writer)
        // The output's copy is then the only one: appending to it copies nothing.
        writer = BinaryWriter()
        defer { writer = output.writer }
        try value.encode(to: TableEncoder(output: output))
        if let unsupported = output.unsupported { throw unsupported }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(output: output, countAt: output.writer.reserveUInt32()))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(output: output, countAt: output.writer.reserveUInt32())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(output: output)
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let output: Output
        /// Where the container's count is.
        let countAt: Int
        private var count: UInt32 = 0

        init(output: Output, countAt: Int) {
            self.output = output
            self.countAt = countAt
        }

        var codingPath: [any CodingKey] { [] }

        /// Writes `key`, then what `body` writes with its length before it, and counts it.
        private mutating func add(_ key: Key, _ body: () throws -> Void) rethrows {
            output.writer.write(key.stringValue)
            let lengthAt = output.writer.reserveUInt32()
            let start = output.writer.count
            try body()
            guard let length = UInt32(exactly: output.writer.count - start) else { return output.refuse("a value of 4 GiB") }
            output.writer.patch(length, at: lengthAt)
            count += 1
            output.writer.patch(count, at: countAt)
        }

        /// A nil value is a value of no bytes: every other value takes one at least.
        mutating func encodeNil(forKey key: Key) throws { add(key) {} }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let output = output
            try add(key) { try value.encode(to: TableEncoder(output: output)) }
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeValue(value, key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeValue(value, key) }

        /// A value of a primitive type, through the single-value container.
        private mutating func encodeValue<T: Encodable>(_ value: T, _ key: Key) throws {
            try encode(value, forKey: key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            output.refuse("a nested container")
            return TableEncoder(output: output).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            output.refuse("a nested container")
            return TableEncoder(output: output).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            output.refuse("a superclass's values")
            return TableEncoder(output: output)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let output: Output
        /// Where the container's count is.
        let countAt: Int
        private(set) var count = 0

        init(output: Output, countAt: Int) {
            self.output = output
            self.countAt = countAt
        }

        var codingPath: [any CodingKey] { [] }

        private mutating func counted() {
            count += 1
            guard let count = UInt32(exactly: count) else { return output.refuse("2³² values") }
            output.writer.patch(count, at: countAt)
        }

        mutating func encodeNil() throws { output.refuse("nil in a list") }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: TableEncoder(output: output))
            counted()
        }

        mutating func encode(_ value: Bool) throws { try encodeValue(value) }
        mutating func encode(_ value: String) throws { try encodeValue(value) }
        mutating func encode(_ value: Double) throws { try encodeValue(value) }
        mutating func encode(_ value: Float) throws { try encodeValue(value) }
        mutating func encode(_ value: Int) throws { try encodeValue(value) }
        mutating func encode(_ value: Int8) throws { try encodeValue(value) }
        mutating func encode(_ value: Int16) throws { try encodeValue(value) }
        mutating func encode(_ value: Int32) throws { try encodeValue(value) }
        mutating func encode(_ value: Int64) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt8) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt16) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt32) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt64) throws { try encodeValue(value) }

        /// A value of a primitive type, through the single-value container.
        private mutating func encodeValue<T: Encodable>(_ value: T) throws {
            try encode(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey>
        {
            output.refuse("a nested container")
            return TableEncoder(output: output).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            output.refuse("a nested container")
            return TableEncoder(output: output).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            output.refuse("a superclass's values")
            return TableEncoder(output: output)
        }
    }

    private struct SingleValueContainer: SingleValueEncodingContainer {
        let output: Output

        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { output.refuse("nil outside a keyed container") }
        mutating func encode(_ value: Bool) throws { output.writer.write(value) }
        mutating func encode(_ value: String) throws { output.writer.write(value) }
        mutating func encode(_ value: Double) throws { output.writer.write(fixed: value.bitPattern) }
        mutating func encode(_ value: Float) throws { output.writer.write(fixed: value.bitPattern) }
        mutating func encode(_ value: Int) throws { output.writer.write(fixed: Int64(value)) }
        mutating func encode(_ value: Int8) throws { output.writer.write(fixed: value) }
        mutating func encode(_ value: Int16) throws { output.writer.write(fixed: value) }
        mutating func encode(_ value: Int32) throws { output.writer.write(fixed: value) }
        mutating func encode(_ value: Int64) throws { output.writer.write(fixed: value) }
        mutating func encode(_ value: UInt) throws { output.writer.write(fixed: UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { output.writer.write(fixed: value) }
        mutating func encode(_ value: UInt16) throws { output.writer.write(fixed: value) }
        mutating func encode(_ value: UInt32) throws { output.writer.write(fixed: value) }
        mutating func encode(_ value: UInt64) throws { output.writer.write(fixed: value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: TableEncoder(output: output))
        }
    }
}
