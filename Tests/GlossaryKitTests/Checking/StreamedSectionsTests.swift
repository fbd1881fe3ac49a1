import Foundation
import TestRandom
import Testing

@testable import GlossaryKit

/// A streamed document with language sections is aligned from what the first pass kept of its
/// paragraphs and checked a few translation sets at a time (`StreamedSections`); its findings
/// must be exactly those of the document read whole.
@Suite("Streamed language sections")
struct StreamedSectionsTests {
    /// Versions of one sentence: Indonesian, English, Sundanese.
    typealias Versions = (id: String, en: String, su: String)

    /// Sentences written for these tests, with the project glossary's terms.
    static let sentences: [Versions] = [
        (
            "ILO menerbitkan laporan tentang pekerja migran.", "The ILO published a report on migrant workers.",
            "ILO medalkeun laporan ngeunaan pekerja migran."
        ),
        (
            "Perdagangan tenaga kerja meningkat di wilayah perbatasan.", "Labour trafficking is growing in the border region.",
            "Padagangan tanaga gawé ngaronjat di wewengkon wates."
        ),
        (
            "Organisasi Perburuhan Internasional melindungi hak pekerja.",
            "The International Labour Organization protects workers' rights.",
            "Organisasi Buruh Internasional ngajaga hak pagawé."
        ),
        (
            "Banyak pekerja migran berangkat tanpa kontrak tertulis.", "Many migrant workers leave without a written contract.",
            "Loba pekerja migran indit tanpa kontrak tinulis."
        ),
        (
            "Calo di desa membuka jalan bagi kerja paksa.", "Village brokers open the way to forced labour.",
            "Calo di désa muka jalan pikeun kerja paksa."
        ),
        (
            "Pemerintah daerah mencegah perdagangan tenaga kerja sejak di desa.",
            "The local government prevents labour trafficking in the village.",
            "Pamaréntah daérah nyegah padagangan tanaga gawé ti désa."
        ),
    ]

    /// The headings of the sections, by language.
    static let headings: [LanguageTag: String] = [.indonesian: "ABSTRAK", .english: "ABSTRACT", .sundanese: "RINGKESAN"]

    /// One sentence in `language`.
    static func sentence(_ versions: Versions, _ language: LanguageTag) -> String {
        language == .indonesian ? versions.id : language == .english ? versions.en : versions.su
    }

    /// Changes one version of a sentence so that a cross-language rule has something to say, or
    /// decorates it so that the positions are put to the test.
    static func mutate(_ text: String, _ language: LanguageTag, using generator: inout SeededGenerator) -> String {
        var text = text
        switch Int.random(in: 0..<14, using: &generator) {
        case 0 where language == .indonesian:
            // Left untranslated (and a second rendering of the concept).
            text = text.replacingOccurrences(of: "pekerja migran", with: "migrant worker")
        case 1 where language == .sundanese:
            // A second rendering of labour trafficking.
            text = text.replacingOccurrences(of: "Padagangan tanaga gawé", with: "Trafficking tenaga kerja")
                .replacingOccurrences(of: "padagangan tanaga gawé", with: "trafficking tenaga kerja")
        case 2:
            // The concept left out of this version.
            for term in ["pekerja migran", "migrant workers", "Perdagangan tenaga kerja", "Labour trafficking", "ILO"] {
                text = text.replacingOccurrences(of: term, with: "orang")
            }
        case 3 where language == .english:
            // Named twice in the English version.
            text = text.replacingOccurrences(of: "The ILO", with: "The ILO, and only the ILO,")
        case 4:
            // Named in this version alone.
            text += language == .english ? " Forced labour too." : " Kerja paksa juga."
        case 5:
            // Too short to be a version of the others.
            text = String(text.prefix(7)) + "."
        case 6:
            // Characters outside the Basic Multilingual Plane, before and inside the paragraph.
            text = "𝔸😀 " + text.replacingOccurrences(of: " ", with: " 𝔹 ", options: [], range: text.range(of: " "))
        case 7:
            text = text.replacingOccurrences(of: "ILO", with: "`ILO` ILO")
        case 8:
            text = "<!-- glossary-ignore -->\n" + text
        case 9:
            text = "*" + text.replacingOccurrences(of: "pekerja migran", with: "*migrant worker*")
        case 10 where language == .indonesian:
            text = text.replacingOccurrences(of: "pekerja migran", with: "TKI")
        case 11:
            // Markup that adds no prose (`AlignmentLength`): a directive ending the paragraph.
            text += " <!-- glossary-ignore deprecated-term -- quoted as written in the report -->"
        case 12:
            text =
                "![Peta arus migrasi](images/peta-arus-migrasi-2023.png) "
                + text.replacingOccurrences(
                    of: "ILO", with: "[ILO](https://www.ilo.org/global/topics/labour-migration/lang--en/index.htm \"ILO\")")
        case 13:
            text =
                "**" + text.replacingOccurrences(of: " ", with: " <abbr title=\"x\">", options: [], range: text.range(of: " "))
                + "**<br/>[^1]\n[ilo]: https://www.ilo.org \"International Labour Organization\""
        default:
            break
        }
        return text
    }

