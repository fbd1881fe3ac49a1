import Foundation

/// The concepts of a glossary: an array of `Concept`, or concepts still in a cache entry that
/// are decoded one by one when first read.
///
/// A glossary parsed from its files holds its concepts in an array. A glossary read from the
/// cache holds them where they lie in the mapped entry (`StoredConcepts`): checking one
/// paragraph with a 100,000-concept glossary then decodes the few concepts its findings name,
/// not all of them. A decoded concept is kept, so reading it again costs a look-up. Both kinds
/// behave alike: the same elements in the same order, equal when their elements are equal.
/// The first change to a stored list decodes every concept into an array, which is changed
/// from then on.
public struct ConceptList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection,
    ExpressibleByArrayLiteral, Hashable, Sendable
{
    private enum Storage: Sendable {
        case array([Concept])
        case stored(StoredConcepts)
    }

    private var storage: Storage

    /// No concepts.
    public init() {
        storage = .array([])
    }

    /// The concepts of `array`, in its order.
    public init(_ array: [Concept]) {
        storage = .array(array)
    }

    /// The concepts listed, in order.
    public init(arrayLiteral elements: Concept...) {
        storage = .array(elements)
    }

    /// The concepts of a cache entry, decoded when read.
    init(stored: StoredConcepts) {
        storage = .stored(stored)
    }

    /// How many stored concepts have been decoded so far; nil for concepts held in an array.
    var decodedStoredCount: Int? {
        guard case .stored(let stored) = storage else { return nil }
        return stored.decodedCount
    }

    /// The position of the first concept: always 0.
    public var startIndex: Int { 0 }

    /// The position after the last concept: the number of concepts.
    public var endIndex: Int {
        switch storage {
        case .array(let array): array.count
        case .stored(let stored): stored.count
        }
    }

    /// The concept at `position`; reading a stored concept decodes it the first time.
    ///
    /// - Complexity: O(1) for an array; for stored concepts, O(1) expected once decoded, else
    ///   O(the concept's size). Setting a stored list's concept decodes all of them first.
    public subscript(position: Int) -> Concept {
        get {
            switch storage {
            case .array(let array): return array[position]
            case .stored(let stored):
                precondition(position >= 0 && position < stored.count, "Index out of range")
                return stored.concept(at: position)
            }
        }
        set {
            materialize()
            guard case .array(var array) = storage else { preconditionFailure("a materialized list is an array") }
            // Unique while changed: the storage holds no second reference meanwhile.
            storage = .array([])
            array[position] = newValue
            storage = .array(array)
        }
    }

    /// Replaces the concepts in `subrange` with `newElements`, as an array does (decoding
    /// stored concepts first).
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == Concept {
        materialize()
        guard case .array(var array) = storage else { preconditionFailure("a materialized list is an array") }
        storage = .array([])
        array.replaceSubrange(subrange, with: newElements)
        storage = .array(array)
    }

    /// Reserves room for `minimumCapacity` concepts in an array (nothing for stored concepts).
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        guard case .array(var array) = storage else { return }
        storage = .array([])
        array.reserveCapacity(minimumCapacity)
        storage = .array(array)
    }

    /// The concepts as an array (every stored concept decoded).
    ///
    /// - Complexity: O(1) for an array; O(*n*) for stored concepts not yet decoded.
    public var array: [Concept] {
        switch storage {
        case .array(let array): array
        case .stored(let stored): (0..<stored.count).map { stored.concept(at: $0) }
        }
    }

    /// Whether the concepts are still in a cache entry (decoded when read), not in an array.
    var isStored: Bool {
        if case .stored = storage { return true }
        return false
    }

    /// Turns stored concepts into an array, before a change.
    private mutating func materialize() {
        if case .stored = storage { storage = .array(array) }
    }

    /// Whether both lists hold equal concepts in the same order, however each holds them.
    public static func == (left: ConceptList, right: ConceptList) -> Bool {
        left.elementsEqual(right)
    }

    /// Hashes the concepts in order, so that equal lists hash alike however they are held.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for concept in self { hasher.combine(concept) }
    }
}

extension ConceptList: CustomStringConvertible, CustomDebugStringConvertible {
    /// The concepts as an array prints them.
    public var description: String { array.description }
    /// The concepts as an array prints them for debugging.
    public var debugDescription: String { array.debugDescription }
}
