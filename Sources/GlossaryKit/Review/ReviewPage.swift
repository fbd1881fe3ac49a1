import Foundation

/// A review page: one self-contained HTML file that shows the versions of a text side by side,
/// aligned by translation set, with every glossary term coloured by concept, the findings at
/// their place, the gaps, and the coverage table as a heat map (`glossary report`).
///
/// The page reads what the pipeline made — the aligned corpora (`AnalyzedCorpus`), the findings
/// of the check, the glossary — and knows no rule: a finding is shown with whatever it carries
/// (severity, rule, message, suggestions and every further field the JSON report gives it), at
/// the segment whose bytes contain it (`FindingPlacement`).
///
/// Everything is inline — style sheet, script, no fonts, images or links outside the page — so
/// the file can be mailed or archived and opened offline, and loads nothing. Every text from the
/// inputs or the glossary is escaped (`String.htmlEscaped`): a `<script>` in a draft is shown as
/// text.
///
/// A corpus of more than `setsPerPage` translation sets is split into pages by the page's
/// script; printed, or without the script, every set is shown.
package struct ReviewPage {
    /// The aligned texts, one section each (a multilingual document, a set of parallel files,
    /// a bilingual file).
    package var corpora: [AnalyzedCorpus]
    /// The findings of the check on those texts, in report order.
    package var findings: [Finding]
    /// The page's title.
    package var title: String
    /// The version of the tool, shown at the foot of the page.
    package var generator: String

    /// Translation sets shown at once in one section; a longer corpus gets pages.
    package static let setsPerPage = 100

    /// A page for `corpora` with `findings`.
    package init(corpora: [AnalyzedCorpus], findings: [Finding], title: String, generator: String = "glossary") {
        self.corpora = corpora
        self.findings = findings
        self.title = title
        self.generator = generator
    }

    /// The page as HTML.
    ///
    /// - Complexity: O(*n* + *f* log *s*) in the size of the texts, the findings and the segments.
    package func render() -> String {
        var writer = ReviewPageWriter(page: self)
        return writer.render()
    }
}

/// Writes a `ReviewPage`: the numbering of concepts, the placement of findings, and the HTML.
struct ReviewPageWriter {
    let page: ReviewPage
    /// The glossary the corpora were matched against (all share one).
    let glossary: Glossary?
    /// Concept index in the glossary → its number on the page (from 1, in glossary order).
    private(set) var conceptNumbers: [Int: Int] = [:]
    let placement: FindingPlacement
    private var output = ""

    init(page: ReviewPage) {
        self.page = page
        glossary = page.corpora.first?.glossary
        placement = FindingPlacement(page.findings, in: page.corpora)
        var used = Set<Int>()
        for corpus in page.corpora {
            for text in corpus.texts { for match in text.document.matches { used.insert(match.term.concept) } }
        }
        for (index, concept) in used.sorted().enumerated() { conceptNumbers[concept] = index + 1 }
    }

