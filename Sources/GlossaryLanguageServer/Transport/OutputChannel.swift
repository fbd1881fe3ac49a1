import Foundation

/// Writes framed messages to a file descriptor (standard output), one whole message at a time
/// whichever thread sends it.
///
/// When the client has gone away, a write fails (`EPIPE`: the process ignores `SIGPIPE`, so it
/// is not killed by it); the channel then closes, drops what is sent after, and calls
/// `onClose` once so that the server can exit.
final class OutputChannel: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var closed = false
    private let onClose: @Sendable () -> Void

    init(descriptor: Int32, onClose: @escaping @Sendable () -> Void) {
        self.descriptor = descriptor
        self.onClose = onClose
    }

    func send(_ message: Message) {
        let frame = MessageFraming.frame(message.json.serialized())
        let failed: Bool = lock.withLock {
            guard !closed else { return false }
            if Self.writeAll(frame, to: descriptor) { return false }
            closed = true
            return true
        }
        if failed { onClose() }
    }

    /// Writes every byte, through partial writes and interruptions; false when the descriptor
    /// no longer takes any.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return false
                }
                done += written
            }
            return true
        }
    }
}
