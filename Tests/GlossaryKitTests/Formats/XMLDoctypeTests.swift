import Foundation
import Testing

@testable import GlossaryKit

/// No XML reader lets a document declare an entity: the prolog is read by its grammar before any
/// parser sees it, so markup that hides a `]` or a quote from a byte scan cannot smuggle a
/// declaration past it (each case below once did).
@Suite("XML document type declarations")
struct XMLDoctypeTests {
    static let secret = "<!ENTITY e SYSTEM \"file:///etc/hostname\">"

    /// Prologs that declare an entity on line 4, after markup that once hid it.
    static let declaringProlog: [String: String] = [
        "plain internal entity": "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!-- -->\n<!ENTITY e \"boom\">\n]>\n",
        "external entity": "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!-- -->\n\(secret)\n]>\n",
        "']' in a processing instruction": "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<?pi ] > ?>\n\(secret)\n]>\n",
        "an apostrophe in a comment": "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!-- don't -->\n\(secret)\n]>\n",
        "an apostrophe in a comment before the DOCTYPE": "<?xml version=\"1.0\"?>\n<!-- it's -->\n<!DOCTYPE r [\n\(secret)\n]>\n",
        "a quote in the system literal": "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"a'b\" [\n<!-- -->\n\(secret)\n]>\n",
        "a parameter entity":
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!-- -->\n<!ENTITY % p SYSTEM \"file:///etc/hostname\">\n]>\n",
        "an entity nested in billions": "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n\n<!ENTITY e \"&#38;e;&#38;e;\">\n]>\n",
    ]

    @Test(arguments: XMLReaderHarness.allCases, declaringProlog.keys.sorted())
    func anEntityDeclarationIsRefusedAtItsLine(_ reader: XMLReaderHarness, _ name: String) throws {
        let document = reader.document(prolog: Self.declaringProlog[name]!, body: "x&e;y")
        let error = try #require(reader.read(document).error, "\(reader), \(name): an entity was declared and read")
        #expect(error.location?.line == 4, "\(reader), \(name): \(error)")
        #expect(error.location?.column == 1, "\(reader), \(name): \(error)")
        #expect(error.message.hasPrefix("entity declarations are not accepted"), "\(reader), \(name): \(error.message)")
    }

    /// An attribute list whose default holds `]` once ended a byte scan's idea of the subset, so
    /// that the entity after it went unseen. Declarations other than entities are refused too
    /// (the parser crashed on `#IMPLIED` and on a notation without a system identifier).
    static let otherDeclarations = [
        "<!ATTLIST r a CDATA \"]\">", "<!ATTLIST r a CDATA ']>'>", "<!ATTLIST r a CDATA #IMPLIED>",
        "<!NOTATION n PUBLIC \"-//n//EN\">", "<!NOTATION png SYSTEM \"image/png\">", "<!ELEMENT r ANY>",
    ]

    @Test(arguments: XMLReaderHarness.allCases, otherDeclarations)
    func otherDeclarationsInTheSubsetAreRefused(_ reader: XMLReaderHarness, _ declaration: String) throws {
        let prolog = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n  \(declaration)\n\(Self.secret)\n]>\n"
        let error = try #require(reader.read(reader.document(prolog: prolog, body: "x&e;y")).error)
        #expect(error.location.map { [$0.line, $0.column] } == [3, 3], "\(reader), \(declaration): \(error)")
        #expect(error.message.hasPrefix("declarations in the DOCTYPE's internal subset are not accepted"), "\(error.message)")
    }

    @Test(arguments: XMLReaderHarness.allCases)
    func aParameterEntityReferenceIsRefused(_ reader: XMLReaderHarness) throws {
        let document = reader.document(prolog: "<!DOCTYPE r [\n  %p;\n]>\n", body: "x")
        let error = try #require(reader.read(document).error)
        #expect(error.location.map { [$0.line, $0.column] } == [2, 3])
        #expect(error.message.contains("parameter entity"), "\(error.message)")
    }

    @Test(arguments: XMLReaderHarness.allCases)
    func aUTF16DocumentWithAnEntityIsRefused(_ reader: XMLReaderHarness) throws {
        let document = reader.document(
            prolog: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE r [\n\(Self.secret)\n]>\n", body: "x&e;y")
        let bytes: [UInt8] = [0xFF, 0xFE] + document.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let error = try #require(reader.read(bytes).error)
        #expect(error.message.contains("UTF-16"), "\(error.message)")
    }

    /// Markup a DTD may hold and that looks like a declaration to a byte scan: all of it is read.
    static let harmlessProlog: [String: String] = [
        "an external DTD": "<?xml version=\"1.0\"?>\n<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n",
        "a public DTD": "<!DOCTYPE martif PUBLIC \"ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN\" 'TBXcdv04.dtd'>\n",
        "comments and processing instructions in the subset": """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-model href="x.rng" type="application/xml"?>
        <!-- it's <!ENTITY x "y"> in a comment -->
        <!DOCTYPE r SYSTEM "r.dtd" [
          <?pi ] > <!ENTITY no "x"> ?>
          <!-- ' " ] > <!ENTITY no "x"> -->
        ]>
        <!-- after -->

        """,
    ]

    @Test(arguments: XMLReaderHarness.allCases, harmlessProlog.keys.sorted())
    func aDTDWithoutEntitiesIsRead(_ reader: XMLReaderHarness, _ name: String) throws {
        let document = reader.document(prolog: Self.harmlessProlog[name]!, body: "safe")
        #expect(try reader.read(document).get() == "safe", "\(reader), \(name)")
    }

    @Test(
        arguments: XMLReaderHarness.allCases,
        [
            "<!DOCTYPE r [\n<![INCLUDE[ <!ELEMENT r ANY> ]]>\n]>\n",
            "<!DOCTYPE r [\n<!-- c --> junk\n]>\n",
            "<!DOCTYPE r [\n<!-- a -- b -->\n]>\n",
            "<!DOCTYPE r [\n<?xml version='1.0'?>\n]>\n",
            "<!DOCTYPE r\nFOO [\n<!ELEMENT r ANY>\n]>\n",
            "<!DOCTYPE r>\n<!DOCTYPE s>\n",
        ])
    func malformedDTDMarkupIsRefused(_ reader: XMLReaderHarness, _ prolog: String) throws {
        let error = try #require(reader.read(reader.document(prolog: prolog, body: "x")).error, "\(reader): \(prolog)")
        #expect(error.location?.line == 2, "\(reader): \(prolog) \(error)")
    }
}
