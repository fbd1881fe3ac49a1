/// An immutable array of integers at a fixed address: memory of its own, or a range of the
/// glossary cache's mapped file, which stays mapped while the array exists.
///
/// The compiled glossary's large tables (word flags, trie edges, terminal lists) are read from
/// the cache in place: no copy, no fresh pages to zero, and the system can share and drop the
/// file's pages like any page cache. It lives in Text/, the lowest layer that reads one (the
/// scanner reads the word flags through it); the cache's reader makes the borrowed ones.
struct PinnedArray<Element: FixedWidthInteger>: RandomAccessCollection, @unchecked Sendable {
    // @unchecked: the elements are never written after creation, and the owner only keeps them
    // alive, so sharing across threads is safe.

    /// Memory allocated for an array of its own.
    private final class Block {
        let pointer: UnsafeMutablePointer<Element>

        init(capacity: Int) {
            pointer = .allocate(capacity: Swift.max(capacity, 1))
        }

        deinit { pointer.deallocate() }
    }

    private let owner: AnyObject
    private let base: UnsafePointer<Element>
    let count: Int

    /// A copy of `elements`.
    init(_ elements: [Element]) {
        let block = Block(capacity: elements.count)
        elements.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { block.pointer.initialize(from: address, count: source.count) }
        }
        owner = block
        base = UnsafePointer(block.pointer)
        count = elements.count
    }

    /// Elements that `owner` keeps valid and unchanged; `base` must be aligned for `Element`.
    init(borrowing base: UnsafePointer<Element>, count: Int, owner: AnyObject) {
        self.owner = owner
        self.base = base
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index out of range")
        return base[index]
    }

    /// The elements' memory, for a reader that keeps this array (or what holds it) alive for as
    /// long as it reads there: the matcher's inner loop, which then pays no reference counting
    /// and no bounds check per access.
    var unsafeElements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }
}
