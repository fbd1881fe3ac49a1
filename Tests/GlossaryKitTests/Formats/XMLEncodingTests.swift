import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// Every XML reader takes UTF-8 only, checked before a parser sees a byte: a bad byte in a name
/// once crashed the process inside the parser, and a UTF-16 file or a declared legacy encoding
/// was decoded differently from what the reader had checked.
@Suite("XML input encoding")
struct XMLEncodingTests {
    /// Markup with a byte 0xFF where the parser reads a name or a comment.
    static let hostileMarkup: [String: [UInt8]] = [
        "element name": Array("x<t".utf8) + [0xFF] + Array("m>y</t".utf8) + [0xFF] + Array("m>".utf8),
        "attribute name": Array("x<hi a".utf8) + [0xFF] + Array("=\"1\">y</hi>".utf8),
        "comment": Array("x<!-- ".utf8) + [0xFF] + Array(" -->".utf8),
        "processing instruction target": Array("x<?p".utf8) + [0xFF] + Array(" y?>".utf8),
        "text": Array("caf".utf8) + [0xE9] + Array(" x".utf8),
    ]

    /// `body` in the reader's document, as bytes.
    static func document(_ reader: XMLReaderHarness, body: [UInt8]) -> [UInt8] {
        let parts = reader.document(body: "\u{1}").split(separator: "\u{1}", omittingEmptySubsequences: false)
        return Array(parts[0].utf8) + body + Array(parts[1].utf8)
    }

    @Test(arguments: XMLReaderHarness.allCases, hostileMarkup.keys.sorted())
    func invalidUTF8IsAnErrorAtItsPosition(_ reader: XMLReaderHarness, _ place: String) throws {
        let bytes = Self.document(reader, body: Self.hostileMarkup[place]!)
        let error = try #require(reader.read(bytes).error, "\(reader), \(place): read without an error")
        let bad = try #require(bytes.firstIndex { $0 == 0xFF || $0 == 0xE9 })
        let lineStart = bytes[..<bad].lastIndex(of: 0x0A)! + 1
        let column = bytes[lineStart..<bad].filter { $0 & 0xC0 != 0x80 }.count + 1
        #expect(error.location?.line == 2)
        #expect(error.location?.column == column)
        let hex = String(format: "0x%02X", bytes[bad])
        #expect(error.message == "invalid UTF-8 at line 2, byte offset \(bad) (byte \(hex)); save the file as UTF-8")
    }

    /// A file several read chunks long: characters split between two chunks are whole, and a bad
    /// byte far in is reported at its own line and column.
    @Test(arguments: XMLReaderHarness.allCases)
    func longFilesAreCheckedAcrossReadChunks(_ reader: XMLReaderHarness) throws {
        // Three-byte characters: some chunk boundary falls inside one whatever the chunk size.
        let text = String(repeating: "€", count: 400_000)
        #expect(try reader.read(reader.document(body: text)).get() == text)
        let bytes = Self.document(reader, body: Array(text.utf8) + [0xC3, 0x28])
        let error = try #require(reader.read(bytes).error)
        let prefix = reader.document(body: "\u{1}").split(separator: "\u{1}")[0].split(separator: "\n").last!
        #expect(error.location?.line == 2)
        #expect(error.location?.column == prefix.unicodeScalars.count + 400_001)
    }

    /// `text` in UTF-16, little- or big-endian.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    @Test(arguments: XMLReaderHarness.allCases, [(false, true), (true, true), (false, false), (true, false)])
    func utf16IsRefusedWithAClearMessage(_ reader: XMLReaderHarness, _ form: (bigEndian: Bool, mark: Bool)) throws {
        let document = reader.document(prolog: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n", body: "safe")
        let name = "\(form.bigEndian ? "UTF-16BE" : "UTF-16LE") \(form.mark ? "with" : "without") a byte order mark"
        let bytes = Self.utf16((form.mark ? "\u{FEFF}" : "") + document, bigEndian: form.bigEndian)
        let error = try #require(reader.read(bytes).error, "\(reader), \(name)")
        #expect(error.message.contains("UTF-16"), "\(reader), \(name): \(error.message)")
        #expect(error.message.contains("save the file as UTF-8"), "\(reader), \(name): \(error.message)")
        #expect(error.location?.line == 1)
    }

    @Test(arguments: XMLReaderHarness.allCases, ["ISO-8859-1", "windows-1252", "UTF-16", "EBCDIC-US"])
    func aDeclaredEncodingOtherThanUTF8IsRefused(_ reader: XMLReaderHarness, _ encoding: String) throws {
        let document = reader.document(prolog: "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n", body: "café")
        let error = try #require(reader.read(document).error, "\(reader), \(encoding)")
        #expect(error.message.contains("'\(encoding)'"), "\(error.message)")
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 31)
    }