    /// A random document of language sections (see `mutate`): random languages and order,
    /// sometimes two groups, paragraph counts equal or not, headings, asides, directives, CRLF,
    /// a byte order mark.
    static func document(using generator: inout SeededGenerator) -> (text: String, name: String) {
        var languages: [LanguageTag] = [.indonesian, .english, .sundanese].shuffled(using: &generator)
        if Bool.random(using: &generator) && Int.random(in: 0..<3, using: &generator) == 0 { languages.removeLast() }
        let groups = Int.random(in: 0..<4, using: &generator) == 0 ? 2 : 1
        var text = ""
        for _ in 0..<groups {
            let count = Int.random(in: 1...5, using: &generator)
            let chosen = (0..<count).map { _ in
                (0..<Int.random(in: 1...3, using: &generator)).map { _ in Int.random(in: 0..<sentences.count, using: &generator) }
            }
            for language in languages {
                if Bool.random(using: &generator) { text += "## \(headings[language]!)\n\n" }
                var paragraphs = chosen
                // Sometimes one section has a paragraph more or less: aligned by length.
                if Int.random(in: 0..<5, using: &generator) == 0 {
                    if paragraphs.count > 1 && Bool.random(using: &generator) {
                        paragraphs.remove(at: Int.random(in: 0..<paragraphs.count, using: &generator))
                    } else {
                        paragraphs.append([Int.random(in: 0..<sentences.count, using: &generator)])
                    }
                }
                for (number, paragraph) in paragraphs.enumerated() {
                    let separator = Bool.random(using: &generator) ? " " : "\n"
                    text +=
                        paragraph.map { mutate(sentence(sentences[$0], language), language, using: &generator) }
                        .joined(separator: separator) + "\n\n"
                    if number == 0 && Int.random(in: 0..<8, using: &generator) == 0 {
                        // An aside in another language: no section of its own.
                        text += language == .english ? "Terima kasih.\n\n" : "Thank you.\n\n"
                    }
                    if Int.random(in: 0..<12, using: &generator) == 0 {
                        text += "<!-- glossary-disable missing-translation -->\n\n"
                    }
                }
            }
        }
        if Bool.random(using: &generator) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        if Int.random(in: 0..<5, using: &generator) == 0 { text = "\u{FEFF}" + text }
        return (text, Bool.random(using: &generator) ? "sections.md" : "sections.txt")
    }

    /// The findings of `input` checked by the runner (fingerprints, suppressions) with the file
    /// streamed or read whole.
    static func findings(_ path: String, checker: GlossaryChecker, options: CheckOptions, streamed: Bool) -> (
        findings: [Finding], suppressed: Int
    ) {
        var options = options
        options.streamingThreshold = streamed ? 0 : .max
        let (result, suppressed) = CheckRunner.check(.file(path), checker: checker, options: options)
        switch result {
        case let .checked(_, findings):
            #expect(!streamed)
            return (findings, suppressed)
        case let .streamed(_, findings):
            #expect(streamed)
            return (findings, suppressed)
        case let .failed(error):
            Issue.record("\(error)")
            return ([], 0)
        }
    }

    @Test func randomDocumentsGiveTheSameFindingsStreamed() throws {
        var generator = SeededGenerator(seed: 0x5EC7)
        let checker = TestSupport.projectChecker
        let crossRules = Set(Rules.crossLanguage.map(\.id))
        var seen: Set<String> = []
        for round in 0..<48 {
            let (text, name) = Self.document(using: &generator)
            let path = try StreamingTests.temporaryFile("\(round)-\(name)", Array(text.utf8))
            let sources: [LanguageTag?] = [nil, nil, .english, .indonesian]
            let options = CheckOptions(
                sourceLanguage: sources.randomElement(using: &generator)!,
                chunkSize: [64, 300, 4096, 1 << 20].randomElement(using: &generator)!)
            let whole = Self.findings(path, checker: checker, options: options, streamed: false)
            let streamed = Self.findings(path, checker: checker, options: options, streamed: true)
            #expect(streamed.suppressed == whole.suppressed, "round \(round)")
            #expect(streamed.findings.count == whole.findings.count, "round \(round)")
            for (found, wanted) in zip(streamed.findings, whole.findings) where found != wanted {
                Issue.record("round \(round): \(found) ≠ \(wanted)")
                break
            }
            seen.formUnion(whole.findings.flatMap { [$0.rule] + $0.folded.map(\.rule) }.filter(crossRules.contains))
        }
        // Every cross-language rule was put to the test.
        #expect(seen == crossRules)
    }

