import Testing

@testable import GlossaryKit

/// libxml2 checks each attribute of an element against every one before it, so an element of
/// 200,000 attributes (2 MB) took nine seconds to read. Every XML reader refuses an element of
/// more than `XMLMarkupScanner.maximumAttributes` attributes at its `<`, before the parser
/// sees it; `=` in a quoted value, a comment or a CDATA section counts for nothing.
@Suite("XML attributes per element")
struct XMLAttributeLimitTests {
    static func element(attributes count: Int, value: String = "v") -> String {
        "<x " + (0..<count).map { "a\($0)=\"\(value)\"" }.joined(separator: " ") + "/>"
    }

    @Test(arguments: XMLReaderHarness.allCases)
    func anElementOfTooManyAttributesIsRefusedAtItsStart(_ reader: XMLReaderHarness) throws {
        let body = "sa" + Self.element(attributes: XMLMarkupScanner.maximumAttributes + 1) + "fe"
        let document = reader.document(body: body)
        let error = try #require(reader.read(document).error, "\(reader): read without an error")
        #expect(error.message == XMLMarkupScanner.attributesMessage, "\(reader): \(error)")
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("<x a0=") })
        let column = lines[line].range(of: "<x a0=").map { lines[line][..<$0.lowerBound].unicodeScalars.count + 1 }
        #expect(error.location?.line == line + 1 && error.location?.column == column, "\(reader): \(error)")
    }

    /// A DOCTYPE's system literal may hold `<` and a quote of the other kind; tags are read from
    /// the root element on, so neither the instruction check nor the attribute count is misled
    /// by it.
    @Test(arguments: XMLReaderHarness.allCases)
    func aDoctypeLiteralDoesNotMisleadTheScan(_ reader: XMLReaderHarness) throws {
        let prolog = "<?xml version=\"1.0\"?>\n<!DOCTYPE root SYSTEM \"a<b'.dtd\">\n"
        let instruction = reader.read(reader.document(prolog: prolog, body: "sa<?r?>fe")).error
        #expect(
            instruction?.message.contains("processing instruction without data") == true,
            "\(reader): \(String(describing: instruction))")
        let values = String(repeating: "<x a=\"k=v\" b='c=d'/>", count: 600)
        let error = reader.read(reader.document(prolog: prolog, body: "sa" + values + "fe")).error
        #expect(error?.message != XMLMarkupScanner.attributesMessage, "\(reader): \(String(describing: error))")
    }

    /// As many attributes as allowed, and signs that only look like attributes, are no reason
    /// to refuse (the reader may still refuse the element for what it is).
    @Test(arguments: XMLReaderHarness.allCases)
    func whatIsNoAttributeIsNotCounted(_ reader: XMLReaderHarness) throws {
        for body in [
            "sa" + Self.element(attributes: XMLMarkupScanner.maximumAttributes) + "fe",
            "sa" + Self.element(attributes: 2, value: String(repeating: "a=b> ", count: 2_000)) + "fe",
            "sa" + String(repeating: "a=b ", count: 2_000) + "fe",
            "sa<!-- " + String(repeating: "a=b ", count: 2_000) + " -->fe",
            "<![CDATA[" + String(repeating: "a=b ", count: 2_000) + "]]>",
        ] {
            let error = reader.read(reader.document(body: body)).error
            #expect(error?.message != XMLMarkupScanner.attributesMessage, "\(reader): \(String(describing: error))")
        }
    }
}
