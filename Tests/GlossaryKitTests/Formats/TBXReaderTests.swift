import Foundation
import TestLocations
import TestScratch
import Testing

@testable import GlossaryKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("TBX reader")
struct TBXReaderTests {
    /// Files that must load without a dialect error.
    static let goodFiles = [
        "ltac-tbx-test-files/basic_good.tbx", "ltac-tbx-test-files/core_structure_good.tbx",
        "ltac-tbx-test-files/min_good.tbx", "weblate/cs.tbx", "weblate/fr-extended-metadata.tbx",
        "tbx-min-perl/tbx-min-2013-basic.tbx", "tbx-min-perl/tbx-min-draft-termEntry-sample.tbx",
        "eurotermbank/eurotermbank-sync-sample.tbx",
    ]

    @Test(.needsSharedData, arguments: goodFiles)
    func goodFileLoadsCleanly(_ file: String) throws {
        let path = SharedData.path("tbx/" + file)
        let output = try TBXReader.load(contentsOf: path)
        #expect(output.diagnostics.filter { $0.severity == .error } == [])
        #expect(!output.glossary.concepts.isEmpty)
        #expect(output.glossary.concepts.allSatisfy { !$0.terms.isEmpty && !$0.id.isEmpty })
    }

    /// The `*_bad.tbx` files list their expected errors in a comment; these are the lines of the
    /// elements that break each rule.
    @Test(
        .needsSharedData,
        arguments: [
            ("ltac-tbx-test-files/basic_bad.tbx", [24, 26, 69, 97, 140]),
            ("ltac-tbx-test-files/min_bad.tbx", [21, 41, 803]),
            ("ltac-tbx-test-files/core_structure_bad.tbx", [15, 21, 27, 27, 32, 46]),
        ])
    func badFileReportsEachViolation(_ file: String, _ lines: [Int]) throws {
        let path = SharedData.path("tbx/" + file)
        let errors = try TBXReader.validate(contentsOf: path).filter { $0.severity == .error }
        #expect(errors.map(\.location.line) == lines, "\(errors)")
        #expect(errors.allSatisfy { $0.location.file == path && $0.location.column > 0 })
    }

    @Test(.needsSharedData) func basicBadMessagesNameTheRule() throws {
        let messages = try TBXReader.validate(contentsOf: SharedData.path("tbx/ltac-tbx-test-files/basic_bad.tbx")).map(\.message)
        #expect(messages.contains { $0.contains("'nominal'") && $0.contains("partOfSpeech") })
        #expect(messages.contains { $0.contains("theWrongType") })
        #expect(messages.contains { $0.contains("wrongType") && $0.contains("transacNote") })
        #expect(messages.contains { $0.contains("definition") && $0.contains("term level") })
        #expect(messages.contains { $0.contains("source") && $0.contains("descripGrp") })
    }

