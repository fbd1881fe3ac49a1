import Foundation

/// The requests that are waiting for an answer, and which of them the client cancelled.
///
/// The thread that reads the input records each request as it arrives and each
/// `$/cancelRequest` at once, without waiting for the worker; the worker asks before it starts
/// a request, and a long-running handler may ask as it goes. A cancellation for a request that
/// is not waiting (already answered, or never sent) is ignored, as the specification asks.
package final class CancellationRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: Set<RequestID> = []
    private var cancelled: Set<RequestID> = []

    package init() {}

    /// A request with `id` has arrived.
    package func received(_ id: RequestID) {
        lock.withLock { _ = waiting.insert(id) }
    }

    /// The client cancelled `id`; whether it was still waiting.
    @discardableResult
    package func cancel(_ id: RequestID) -> Bool {
        lock.withLock {
            guard waiting.contains(id) else { return false }
            cancelled.insert(id)
            return true
        }
    }

    package func isCancelled(_ id: RequestID) -> Bool {
        lock.withLock { cancelled.contains(id) }
    }

    /// `id` has been answered.
    package func finished(_ id: RequestID) {
        lock.withLock {
            waiting.remove(id)
            cancelled.remove(id)
        }
    }

    /// The id a `$/cancelRequest` notification's params name, nil when they name none.
    static func cancelledID(params: JSONValue?) -> RequestID? {
        params?["id"].flatMap(RequestID.init)
    }
}