    mutating func render() -> String {
        output.reserveCapacity(1 << 16)
        output += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="generator" content="\(page.generator.htmlEscaped)">
            <title>\(page.title.htmlEscaped)</title>
            <style>
            \(ReviewPageAssets.styleSheet)
            """
        for number in conceptNumbers.values.sorted() {
            output += ".c\(number){--h:\(ConceptPalette.hue(ofConceptNumbered: number))}\n"
        }
        output += """
            </style>
            </head>
            <body>
            <a class="skip" href="#texts">Skip to the texts</a>
            <header class="banner">
            <h1>\(page.title.htmlEscaped)</h1>
            <p class="muted">Versions side by side by translation set; terms coloured and numbered by concept. \
            Keys: <kbd>n</kbd>/<kbd>j</kbd> next finding, <kbd>p</kbd>/<kbd>k</kbd> previous, <kbd>Esc</kbd> closes a concept card.</p>
            </header>
            <nav class="toolbar" aria-label="Findings">
            <button type="button" id="previous-finding">Previous finding</button>
            <button type="button" id="next-finding">Next finding</button>
            <span id="finding-position" aria-live="polite">\(English.counted(page.findings.count, "finding"))</span>
            </nav>
            <main id="main">

            """
        writeSummary()
        writeLegend()
        output += "<div id=\"texts\">\n"
        for index in page.corpora.indices { writeCorpus(index) }
        output += "</div>\n"
        writeUnplacedFindings()
        output += "</main>\n<div class=\"cards\">\n"
        writeCards()
        output += """
            </div>
            <footer class="muted"><p>Made by \(page.generator.htmlEscaped). This page loads nothing from elsewhere.</p></footer>
            <script>
            \(ReviewPageAssets.script)
            </script>
            </body>
            </html>

            """
        return output
    }

    // MARK: - Summary, legend, cards

    private mutating func writeSummary() {
        output +=
            "<section class=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n<ul class=\"counts\">\n"
        let files = Set(page.corpora.flatMap { $0.texts.map(\.segmented.path) }).count
        let sets = page.corpora.reduce(0) { $0 + $1.sets.count }
        output += "<li>\(English.counted(files, "file")), \(English.counted(sets, "translation set"))</li>\n"
        for severity in Severity.allCases.reversed() {
            let count = page.findings.filter { $0.severity == severity }.count
            guard count > 0 else { continue }
            output += "<li class=\"sev-\(severity.rawValue)\"><span class=\"sev\">\(severity.rawValue)</span> \(count)</li>\n"
        }
        if page.findings.isEmpty { output += "<li>no findings</li>\n" }
        output += "</ul>\n"
        var byRule: [(rule: String, count: Int)] = []
        for finding in page.findings {
            if let index = byRule.firstIndex(where: { $0.rule == finding.rule }) {
                byRule[index].count += 1
            } else {
                byRule.append((finding.rule, 1))
            }
        }
        if !byRule.isEmpty {
            output += "<table class=\"rules\"><caption>Findings by rule</caption>\n"
            output += "<thead><tr><th scope=\"col\">rule</th><th scope=\"col\">findings</th></tr></thead><tbody>\n"
            for entry in byRule {
                output += "<tr><td><code>\(entry.rule.htmlEscaped)</code></td><td>\(entry.count)</td></tr>\n"
            }
            output += "</tbody></table>\n"
        }
        output += "</section>\n"
    }

    private mutating func writeLegend() {
        guard let glossary, !conceptNumbers.isEmpty else { return }
        output += """
            <section class="legend" aria-labelledby="legend-title">
            <h2 id="legend-title">Concepts</h2>
            <p class="muted">Every term is underlined in its concept's colour and carries its number; \
            hover over or focus a term for its concept card.</p>
            <ul>

            """
        for (concept, number) in conceptNumbers.sorted(by: { $0.value < $1.value }) {
            output += "<li><span class=\"term c\(number)\" tabindex=\"0\" data-concept=\"\(number)\" "
            output += "aria-describedby=\"card-\(number)\">\(glossary.concepts[concept].id.htmlEscaped)"
            output += "<sup class=\"cn\">\(number)</sup></span></li>\n"
        }
        output += "</ul>\n</section>\n"
    }

    private mutating func writeCards() {
        guard let glossary else { return }
        for (concept, number) in conceptNumbers.sorted(by: { $0.value < $1.value }) {
            let entry = glossary.concepts[concept]
            output += "<div class=\"card\" id=\"card-\(number)\" role=\"tooltip\" hidden>\n"
            output += "<p class=\"card-title\"><span class=\"swatch c\(number)\" aria-hidden=\"true\"></span>"
            output += "<span class=\"cn\">\(number)</span> <strong>\(entry.id.htmlEscaped)</strong></p>\n"
            if let definition = entry.definition { output += "<p>\(definition.htmlEscaped)</p>\n" }
            output += "<dl class=\"card-terms\">\n"
            for language in entry.languages {
                output += "<dt>\(language.rawValue.htmlEscaped)</dt><dd><ul>"
                for term in entry.terms(in: language) {
                    output += "<li><span class=\"status-\(term.status.rawValue)\">\(term.text.htmlEscaped)</span> "
                    output += "<small>(\(term.status.rawValue))</small>"
                    if let note = term.note { output += "<br><small class=\"muted\">\(note.htmlEscaped)</small>" }
                    output += "</li>"
                }
                output += "</ul></dd>\n"
            }
            output += "</dl>\n"
            if let note = entry.note { output += "<p class=\"muted\">Note: \(note.htmlEscaped)</p>\n" }
            output += "</div>\n"
        }
    }

    // MARK: - One corpus

    private mutating func writeCorpus(_ corpusIndex: Int) {
        let corpus = page.corpora[corpusIndex]
        let coverage = CoverageTable(corpus)
        var columns: [LanguageTag?] = coverage.languages
        if corpus.sets.contains(where: { $0.members.contains { corpus[$0].language == nil } }) { columns.append(nil) }
        let paths = corpus.texts.map(\.segmented.path)
        let formats = Set(corpus.texts.map(\.segmented.format)).sorted().joined(separator: ", ")
        let id = "corpus-\(corpusIndex + 1)"
        output += "<section class=\"corpus\" aria-labelledby=\"\(id)-title\">\n"
        output += "<h2 id=\"\(id)-title\">\(paths.map(\.htmlEscaped).joined(separator: ", "))</h2>\n"
        output += "<p class=\"muted\">\(formats.htmlEscaped); "
        output += "\(English.counted(corpus.sets.count, "translation set")) in "
        output += "\(columns.map { $0?.rawValue ?? "unknown language" }.joined(separator: ", ").htmlEscaped)</p>\n"
        if !corpus.notes.isEmpty {
            output += "<ul class=\"notes\">\n"
            for note in corpus.notes { output += "<li>note: \(note.htmlEscaped)</li>\n" }
            output += "</ul>\n"
        }
        writeHeatMap(coverage, id: id)
        let pages = (corpus.sets.count + ReviewPage.setsPerPage - 1) / ReviewPage.setsPerPage
        output += "<div class=\"sets\" data-pages=\"\(pages)\">\n"
        output += "<div class=\"cols colhead\" style=\"--n:\(columns.count)\" aria-hidden=\"true\">"
        for column in columns { output += "<div>\((column?.rawValue ?? "?").htmlEscaped)</div>" }
        output += "</div>\n"
        for (setIndex, set) in corpus.sets.enumerated() {
            writeSet(set, number: setIndex, corpusIndex: corpusIndex, columns: columns)
        }
        output += "</div>\n</section>\n"
    }

    private mutating func writeHeatMap(_ coverage: CoverageTable, id: String) {
        guard !coverage.rows.isEmpty else { return }
        output += "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(id)-coverage\">\n"
        output += "<table class=\"heat\"><caption id=\"\(id)-coverage\">Coverage: occurrences of each concept per language "
        output +=
            "(darker: more, against the concept's most frequent language), gaps marked</caption>\n<thead><tr><th scope=\"col\">concept</th>"
        for language in coverage.languages { output += "<th scope=\"col\">\(language.rawValue.htmlEscaped)</th>" }
        output += "</tr></thead>\n<tbody>\n"
        for row in coverage.rows {
            let number = glossary?.concepts.firstIndex { $0.id == row.concept }.flatMap { conceptNumbers[$0] }
            output += "<tr><th scope=\"row\">"
            if let number { output += "<span class=\"chip c\(number)\" aria-hidden=\"true\">\(number)</span> " }
            output += "\(row.concept.htmlEscaped)</th>"
            let largest = max(1, row.counts.max() ?? 1)
            for column in coverage.languages.indices {
                if let gap = row.gaps[column] {
                    output += "<td class=\"gap gap-\(gap.rawValue)\" title=\"\(gap.meaning.htmlEscaped)\">"
                    output += "\(gap.mark) <span class=\"label\">\(gap.rawValue)</span></td>"
                } else {
                    let count = row.counts[column]
                    let level = count == 0 ? 0 : 1 + (3 * count) / largest
                    output += "<td class=\"h\(min(level, 4))\">\(count)</td>"
                }
            }
            output += "</tr>\n"
        }
        output += "</tbody></table>\n</div>\n"
    }

    private mutating func writeSet(_ set: TranslationSet, number: Int, corpusIndex: Int, columns: [LanguageTag?]) {
        let corpus = page.corpora[corpusIndex]
        let id = "set-\(corpusIndex + 1)-\(number + 1)"
        let percent = Int((set.confidence * 100).rounded())
        output += "<article class=\"set\(set.isReliable ? "" : " unreliable")\" id=\"\(id)\" "
        output += "data-page=\"\(number / ReviewPage.setsPerPage)\" aria-labelledby=\"\(id)-title\">\n"
        output += "<h3 id=\"\(id)-title\" class=\"set-title\">\(set.id.htmlEscaped) "
        output += "<span class=\"confidence\">confidence \(percent)%\(set.isReliable ? "" : " (low: versions not compared)")"
        output += " · \(set.method.htmlEscaped)</span></h3>\n"
        output += "<div class=\"cols\" style=\"--n:\(columns.count)\">\n"
        let absences = corpus.absences(in: set)
        for column in columns {
            let members = set.members.filter { corpus[$0].language == column }
            let language = column?.rawValue ?? "unknown language"
            output += "<div class=\"cell\"\(column.map { " lang=\"\($0.rawValue.htmlEscaped)\"" } ?? "") role=\"group\" "
            output += "aria-label=\"\(language.htmlEscaped) version of \(set.id.htmlEscaped)\">\n"
            output += "<div class=\"cell-language\" aria-hidden=\"true\">\(language.htmlEscaped)</div>\n"
            if members.isEmpty { output += "<p class=\"muted absent\">no version in this language</p>\n" }
            var findingIndices: [Int] = []
            for member in members {
                let placed = placement.findings[FindingPlacement.Place(corpus: corpusIndex, segment: member)] ?? []
                writeSegment(member, of: corpus, findings: placed)
                findingIndices += placed
            }
            let gaps = absences.filter { $0.language == column }
            if !gaps.isEmpty {
                output += "<ul class=\"gaps\" aria-label=\"Concepts this version does not name\">\n"
                for gap in gaps {
                    let kind: CoverageTable.Gap = !set.isReliable ? .unaligned : gap.kind == .omission ? .missing : .divergent
                    let concept = glossary?.concepts[gap.concept].id ?? String(gap.concept)
                    let numberClass = conceptNumbers[gap.concept].map { " c\($0)" } ?? ""
                    output += "<li class=\"gap gap-\(kind.rawValue)\(numberClass)\">\(kind.mark) <strong>gap</strong>: "
                    if let conceptNumber = conceptNumbers[gap.concept] { output += "<span class=\"cn\">\(conceptNumber)</span> " }
                    output += "<span class=\"concept\">\(concept.htmlEscaped)</span> — \(kind.rawValue)"
                    output += gap.namedIn.isEmpty ? "" : " (named in \(gap.namedIn.map(\.rawValue).joined(separator: ", ")))"
                    output += "</li>\n"
                }
                output += "</ul>\n"
            }
            if !findingIndices.isEmpty {
                output += "<ol class=\"findings\" aria-label=\"Findings in this version\">\n"
                for index in findingIndices { writeFinding(index) }
                output += "</ol>\n"
            }
            output += "</div>\n"
        }
        output += "</div>\n</article>\n"
    }

    /// A segment's text, its terms marked and a flag where each finding starts.
    private mutating func writeSegment(_ reference: SegmentReference, of corpus: AnalyzedCorpus, findings: [Int]) {
        let analyzed = corpus.texts[reference.text]
        let segmented = analyzed.segmented
        let segment = segmented.segments[reference.segment]
        let bytes = segmented.text.bytes
        func text(_ range: Range<Int>) -> String {
            range.isEmpty ? "" : String(decoding: bytes[range], as: UTF8.self).htmlEscaped
        }
        // Terms in text order, none overlapping the one before.
        var matches: [TermMatch] = []
        for match in analyzed.matches(inSegment: reference.segment).sorted(by: { $0.bytes.lowerBound < $1.bytes.lowerBound })
        where match.bytes.lowerBound >= (matches.last?.bytes.upperBound ?? segment.bytes.lowerBound)
            && match.bytes.upperBound <= segment.bytes.upperBound
        {
            matches.append(match)
        }
        // Each finding's flag goes where it starts in the text, or before the term it falls in.
        var flags: [(offset: Int, finding: Int)] = findings.map { index in
            var offset = textOffset(ofFileOffset: page.findings[index].byteRange.lowerBound, in: segmented, segment: segment)
            if let inside = matches.first(where: { $0.bytes.lowerBound < offset && offset < $0.bytes.upperBound }) {
                offset = inside.bytes.lowerBound
            }
            return (offset, index)
        }
        flags.sort { ($0.offset, $0.finding) < ($1.offset, $1.finding) }
        output += "<p class=\"segment\">"
        var position = segment.bytes.lowerBound
        var nextFlag = 0
        func writeFlags(upTo offset: Int, including: Bool) {
            while nextFlag < flags.count, flags[nextFlag].offset < offset || (including && flags[nextFlag].offset == offset) {
                output += text(position..<max(position, flags[nextFlag].offset))
                position = max(position, flags[nextFlag].offset)
                writeFlag(flags[nextFlag].finding)
                nextFlag += 1
            }
        }
        for match in matches {
            writeFlags(upTo: match.bytes.lowerBound, including: true)
            output += text(position..<match.bytes.lowerBound)
            let concept = match.term.concept
            let number = conceptNumbers[concept] ?? 0
            let status = glossary.map { $0.concepts[concept].terms[match.term.term].status.rawValue } ?? "preferred"
            let flagged = flags.contains { $0.offset == match.bytes.lowerBound }
            output += "<mark class=\"term c\(number) status-\(status)\(flagged ? " flagged" : "")\" tabindex=\"0\" "
            output += "data-concept=\"\(number)\" aria-describedby=\"card-\(number)\">"
            output += text(match.bytes)
            output += "<sup class=\"cn\">\(number)</sup></mark>"
            position = match.bytes.upperBound
        }
        writeFlags(upTo: segment.bytes.upperBound, including: true)
        output += text(position..<segment.bytes.upperBound)
        output += "</p>\n"
    }

    /// The offset in the segmented text of the file byte `offset`, within `segment`.
    private func textOffset(ofFileOffset offset: Int, in segmented: SegmentedText, segment: Segment) -> Int {
        guard let fileOffsets = segmented.fileOffsets else {
            return min(max(offset, segment.bytes.lowerBound), segment.bytes.upperBound)
        }
        for index in segment.bytes where fileOffsets[index] >= offset { return index }
        return segment.bytes.upperBound
    }

    private mutating func writeFlag(_ index: Int) {
        let finding = page.findings[index]
        let severity = finding.severity.rawValue
        output += "<a class=\"flag sev-\(severity)\" href=\"#finding-\(index + 1)\" id=\"flag-\(index + 1)\" "
        output += "aria-label=\"\(severity) \(index + 1): \(finding.rule.htmlEscaped)\">"
        output += "\(Self.icon(finding.severity))\(index + 1)</a>"
    }

    private static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: "✖"
        case .warning: "▲"
        case .info: "ℹ"
        }
    }

    // MARK: - Findings

    /// Keys of a finding's JSON that the page shows in its own way; every other key is listed
    /// under the message as it is, so that fields added to findings show without a change here.
    private static let shownKeys: Set<String> = [
        "file", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "suggestions", "text", "folded",
    ]

    private mutating func writeFinding(_ index: Int) {
        let finding = page.findings[index]
        let severity = finding.severity.rawValue
        output += "<li class=\"finding sev-\(severity)\" id=\"finding-\(index + 1)\" tabindex=\"-1\" "
        output += "data-rule=\"\(finding.rule.htmlEscaped)\" data-location=\""
        output += "\(finding.location.file.htmlEscaped):\(finding.location.line):\(finding.location.column)\" "
        output += "aria-labelledby=\"finding-\(index + 1)-head\">\n"
        output += "<p class=\"finding-head\" id=\"finding-\(index + 1)-head\"><span class=\"sev\">\(Self.icon(finding.severity)) "
        output += "\(severity) \(index + 1)</span> <code class=\"rule\">\(finding.rule.htmlEscaped)</code> "
        output +=
            "<span class=\"location\">\(finding.location.file.htmlEscaped):\(finding.location.line):\(finding.location.column)</span>"
        output += " <span class=\"quoted\">“\(finding.text.htmlEscaped)”</span></p>\n"
        output += "<p class=\"message\">\(finding.message.htmlEscaped)</p>\n"
        if !finding.suggestions.isEmpty {
            output += "<p class=\"suggestion\">Suggestion: "
            output += finding.suggestions.map { "<strong>\($0.htmlEscaped)</strong>" }.joined(separator: ", ")
            output += "</p>\n"
        }
        if !finding.folded.isEmpty {
            // Other rules' findings on the same words, folded into this one.
            output += "<ul class=\"folded\" aria-label=\"Also reported on these words\">"
            for folded in finding.folded {
                output +=
                    "<li>Also: \(folded.severity.rawValue.htmlEscaped) <code class=\"rule\">\(folded.rule.htmlEscaped)</code> "
                output += "\(folded.message.htmlEscaped)</li>"
            }
            output += "</ul>\n"
        }
        guard case let .object(pairs) = JSONReporter.json(finding) else {
            output += "</li>\n"
            return
        }
        let extra = pairs.filter { !Self.shownKeys.contains($0.0) && $0.1 != .null }
        if !extra.isEmpty {
            output += "<dl class=\"details\">"
            for (key, value) in extra {
                output += "<dt>\(key.htmlEscaped)</dt><dd>\(Self.describe(value).htmlEscaped)</dd>"
            }
            output += "</dl>\n"
        }
        output += "</li>\n"
    }

    /// A JSON value as plain text: strings as they are, arrays joined with commas.
    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case let .bool(flag): flag ? "yes" : "no"
        case let .number(number): String(number)
        case let .string(string): string
        case let .array(values): values.map(describe).joined(separator: ", ")
        case let .object(pairs): pairs.map { "\($0.0): \(describe($0.1))" }.joined(separator: "; ")
        }
    }

    private mutating func writeUnplacedFindings() {
        guard !placement.unplaced.isEmpty else { return }
        output += "<section class=\"unplaced\" aria-labelledby=\"unplaced-title\">\n"
        output += "<h2 id=\"unplaced-title\">Findings outside the aligned versions</h2>\n<ol class=\"findings\">\n"
        for index in placement.unplaced { writeFinding(index) }
        output += "</ol>\n</section>\n"
    }
}