    @Test(.needsSharedData) func poorlyFormedXMLGivesLineAndColumn() throws {
        let path = SharedData.path("tbx/ltac-tbx-test-files/poorly_formed_xml.tbx")
        #expect {
            try TBXReader.read(contentsOf: path)
        } throws: { error in
            guard let error = error as? InputError, let location = error.location else { return false }
            return location.line == 42 && location.column > 1 && error.message.contains("not well-formed")
                && error.message.contains("<term> from line 41") && error.description.contains("^")
        }
    }

    /// Foundation's parser recovers from a mismatched end tag when it reads from memory and
    /// reports success after the error; from memory as from a file, the reader refuses the
    /// file at the first error. Found by the TBX fuzz target (both ways must agree).
    @Test func malformedXMLInMemoryIsRefusedAsFromAFile() throws {
        let xml = """
            <?xml version="1.0"?>
            <tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>unclosed
            </termSec></langSec></conceptEntry>
            <conceptEntry id="c2"><langSec xml:lang="en"><termSec><term>disc</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let file = try TestScratch.file(xml, extension: "tbx")
        let loads: [() throws -> TBXReader.Output] = [
            { try TBXReader.load(data: Data(xml.utf8), path: "m.tbx") }, { try TBXReader.load(contentsOf: file) },
        ]
        for load in loads {
            #expect {
                try load()
            } throws: { error in
                guard let error = error as? InputError else { return false }
                return error.location?.line == 4 && error.message.contains("not well-formed")
                    && error.message.contains("<term> from line 3")
            }
        }
        // The same entries, well-formed, read either way.
        let fixed = xml.replacingOccurrences(of: "unclosed\n", with: "unclosed</term>\n")
        #expect(try TBXReader.load(data: Data(fixed.utf8), path: "m.tbx").glossary.concepts.count == 2)
    }

    /// Counts concepts, terms and statuses with a plain XML walk and compares with the importer.
    @Test(.needsSharedData) func basicGoodCountsMatchAnIndependentWalk() throws {
        let path = SharedData.path("tbx/ltac-tbx-test-files/basic_good.tbx")
        final class Counter: NSObject, XMLParserDelegate {
            var concepts = 0, terms = 0
            var statuses: [String: Int] = [:]
            var inStatus = false
            var text = ""
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "conceptEntry" { concepts += 1 }
                if name == "term" { terms += 1 }
                inStatus = name == "termNote" && attributes["type"] == "usageStatus"
                text = ""
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inStatus { text += string } }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if inStatus { statuses[text, default: 0] += 1; inStatus = false }
            }
        }
        let counter = Counter()
        let parser = XMLParser(contentsOf: URL(fileURLWithPath: path))!
        parser.delegate = counter
        #expect(parser.parse())

        let glossary = try TBXReader.read(contentsOf: path)
        let terms = glossary.concepts.flatMap(\.terms)
        #expect(glossary.concepts.count == counter.concepts)
        #expect(terms.count == counter.terms)
        let unmarked = counter.terms - counter.statuses.values.reduce(0, +)
        #expect(terms.filter { $0.status == .preferred }.count == (counter.statuses["preferred"] ?? 0) + unmarked)
        #expect(terms.filter { $0.status == .admitted }.count == counter.statuses["admitted"] ?? 0)
        #expect(terms.filter { $0.status == .deprecated }.count == counter.statuses["deprecated"] ?? 0)
        #expect(counter.concepts == 45 && counter.terms == 113)
    }

    @Test(.needsSharedData) func basicGoodKeepsDefinitionsContextsAndTransactions() throws {
        let glossary = try TBXReader.read(contentsOf: SharedData.path("tbx/ltac-tbx-test-files/basic_good.tbx"))
        let c1 = try #require(glossary.concept(withID: "c1"))
        #expect(c1.subject == "General")
        #expect(c1.note?.hasPrefix("G-Source:") == true)
        #expect(
            c1.properties.contains(
                Property(
                    name: "definition", value: "A group of stars formed together in the spiral arms of a galaxy.",
                    language: .english)))
        #expect(c1.properties.contains(Property(name: "definition/source", value: "Oxford2007", language: .english)))
        #expect(c1.properties.first?.name == "transactionType")
        #expect(c1.properties.contains { $0.name == "transactionType/responsibility/@target" })
        #expect(c1.properties.contains { $0.name == "xGraphic/@target" })
        let open = try #require(c1.terms.first)
        #expect(open.text == "open cluster" && open.partOfSpeech == "noun" && open.status == .preferred)
        #expect(open.context?.hasPrefix("Over 1100 open clusters") == true)
        #expect(open.properties.contains { $0.name == "context/source" })
        #expect(
            glossary.properties.contains(
                Property(name: "back/respPerson/pe324as3-9615-4d41-a9c8-30c36bffe0e6/fn", value: "Tommy Tomolonis")))
        let types = Set(glossary.concepts.flatMap(\.terms).map(\.type))
        #expect(types.isSuperset(of: [.acronym, .shortForm, .variant, .fullForm]))
    }

    @Test(.needsSharedData) func martifAndMinDialectsMapStatuses() throws {
        let dir = SharedData.data
        let weblate = try TBXReader.load(contentsOf: dir.appendingPathComponent("tbx/weblate/fr-extended-metadata.tbx").path)
        #expect(weblate.dialect == .martif)
        let bus = try #require(weblate.glossary.concept(withID: "e001"))
        #expect(bus.terms.map(\.status) == [.deprecated, .deprecated])
        #expect(bus.terms[0].properties.contains(Property(name: "administrativeStatus", value: "obsolete")))
        #expect(bus.terms[0].properties.contains(Property(name: "id", value: "e001-en")))
        #expect(bus.definition == "Superseded but still found in older manuals.")
        #expect(bus.properties.contains(Property(name: "descrip:Translation needed", value: "Yes")))
        let code = try #require(weblate.glossary.concept(withID: "e002"))
        #expect(code.terms[0].note == "Do not translate error codes.")
        #expect(code.terms[0].properties.contains(Property(name: "note/@from", value: "developer")))

        let cs = try TBXReader.read(contentsOf: dir.appendingPathComponent("tbx/weblate/cs.tbx").path)
        #expect(cs.concepts.map(\.id) == ["address-bar", "administrator", "administrate", "always-on-top"])

        let min2013 = try TBXReader.load(contentsOf: dir.appendingPathComponent("tbx/tbx-min-perl/tbx-min-2013-basic.tbx").path)
        #expect(min2013.dialect == .min2013)
        let dog = try #require(min2013.glossary.concept(withID: "C002"))
        #expect(dog.subject == "biology")
        #expect(dog.terms.map(\.status) == [.preferred, .preferred, .deprecated])
        #expect(dog.terms[1].properties.contains(Property(name: "customerSubset", value: "SAP")))
        #expect(min2013.glossary.properties.contains(Property(name: "creator", value: "Klaus-Dirk Schmidt")))
        let draft = try TBXReader.read(
            contentsOf: dir.appendingPathComponent("tbx/tbx-min-perl/tbx-min-draft-termEntry-sample.tbx").path)
        #expect(draft.concept(withID: "C002")?.terms.last?.status == .deprecated)

        let etb = try TBXReader.read(contentsOf: dir.appendingPathComponent("tbx/eurotermbank/eurotermbank-sync-sample.tbx").path)
        let computer = try #require(etb.concept(withID: "external-id-369"))
        #expect(computer.subject == "Politics and Administration")
        #expect(computer.terms.map(\.text) == ["Computer", "Dators", "Kompjūters"])
        #expect(computer.terms[0].status == .preferred)
        #expect(computer.terms[0].properties.contains(Property(name: "termType", value: "entryTerm")))
        #expect(computer.terms[0].properties.contains(Property(name: "admin:status", value: "approved")) == false)
        #expect(computer.terms[0].properties.contains(Property(name: "status", value: "approved")))
        #expect(computer.terms[2].properties.contains(Property(name: "temporalQualifier", value: "obsoleteTerm")))
    }

    @Test func statusTableCoversTheValuesSeenInTheWild() {
        #expect(TBXStatusMapping.status(forValue: "preferredTerm-admn-sts") == .preferred)
        #expect(TBXStatusMapping.status(forValue: "admittedTerm-admn-sts") == .admitted)
        #expect(TBXStatusMapping.status(forValue: "supersededTerm-admn-sts") == .deprecated)
        #expect(TBXStatusMapping.status(forValue: "notRecommended") == .deprecated)
        #expect(TBXStatusMapping.status(forValue: "OBSOLETE") == .deprecated)
        #expect(TBXStatusMapping.status(forValue: "forbidden") == .forbidden)
        #expect(TBXStatusMapping.status(forValue: "legalTerm") == .preferred)
        #expect(TBXStatusMapping.status(forValue: "whatever") == nil)
    }
}

@Suite("TBX security")
struct TBXSecurityTests {
    @Test func externalEntityIsRefused() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [
              <!ENTITY secret SYSTEM "file:///etc/passwd">
            ]>
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&secret;</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """
        let path = try TestScratch.file(xml, extension: "tbx")
        #expect {
            try TBXReader.read(contentsOf: path)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.location?.line == 3 && error.message.contains("entity")
        }
    }

    @Test func billionLaughsIsRefused() throws {
        var declarations = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            declarations += "\n  <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let xml =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  \(declarations)\n]>\n<tbx xml:lang=\"en\"><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>"
        #expect(throws: InputError.self) { try TBXReader.load(data: Data(xml.utf8), path: "bomb.tbx") }
        let path = try TestScratch.file(xml, extension: "tbx")
        #expect {
            try TBXReader.read(contentsOf: path)
        } throws: { error in
            (error as? InputError)?.message.contains("billion laughs") == true
        }
    }

    @Test func entityTextInsideACommentIsNotMistakenForADeclaration() throws {
        let xml = """
            <?xml version="1.0"?>
            <!-- a comment that mentions <!ENTITY x "y"> is harmless -->
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
            <martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
            <text><body><termEntry id="t1"><langSet xml:lang="en"><tig><term>safe</term></tig></langSet></termEntry></body></text></martif>
            """
        let glossary = try TBXReader.load(data: Data(xml.utf8)).glossary
        #expect(glossary.concepts.first?.terms.first?.text == "safe")
    }
}
