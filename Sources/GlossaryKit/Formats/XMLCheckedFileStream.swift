import Foundation

/// A file read for `XMLParser` in chunks, each handed over only after it was checked as
/// `XMLInputCheck` requires: no UTF-16 or UTF-32 signature, valid UTF-8, a prolog without
/// entity declarations, and no processing instruction without data.
///
/// Streaming keeps a large term base out of memory; checking each chunk before the parser gets it
/// means the parser never sees a byte that was not checked, even if the file changes while it is
/// read (a check in a first pass could not promise that). A character split between two reads is
/// held back until it is whole. On a problem `read` fails, and `failure` says what it was.
final class XMLCheckedFileStream: InputStream {
    /// The first problem found; the parser then stops with a read error.
    private(set) var failure: InputError?

    private let path: String
    private let chunkSize: Int
    private let prologLimit: Int
    private var descriptor: Int32 = -1
    /// Checked bytes not yet handed to the parser.
    private var ready: [UInt8] = []
    private var readyStart = 0
    /// The start of an incomplete UTF-8 sequence at the end of the last read.
    private var carry: [UInt8] = []
    /// The file offset of `carry`'s first byte (or of the next byte to read when it is empty).
    private var offset = 0
    /// The line and column of `offset`.
    private var position = TextPosition(line: 1, column: 1)
    private var endOfFile = false
    private var status: Stream.Status = .notOpen
    private var markup = XMLMarkupScanner()

    /// A stream over the file at `path`, read `chunkSize` bytes at a time after a first read
    /// of `prologLimit` bytes, which must hold the whole prolog.
    init(path: String, chunkSize: Int = 1 << 17, prologLimit: Int = XMLInputCheck.prologLimit) {
        self.path = path
        self.chunkSize = max(chunkSize, 4)
        self.prologLimit = max(prologLimit, 4)
        super.init(data: Data())
    }

    deinit {
        if descriptor >= 0 { _ = closeFile(descriptor) }
    }

    /// Opens the file, which must be a regular one (`InputFile.openRegularFile`); a file that
    /// cannot be opened fails the first read.
    override func open() {
        do throws(InputError) {
            descriptor = try InputFile.openRegularFile(path).descriptor
            status = .open
        } catch {
            failure = error
            status = .error
        }
    }

    override func close() {
        if descriptor >= 0 { _ = closeFile(descriptor) }
        descriptor = -1
        status = .closed
    }

    override var streamStatus: Stream.Status { status }

    override var streamError: (any Error)? { failure }

    override var hasBytesAvailable: Bool { failure == nil && (readyStart < ready.count || !endOfFile) }

    /// Hands over up to `length` checked bytes; 0 at the end of the file, -1 on a problem.
    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        guard failure == nil else { return -1 }
        if readyStart == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyStart = 0
            do throws(InputError) {
                try fill()
            } catch {
                failure = error
                status = .error
                return -1
            }
        }
        let count = min(length, ready.count - readyStart)
        guard count > 0 else {
            status = .atEnd
            return 0
        }
        ready.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + readyStart, count: count) }
        readyStart += count
        return count
    }

    /// Reads the next chunk (the whole prolog, up to `prologLimit` bytes, the first time) and
    /// checks it into `ready`.
    private func fill() throws(InputError) {
        let isFirst = offset == 0 && carry.isEmpty
        let wanted = isFirst ? prologLimit : chunkSize
        var fresh = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted && !endOfFile {
            let got = fresh.withUnsafeMutableBufferPointer { readFile(descriptor, $0.baseAddress! + filled, wanted - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError(
                    location: SourceLocation(file: path, line: position.line, column: position.column),
                    message: "cannot read the file")
            }
            if got == 0 { endOfFile = true }
            filled += got
        }
        let chunk = carry + fresh[..<filled]
        if isFirst { try XMLInputCheck.checkSignature(chunk, path: path) }
        let checked = try checkUTF8(chunk, isFirst: isFirst)
        if isFirst {
            try chunk.withUnsafeBufferPointer { bytes throws(InputError) in
                let root = try XMLPrologTokenizer.rootStart(
                    in: UnsafeBufferPointer(rebasing: bytes[..<checked]), isWholeDocument: endOfFile, path: path)
                // Tags are read from the root element on (the scan starts after a byte order mark).
                markup = XMLMarkupScanner(tagsFrom: root - (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0))
            }
        }
        try chunk.withUnsafeBufferPointer { bytes throws(InputError) in
            let contentStart = isFirst && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            try markup.scan(UnsafeBufferPointer(rebasing: bytes[min(contentStart, checked)..<checked]), path: path)
        }
        carry = Array(chunk[checked...])
        ready = Array(chunk[..<checked])
        offset += checked
    }

    /// The length of `chunk`'s checked part: all of it, but for a character cut off at its end
    /// (kept for the next read).
    ///
    /// - Throws: `InputError` at the first malformed sequence.
    private func checkUTF8(_ chunk: [UInt8], isFirst: Bool) throws(InputError) -> Int {
        try chunk.withUnsafeBufferPointer { bytes throws(InputError) -> Int in
            let contentStart = isFirst && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var end = bytes.count
            if let bad = ByteSearch.firstInvalidUTF8(in: UnsafeBufferPointer(rebasing: bytes[contentStart...])).map({
                $0 + contentStart
            }) {
                guard !endOfFile, Self.isCutOff(bytes, at: bad) else {
                    ByteSearch.advance(&position, in: bytes, from: contentStart, to: bad)
                    throw XMLInputCheck.invalidUTF8(at: offset + bad, byte: bytes[bad], position: position, path: path)
                }
                end = bad
            }
            ByteSearch.advance(&position, in: bytes, from: contentStart, to: end)
            return end
        }
    }

    /// Whether the bytes from `index` to the end are the start of a well-formed sequence that
    /// the next read completes.
    private static func isCutOff(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
        guard length > bytes.count - index else { return false }
        return bytes[(index + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
    }
}

// The POSIX calls, outside the class, whose `close` and `read` methods hide them.

private func closeFile(_ descriptor: Int32) -> Int32 { close(descriptor) }

private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
