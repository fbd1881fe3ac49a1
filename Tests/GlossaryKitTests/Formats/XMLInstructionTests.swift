import Foundation
import Testing

@testable import GlossaryKit

/// A processing instruction with a target and no data (`<?r?>`) killed the process inside
/// Foundation's `XMLParser` (a null pointer given to `strlen`); found by the TMX and XLIFF fuzz
/// targets with the eight bytes `<?r?>Mol`. Every XML reader now refuses it at its position;
/// instructions with data, and the same bytes in a comment or a CDATA section, are read.
@Suite("XML processing instructions")
struct XMLInstructionTests {
    /// Where an empty instruction can stand, and the line and column of its `<`.
    static let emptyInstructions: [String: (prolog: String, body: String, line: Int, column: Int)] = [
        "in the prolog": ("<?xml version=\"1.0\"?>\n<?r?>\n", "safe", 2, 1),
        "first in the file": ("<?r?>", "safe", 1, 1),
        "in the content": ("<?xml version=\"1.0\"?>\n", "sa<?stylesheet?>fe", 2, -1),
        "after a comment": ("<?xml version=\"1.0\"?>\n<!-- a - b ->? -->\n", "€<?r?>", 3, -1),
        "after a CDATA section": ("<?xml version=\"1.0\"?>\n", "<![CDATA[ ]] > ]]><?x-y.z?>", 2, -1),
    ]

    @Test(arguments: XMLReaderHarness.allCases, emptyInstructions.keys.sorted())
    func anInstructionWithoutDataIsRefusedAtItsPosition(_ reader: XMLReaderHarness, _ place: String) throws {
        let (prolog, body, line, column) = Self.emptyInstructions[place]!
        let document = reader.document(prolog: prolog, body: body)
        let error = try #require(reader.read(document).error, "\(reader), \(place): read without an error")
        #expect(error.message.contains("processing instruction without data"), "\(reader), \(place): \(error)")
        #expect(error.location?.line == line, "\(reader), \(place): \(error)")
        // In the content, the column is that of the `<?` on its line.
        let lineText = document.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        let instruction = try #require(lineText.range(of: "<?", options: .backwards))
        let expectedColumn = column > 0 ? column : lineText[..<instruction.lowerBound].unicodeScalars.count + 1
        #expect(error.location?.column == expectedColumn, "\(reader), \(place): \(error)")
    }

    @Test(arguments: XMLReaderHarness.allCases)
    func theFuzzersInputIsRefusedNotFatal(_ reader: XMLReaderHarness) throws {
        let error = try #require(reader.read("<?r?>Mol").error)
        #expect(error.location == SourceLocation(file: error.file ?? "", line: 1, column: 1))
    }

    /// Instructions with data, and `<?r?>` where it is no instruction, are read as before.
    static let harmless: [String: (prolog: String, body: String)] = [
        "data after the target": ("<?xml version=\"1.0\"?>\n<?r data?>\n", "safe"),
        "only white space as data": ("<?xml version=\"1.0\"?>\n<?r ?>\n", "sa<?r\t?>fe"),
        "in a comment": ("<?xml version=\"1.0\"?>\n<!-- <?r?> -->\n", "sa<!-- <?r?> -->fe"),
        "a question mark in the data": ("<?xml version=\"1.0\"?>\n<?r a?b ? ?>\n", "safe"),
    ]

    @Test(arguments: XMLReaderHarness.allCases, harmless.keys.sorted())
    func otherInstructionsAreRead(_ reader: XMLReaderHarness, _ place: String) throws {
        let (prolog, body) = Self.harmless[place]!
        let result = reader.read(reader.document(prolog: prolog, body: body))
        #expect(result.error == nil, "\(reader), \(place): \(String(describing: result.error))")
    }

    @Test(arguments: XMLReaderHarness.allCases)
    func aCDATASectionMayHoldTheBytes(_ reader: XMLReaderHarness) throws {
        let result = reader.read(reader.document(body: "<![CDATA[<?r?>]]>"))
        #expect(result.error == nil, "\(reader): \(String(describing: result.error))")
    }

    @Test func anInstructionCutBetweenReadChunksIsFound() throws {
        // The streamed reader checks 4-byte chunks here: the instruction spans several.
        for padding in 0..<6 {
            let text = "<?xml version=\"1.0\"?>\n<a>" + String(repeating: "é", count: padding) + "<?target?></a>"
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("pi-\(UUID().uuidString).xml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let stream = XMLCheckedFileStream(path: path, chunkSize: 4, prologLimit: 32)
            stream.open()
            var buffer = [UInt8](repeating: 0, count: 64)
            while stream.read(&buffer, maxLength: buffer.count) > 0 {}
            let failure = try #require(stream.failure, "padding \(padding)")
            #expect(failure.location?.line == 2 && failure.location?.column == 4 + padding, "padding \(padding): \(failure)")
        }
    }
}
