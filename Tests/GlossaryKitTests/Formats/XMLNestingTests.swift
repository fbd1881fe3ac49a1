import Foundation
import Testing

@testable import GlossaryKit

/// Deep nesting and long lines in XML: trees are built and walked without recursion, nesting is
/// limited to `XMLInputCheck.maximumDepth`, and the work is linear in the file (a TBX term with
/// 100,000 nested elements overflowed the stack; inline codes nested 40,000 deep in XLIFF or TMX
/// did too, and took time quadratic in the length of the line).
@Suite("XML nesting")
struct XMLNestingTests {
    /// Elements above the term or segment text in `XMLReaderHarness.document(body:)`.
    static func depthAbove(_ reader: XMLReaderHarness) -> Int {
        switch reader {
        case .tbxFile, .tbxData: 7  // martif, text, body, termEntry, langSet, tig, term
        case .xliff, .tmx: 5  // xliff, file, body, trans-unit, source; tmx, body, tu, tuv, seg
        }
    }

    static func nested(_ count: Int, around text: String) -> String {
        String(repeating: "<g>", count: count) + text + String(repeating: "</g>", count: count)
    }

    @Test(arguments: XMLReaderHarness.allCases)
    func nestingUpToTheLimitIsRead(_ reader: XMLReaderHarness) throws {
        let count = XMLInputCheck.maximumDepth - Self.depthAbove(reader)
        #expect(try reader.read(reader.document(body: Self.nested(count, around: "deep"))).get() == "deep")
    }

    @Test(arguments: XMLReaderHarness.allCases, [1, 100_000])
    func nestingBeyondTheLimitIsAnError(_ reader: XMLReaderHarness, _ excess: Int) throws {
        let count = XMLInputCheck.maximumDepth - Self.depthAbove(reader) + excess
        let error = try #require(reader.read(reader.document(body: Self.nested(count, around: "deep"))).error)
        #expect(error.message == XMLInputCheck.depthMessage)
        #expect(error.location?.line == 2)
    }

    /// Deep nesting in every place a TBX reader walks a tree: a definition with inline markup, a
    /// note holding unknown elements with attributes (read as nested properties), a header
    /// paragraph.
    @Test func deepTBXDataCategoriesAreRead() throws {
        let depth = XMLInputCheck.maximumDepth - 8
        func nested(_ name: String, _ count: Int, around text: String) -> String {
            String(repeating: "<\(name)>", count: count) + text + String(repeating: "</\(name)>", count: count)
        }
        let xml = """
            <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>\(nested("hi", depth - 2, around: "header"))</p></sourceDesc></fileDesc></martifHeader>
            <text><body><termEntry id="t1"><descrip type="definition">\(nested("hi", depth, around: "defined"))</descrip>
            <note>\(String(repeating: "<x n=\"1\">a", count: depth))\(String(repeating: "</x>", count: depth))</note>
            <langSet xml:lang="en"><tig><term>deep</term></tig></langSet></termEntry></body></text></martif>
            """
        let output = try TBXReader.load(data: Data(xml.utf8), path: "deep.tbx")
        #expect(output.glossary.concepts.first?.definition == "defined")
        #expect(output.glossary.concepts.first?.terms.first?.text == "deep")
        #expect(output.glossary.concepts.first?.properties.count ?? 0 > depth)
    }

    // MARK: Linear work

    /// The steps to read `document` with the XLIFF or TMX reader.
    static func steps(_ reader: XMLReaderHarness, _ document: String) throws -> Int {
        let source = SourceText(path: reader == .xliff ? "x.xlf" : "x.tmx", string: document)
        return try WorkMeter.count {
            _ = try reader == .xliff ? XLIFFReader.read(source) : TMXReader.read(source)
        }
    }

    /// How the work grows when the input doubles: about 2 for linear work, 4 for quadratic.
    static func growth(_ reader: XMLReaderHarness, _ body: (Int) -> String) throws -> Double {
        let small = try steps(reader, reader.document(body: body(2_000)))
        let large = try steps(reader, reader.document(body: body(4_000)))
        try #require(small > 0)
        return Double(large) / Double(small)
    }

    @Test(arguments: [XMLReaderHarness.xliff, .tmx])
    func inlineCodesOnOneLineTakeLinearWork(_ reader: XMLReaderHarness) throws {
        let growth = try Self.growth(reader) { String(repeating: "<g>TKI</g> <ph>x</ph> ", count: $0) }
        #expect(growth < 2.5, "work grew \(growth) times when the line doubled")
    }

    @Test(arguments: [XMLReaderHarness.xliff, .tmx])
    func nestedInlineCodesTakeLinearWork(_ reader: XMLReaderHarness) throws {
        let growth = try Self.growth(reader) { Self.nested($0 / 10, around: String(repeating: "TKI ", count: $0)) }
        #expect(growth < 2.5, "work grew \(growth) times when the nesting doubled")
    }

    @Test(arguments: [XMLReaderHarness.xliff, .tmx])
    func entityReferencesInOneTextTakeLinearWork(_ reader: XMLReaderHarness) throws {
        let growth = try Self.growth(reader) { String(repeating: "TKI &amp; &#x41; ", count: $0) }
        #expect(growth < 2.5, "work grew \(growth) times when the text doubled")
    }
}
