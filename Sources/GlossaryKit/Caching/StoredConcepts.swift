import Foundation

/// The concepts of a cache entry, read where they lie in the mapped file and decoded one at a
/// time, when a finding (or anything else) first asks for one.
///
/// Loading an entry checks every concept's bytes once (`BinaryReader.skipConcept`, which
/// allocates nothing), so that decoding one later cannot fail: `concept(at:)` decodes with the
/// same reader code as an eager load would, from bytes already known to decode.
///
/// Decoded concepts are kept (a finding's concept is usually asked for again by the next rule),
/// under a lock, since the files of a check are analysed on several threads at once.
final class StoredConcepts: @unchecked Sendable {
    // @unchecked: the bytes and offsets are never written; `decoded` is read and written only
    // under `lock`.

    /// The concepts' bytes: concept *i* is `offsets[i]..<offsets[i + 1]` of them.
    private let reader: BinaryReader
    private let offsets: PinnedArray<UInt32>
    private let tables: BinaryReader.GlossaryTables
    private let lock = NSLock()
    private var decoded: [Int: Concept] = [:]

    /// The number of concepts.
    let count: Int

    /// Concepts in `reader`'s bytes at `offsets` (one more than there are concepts, from 0 to
    /// the bytes' end, never decreasing), each of which `skipConcept` has accepted.
    init(reader: BinaryReader, offsets: PinnedArray<UInt32>, tables: BinaryReader.GlossaryTables) {
        precondition(!offsets.isEmpty, "a concept list has one offset more than concepts")
        self.reader = reader
        self.offsets = offsets
        self.tables = tables
        count = offsets.count - 1
    }

    /// How many concepts have been decoded (and are kept) so far.
    var decodedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return decoded.count
    }

    /// Concept `index`, decoded on first use.
    ///
    /// - Complexity: O(1) expected for a concept decoded before; else O(the concept's size).
    func concept(at index: Int) -> Concept {
        lock.lock()
        if let concept = decoded[index] {
            lock.unlock()
            return concept
        }
        lock.unlock()
        var concept: Concept
        do {
            var part = reader
            try part.seek(to: Int(offsets[index]))
            concept = try part.readConcept(tables).0
        } catch {
            // Loading checked these bytes with `skipConcept`, which accepts exactly what
            // `readConcept` reads; the bytes are a read-only mapping that never changes.
            preconditionFailure("a concept checked when the cache entry was loaded no longer decodes")
        }
        lock.lock()
        if let earlier = decoded[index] {
            concept = earlier
        } else {
            decoded[index] = concept
        }
        lock.unlock()
        return concept
    }
}
