/// The trie's edges, (node, gap, word) → child, in one open-addressing hash table over a flat
/// array of 32-bit integers.
///
/// A Swift dictionary of the same edges costs a hashed insertion per edge to rebuild from the
/// cache; this table is its own serialised form, used in place in the mapped cache file.
struct EdgeTable: Sendable, Codable {
    /// Four values per slot: node, gap, word, child. A child of 0 marks an empty slot: the root,
    /// node 0, is no node's child. The slot count is a power of two.
    let storage: PinnedArray<Int32>
    /// The number of edges.
    let count: Int
    /// `hashProbe` of the hash function the slots were placed with: under another one the
    /// table finds nothing.
    let placedWith: UInt64

    fileprivate static let slotWidth = 4

    /// Whether the slot count is a power of two, the table keeps an empty slot (so every probe
    /// ends), `count` is the number of edges and the slots were placed with this hash function.
    ///
    /// - Complexity: O(*n*) in the number of slots.
    ///
    /// `release` is given each checked mebibyte of the table (the cache lets those pages of its
    /// mapped file go: the table is tens of megabytes for a large glossary).
    func isConsistent(release: (UnsafeRawBufferPointer) -> Void = { _ in }) -> Bool {
        let slots = storage.count / Self.slotWidth
        guard placedWith == Self.hashProbe, storage.count % Self.slotWidth == 0, slots > 0, slots & (slots - 1) == 0,
            count < slots
        else { return false }
        let used = storage.withUnsafeBufferPointer { storage -> Int? in
            var used = 0
            let chunk = Self.slotWidth << 16
            for start in stride(from: 0, to: storage.count, by: chunk) {
                let end = min(start + chunk, storage.count)
                for base in stride(from: start + 3, to: end, by: Self.slotWidth) where storage[base] != 0 {
                    guard storage[base] > 0 else { return nil }
                    used += 1
                }
                release(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: storage[start..<end])))
            }
            return used
        }
        return used == count
    }

    /// Mixes the three parts of a key. The cache stores slots by this hash: changing it calls for
    /// a new `CompiledGlossary.cacheFormat` (`placedWith` catches a change all the same).
    @inline(__always)
    static func hash(_ key: CompiledGlossary.EdgeKey) -> Int {
        var hash = UInt64(UInt32(bitPattern: key.node)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= UInt64(UInt32(bitPattern: key.word)) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= UInt64(UInt32(bitPattern: key.gap)) &* 0x1656_67B1_9E37_79F9
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }

    /// The hash of a fixed key, stored with the table.
    static var hashProbe: UInt64 {
        UInt64(truncatingIfNeeded: hash(CompiledGlossary.EdgeKey(node: 1, gap: 2, word: 3)))
    }

    /// The child at the end of `key`, or nil.
    ///
    /// - Complexity: O(1) expected.
    subscript(key: CompiledGlossary.EdgeKey) -> Int32? {
        storage.withUnsafeBufferPointer { Self.child(of: key, in: $0) }
    }

    @inline(__always)
    static func child(of key: CompiledGlossary.EdgeKey, in slots: UnsafeBufferPointer<Int32>) -> Int32? {
        let mask = slots.count / slotWidth - 1
        var slot = hash(key) & mask
        while true {
            let base = slot &* slotWidth
            let child = slots[base + 3]
            if child == 0 { return nil }
            if slots[base] == key.node && slots[base + 2] == key.word && slots[base + 1] == key.gap { return child }
            slot = (slot &+ 1) & mask
        }
    }

    /// A table being built: the same layout in an array that grows.
    struct Building {
        private(set) var storage = [Int32](repeating: 0, count: 16 * EdgeTable.slotWidth)
        private(set) var count = 0

        subscript(key: CompiledGlossary.EdgeKey) -> Int32? {
            storage.withUnsafeBufferPointer { EdgeTable.child(of: key, in: $0) }
        }

        /// Adds an edge that is not in the table yet.
        ///
        /// - Complexity: O(1) amortised.
        mutating func insert(_ child: Int32, for key: CompiledGlossary.EdgeKey) {
            precondition(child > 0, "the root is no node's child")
            // At most two thirds full: linear probing stays short, the table stays small.
            if (count + 1) * 3 > slotCount * 2 { grow() }
            place(child, for: key)
            count += 1
        }

        private var slotCount: Int { storage.count / EdgeTable.slotWidth }

        private mutating func place(_ child: Int32, for key: CompiledGlossary.EdgeKey) {
            let mask = slotCount - 1
            var slot = EdgeTable.hash(key) & mask
            while storage[slot * EdgeTable.slotWidth + 3] != 0 { slot = (slot + 1) & mask }
            let base = slot * EdgeTable.slotWidth
            storage[base] = key.node
            storage[base + 1] = key.gap
            storage[base + 2] = key.word
            storage[base + 3] = child
        }

        private mutating func grow() {
            let old = storage
            storage = [Int32](repeating: 0, count: old.count * 2)
            for base in stride(from: 0, to: old.count, by: EdgeTable.slotWidth) where old[base + 3] != 0 {
                place(old[base + 3], for: CompiledGlossary.EdgeKey(node: old[base], gap: old[base + 1], word: old[base + 2]))
            }
        }
    }
}

