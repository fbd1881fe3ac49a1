/// The LSP base protocol: each message is a header part (`Name: value` lines, each ended by
/// CR LF, the part ended by an empty line) followed by a body of exactly `Content-Length` bytes.
///
/// ```
/// Content-Length: 52\r\n
/// \r\n
/// {"jsonrpc":"2.0","id":1,"method":"shutdown"}
/// ```
package enum MessageFraming {
    /// The bodies larger than this are refused as a bad header rather than buffered: 256 MiB,
    /// far beyond any document an editor sends, yet within memory.
    package static let maximumContentLength = 1 << 28

    /// How long a header part may grow while its end is not in sight (real ones are under 100 bytes).
    package static let maximumHeaderLength = 8192

    /// `body` with its header, ready to write.
    package static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// Cuts a byte stream into message bodies, whatever pieces the stream arrives in.
///
/// Bytes are appended as they are read; ``next()`` hands out complete bodies in order. A read
/// may end in the middle of a header or a body (the rest waits for the next read) or hold
/// several messages. A header part that cannot be read is reported once and skipped with
/// whatever follows it up to the next `Content-Length:` (where the next message most likely
/// starts, as its body's length is unknown), so one bad frame costs one message, not the session.
package struct FrameDecoder {
    /// What ``next()`` found.
    package enum Item: Equatable {
        /// A complete message body.
        case body([UInt8])
        /// A header part that could not be read, and why; the bytes up to the next plausible
        /// header have been dropped.
        case invalidHeader(String)
    }

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`.
    private var start = 0
    /// After a bad header: drop bytes until the next `Content-Length:`.
    private var resynchronizing = false

    package init() {}

    /// Adds bytes read from the stream.
    package mutating func append(_ bytes: some Collection<UInt8>) {
        // Read bytes are dropped from the front only now and then, so that a long run of small
        // messages does not move the buffer once per message.
        if start > 0 && (start == buffer.count || start >= 1 << 16) {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// How many bytes wait for the rest of their message.
    package var pendingByteCount: Int { buffer.count - start }

    /// The next complete body or header error, nil when more bytes are needed.
    ///
    /// - Complexity: O(*h*) for a header of *h* bytes, plus the copy of the body.
    package mutating func next() -> Item? {
        while true {
            if resynchronizing {
                guard let header = nextHeaderStart() else { return nil }
                start = header
                resynchronizing = false
            }
            // Blank lines between messages are tolerated.
            while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
            guard start < buffer.count else { return nil }
            guard let end = headerEnd() else {
                if buffer.count - start > MessageFraming.maximumHeaderLength {
                    return failure(
                        "a header part longer than \(MessageFraming.maximumHeaderLength) bytes without an end (an empty line)",
                        resumingAt: start + 1)
                }
                return nil
            }
            let length: Int
            switch Self.contentLength(header: buffer[start..<end]) {
            case let .success(value): length = value
            case let .failure(error): return failure(error.message, resumingAt: end + 4)
            }
            let bodyStart = end + 4
            guard buffer.count - bodyStart >= length else { return nil }
            let body = Array(buffer[bodyStart..<(bodyStart + length)])
            start = bodyStart + length
            return .body(body)
        }
    }

    /// Reports the bad header at `start` and looks for the next one from `offset`.
    private mutating func failure(_ message: String, resumingAt offset: Int) -> Item {
        start = offset
        resynchronizing = true
        return .invalidHeader(message)
    }

    /// The offset of the CR LF CR LF that ends the header part at `start`, if it is there.
    private func headerEnd() -> Int? {
        var index = start
        let limit = buffer.count - 3
        while index < limit {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    private static let contentLengthName = Array("content-length:".utf8)

    /// The first offset from `start` where `Content-Length:` (any case) begins. Without one,
    /// drops what was searched and keeps only what could still become its beginning.
    private mutating func nextHeaderStart() -> Int? {
        var index = start
        while index < buffer.count {
            let available = min(Self.contentLengthName.count, buffer.count - index)
            if (0..<available).allSatisfy({ Self.lowercased(buffer[index + $0]) == Self.contentLengthName[$0] }) {
                if available == Self.contentLengthName.count { return index }
                start = index
                return nil
            }
            index += 1
        }
        start = buffer.count
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// The `Content-Length` of a header part (without its final empty line), or why there is none.
    ///
    /// Header names are case-insensitive; `Content-Type`, and headers this side does not know,
    /// are accepted and ignored (the body is UTF-8 JSON whatever they say, as every client sends).
    static func contentLength(header: ArraySlice<UInt8>) -> Result<Int, HeaderError> {
        var length: Int?
        for line in header.split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard line.last == 0x0D || line.endIndex == header.endIndex else {
                return .failure(HeaderError("a header line ends without CR LF"))
            }
            let text = String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else {
                return .failure(HeaderError("a header line without ':': \(text.prefix(80).debugDescription)"))
            }
            let name = text[..<colon].trimmingSpaces().lowercased()
            let value = text[text.index(after: colon)...].trimmingSpaces()
            guard name == "content-length" else { continue }
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let parsed = Int(value)
            else {
                return .failure(HeaderError("Content-Length is not a number: \(value.prefix(40).debugDescription)"))
            }
            guard parsed <= MessageFraming.maximumContentLength else {
                return .failure(
                    HeaderError("Content-Length \(parsed) is over the limit of \(MessageFraming.maximumContentLength) bytes"))
            }
            if let length, length != parsed {
                return .failure(HeaderError("two different Content-Length headers"))
            }
            length = parsed
        }
        guard let length else { return .failure(HeaderError("a header part without Content-Length")) }
        return .success(length)
    }

    struct HeaderError: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end.
    fileprivate func trimmingSpaces() -> String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = characters.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(characters[first...last])
    }
}