    @Test(arguments: XMLReaderHarness.allCases, ["UTF-8", "utf-8", "UTF8", "US-ASCII"])
    func utf8AndASCIIDeclarationsAreRead(_ reader: XMLReaderHarness, _ encoding: String) throws {
        let body = encoding == "US-ASCII" ? "cafe" : "café"
        let document = reader.document(
            prolog: "\u{FEFF}<?xml version='1.0' encoding='\(encoding)' standalone='yes'?>\n", body: body)
        #expect(try reader.read(document).get() == body)
    }

    @Test(arguments: XMLReaderHarness.allCases)
    func controlCharactersBeforeTheRootAreRefused(_ reader: XMLReaderHarness) throws {
        let error = try #require(
            reader.read(reader.document(prolog: "<?xml version=\"1.0\"?>\n<!-- a\u{0}b -->\n", body: "x")).error)
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 7)
        #expect(error.message.contains("U+0000"), "\(error.message)")
    }

    /// The stream hands over exactly the file's bytes, whatever the chunk size, and holds a
    /// character cut by a chunk's end until it is whole.
    @Test(arguments: [1, 2, 3, 5, 64])
    func theCheckedStreamHandsOverEveryByte(_ chunkSize: Int) throws {
        let document = Array("<?xml version=\"1.0\"?>\n<r>\(String(repeating: "é€😀x\n", count: 50))</r>\n".utf8)
        let path = TestScratch.url("stream").appendingPathExtension("xml").path
        FileManager.default.createFile(atPath: path, contents: Data(document))
        let stream = XMLCheckedFileStream(path: path, chunkSize: chunkSize, prologLimit: 30)
        stream.open()
        defer { stream.close() }
        var read: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 7)
        while true {
            let count = stream.read(&buffer, maxLength: buffer.count)
            try #require(count >= 0, "\(stream.failure.map(String.init(describing:)) ?? "")")
            if count == 0 { break }
            read += buffer[..<count]
        }
        #expect(read == document)
    }

    @Test(arguments: [1, 3, 64])
    func theCheckedStreamFailsAtTheBadByte(_ chunkSize: Int) throws {
        let document = Array("<r>\n\(String(repeating: "é€😀x", count: 20))".utf8) + [0xF0, 0x9F, 0x98] + Array("</r>\n".utf8)
        let path = TestScratch.url("stream").appendingPathExtension("xml").path
        FileManager.default.createFile(atPath: path, contents: Data(document))
        let stream = XMLCheckedFileStream(path: path, chunkSize: chunkSize, prologLimit: 8)
        stream.open()
        defer { stream.close() }
        var buffer = [UInt8](repeating: 0, count: 16)
        while stream.read(&buffer, maxLength: buffer.count) > 0 {}
        let failure = try #require(stream.failure)
        #expect(failure.location.map { [$0.line, $0.column] } == [2, 81])
        #expect(failure.message.hasPrefix("invalid UTF-8 at line 2, byte offset \(document.count - 8) (byte 0xF0)"))
    }

    @Test func aPrologLongerThanTheFirstReadIsRefused() throws {
        let document = Array("<?xml version=\"1.0\"?>\n<!-- \(String(repeating: "x", count: 100)) -->\n<r/>\n".utf8)
        let path = TestScratch.url("stream").appendingPathExtension("xml").path
        FileManager.default.createFile(atPath: path, contents: Data(document))
        let stream = XMLCheckedFileStream(path: path, prologLimit: 64)
        stream.open()
        defer { stream.close() }
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(stream.read(&buffer, maxLength: buffer.count) == -1)
        #expect(stream.failure?.message.contains("longer than 64 bytes") == true)
    }

    /// A document that ends inside a value of its XML declaration is incomplete, not a crash:
    /// the encoding's value was cut from its opening quote to one byte before the end, a range
    /// that runs backwards (found by the TMX fuzz target).
    @Test(
        arguments: XMLReaderHarness.allCases,
        [#"<?xml version="1.0" encoding=""#, "<?xml version='1.0' encoding='UTF", #"<?xml version=""#])
    func aDocumentEndingInsideTheDeclarationIsAnError(_ reader: XMLReaderHarness, _ document: String) throws {
        let error = try #require(reader.read(document).error, "\(reader): read without an error")
        #expect(error.location?.line == 1, "\(reader): \(error)")
        // The declaration, closed, names an encoding that is checked as before.
        #expect(
            reader.read(reader.document(prolog: #"<?xml version="1.0" encoding="Latin-1"?>"#, body: "safe")).error?.message
                .contains("names the encoding 'Latin-1'") == true)
    }
}
