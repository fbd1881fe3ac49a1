import Foundation

/// Messages for the person at the editor: `window/logMessage` for the log, `window/showMessage`
/// for what they must see (no glossary found, an invalid configuration).
///
/// Before the server has answered `initialize` it may not send these; what is logged then goes
/// to standard error, which clients keep in their log as well.
package final class ClientLog: @unchecked Sendable {
    private let send: (Message) -> Void
    private let lock = NSLock()
    private var open = false
    /// Whether `log` messages of type `log` (the chatty ones) are sent at all, and every
    /// message is also written to standard error (`--verbose`).
    package let isVerbose: Bool

    init(verbose: Bool, send: @escaping (Message) -> Void) {
        self.send = send
        isVerbose = verbose
    }

    /// From now on messages go to the client.
    func openToClient() {
        lock.withLock { open = true }
    }

    /// Adds `message` to the client's log.
    package func log(_ type: MessageType, _ message: String) {
        if type == .log && !isVerbose { return }
        emit("window/logMessage", type, message)
    }

    /// Shows `message` to the person, and logs it.
    package func show(_ type: MessageType, _ message: String) {
        emit("window/showMessage", type, message)
        emit("window/logMessage", type, message)
    }

    private func emit(_ method: String, _ type: MessageType, _ message: String) {
        let isOpen = lock.withLock { open }
        if isOpen {
            send(.notification(method: method, params: ["type": .integer(type.rawValue), "message": .string(message)]))
        }
        if method == "window/logMessage" && (!isOpen || isVerbose) {
            FileHandle.standardError.write(Data("glossary lsp: \(message)\n".utf8))
        }
    }
}
