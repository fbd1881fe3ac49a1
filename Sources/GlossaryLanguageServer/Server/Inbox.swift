import Foundation

/// What the worker thread is told, in the order it happened.
enum ServerEvent: Sendable {
    case message(Message)
    /// Standard input ended: the client closed it, or died.
    case endOfInput
    /// The process named in `initialize` is gone.
    case parentExited(Int32)
    /// Standard output no longer takes messages: the client is gone.
    case outputClosed
}

/// The queue between the threads that learn things (the reader, the parent watcher, the output)
/// and the worker that acts on them.
final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var events: [ServerEvent] = []

    func post(_ new: [ServerEvent]) {
        guard !new.isEmpty else { return }
        condition.lock()
        events += new
        condition.signal()
        condition.unlock()
    }

    func post(_ event: ServerEvent) {
        post([event])
    }

    /// Every event waiting; with `waiting`, blocks until there is at least one, else returns
    /// an empty array at once when there is none.
    func take(waiting: Bool) -> [ServerEvent] {
        condition.lock()
        defer { condition.unlock() }
        while waiting && events.isEmpty { condition.wait() }
        let taken = events
        events = []
        return taken
    }
}
