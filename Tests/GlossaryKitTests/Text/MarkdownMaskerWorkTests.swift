import TestRandom
import Testing

@testable import GlossaryKit

/// Markdown masking and the suppression directives take work linear in the text: each input
/// below once made a search run again from every occurrence to the end of its line or paragraph
/// (`<!-- glossary-ignore -->` 20,000 times on one line took 6.8 s).
@Suite("Markdown masking work")
struct MarkdownMaskerWorkTests {
    /// Texts that grow with `n`, each named for what it repeats.
    static let growingTexts: [String: @Sendable (Int) -> String] = [
        "ignore comments on one line": { String(repeating: "TKI <!-- glossary-ignore --> ", count: $0) },
        "unclosed link destinations": { String(repeating: "[TKI](", count: $0) },
        "brackets then unclosed destinations": {
            String(repeating: "[", count: 10 * $0) + " TKI " + String(repeating: "](", count: 10 * $0)
        },
        "unclosed backtick runs of every length": { n in
            (1...Int(Double(n).squareRoot() * 4)).map { String(repeating: "`", count: $0) + " TKI " }.joined()
        },
        "unclosed backticks": { String(repeating: "a ` b ", count: $0) },
        "unclosed comments and tags": { String(repeating: "<!-- <a ", count: $0) },
        "URL-like words": {
            String(repeating: "www.www.http://www.x.", count: $0) + " " + String(repeating: "ftp:// www. ", count: $0)
        },
        "a long line of prose": { String(repeating: "Pekerja migran bekerja. ", count: $0) },
        "nested delimiter runs": {
            String(repeating: "**_~~*", count: $0) + "TKI" + String(repeating: "*~~_**", count: $0)
        },
        "unbalanced delimiters": { String(repeating: "_TKI *guest _worker ** ", count: $0) },
        "brackets then links": { String(repeating: "[", count: $0) + String(repeating: "guest](x) ", count: $0) },
        "phrasing tags": { String(repeating: "<em>guest</em> <a href=\"x>y\">worker</a> <embed> ", count: $0) },
        "unclosed quoted attributes": { String(repeating: "<a title=\"guest worker <b x='", count: $0) },
        "reference links and unclosed labels": {
            String(repeating: "[guest][ref] [a][ ][b][] ][[", count: $0) + String(repeating: "]", count: $0)
        },
        "links inside brackets": { String(repeating: "[a [b](x) *c* ", count: $0) + String(repeating: "]", count: $0) },
    ]

    static func steps(_ text: String, markdown: Bool) -> Int {
        let bytes = Array(text.utf8)
        return WorkMeter.count { _ = MarkdownMasker.mask(bytes, markdown: markdown) }
    }

    @Test(arguments: growingTexts.keys.sorted(), [true, false])
    func maskingTakesLinearWork(_ name: String, _ markdown: Bool) throws {
        let text = Self.growingTexts[name]!
        let small = Self.steps(text(4_000), markdown: markdown)
        let large = Self.steps(text(8_000), markdown: markdown)
        try #require(small > 0)
        let growth = Double(large) / Double(small)
        #expect(growth < 2.5, "\(name): the work grew \(growth) times when the text doubled")
    }

    /// The masking of each growing text is what the byte-by-byte reading of the rules gives.
    @Test(arguments: growingTexts.keys.sorted())
    func maskingIsUnchangedOnSmallInputs(_ name: String) {
        let text = Array(Self.growingTexts[name]!(30).utf8)
        let ranges = MarkdownMasker.maskedRanges(text, markdown: true)
        #expect(ranges == ReferenceMasker.maskedRanges(text), "\(name)")
    }

    // MARK: Suppressions

    static let directiveTexts: [String: @Sendable (Int) -> String] = [
        "Markdown ignores on one line": { String(repeating: "TKI <!-- glossary-ignore --> ", count: $0) + "\n" },
        "Markdown ignores each alone": { String(repeating: "<!-- glossary-ignore deprecated-term -->\nTKI\n", count: $0) },
        "plain ignores on one line": { String(repeating: "TKI glossary-ignore -- quoted ", count: $0) + "\n" },
        "disable and enable on one line": {
            String(repeating: "TKI <!-- glossary-disable --> TKI <!-- glossary-enable term-case --> ", count: $0)
        },
    ]

