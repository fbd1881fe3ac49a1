/// Turns the bytes read from the client into messages for the worker, and answers at once what
/// cannot be a message.
///
/// A body that is no JSON gets a `parseError` response, a JSON value that is no valid message an
/// `invalidRequest` response (with the request's id when it could be read), and a header that
/// cannot be read a `parseError` response: all with id null where the id is unknown, as JSON-RPC
/// says. None of them stops the session.
///
/// `$/cancelRequest` is acted on here, before the worker sees the requests of the same read:
/// a request and its cancellation that arrive together are cancelled before the request starts.
struct MessageReader {
    private var decoder = FrameDecoder()
    private let cancellations: CancellationRegistry

    init(cancellations: CancellationRegistry) {
        self.cancellations = cancellations
    }

    /// What one read brought.
    struct Received: Equatable {
        /// Messages for the worker, in order.
        var messages: [Message] = []
        /// Error responses to send back now.
        var replies: [Message] = []
    }

    /// Takes `bytes` read from the client; returns the messages they complete.
    mutating func receive(_ bytes: some Collection<UInt8>) -> Received {
        decoder.append(bytes)
        var received = Received()
        while let item = decoder.next() {
            switch item {
            case let .invalidHeader(reason):
                received.replies.append(
                    .response(id: nil, result: .failure(ResponseError(.parseError, "unreadable message header: \(reason)"))))
            case let .body(body):
                let json: JSONValue
                do {
                    json = try JSONParser.parse(body)
                } catch {
                    received.replies.append(
                        .response(id: nil, result: .failure(ResponseError(.parseError, "the message is no JSON: \(error)"))))
                    continue
                }
                let message: Message
                do {
                    message = try Message(json)
                } catch {
                    received.replies.append(.response(id: error.id, result: .failure(error.error)))
                    continue
                }
                switch message {
                case let .notification("$/cancelRequest", params):
                    if let id = CancellationRegistry.cancelledID(params: params) { cancellations.cancel(id) }
                case let .request(id, _, _):
                    cancellations.received(id)
                    received.messages.append(message)
                default:
                    received.messages.append(message)
                }
            }
        }
        return received
    }
}