/// The entries that end at each trie node, as one flat list with an offset per node (compressed
/// rows): two arrays, however many nodes, instead of an array per node.
struct TerminalTable: Sendable, Codable {
    /// The entries of node *n* are `entries[starts[n]..<starts[n + 1]]`.
    let starts: PinnedArray<Int32>
    let entries: PinnedArray<Int32>

    /// Whether the offsets run from 0 to the list's end without going back, and every entry is
    /// below `entryCount`.
    ///
    /// - Complexity: O(*n* + *e*) for *n* nodes and *e* entries.
    func isConsistent(entryCount: Int) -> Bool {
        guard starts.first == 0, starts.last.map(Int.init) == entries.count else { return false }
        let ordered = starts.withUnsafeBufferPointer { starts in
            (1..<starts.count).allSatisfy { starts[$0] >= starts[$0 - 1] }
        }
        let inRange = entries.withUnsafeBufferPointer { entries in
            entries.allSatisfy { $0 >= 0 && Int($0) < entryCount }
        }
        return ordered && inRange
    }

    /// The number of nodes.
    var nodeCount: Int { starts.count - 1 }

    /// The entries that end at `node`, or nil when none does.
    subscript(node: Int32) -> Slice<PinnedArray<Int32>>? {
        guard node >= 0, Int(node) < nodeCount else { return nil }
        let start = Int(starts[Int(node)]), end = Int(starts[Int(node) + 1])
        return start < end ? entries[start..<end] : nil
    }
}

extension EdgeTable {
    /// The finished table of `building`.
    init(_ building: Building) {
        self.init(storage: PinnedArray(building.storage), count: building.count, placedWith: Self.hashProbe)
    }
}