    /// The steps to read the directives of `text` and filter `n` findings spread over it.
    static func suppressionSteps(_ text: String, findings n: Int, markdown: Bool) throws -> Int {
        let source = SourceText(path: markdown ? "t.md" : "t.txt", string: text)
        let rules: Set<String> = ["deprecated-term", "term-case"]
        return try WorkMeter.count {
            let suppressions = try Suppressions(parsing: source, markdown: markdown, knownRules: rules)
            for index in 0..<n {
                let offset = source.bytes.count * index / n
                // Directives look at the line and the offset only (a column would cost the line).
                let location = SourceLocation(file: source.path, line: source.line(containing: offset), column: 1)
                let finding = Finding(
                    location: location, endLocation: location, byteRange: offset..<(offset + 1),
                    rule: index % 2 == 0 ? "deprecated-term" : "term-case",
                    severity: .warning, language: nil, concept: nil, text: "TKI", message: "")
                _ = suppressions.suppresses(finding)
            }
        }
    }

    @Test(arguments: directiveTexts.keys.sorted())
    func suppressionsTakeLinearWork(_ name: String) throws {
        let text = Self.directiveTexts[name]!
        let markdown = name.hasPrefix("Markdown") || name.hasPrefix("disable")
        let small = try Self.suppressionSteps(text(2_000), findings: 2_000, markdown: markdown)
        let large = try Self.suppressionSteps(text(4_000), findings: 4_000, markdown: markdown)
        try #require(small > 0)
        let growth = Double(large) / Double(small)
        #expect(growth < 2.5, "\(name): the work grew \(growth) times when the text doubled")
    }
}

@Suite("Markdown masking agrees with its reference")
struct MarkdownMaskerReferenceTests {
    @Test func randomMarkupIsMaskedAsTheReferenceDoes() {
        let pieces = [
            "`", "``", "```", "[", "]", "](", ")", "(", "<", ">", "<!--", "-->", "<a ", "</b>", "<!x", "\n", "\n\n", "\n \n",
            " ", "\r", "\t", "TKI", "www.", "http://", "x", ".", "~~~", "\n```\n", "é",
            "*", "**", "_", "~~", "\\", "\\_", "![", "a", "!",
            "][", "[]", "<em>", "</em>", "<b class=\"", "=\"", "'", "<embed>", "<br>", "<span x='>'>", "<EM ", "/>",
        ]
        var generator = SeededGenerator(seed: 16)
        var masked = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 1...24, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let bytes = Array(text.utf8)
            let ranges = MarkdownMasker.maskedRanges(bytes, markdown: true)
            #expect(ranges == ReferenceMasker.maskedRanges(bytes), "\(text.debugDescription)")
            masked += ranges.count
        }
        #expect(masked > 1_000)
    }
}

@Suite("Suppressions agree with their reference")
struct SuppressionsReferenceTests {
    @Test(arguments: [true, false])
    func randomDirectivesAreReadAsTheReferenceDoes(_ markdown: Bool) throws {
        let pieces = [
            "<!-- glossary-ignore -->", "<!-- glossary-ignore deprecated-term -->", "<!-- glossary-disable -->",
            "<!-- glossary-enable term-case -- why -->", "<!--\nglossary-disable term-case\n-->", "glossary-ignore ",
            "glossary-disable -- x", "glossary-enable", " ", "  ", "\n", "\r\n", "x", "#", "* ", "<!--", "-->", "\n```\n", "TKI",
            "// ",
        ]
        let rules: Set<String> = ["deprecated-term", "term-case"]
        var generator = SeededGenerator(seed: markdown ? 5 : 6)
        var directives = 0
        for _ in 0..<600 {
            let text = (0..<Int.random(in: 1...14, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let source = SourceText(path: markdown ? "r.md" : "r.txt", string: text)
            guard let suppressions = try? Suppressions(parsing: source, markdown: markdown, knownRules: rules) else { continue }
            let reference = ReferenceSuppressions(source, markdown: markdown, knownRules: rules)
            #expect(suppressions.directives == reference.directives, "\(text.debugDescription)")
            directives += reference.directives.count
            for offset in 0...source.bytes.count {
                let position = source.position(of: offset)
                let location = SourceLocation(file: source.path, line: position.line, column: position.column)
                for rule in rules.sorted() + ["other-rule"] {
                    let finding = Finding(
                        location: location, endLocation: location, byteRange: offset..<offset, rule: rule,
                        severity: .warning, language: nil, concept: nil, text: "", message: "")
                    #expect(
                        suppressions.suppresses(finding) == reference.suppresses(rule: rule, line: position.line, offset: offset),
                        "\(text.debugDescription) at \(offset), \(rule)")
                }
            }
        }
        #expect(directives > 400)
    }
}
