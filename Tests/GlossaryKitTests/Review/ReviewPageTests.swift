import Foundation
import Testing

@testable import GlossaryKit

/// The HTML of `glossary report`: escaped, one look per concept, every finding on the page, nothing
/// loaded from elsewhere. (Tests/Browser/review_page.py checks the same pages in Chromium.)
@Suite("The review page's HTML")
struct ReviewPageTests {
    static let checker = CrossLanguageChecker(compiled: TestSupport.exampleChecker.compiled)

    /// The page of `example`, with the findings of the check on it.
    static func page(_ example: TranslationExample, title: String = "Review") throws -> (
        html: String, findings: [Finding], corpus: AnalyzedCorpus
    ) {
        let corpus = example.corpus().corpus
        let analyzed = try checker.analyze(corpus)
        let findings = try checker.check(corpus)
        return (ReviewPage(corpora: [analyzed], findings: findings, title: title).render(), findings, analyzed)
    }

    /// Deprecated terms in two versions, the ILO left out of the third.
    static let trilingual = TranslationExample([
        [
            (.indonesian, "ILO melindungi TKI dan pekerja migran."),
            (.english, "The International Labor Organization protects migrant workers."),
            (.sundanese, "Pekerja migran dijaga."),
        ],
        [
            (.indonesian, "Perdagangan tenaga kerja adalah kejahatan."),
            (.english, "Labour trafficking is a crime, the ILO says."),
            (.sundanese, "Numutkeun ILO, padagangan tanaga gawé téh kajahatan."),
        ],
    ])

