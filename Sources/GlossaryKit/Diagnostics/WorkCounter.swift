import Foundation

/// Counts units of work of the kinds that must stay linear in the input, while a test watches.
///
/// The house rule is to show that an operation is linear by doubling its input and checking that
/// the work roughly doubles, counting operations rather than timing them. Code that does such
/// work reports it with `WorkCounter.add(_:_:)`; nothing is counted unless a test binds a counter
/// to `WorkCounter.current` (`WorkCounter.$current.withValue(counter) { … }`), so production
/// pays one task-local read per report, and reports are made per match or per finding, never
/// per word.
///
/// The binding is task-local: work done on other threads (`CheckRunner` with several jobs) is
/// not seen.
final class WorkCounter: @unchecked Sendable {
    /// What is counted.
    enum Kind: Hashable, Sendable {
        /// Bytes walked to turn byte offsets into lines and columns.
        case positionBytes
    }

    /// The counter of the running test, if any.
    @TaskLocal static var current: WorkCounter?

    private let lock = NSLock()
    private var counts: [Kind: Int] = [:]

    init() {}

    /// The work of `kind` counted so far.
    subscript(kind: Kind) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return counts[kind, default: 0]
    }

    /// Adds `amount` units of `kind` to the bound counter, if there is one.
    static func add(_ amount: Int, _ kind: Kind) {
        guard let counter = current else { return }
        counter.lock.lock()
        counter.counts[kind, default: 0] += amount
        counter.lock.unlock()
    }
}
