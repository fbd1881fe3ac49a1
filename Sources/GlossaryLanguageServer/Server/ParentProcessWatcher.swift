import Foundation

/// Notices when the editor that started the server dies without closing its end of the pipe
/// (killed, or a wrapper process in between keeps the pipe open), so no server is left behind.
///
/// The process id comes from `initialize`; it is probed with signal 0 once per `interval`.
enum ParentProcessWatcher {
    /// How often the process is probed: often enough that an orphan goes within seconds, rarely
    /// enough to cost nothing.
    static let interval: TimeInterval = 1

    /// Whether a process with `pid` exists. `EPERM` means it exists but belongs to another user.
    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Starts a thread that posts ``ServerEvent/parentExited(_:)`` to `inbox` when `pid` is gone.
    ///
    /// A process that is not there to begin with is not watched: the client may run in another
    /// process namespace (a container) where its id means nothing here.
    ///
    /// - Returns: whether the process is watched.
    @discardableResult
    static func watch(_ pid: Int32, inbox: Inbox) -> Bool {
        guard isAlive(pid) else { return false }
        let thread = Thread {
            while isAlive(pid) { Thread.sleep(forTimeInterval: interval) }
            inbox.post(.parentExited(pid))
        }
        thread.name = "glossary-lsp-parent-watcher"
        thread.start()
        return true
    }
}
