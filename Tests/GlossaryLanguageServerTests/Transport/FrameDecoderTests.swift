import TestRandom
import Testing

@testable import GlossaryLanguageServer

@Suite("Base protocol framing")
struct FrameDecoderTests {
    static func frame(_ body: String, header: String? = nil) -> [UInt8] {
        Array((header ?? "Content-Length: \(body.utf8.count)\r\n\r\n").utf8) + Array(body.utf8)
    }

    static func drain(_ decoder: inout FrameDecoder) -> [FrameDecoder.Item] {
        var items: [FrameDecoder.Item] = []
        while let item = decoder.next() { items.append(item) }
        return items
    }

    static func bodies(_ items: [FrameDecoder.Item]) -> [String] {
        items.compactMap { if case let .body(bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil } }
    }

    @Test func framesABodyWithItsLengthInBytes() {
        #expect(String(decoding: MessageFraming.frame(Array("é".utf8)), as: UTF8.self) == "Content-Length: 2\r\n\r\né")
    }

    @Test func decodesSeveralMessagesFromOneRead() {
        var decoder = FrameDecoder()
        decoder.append(Self.frame("{\"a\":1}") + Self.frame("😀") + Self.frame(""))
        #expect(Self.bodies(Self.drain(&decoder)) == ["{\"a\":1}", "😀", ""])
        #expect(decoder.pendingByteCount == 0)
    }

    @Test func waitsForTheRestOfAMessageReadInPieces() {
        var decoder = FrameDecoder()
        var items: [FrameDecoder.Item] = []
        for byte in Self.frame("{\"text\":\"héllo\"}") + Self.frame("[]") {
            decoder.append([byte])
            items += Self.drain(&decoder)
        }
        #expect(Self.bodies(items) == ["{\"text\":\"héllo\"}", "[]"])
    }

    /// Any cut of a stream of messages into reads gives the same bodies.
    @Test func decodesTheSameWhereverTheReadsEnd() {
        var generator = SeededGenerator(seed: 3)
        let bodies = (0..<40).map { index in String(repeating: "é😀x\r\n", count: index % 7) + "\(index)" }
        let stream = bodies.flatMap { Self.frame($0) }
        for _ in 0..<200 {
            var decoder = FrameDecoder()
            var items: [FrameDecoder.Item] = []
            var offset = 0
            while offset < stream.count {
                let end = min(stream.count, offset + Int.random(in: 1...90, using: &generator))
                decoder.append(stream[offset..<end])
                items += Self.drain(&decoder)
                offset = end
            }
            #expect(Self.bodies(items) == bodies)
            #expect(items.count == bodies.count)
        }
    }

    @Test func acceptsOtherHeadersAnyCaseAndBlankLinesBetweenMessages() {
        var decoder = FrameDecoder()
        decoder.append(
            Self.frame("{}", header: "content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:2\r\n\r\n"))
        decoder.append(Array("\r\n".utf8) + Self.frame("[]", header: "Content-Length:   2  \r\nX-Other: y\r\n\r\n"))
        #expect(Self.drain(&decoder) == [.body(Array("{}".utf8)), .body(Array("[]".utf8))])
    }

    @Test(arguments: [
        "Content-Type: x\r\n\r\n",  // no length
        "Content-Length: two\r\n\r\n",
        "Content-Length: -2\r\n\r\n",
        "Content-Length: 2\r\nnonsense\r\n\r\n",
        "Content-Length: 2\nX: y\r\n\r\n",  // a line ended by LF alone
        "Content-Length: 2\r\nContent-Length: 3\r\n\r\n",
        "Content-Length: 999999999999\r\n\r\n",
    ])
    func reportsABadHeaderAndCarriesOnWithTheNextMessage(_ header: String) {
        var decoder = FrameDecoder()
        decoder.append(Self.frame("{}", header: header) + Self.frame("{\"next\":true}"))
        let items = Self.drain(&decoder)
        #expect(items.count == 2)
        if case .invalidHeader = items.first {} else { Issue.record("expected a header error first, got \(items)") }
        #expect(Self.bodies(items) == ["{\"next\":true}"])
    }

    @Test func givesUpOnAHeaderThatNeverEnds() {
        var decoder = FrameDecoder()
        decoder.append(Array(repeating: UInt8(ascii: "a"), count: MessageFraming.maximumHeaderLength + 1))
        guard case .invalidHeader = decoder.next() else {
            Issue.record("expected a header error")
            return
        }
        // The garbage is dropped as it comes, and a real message after it is read.
        decoder.append(Array(repeating: UInt8(ascii: "b"), count: 100_000))
        #expect(decoder.next() == nil)
        #expect(decoder.pendingByteCount < 100)
        decoder.append(Array("\r\n".utf8) + Self.frame("{}"))
        #expect(Self.drain(&decoder) == [.body(Array("{}".utf8))])
    }

    @Test func findsTheNextHeaderEvenWhenItArrivesInPieces() {
        var decoder = FrameDecoder()
        decoder.append(Array("Content-Length: x\r\n\r\n{garbage}\r\nConte".utf8))
        #expect(Self.drain(&decoder).count == 1)
        decoder.append(Array("nt-Length: 2\r\n\r\n{}".utf8))
        #expect(Self.drain(&decoder) == [.body(Array("{}".utf8))])
    }
}