    /// Every match of `pattern` in `text`, as the capture groups.
    static func captures(_ pattern: String, in text: String) throws -> [[String]] {
        let expression = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    @Test func escapingTurnsEveryMarkupCharacterIntoAReference() {
        #expect("a < b && c > \"d\" 'e'".htmlEscaped == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;")
        #expect("plain text, accents: é ñ —".htmlEscaped == "plain text, accents: é ñ —")
        #expect("".htmlEscaped == "")
        #expect("&amp;".htmlEscaped == "&amp;amp;")
    }

    @Test func markupInADraftATitleAndAFindingIsShownAsText() throws {
        let example = TranslationExample([
            [
                (.english, "The ILO <script>alert(1)</script> protects \"workers\" & <img src=x onerror=alert(2)>."),
                (.indonesian, "ILO melindungi pekerja </p><b>tebal</b>."),
            ]
        ])
        var (html, findings, corpus) = try Self.page(example, title: "<script>alert(3)</script>")
        #expect(html.contains("protects &quot;workers&quot; &amp; &lt;img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;/p&gt;&lt;b&gt;tebal&lt;/b&gt;"))
        #expect(html.contains("<title>&lt;script&gt;alert(3)&lt;/script&gt;</title>"))
        // The page's own script is the only one, and no element of the inputs became a tag.
        #expect(try Self.captures("<script", in: html).count == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>tebal"))
        // A finding's fields are text too.
        findings.append(
            Finding(
                location: SourceLocation(file: "<example>", line: 1, column: 1),
                endLocation: SourceLocation(file: "<example>", line: 1, column: 4), byteRange: 0..<3,
                rule: "made-up<rule>", severity: .error, language: .english, concept: nil, text: "The",
                message: "a <em>message</em>", suggestions: ["<u>this</u>"], note: "a \"note\" <br>"))
        html = ReviewPage(corpora: [corpus], findings: findings, title: "t").render()
        #expect(html.contains("made-up&lt;rule&gt;") && html.contains("a &lt;em&gt;message&lt;/em&gt;"))
        #expect(html.contains("&lt;u&gt;this&lt;/u&gt;") && html.contains("a &quot;note&quot; &lt;br&gt;"))
        #expect(!html.contains("<em>message") && !html.contains("<u>this"))
    }

    @Test func aConceptHasOneNumberAndOneColourInEveryColumnAndTheLegend() throws {
        let (html, _, corpus) = try Self.page(Self.trilingual)
        // Each term: its class number, its data-concept, its text, and the column's language.
        var conceptOfTerm: [String: Set<String>] = [:]
        var columnsOfConcept: [String: Set<String>] = [:]
        for cell in try Self.captures(#"<div class="cell" lang="([a-z]+)"(.*?)</div>\n(?=<div class="cell"|</div>)"#, in: html) {
            for term in try Self.captures(
                #"<mark class="term c(\d+)[^"]*"[^>]*data-concept="(\d+)"[^>]*>([^<]*)<sup"#, in: cell[1])
            {
                #expect(term[0] == term[1], "class c\(term[0]) but data-concept \(term[1])")
                conceptOfTerm[term[2].lowercased(), default: []].insert(term[0])
                columnsOfConcept[term[0], default: []].insert(cell[0])
            }
        }
        #expect(!conceptOfTerm.isEmpty)
        for (term, numbers) in conceptOfTerm { #expect(numbers.count == 1, "\(term) has numbers \(numbers)") }
        // The ILO, in all three versions, is one concept with one number.
        let ilo = try #require(conceptOfTerm["ilo"]?.first)
        #expect(columnsOfConcept[ilo] == ["id", "en", "su"])
        // One hue per number, set once, and the numbers are those of distinct concepts.
        let hues = try Self.captures(#"\.c(\d+)\{--h:(\d+)\}"#, in: html)
        #expect(Set(hues.map { $0[0] }).count == hues.count)
        let named = Set(corpus.texts.flatMap { $0.document.matches.map(\.term.concept) })
        #expect(hues.count == named.count)
        for hue in hues {
            #expect(Int(hue[1]) == ConceptPalette.hue(ofConceptNumbered: Int(hue[0])!))
        }
        // Distinct concepts next to each other get distinct hues.
        #expect(Set((1...ConceptPalette.hues.count).map(ConceptPalette.hue)).count == ConceptPalette.hues.count)
        // The legend lists each concept once, with the same number as its terms.
        let legend = try Self.captures(#"<li><span class="term c(\d+)" [^>]*>([^<]+)<sup"#, in: html)
        #expect(legend.count == named.count)
        let iloConcept = try #require(corpus.glossary.concepts.firstIndex { $0.id == "ilo" })
        #expect(legend.contains { $0[0] == ilo && $0[1] == corpus.glossary.concepts[iloConcept].id })
        // Every term also carries its number as text: colour is never the only sign.
        #expect(
            try Self.captures(#"<mark class="term c(\d+)[^>]*>[^<]*<sup class="cn">(\d+)</sup>"#, in: html).allSatisfy {
                $0[0] == $0[1]
            })
    }

    @Test func everyFindingIsOnThePageOnceWithItsFlag() throws {
        let (html, findings, _) = try Self.page(Self.trilingual)
        #expect(findings.count >= 2, "the example should have findings: \(findings.map(\.rule))")
        let items = try Self.captures(#"<li class="finding sev-(\w+)" id="finding-(\d+)"[^>]*data-rule="([^"]+)""#, in: html)
        #expect(items.count == findings.count)
        for (index, finding) in findings.enumerated() {
            #expect(items.contains { $0 == [finding.severity.rawValue, String(index + 1), finding.rule] }, "\(finding)")
            #expect(html.contains("href=\"#finding-\(index + 1)\""), "no flag for \(finding.rule)")
            #expect(html.contains(finding.message.htmlEscaped))
        }
    }

    @Test func aFindingOutsideTheAlignedTextIsListedApart() throws {
        let (_, findings, corpus) = try Self.page(Self.trilingual)
        let elsewhere = Finding(
            location: SourceLocation(file: "other.md", line: 3, column: 2),
            endLocation: SourceLocation(file: "other.md", line: 3, column: 5), byteRange: 40..<43, rule: "some-rule",
            severity: .warning, language: nil, concept: nil, text: "abc", message: "somewhere else")
        let html = ReviewPage(corpora: [corpus], findings: findings + [elsewhere], title: "t").render()
        let outside = try #require(html.range(of: "Findings outside the aligned versions"))
        #expect(html[outside.upperBound...].contains("id=\"finding-\(findings.count + 1)\""))
        #expect(!html[outside.upperBound...].contains("id=\"finding-1\""))
    }

    @Test func fieldsAFindingCarriesAreShownWithoutBeingNamed() throws {
        let (_, findings, corpus) = try Self.page(Self.trilingual)
        var finding = try #require(findings.first)
        finding.note = "a glossary note"
        finding.fix = "the fix"
        finding.matchExplanation = "'x' + -nya"
        let html = ReviewPage(corpora: [corpus], findings: [finding], title: "t").render()
        for (key, value) in [("note", "a glossary note"), ("fix", "the fix"), ("matchedAs", "&#39;x&#39; + -nya")] {
            #expect(html.contains("<dt>\(key)</dt><dd>\(value)</dd>"), "\(key)")
        }
    }

    @Test func foldedFindingsAreListedAsNotesOfTheFindingTheyWereFoldedInto() throws {
        let (_, findings, corpus) = try Self.page(Self.trilingual)
        var finding = try #require(findings.first)
        finding.folded = [FoldedFinding(rule: "other-rule", severity: .info, message: "also <this>")]
        let html = ReviewPage(corpora: [corpus], findings: [finding], title: "t").render()
        #expect(html.contains("<li>Also: info <code class=\"rule\">other-rule</code> also &lt;this&gt;</li>"))
        #expect(!html.contains("<dt>folded</dt>"))
    }

    @Test func thePageLoadsNothingFromElsewhere() throws {
        let (html, _, _) = try Self.page(Self.trilingual)
        #expect(try Self.captures(#"\ssrc\s*="#, in: html).isEmpty)
        #expect(try Self.captures(#"href="([^"]*)""#, in: html).allSatisfy { $0[0].hasPrefix("#") })
        for needle in ["http:", "https:", "url(", "@import", "<link", "<iframe", "<object", "<embed", "@font-face"] {
            #expect(!html.contains(needle), "\(needle)")
        }
    }

    @Test func gapsAreMarkedInTheColumnThatLacksTheConcept() throws {
        let example = TranslationExample([
            [
                (.english, "The ILO protects migrant workers."),
                (.indonesian, "ILO melindungi pekerja migran."),
                (.sundanese, "Pagawé dijaga."),
            ]
        ])
        let (html, _, _) = try Self.page(example)
        let cells = try Self.captures(#"<div class="cell" lang="([a-z]+)"(.*?)</div>\n(?=<div class="cell"|</div>)"#, in: html)
        let sundanese = try #require(cells.first { $0[0] == "su" })
        #expect(sundanese[1].contains("<span class=\"concept\">ilo</span>"))
        for cell in cells where cell[0] != "su" { #expect(!cell[1].contains("class=\"gaps\""), "\(cell[0])") }
    }

    @Test func longCorporaArePagedAndShortOnesAreNot() throws {
        let count = ReviewPage.setsPerPage * 2 + 1
        let sets = (0..<count).map { index in
            [(LanguageTag.english, "The ILO met \(index) times."), (LanguageTag.indonesian, "ILO bertemu \(index) kali.")]
        }
        let (html, _, _) = try Self.page(TranslationExample(sets))
        #expect(html.contains("data-pages=\"3\""))
        let pages = try Self.captures(#"<article class="set[^"]*" id="set-1-(\d+)" data-page="(\d+)""#, in: html)
        #expect(pages.count == count)
        #expect(pages.allSatisfy { Int($0[1]) == (Int($0[0])! - 1) / ReviewPage.setsPerPage })
        let (short, _, _) = try Self.page(Self.trilingual)
        #expect(short.contains("data-pages=\"1\""))
    }
}