    /// The lengths the streamed facts align by, measured as those of the text held whole.
    @Test func streamedLengthsAreTheLengthsOfTheTextHeldWhole() throws {
        var generator = SeededGenerator(seed: 0xA11C)
        let checker = TestSupport.projectChecker
        var markedUp = 0
        for round in 0..<24 {
            let (text, name) = Self.document(using: &generator)
            if text.contains("<!--") || text.contains("](") { markedUp += 1 }
            let path = try StreamingTests.temporaryFile("lengths-\(round)-\(name)", Array(text.utf8))
            let options = CheckOptions(chunkSize: [64, 4096].randomElement(using: &generator)!)
            let source = try SourceText(path: path, bytes: Array(text.utf8))
            let segmented = try CrossLanguageChecker(compiled: checker.compiled).analyzer.paragraphs(of: source, options: options)
            let whole = ParallelAligner.lengths(of: segmented.segments, in: segmented)

            let file = try MappedFile(path: path)
            var sections = StreamedSections(file)
            try checker.pipeline.run(
                path: path, bytes: file.bytes, contentStart: file.contentStart, options: options, matching: false
            ) { sections.add($0.paragraphs) }
            let markdown = Tokenizer.Markup(path: path) == .markdown
            let masked = MarkdownMasker.maskedRanges(file.bytes, markdown: markdown)
            #expect(sections.paragraphs.map(\.segment) == segmented.segments.map(\.bytes), "round \(round)")
            #expect(sections.lengths(in: file, masked: masked, markdown: markdown) == whole, "round \(round)")
        }
        #expect(markedUp > 0)
    }

    @Test func piecesKeepSetsThatShareASegmentTogether() {
        func set(_ segments: [Int]) -> TranslationSet {
            TranslationSet(
                id: "s", members: segments.map { SegmentReference(text: 0, segment: $0) }, confidence: 1, method: "test")
        }
        // Paired paragraph by paragraph: a piece per set.
        #expect(
            StreamedSections.pieces(of: [set([0, 3]), set([1, 4]), set([2, 5])], segmentCount: 6) == [0..<1, 1..<2, 2..<3])
        // Segment 4 is in the second and the fourth set: those and the set between them are one piece.
        #expect(
            StreamedSections.pieces(of: [set([0, 5]), set([1, 4]), set([2, 6]), set([3, 4]), set([7])], segmentCount: 8)
                == [0..<1, 1..<4, 4..<5])
        #expect(StreamedSections.pieces(of: [], segmentCount: 0).isEmpty)
    }

    /// A cross-language rule that is not piecewise: it counts the sets of the whole corpus.
    struct SetCountRule: CrossLanguageRule {
        static let description = RuleDescription<TranslationExample>(
            id: "set-count", name: "Set count", summary: "Counts the sets.", rationale: "For a test.", defaultSeverity: .info,
            triggeringExamples: [], nonTriggeringExamples: [])

        func check(_ corpus: AnalyzedCorpus) -> [Finding] {
            guard let first = corpus.sets.first?.members.first else { return [] }
            return [
                corpus.finding(
                    atSegment: first, rule: Self.description.id, severity: .info, concept: nil,
                    message: "\(corpus.sets.count) sets")
            ]
        }
    }

    @Test func aRuleOfItsOwnSeesEverySetStreamed() throws {
        let checker = GlossaryChecker(
            compiled: TestSupport.projectChecker.compiled, crossRules: Rules.crossLanguage + [SetCountRule()])
        var generator = SeededGenerator(seed: 3)
        let (text, name) = Self.document(using: &generator)
        let path = try StreamingTests.temporaryFile("own-rule-\(name)", Array(text.utf8))
        let whole = Self.findings(path, checker: checker, options: CheckOptions(), streamed: false)
        let streamed = Self.findings(path, checker: checker, options: CheckOptions(), streamed: true)
        #expect(streamed.findings == whole.findings)
        #expect(whole.findings.contains { $0.rule == "set-count" })
    }
}
