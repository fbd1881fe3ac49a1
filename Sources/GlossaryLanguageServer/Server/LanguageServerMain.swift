import Foundation

/// What `glossary lsp` is told on its command line.
package struct LanguageServerOptions: Sendable {
    /// Glossary files or folders for every workspace (`--glossary`); empty: found per folder,
    /// as `glossary check` finds them.
    package var glossaryPaths: [String]
    /// Whether compiled glossaries are read from and written to the cache.
    package var usesCache: Bool
    /// Whether the client's log gets the server's chatty messages too.
    package var verbose: Bool

    package init(glossaryPaths: [String] = [], usesCache: Bool = true, verbose: Bool = false) {
        self.glossaryPaths = glossaryPaths
        self.usesCache = usesCache
        self.verbose = verbose
    }
}

/// Runs the language server over standard input and output until the client says `exit` or
/// goes away.
///
/// Three threads: one reads and decodes the input (and registers cancellations the moment
/// they arrive), one watches the client's process, and the calling thread does the work, in
/// order. Nothing but protocol messages is written to standard output: the descriptor is
/// duplicated for the protocol and descriptor 1 is pointed at standard error, so that stray
/// output can never corrupt the stream.
package enum LanguageServerMain {
    /// Serves until the end; returns the exit status: 0 after `shutdown` and `exit`, 1 when the
    /// client exits or disappears without `shutdown`.
    package static func run(options: LanguageServerOptions) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let output = dup(STDOUT_FILENO)
        guard output >= 0 else {
            FileHandle.standardError.write(Data("glossary lsp: cannot use standard output\n".utf8))
            return 1
        }
        dup2(STDERR_FILENO, STDOUT_FILENO)
        return serve(options: options, input: STDIN_FILENO, output: output)
    }

    /// Serves over the descriptors `input` and `output`.
    static func serve(options: LanguageServerOptions, input: Int32, output: Int32) -> Int32 {
        let inbox = Inbox()
        let cancellations = CancellationRegistry()
        let channel = OutputChannel(descriptor: output) { inbox.post(.outputClosed) }
        let log = ClientLog(verbose: options.verbose, send: channel.send)
        let adapter = GlossaryAdapter(options: options, log: log)
        let server = LanguageServer(
            features: adapter, log: log, cancellations: cancellations,
            watchParentProcess: { pid in
                if !ParentProcessWatcher.watch(pid, inbox: inbox) {
                    log.log(.warning, "the client's process \(pid) is not visible from here; it is not watched")
                }
            },
            send: channel.send)
        startReading(input, inbox: inbox, cancellations: cancellations, channel: channel)
        while true {
            let events = inbox.take(waiting: !server.hasStaleDiagnostics)
            if events.isEmpty {
                server.publishNextDiagnostics()
                continue
            }
            for event in events {
                switch event {
                case let .message(message):
                    server.handle(message)
                    if let code = server.exitCode { return code }
                case .endOfInput:
                    return server.exitCodeAtEndOfInput
                case let .parentExited(pid):
                    FileHandle.standardError.write(Data("glossary lsp: the client's process \(pid) has exited; stopping\n".utf8))
                    return 1
                case .outputClosed:
                    return 1
                }
            }
        }
    }

    /// Starts the thread that reads `input` until it ends.
    private static func startReading(_ input: Int32, inbox: Inbox, cancellations: CancellationRegistry, channel: OutputChannel) {
        let thread = Thread {
            var reader = MessageReader(cancellations: cancellations)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                let received = reader.receive(buffer[..<count])
                for reply in received.replies {
                    if case let .response(_, .failure(error)) = reply {
                        FileHandle.standardError.write(Data("glossary lsp: \(error.message)\n".utf8))
                    }
                    channel.send(reply)
                }
                inbox.post(received.messages.map { .message($0) })
            }
            inbox.post(.endOfInput)
        }
        thread.name = "glossary-lsp-reader"
        thread.start()
    }
}
