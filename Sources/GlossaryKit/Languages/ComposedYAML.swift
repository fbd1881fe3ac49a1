/// A YAML document composed at build time (`EmbedLanguageData.composed(_:)` writes the form):
/// parsed, with every scalar's tag resolved, so that reading the built-in language data at the
/// start of a run costs neither a YAML parse nor the regular expressions that resolve tags.
///
/// `Decoder` reads a `Decodable` value from it as Yams's `YAMLDecoder` reads one from the same
/// YAML, for the values language data holds: strings (any scalar's text), booleans (`true`,
/// `yes`, `on` and their opposites, any case, in a scalar not resolved as a string), decimal
/// integers (plain scalars, no leading zero), optionals (a null scalar), sequences and mappings
/// (no merge keys). Anything else is an error, never another value: `LanguageDataTests` decodes
/// every built-in file both ways and compares.
indirect enum ComposedYAML: Equatable {
    /// A scalar: its text, whether it was written plain (not quoted, not a block), its tag.
    case scalar(String, isPlain: Bool, tag: Tag)
    case sequence([ComposedYAML])
    case mapping([(key: String, value: ComposedYAML)])

    /// The tag YAML's rules resolved a scalar to.
    enum Tag: Equatable {
        case string, bool, int, float, null, other
    }

    static func == (left: ComposedYAML, right: ComposedYAML) -> Bool {
        switch (left, right) {
        case (.scalar(let a, let aPlain, let aTag), .scalar(let b, let bPlain, let bTag)):
            return a == b && aPlain == bPlain && aTag == bTag
        case (.sequence(let a), .sequence(let b)):
            return a == b
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default:
            return false
        }
    }

    /// What is wrong with a composed form or a value read from it.
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// The document whose composed form is `text`.
    ///
    /// - Throws: `Malformed` when `text` is not one whole composed node.
    /// - Complexity: O(*n*) in the text's length.
    init(composed text: String) throws(Malformed) {
        var bytes = Array(text.utf8)[...]
        self = try Self.read(&bytes)
        guard bytes.isEmpty else { throw Malformed(description: "bytes after the document") }
    }

    private static func read(_ bytes: inout ArraySlice<UInt8>) throws(Malformed) -> ComposedYAML {
        guard let kind = bytes.popFirst() else { throw Malformed(description: "a truncated document") }
        switch kind {
        case UInt8(ascii: "s"):
            guard let style = bytes.popFirst(), let tagLetter = bytes.popFirst() else {
                throw Malformed(description: "a truncated scalar")
            }
            let length = try readCount(&bytes)
            guard length <= bytes.count else { throw Malformed(description: "a truncated scalar") }
            let text = String(decoding: bytes.prefix(length), as: UTF8.self)
            bytes = bytes.dropFirst(length)
            let tags: [UInt8: Tag] = [
                UInt8(ascii: "s"): .string, UInt8(ascii: "b"): .bool, UInt8(ascii: "i"): .int, UInt8(ascii: "f"): .float,
                UInt8(ascii: "n"): .null, UInt8(ascii: "o"): .other,
            ]
            guard let tag = tags[tagLetter], style == UInt8(ascii: "p") || style == UInt8(ascii: "q") else {
                throw Malformed(description: "an unknown scalar style or tag")
            }
            return .scalar(text, isPlain: style == UInt8(ascii: "p"), tag: tag)
        case UInt8(ascii: "q"):
            let count = try readCount(&bytes)
            var items: [ComposedYAML] = []
            for _ in 0..<count { items.append(try read(&bytes)) }
            return .sequence(items)
        case UInt8(ascii: "m"):
            let count = try readCount(&bytes)
            var pairs: [(key: String, value: ComposedYAML)] = []
            for _ in 0..<count {
                guard case .scalar(let key, let isPlain, let tag) = try read(&bytes) else {
                    throw Malformed(description: "a key that is not a scalar")
                }
                // Yams's decoder merges the pairs a merge key names into the mapping; this
                // decoder does not, and must not read the mapping without them.
                guard !(isPlain && tag == .other && key == "<<") else {
                    throw Malformed(description: "a merge key (<<), which language data does not use")
                }
                pairs.append((key, try read(&bytes)))
            }
            return .mapping(pairs)
        default:
            throw Malformed(description: "an unknown node kind")
        }
    }

    /// Decimal digits (one at least), then `:`.
    private static func readCount(_ bytes: inout ArraySlice<UInt8>) throws(Malformed) -> Int {
        var count = 0, digits = 0
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: ":") && digits > 0 { return count }
            digits += 1
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), count < 1 << 40 else { break }
            count = count * 10 + Int(byte - UInt8(ascii: "0"))
        }
        throw Malformed(description: "a malformed count")
    }

    /// Reads `Value` from `node`.
    static func decode<Value: Decodable>(_ type: Value.Type, from node: ComposedYAML) throws -> Value {
        try Value(from: NodeDecoder(node: node, codingPath: []))
    }

    // MARK: - Decoding

    fileprivate struct NodeDecoder: Swift.Decoder {
        let node: ComposedYAML
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func mismatch(_ expected: String) -> Malformed {
            let path = codingPath.map(\.stringValue).joined(separator: ".")
            return Malformed(description: "\(path.isEmpty ? "the document" : path): expected \(expected)")
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .mapping(let pairs) = node else { throw mismatch("a mapping") }
            return KeyedDecodingContainer(KeyedContainer<Key>(pairs: pairs, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .sequence(let items) = node else { throw mismatch("a sequence") }
            return UnkeyedContainer(items: items, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let values: [String: ComposedYAML]
        let allKeys: [Key]
        let codingPath: [any CodingKey]

        init(pairs: [(key: String, value: ComposedYAML)], codingPath: [any CodingKey]) {
            // A repeated key: the last one counts, as in Yams.
            var values: [String: ComposedYAML] = [:]
            for pair in pairs { values[pair.key] = pair.value }
            self.values = values
            allKeys = pairs.compactMap { Key(stringValue: $0.key) }
            self.codingPath = codingPath
        }

        func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

        private func decoder(_ key: Key) throws -> NodeDecoder {
            guard let node = values[key.stringValue] else {
                throw Malformed(description: (codingPath + [key]).map(\.stringValue).joined(separator: ".") + ": missing")
            }
            return NodeDecoder(node: node, codingPath: codingPath + [key])
        }

        func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).decodeNil() }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try decoder(key).decode(type)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try decoder(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try decoder(key).unkeyedContainer()
        }

        func superDecoder() throws -> any Swift.Decoder { throw Malformed(description: "no super decoder") }
        func superDecoder(forKey key: Key) throws -> any Swift.Decoder { throw Malformed(description: "no super decoder") }
    }

    private struct UnkeyedContainer: UnkeyedDecodingContainer {
        let items: [ComposedYAML]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private struct Index: CodingKey {
            let intValue: Int?
            var stringValue: String { String(intValue ?? 0) }
            init(_ index: Int) { intValue = index }
            init?(stringValue: String) { nil }
            init?(intValue: Int) { self.intValue = intValue }
        }

        private mutating func next() throws -> NodeDecoder {
            guard !isAtEnd else { throw Malformed(description: "past the end of a sequence") }
            defer { currentIndex += 1 }
            return NodeDecoder(node: items[currentIndex], codingPath: codingPath + [Index(currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Malformed(description: "past the end of a sequence") }
            if NodeDecoder(node: items[currentIndex], codingPath: codingPath).decodeNil() {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

        mutating func superDecoder() throws -> any Swift.Decoder { throw Malformed(description: "no super decoder") }
    }
}

extension ComposedYAML.NodeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        if case .scalar(_, _, .null) = node { return true }
        return false
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .scalar(let text, _, _) = node else { throw mismatch("a string") }
        return text
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .scalar(let text, _, let tag) = node, tag != .string else { throw mismatch("a boolean") }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw mismatch("a boolean")
        }
    }

    func decode(_ type: Int.Type) throws -> Int {
        guard case .scalar(let text, true, _) = node else { throw mismatch("an integer") }
        let digits = text.filter { $0 != "_" }
        guard let value = Int(digits), digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }) else {
            throw mismatch("a decimal integer")
        }
        // Yams reads a leading zero as octal (YAML 1.1: `010` is 8), and a signed zero not at all.
        let magnitude = digits.drop { $0 == "-" || $0 == "+" }
        guard !magnitude.hasPrefix("0") || digits == "0" else { throw mismatch("a decimal integer without a leading zero") }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return try decode(String.self) as! T
        case is Bool.Type: return try decode(Bool.self) as! T
        case is Int.Type: return try decode(Int.self) as! T
        default: return try T(from: self)
        }
    }

    func decode(_ type: Double.Type) throws -> Double { throw mismatch("no floating-point values in language data") }
    func decode(_ type: Float.Type) throws -> Float { throw mismatch("no floating-point values in language data") }
    func decode(_ type: Int8.Type) throws -> Int8 { throw mismatch("no Int8 in language data") }
    func decode(_ type: Int16.Type) throws -> Int16 { throw mismatch("no Int16 in language data") }
    func decode(_ type: Int32.Type) throws -> Int32 { throw mismatch("no Int32 in language data") }
    func decode(_ type: Int64.Type) throws -> Int64 { throw mismatch("no Int64 in language data") }
    func decode(_ type: UInt.Type) throws -> UInt { throw mismatch("no UInt in language data") }
    func decode(_ type: UInt8.Type) throws -> UInt8 { throw mismatch("no UInt8 in language data") }
    func decode(_ type: UInt16.Type) throws -> UInt16 { throw mismatch("no UInt16 in language data") }
    func decode(_ type: UInt32.Type) throws -> UInt32 { throw mismatch("no UInt32 in language data") }
    func decode(_ type: UInt64.Type) throws -> UInt64 { throw mismatch("no UInt64 in language data") }
}
