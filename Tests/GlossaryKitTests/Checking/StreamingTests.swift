import Foundation
import TestLocations
import TestScratch
import Testing

@testable import GlossaryKit

/// A file checked through a mapping, chunk by chunk, must give exactly what the same bytes give
/// when read whole: the same findings with the same positions, texts, messages and order.
@Suite("Streaming large files")
struct StreamingTests {
    /// Chunk sizes from a few lines to the default: small ones put chunk boundaries everywhere.
    static let chunkSizes = [-1, 0, 48, 300, 4096, 1 << 20]

    /// Writes `bytes` to a fresh temporary file named `name` and returns its path.
    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = TestScratch.url("streaming")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Checks `bytes` (as the file `name`) whole and streamed with every chunk size, and
    /// expects the same findings; returns the whole-file findings.
    @discardableResult
    static func expectSameFindings(
        _ bytes: [UInt8], name: String, checker: GlossaryChecker, language: LanguageTag? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> [Finding] {
        let path = try temporaryFile(name, bytes)
        var whole: [Finding] = []
        for size in chunkSizes {
            let options = CheckOptions(language: language, chunkSize: size)
            let expected = try checker.check(SourceText(path: path, bytes: bytes), options: options)
            let streamed = try checker.check(MappedFile(path: path), options: options)
            #expect(streamed.count == expected.count, "chunk size \(size)", sourceLocation: sourceLocation)
            for (found, wanted) in zip(streamed, expected) where found != wanted {
                Issue.record(
                    "chunk size \(size): \(found.location) \(found.rule) \(found.message) ≠ \(wanted.location) \(wanted.rule) \(wanted.message)",
                    sourceLocation: sourceLocation)
                break
            }
            if size == 1 << 20 { whole = expected }
        }
        return whole
    }

    /// The rule examples as one text, each example a paragraph, in their languages.
    static var examplesText: String {
        Rules.all.flatMap { type(of: $0).description.triggeringExamples + type(of: $0).description.nonTriggeringExamples }
            .map { $0.text.replacingOccurrences(of: "↓", with: "") }
            .joined(separator: "\n\n") + "\n"
    }

    @Test func ruleExamplesGiveTheSameFindingsStreamed() throws {
        // Repeated, so that inconsistent-term compares forms across many chunks.
        let text = String(repeating: Self.examplesText + "\n", count: 6)
        let findings = try Self.expectSameFindings(Array(text.utf8), name: "examples.txt", checker: TestSupport.exampleChecker)
        #expect(Set(findings.map { $0.rule }) == Set(["deprecated-term", "inconsistent-term", "term-case", "gloss-mismatch"]))
    }

    @Test func markdownMaskingAndPositionsAcrossChunks() throws {
        let paragraph = """
            The `Labor trafficking` code span and <!-- the International Labor Organization --> \
            comment hide terms; the ILO and the Ilo and the International Labor Organization do not. \
            See https://example.org/International-Labor-Organization for more. Émigré naïve — Labor trafficking.
            """
        let fenced = "```\nInternational Labor Organization in code\n\n\nstill code\n```\n"
        var text = ""
        for index in 0..<40 {
            text += index % 7 == 3 ? fenced + "\n" : paragraph + (index % 2 == 0 ? "\r\n\r\n" : "\n\n")
        }
        let findings = try Self.expectSameFindings(
            Array(text.utf8), name: "masked.md", checker: TestSupport.exampleChecker, language: LanguageTag.english)
        #expect(!findings.isEmpty)
    }

    @Test func byteOrderMarkAndCRLFFixture() throws {
        let url = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/bom-crlf.en.txt")
        let bytes = try [UInt8](Data(contentsOf: url))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        try Self.expectSameFindings(bytes, name: "bom-crlf.en.txt", checker: TestSupport.exampleChecker)
    }

    @Test func languageSectionsAreStillAligned() throws {
        // A trilingual abstract: its sections are aligned from what the scan kept of each paragraph.
        let folder = TestPackage.root.appendingPathComponent("Tests/GlossaryKitTests/Fixtures/cross")
        for name in ["headings.md"] {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            try Self.expectSameFindings(bytes, name: name, checker: TestSupport.projectChecker)
        }
        var abstract: [UInt8] = []
        for name in ["abstract.en.md", "abstract.id.md", "abstract.su.md"] {
            abstract += try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))) + Array("\n\n".utf8)
        }
        let findings = try Self.expectSameFindings(abstract, name: "abstract.md", checker: TestSupport.projectChecker)
        #expect(findings.contains { !Rules.all.map(\.id).contains($0.rule) }, "the sections were aligned")
    }

    @Test(.needsSharedData) func realTextsGiveTheSameFindingsStreamed() throws {
        let data = SharedData.data
        let udhr = TestSupport.udhrChecker
        let texts = [
            ("parallel/udhr/udhr-ind.derived.txt", udhr), ("parallel/udhr/udhr-eng.derived.txt", udhr),
            ("parallel/udhr/udhr-sun.derived.txt", udhr),
            ("texts-id/perda-diy-6-2025-perdagangan-orang/perda-diy-6-2025.excerpt-pasal-1-11.md", TestSupport.projectChecker),
        ]
        var all: [UInt8] = []
        var found = 0
        for (relative, checker) in texts {
            let bytes = try [UInt8](Data(contentsOf: data.appendingPathComponent(relative)))
            found += try Self.expectSameFindings(bytes, name: (relative as NSString).lastPathComponent, checker: checker).count
            if checker === udhr { all += bytes + Array("\n\n".utf8) }
        }
        #expect(found > 0)
        // The three languages one after another, with their terms compared across the whole.
        try Self.expectSameFindings(all, name: "udhr-id-en-su.txt", checker: udhr)
    }

    @Test func evaluationSentencesGiveTheSameFindingsStreamed() throws {
        let root = TestPackage.root
        let checker = try GlossaryChecker(
            glossary: GlossaryLoader.load(
                paths: [
                    root.appendingPathComponent("glossary").path, root.appendingPathComponent("Evaluation/glossary.yml").path,
                ]))
        var found = 0
        for name in ["id.txt", "en.txt", "su.txt"] {
            let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("Evaluation/corpus/\(name)")))
            found += try Self.expectSameFindings(bytes, name: name, checker: checker).count
        }
        #expect(found > 0)
    }

    @Test func matchPositionsAreTheWholeTextPositions() throws {
        let text =
            "Émigré ILO\r\nNaïve Ilo — the International Labor Organization.\n\n"
            + String(repeating: "ÿ", count: 70) + " Labor trafficking here, Ilo there.\n\n"
        let source = SourceText(path: "p.txt", string: String(repeating: text, count: 5))
        for size in Self.chunkSizes {
            let document = try TestSupport.exampleChecker.analyze(
                source, options: CheckOptions(language: .english, chunkSize: size))
            #expect(!document.matches.isEmpty)
            for match in document.matches {
                let start = source.position(of: match.bytes.lowerBound)
                let end = source.position(of: match.bytes.upperBound)
                #expect(match.start == TextPosition(line: start.line, column: start.column), "chunk size \(size)")
                #expect(match.end == TextPosition(line: end.line, column: end.column), "chunk size \(size)")
                #expect(match.written == source.text(match.bytes))
            }
        }
    }

    /// A rule of a library user that sees the whole document: it reports the number of matches
    /// and paragraphs at the last match.
    struct CountingRule: Rule {
        static let description = RuleDescription<RuleExample>(
            id: "match-count", name: "Match count", summary: "Counts matches.", rationale: "A test of whole-document rules.",
            defaultSeverity: .info, triggeringExamples: [], nonTriggeringExamples: [])

        func check(_ document: AnalyzedDocument) -> [Finding] {
            guard let last = document.matches.last else { return [] }
            return [
                document.finding(
                    at: last, rule: Self.description.id, severity: .info,
                    message: "\(document.matches.count) matches in \(document.paragraphs.count) paragraphs")
            ]
        }
    }

    @Test func aRuleWithoutAccumulatorSeesTheWholeStreamedFile() throws {
        let checker = GlossaryChecker(compiled: TestSupport.exampleChecker.compiled, rules: Rules.all + [CountingRule()])
        let text = String(repeating: Self.examplesText + "\n", count: 3)
        let findings = try Self.expectSameFindings(Array(text.utf8), name: "count.txt", checker: checker)
        let count = try #require(findings.first { $0.rule == "match-count" })
        let document = try checker.analyze(SourceText(path: "count.txt", string: text))
        // The last match is in a paragraph of uncertain language, which the message then names.
        #expect(count.message.hasPrefix("\(document.matches.count) matches in \(document.paragraphs.count) paragraphs"))
    }

    @Test func readingCacheStartingAfreshChangesNoMatch() throws {
        let text = String(repeating: Self.examplesText + "\n", count: 2)
        let source = SourceText(path: "cache.txt", string: text)
        let options = CheckOptions(chunkSize: 64)
        let expected = try TestSupport.exampleChecker.analyze(source, options: options).matches
        var found: [TermMatch] = []
        try source.bytes.withUnsafeBufferPointer { bytes in
            try TestSupport.exampleChecker.pipeline.run(
                path: source.path, bytes: bytes, contentStart: source.contentStart, options: options, unknownWordLimit: 3
            ) { found += $0.matches }
        }
        #expect(!found.isEmpty)
        #expect(found == expected)
    }

    @Test func severityOverridesApplyStreamed() throws {
        let text = String(repeating: Self.examplesText + "\n", count: 2)
        let path = try Self.temporaryFile("examples.txt", Array(text.utf8))
        let settings: [String: RuleSetting] = ["term-case": .severity(.error), "inconsistent-term": .off]
        let options = CheckOptions(ruleSettings: settings, chunkSize: 200)
        let whole = try TestSupport.exampleChecker.check(SourceText(path: path, bytes: Array(text.utf8)), options: options)
        let streamed = try TestSupport.exampleChecker.check(MappedFile(path: path), options: options)
        #expect(streamed == whole)
        #expect(!streamed.contains { $0.rule == "inconsistent-term" })
        #expect(streamed.contains { $0.rule == "term-case" && $0.severity == .error })
    }

    /// The runner's result for `bytes` as `name`, streamed or read whole.
    static func run(_ bytes: [UInt8], name: String, streamed: Bool) throws -> (CheckReport, [InputError]) {
        let path = try temporaryFile(name, bytes)
        var runner = CheckRunner(
            checker: TestSupport.exampleChecker,
            options: CheckOptions(language: .english, chunkSize: 64, streamingThreshold: streamed ? 0 : .max), jobs: 1)
        runner.obeysSuppressions = true
        return runner.run(files: [path])
    }

    @Test func runnerStreamsAboveTheThresholdWithSuppressionsAndReports() throws {
        let labor = "The International Labor Organization met. The Ilo spoke."
        for (name, text) in [
            (
                "s.md",
                "<!-- glossary-ignore deprecated-term -->\n\(labor)\n\n\(labor)\n\n<!-- glossary-disable -->\n\n\(labor)\n\n<!-- glossary-enable term-case -->\n\(labor)\n"
            ),
            (
                "s.txt",
                "# glossary-ignore deprecated-term\n\(labor)\n\n\(labor) glossary-ignore\n\nglossary-disable term-case\n\n\(labor)\n"
            ),
        ] {
            let (whole, wholeErrors) = try Self.run(Array(text.utf8), name: name, streamed: false)
            let (streamed, streamedErrors) = try Self.run(Array(text.utf8), name: name, streamed: true)
            #expect(wholeErrors.isEmpty && streamedErrors.isEmpty)
            #expect(whole.sources.count == 1 && whole.streamed.isEmpty)
            #expect(streamed.streamed.count == 1 && streamed.sources.isEmpty)
            #expect(streamed.suppressedCount == whole.suppressedCount && whole.suppressedCount > 0, "\(name)")
            // The reports differ only in their temporary paths: as given, or made relative to
            // the working directory (GitLab's), which starts with `../` when the checkout and
            // the temporary folder share a parent (a clone in /tmp).
            let path = { (report: CheckReport) in report.findings.first?.location.file ?? "" }
            // GitLab's fingerprints hash the path, so they differ with it too.
            let withoutPathHashes = { (text: String) in
                text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"fingerprint\": ") }
                    .joined(separator: "\n")
            }
            let rendered = { (report: CheckReport, format: ReportFormat) in
                let file = path(report)
                return withoutPathHashes(Reporter.render(report, format: format))
                    .replacingOccurrences(of: file, with: "F")
                    .replacingOccurrences(of: Paths.relative(file, to: FileManager.default.currentDirectoryPath), with: "F")
            }
            for format in ReportFormat.allCases {
                #expect(rendered(streamed, format) == rendered(whole, format), "\(name) \(format)")
            }
            #expect(Reporter.render(streamed, format: .text).contains("~"), "lines are quoted from the mapped file")
        }
    }

    @Test func unknownRuleInADirectiveIsReportedStreamed() throws {
        let text = "Some text.\n\n\u{00E9}t\u{00E9} glossary-ignore no-such-rule\n"
        let (_, whole) = try Self.run(Array(text.utf8), name: "u.txt", streamed: false)
        let (_, streamed) = try Self.run(Array(text.utf8), name: "u.txt", streamed: true)
        #expect(whole.count == 1 && streamed.count == 1)
        #expect(streamed.first?.location?.line == 3)
        #expect(streamed.first?.location?.line == whole.first?.location?.line)
        #expect(streamed.first?.location?.column == whole.first?.location?.column)
        #expect(streamed.first?.message == whole.first?.message)
        #expect(streamed.first?.sourceLine == whole.first?.sourceLine)
    }

    @Test func invalidUTF8IsReportedAtTheSamePlaceStreamed() throws {
        let good = Array(String(repeating: "Some good text, naïve.\n\n", count: 20).utf8)
        for bytes in [good + [0x61, 0xC3, 0x28] + good, [0xEF, 0xBB, 0xBF, 0x62, 0xFF], good + Array("é".utf8).dropLast()] {
            let (_, whole) = try Self.run(bytes, name: "bad.txt", streamed: false)
            let (_, streamed) = try Self.run(bytes, name: "bad.txt", streamed: true)
            #expect(whole.count == 1 && streamed.count == 1)
            #expect(streamed.first?.message == whole.first?.message)
            #expect(streamed.first?.location?.line == whole.first?.location?.line)
            #expect(streamed.first?.location?.column == whole.first?.location?.column)
        }
    }

    @Test func sarifWrittenInPiecesIsTheSerializedLog() throws {
        let text = String(repeating: Self.examplesText, count: 3)
        let findings = try TestSupport.exampleChecker.check(SourceText(path: "a b/é.txt", string: text))
        for report in [CheckReport(findings: findings, fileCount: 1), CheckReport(findings: [], fileCount: 1)] {
            let rules = SARIFReporter.checkRules
            let expected = SARIFReporter.json(report, rules: rules, toolVersion: GlossaryKitInfo.version).serialized() + "\n"
            #expect(SARIFReporter.render(report, rules: rules) == expected)
            var pieces: [String] = []
            Reporter.write(report, format: .sarif, to: { pieces.append($0) })
            #expect(pieces.joined() == expected)
        }
    }

    @Test func mappedFileLinesAreTheSourceLines() throws {
        let text = "\u{FEFF}first line\r\nsecond é line\n\nfourth\n"
        let bytes = Array(text.utf8)
        let path = try Self.temporaryFile("lines.txt", bytes)
        let file = try MappedFile(path: path)
        let source = try SourceText(path: path, bytes: bytes)
        #expect(file.contentStart == 3)
        for offset in source.contentStart..<bytes.count {
            #expect(file.lineText(containing: offset) == source.lineText(source.line(containing: offset)), "offset \(offset)")
        }
        var lines = LineCounter(file.bytes)
        for offset in [0, 5, 14, 30, 31, 2, 40] where offset <= bytes.count {
            #expect(lines.line(containing: offset) == source.line(containing: offset))
        }
    }

    @Test func emptyAndMissingFiles() throws {
        let path = try Self.temporaryFile("empty.txt", [])
        #expect(try TestSupport.exampleChecker.check(MappedFile(path: path)).isEmpty)
        #expect(throws: InputError.self) { try MappedFile(path: path + ".missing") }
    }
}
