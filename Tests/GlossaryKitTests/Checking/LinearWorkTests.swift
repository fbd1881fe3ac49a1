import Testing

@testable import GlossaryKit

/// Work that must grow linearly with the input, measured by counting operations: each test
/// checks an input and the same input twice as large and compares the counts.
@Suite("Linear work: many matches in one translation unit")
struct LinearWorkTests {
    static let checker = CrossLanguageChecker(compiled: TestSupport.exampleChecker.compiled)

    /// A translation unit whose Indonesian target repeats a deprecated term `count` times on one
    /// line, in `format`: every occurrence becomes a finding on that line.
    static func corpus(_ format: String, repeating count: Int) throws -> TranslationCorpus {
        let target = String(repeating: "TKI ", count: count)
        switch format {
        case "PO":
            let po = "msgid \"\"\nmsgstr \"\"\n\"Language: id\\n\"\n\nmsgid \"Migrant workers\"\nmsgstr \"\(target)\"\n"
            return try POReader.read(SourceText(path: "app.id.po", string: po))
        case "i18n JSON":
            return try I18nJSONReader.read([
                SourceText(path: "en.json", string: #"{"a": "Migrant workers"}"#),
                SourceText(path: "id.json", string: "{\"a\": \"\(target)\"}"),
            ])
        default:
            let xliff = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2"><file source-language="en" target-language="id" datatype="plaintext" original="a"><body>\
                <trans-unit id="1"><source>Migrant workers</source><target>\(target)</target></trans-unit></body></file></xliff>
                """
            return try XLIFFReader.read(SourceText(path: "app.id.xlf", string: xliff))
        }
    }

    /// The findings on `corpus` and the bytes walked to place them.
    static func work(_ corpus: TranslationCorpus) throws -> (findings: Int, positionBytes: Int) {
        var findings: [Finding] = []
        let steps = try WorkMeter.count { findings = try checker.check(corpus) }
        return (findings.count, steps)
    }

    @Test(arguments: ["PO", "i18n JSON", "XLIFF"])
    func placingManyMatchesOfOneUnitIsLinear(format: String) throws {
        let small = try Self.work(Self.corpus(format, repeating: 1000))
        let large = try Self.work(Self.corpus(format, repeating: 2000))
        #expect(small.findings >= 1000)
        #expect(large.findings - small.findings == 1000)
        #expect(small.positionBytes > 0)
        // Twice the matches on a line twice as long: twice the work, not four times.
        #expect(
            Double(large.positionBytes) <= 2.5 * Double(small.positionBytes), "\(small.positionBytes) → \(large.positionBytes)")
    }
}
