/// A dictionary that codes its pairs in the order of their keys.
///
/// A `Dictionary` codes its pairs in the order of its hash table, which differs from process to
/// process (hashing is seeded per process) and with the table's history: the same compiled
/// glossary would make different cache bytes each time. The compiled glossary's tables keep
/// their dictionaries in this wrapper, so that equal tables always make equal bytes.
struct KeyOrderedDictionary<Key: Hashable & Comparable & Sendable, Value: Sendable>: Sendable {
    private(set) var storage: [Key: Value]

    init(_ storage: [Key: Value] = [:]) {
        self.storage = storage
    }

    /// The value for `key`, or nil.
    ///
    /// - Complexity: O(1) expected.
    @inline(__always)
    subscript(key: Key) -> Value? { storage[key] }

    var isEmpty: Bool { storage.isEmpty }
    var count: Int { storage.count }
    var values: Dictionary<Key, Value>.Values { storage.values }
    var keys: Dictionary<Key, Value>.Keys { storage.keys }
}

extension KeyOrderedDictionary: Encodable where Key: Encodable, Value: Encodable {
    /// Encodes the pairs as a list (key, value, key, value, …) in ascending key order.
    ///
    /// - Complexity: O(*n* log *n*).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for key in storage.keys.sorted() {
            try container.encode(key)
            try container.encode(storage[key]!)
        }
    }
}

extension KeyOrderedDictionary: Decodable where Key: Decodable, Value: Decodable {
    /// Decodes pairs written by `encode(to:)`; a repeated key or a key without its value is an
    /// error.
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var storage: [Key: Value] = [:]
        if let count = container.count { storage.reserveCapacity(count / 2) }
        while !container.isAtEnd {
            let key = try container.decode(Key.self)
            guard !container.isAtEnd else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a key without its value")
            }
            guard storage.updateValue(try container.decode(Value.self), forKey: key) == nil else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a key given twice")
            }
        }
        self.storage = storage
    }
}

extension KeyOrderedDictionary: Equatable where Value: Equatable {}