extension TerminalTable {
    /// The entries `entries`, each ending at the node beside it in `nodes`, for nodes
    /// `0..<nodeCount`: each node's list keeps the order of the columns (a stable counting sort).
    ///
    /// - Complexity: O(*n* + *e*) for *n* nodes and *e* entries.
    init(nodes: [Int32], entries: [Int32], nodeCount: Int) {
        precondition(nodes.count == entries.count, "one node per entry")
        var starts = [Int32](repeating: 0, count: nodeCount + 1)
        for node in nodes { starts[Int(node) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var list = [Int32](repeating: 0, count: entries.count)
        for (node, entry) in zip(nodes, entries) {
            list[Int(next[Int(node)])] = entry
            next[Int(node)] += 1
        }
        self.init(starts: PinnedArray(starts), entries: PinnedArray(list))
    }
}

/// The trie's tables and the entries' facts as raw memory, for the matcher's inner loop: a
/// child, the entries ending at a node or an entry's facts are loads and compares, with no
/// reference counting and no bounds check.
///
/// It borrows the memory of a compiled glossary's tables: valid while that glossary lives
/// (the matcher's search holds it). The answers are those of `CompiledGlossary.child`,
/// `TerminalTable` and `EntryTable.facts`.
struct TrieView {
    private let edgeSlots: UnsafeBufferPointer<Int32>
    private let rootChildren: UnsafeBufferPointer<Int32>
    private let terminalStarts: UnsafeBufferPointer<Int32>
    private let terminalEntries: UnsafeBufferPointer<Int32>
    private let facts: UnsafeBufferPointer<UInt32>
    private let flags: UnsafeBufferPointer<UInt32>

    init(_ tables: CompiledGlossary.Tables) {
        edgeSlots = tables.edges.storage.unsafeElements
        rootChildren = tables.rootChildren.unsafeElements
        terminalStarts = tables.terminals.starts.unsafeElements
        terminalEntries = tables.terminals.entries.unsafeElements
        facts = tables.entries.facts.unsafeElements
        flags = tables.flags.unsafeElements
    }

    /// The child of `node` across `gap` along `word`, or nil (`CompiledGlossary.child`).
    ///
    /// - Complexity: O(1) expected; a root edge is one array access.
    @inline(__always)
    func child(of node: Int32, gap: Int32, word: Int32) -> Int32? {
        guard node == 0 else {
            return EdgeTable.child(of: CompiledGlossary.EdgeKey(node: node, gap: gap, word: word), in: edgeSlots)
        }
        guard gap == 0, word >= 0, Int(word) < rootChildren.count else { return nil }
        let child = rootChildren[Int(word)]
        return child != 0 ? child : nil
    }

    /// Starts loading what a walk from a word with id `word` reads first: the word's root child
    /// and its flags, which are the size of the lexicon, too large to stay in the processor's
    /// caches with a large glossary.
    @inline(__always)
    func prefetchFirstStep(word: Int32) {
        guard word >= 0, Int(word) < rootChildren.count, let children = rootChildren.baseAddress,
            let flags = flags.baseAddress
        else { return }
        CacheHint.prefetch(children + Int(word))
        CacheHint.prefetch(flags + Int(word))
    }

    /// Starts loading what the second step of a walk from `word` reads: the terminal list of
    /// the root's child along `word`, and the edge from that child across `gap` (as the trie
    /// stores it) to `next`. The root child is read here: prefetched by `prefetchFirstStep`
    /// a few words before, it is then in the cache.
    @inline(__always)
    func prefetchSecondStep(word: Int32, gap: Int32, next: Int32) {
        guard word >= 0, Int(word) < rootChildren.count else { return }
        let child = rootChildren[Int(word)]
        guard child > 0, Int(child) < terminalStarts.count, let starts = terminalStarts.baseAddress else { return }
        CacheHint.prefetch(starts + Int(child))
        guard next >= 0, gap >= 0, let slots = edgeSlots.baseAddress else { return }
        let mask = edgeSlots.count / 4 - 1
        let slot = EdgeTable.hash(CompiledGlossary.EdgeKey(node: child, gap: gap, word: next)) & mask
        CacheHint.prefetch(slots + slot * 4)
    }

    /// The positions in `entry(at:)` of the entries that end at `node` (empty for none).
    @inline(__always)
    func terminals(of node: Int32) -> Range<Int> {
        guard node >= 0, Int(node) + 1 < terminalStarts.count else { return 0..<0 }
        return Int(terminalStarts[Int(node)])..<Int(terminalStarts[Int(node) + 1])
    }

    /// The entry at `position` of the terminal lists.
    @inline(__always)
    func entry(at position: Int) -> Int32 { terminalEntries[position] }

    /// The facts of entry `entry`.
    @inline(__always)
    func facts(_ entry: Int32) -> CompiledGlossary.EntryFacts { CompiledGlossary.EntryFacts(unchecked: facts[Int(entry)]) }

    /// Whether word `id` is a word of the trie (`CompiledGlossary.isTermWord`).
    @inline(__always)
    func isTermWord(_ id: Int32) -> Bool {
        id >= 0 && flags[Int(id)] & (CompiledGlossary.baseFlag | CompiledGlossary.phraseWordFlag) != 0
    }
}
