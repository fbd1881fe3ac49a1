import Testing

@testable import GlossaryKit

/// The gaps of `glossary coverage` are the absences `glossary check` reports, kind for kind.
@Suite("Coverage gaps agree with the cross-language findings")
struct CoverageGapTests {
    static let checker = CrossLanguageChecker(compiled: TestSupport.exampleChecker.compiled)

    /// Every example of the two rules that report absences, triggering or not.
    static let examples: [TranslationExample] = [MissingTranslationRule.description, DivergentTermRule.description]
        .flatMap { $0.triggeringExamples + $0.nonTriggeringExamples }

    struct Cell: Hashable, CustomStringConvertible {
        var concept: String
        var language: LanguageTag
        var gap: CoverageTable.Gap
        var description: String { "\(concept) \(language) \(gap.rawValue)" }
    }

    static func table(_ example: TranslationExample) throws -> (table: CoverageTable, findings: [Finding]) {
        let analyzed = try checker.analyze(example.corpus().corpus)
        return (CoverageTable(analyzed, bySegment: true), checker.crossFindings(analyzed))
    }

    static func cells(_ rows: [CoverageTable.Row], languages: [LanguageTag]) -> Set<Cell> {
        var cells: Set<Cell> = []
        for row in rows {
            for (column, gap) in row.gaps.enumerated() {
                if let gap { cells.insert(Cell(concept: row.concept, language: languages[column], gap: gap)) }
            }
        }
        return cells
    }

    @Test(arguments: examples)
    func eachGapIsAFindingAndEachFindingAGap(example: TranslationExample) throws {
        let (table, findings) = try Self.table(example)
        let reported = Set(
            findings.compactMap { finding -> Cell? in
                guard let concept = finding.concept, let language = finding.language else { return nil }
                switch finding.rule {
                case MissingTranslationRule.id: return Cell(concept: concept, language: language, gap: .missing)
                case DivergentTermRule.id: return Cell(concept: concept, language: language, gap: .divergent)
                default: return nil
                }
            })
        let reliable = example.confidence >= TranslationSet.reliableConfidence
        let shown = Self.cells(table.segmentRows, languages: table.languages)
        if reliable {
            #expect(shown == reported, "\(example)")
        } else {
            // Not compared: marked so, and not reported.
            #expect(reported.isEmpty && !shown.isEmpty && shown.allSatisfy { $0.gap == .unaligned }, "\(example): \(shown)")
        }
    }

    @Test func aSourceVersionHasNoGapAndTargetsOnlyMissOnesThatTheSourceNames() throws {
        // The Indonesian target adds migrant workers, which neither the English source nor the
        // Sundanese target names; the Sundanese one leaves out the ILO the source names.
        let example = TranslationExample(
            [
                [
                    (.english, "The ILO protects workers."),
                    (.indonesian, "ILO melindungi pekerja migran."),
                    (.sundanese, "Pagawé dijaga."),
                ]
            ], sourceLanguage: .english)
        let (table, _) = try Self.table(example)
        #expect(Self.cells(table.rows, languages: table.languages) == [Cell(concept: "ilo", language: .sundanese, gap: .missing)])
        // Undirected, the same versions disagree twice over.
        let undirected = TranslationExample(example.sets.map { $0.map { ($0.language, $0.text) } })
        let (free, _) = try Self.table(undirected)
        #expect(
            Self.cells(free.rows, languages: free.languages) == [
                Cell(concept: "ilo", language: .sundanese, gap: .missing),
                Cell(concept: "migrant-worker", language: .english, gap: .divergent),
                Cell(concept: "migrant-worker", language: .sundanese, gap: .divergent),
            ])
    }

    @Test func theTotalsShowTheGravestGapOfALanguageThatNeverNamesTheConcept() throws {
        // Set 1: the ILO in two versions of three (missing in su); set 2: in one (divergent in su
        // and en); set 3: in en only, aligned with low confidence.
        let example = TranslationExample([
            [(.indonesian, "ILO bertemu."), (.english, "The ILO met."), (.sundanese, "Rapat.")],
            [(.indonesian, "ILO berbicara."), (.english, "It spoke."), (.sundanese, "Nyarios.")],
        ])
        let (table, _) = try Self.table(example)
        let ilo = try #require(table.rows.first { $0.concept == "ilo" })
        #expect(ilo.counts == [2, 1, 0])
        // English names it in set 1, so it has no gap in the totals although set 2 lacks it.
        #expect(ilo.gaps == [nil, nil, .missing])
        #expect(table.segmentRows.map(\.gaps) == [[nil, nil, .missing], [nil, .divergent, .divergent]])

        let doubtful = TranslationExample(
            [[(.indonesian, "ILO bertemu."), (.english, "The ILO met."), (.sundanese, "Rapat.")]], confidence: 0.05)
        let (unaligned, findings) = try Self.table(doubtful)
        #expect(unaligned.rows.first?.gaps == [nil, nil, .unaligned])
        #expect(findings.map(\.rule) == [AlignmentConfidenceRule.id])
    }

    @Test func theLegendExplainsTheMarksShown() throws {
        let example = TranslationExample([[(.indonesian, "ILO bertemu."), (.english, "It met."), (.sundanese, "Rapat.")]])
        let (table, _) = try Self.table(example)
        let text = table.render(.text)
        #expect(text.contains("ilo       1   ·   ·\n"), "\(text)")
        #expect(
            text.hasSuffix(
                "1 concept in 1 translation set; 1 with a gap\n·  divergent: named in fewer than half of the versions, not in this one (left out here, or added there)\n"
            ), "\(text)")
        #expect(!text.contains("—  missing"))
        let json = table.render(.json)
        #expect(
            json.contains("\"gapKinds\": {\n        \"en\": \"divergent\",\n        \"su\": \"divergent\"\n      }"), "\(json)")
        #expect(json.contains("\"divergent\": 1"))
    }
}
