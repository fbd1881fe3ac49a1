import Foundation

/// How often each concept is named in each language of a translation corpus: `glossary coverage`.
///
/// A *gap* is a language where a concept has no occurrence although other versions name it: the
/// same absences `glossary check` reports (`AnalyzedCorpus.absences(in:)`), marked by kind, so
/// that the table and the findings never disagree. A version is compared with the source when
/// the corpus has one, else with the other versions; a language the glossary has no approved
/// term of the concept in has no gap.
public struct CoverageTable: Sendable {
    /// Why a language does not name a concept that other versions name.
    public enum Gap: String, Sendable, Hashable, CaseIterable {
        /// Named in the source, or in at least half of the undirected versions: a missing
        /// translation (`—`).
        case missing
        /// Named in fewer than half of the undirected versions: left out here or added there
        /// (`·`).
        case divergent
        /// Not named here, in a translation set aligned with too little confidence to compare
        /// (`?`).
        case unaligned

        /// The cell's mark.
        public var mark: String {
            switch self {
            case .missing: "—"
            case .divergent: "·"
            case .unaligned: "?"
            }
        }

        /// What the mark means, for the table's legend.
        public var meaning: String {
            switch self {
            case .missing: "missing: named in the source, or in at least half of the versions, not in this one"
            case .divergent:
                "divergent: named in fewer than half of the versions, not in this one (left out here, or added there)"
            case .unaligned: "not compared: not named here, in a set aligned with low confidence"
            }
        }
    }

    /// One concept's counts.
    public struct Row: Sendable {
        /// The translation set, for per-segment rows; nil in the totals.
        public var set: String?
        /// The concept's id.
        public var concept: String
        /// Occurrences per language, parallel to `CoverageTable.languages`.
        public var counts: [Int]
        /// The gap in each language, if any.
        public var gaps: [Gap?]

        /// Whether the row has a gap of any kind.
        public var hasGap: Bool { gaps.contains { $0 != nil } }
    }

    /// The languages of the table's columns, in order.
    public var languages: [LanguageTag]
    /// Totals over the corpus, one row per concept named anywhere, in glossary order.
    public var rows: [Row]
    /// Per translation set, the concepts it names (only with `bySegment`).
    public var segmentRows: [Row]
    /// What the alignment did.
    public var notes: [String]
    /// Number of translation sets.
    public var setCount: Int

    /// Counts the concepts of `corpus`.
    ///
    /// In a set, a gap is an absence of the concept in that set; in the totals, a language that
    /// never names the concept has the gravest gap any set gives it (missing, then divergent,
    /// then unaligned), or none when no set compares it (it names no concept of that set's, or
    /// it is the source).
    ///
    /// - Complexity: O(*m* + *s*·*v*·*c*) in the matches, and the sets' versions and concepts.
    public init(_ corpus: AnalyzedCorpus, bySegment: Bool = false) {
        let glossary = corpus.glossary
        var languages: [LanguageTag] = []
        for text in corpus.texts {
            for segment in text.segmented.segments {
                if let language = segment.language, !languages.contains(language) { languages.append(language) }
            }
        }
        var totals: [Int: [Int]] = [:]
        var totalGaps: [Int: [Gap?]] = [:]
        var segmentRows: [Row] = []
        for set in corpus.sets {
            var counts: [Int: [Int]] = [:]
            for member in set.members {
                guard let language = corpus[member].language, let column = languages.firstIndex(of: language) else { continue }
                for match in corpus.matches(in: member) {
                    counts[match.term.concept, default: Array(repeating: 0, count: languages.count)][column] += 1
                }
            }
            var gaps: [Int: [Gap?]] = [:]
            for absence in corpus.absences(in: set) {
                guard let column = languages.firstIndex(of: absence.language) else { continue }
                let gap: Gap = !set.isReliable ? .unaligned : absence.kind == .omission ? .missing : .divergent
                gaps[absence.concept, default: Array(repeating: nil, count: languages.count)][column] = gap
                let total = totalGaps[absence.concept, default: Array(repeating: nil, count: languages.count)][column]
                totalGaps[absence.concept, default: Array(repeating: nil, count: languages.count)][column] = Self.graver(
                    total, gap)
            }
            for concept in counts.keys.sorted() {
                let row = counts[concept]!
                for column in row.indices {
                    totals[concept, default: Array(repeating: 0, count: languages.count)][column] += row[column]
                }
                if bySegment {
                    segmentRows.append(
                        Row(
                            set: set.id, concept: glossary.concepts[concept].id, counts: row,
                            gaps: gaps[concept] ?? Array(repeating: nil, count: languages.count)))
                }
            }
        }
        self.languages = languages
        rows = totals.keys.sorted().map { concept in
            let counts = totals[concept]!
            let gaps = totalGaps[concept] ?? Array(repeating: nil, count: languages.count)
            // A language that names the concept in some set has no gap in the totals.
            return Row(
                set: nil, concept: glossary.concepts[concept].id, counts: counts,
                gaps: counts.indices.map { counts[$0] == 0 ? gaps[$0] : nil })
        }
        self.segmentRows = segmentRows
        notes = corpus.notes
        setCount = corpus.sets.count
    }

    /// The graver of two gaps: missing, then divergent, then unaligned.
    private static func graver(_ first: Gap?, _ second: Gap) -> Gap {
        guard let first else { return second }
        let order = Gap.allCases
        return order.firstIndex(of: first)! <= order.firstIndex(of: second)! ? first : second
    }

    /// The kinds of gap the table shows, in legend order.
    private var shownGaps: [Gap] {
        let shown = Set((rows + segmentRows).flatMap { $0.gaps.compactMap { $0 } })
        return Gap.allCases.filter(shown.contains)
    }

    /// Output formats of `glossary coverage`.
    public enum Format: String, Sendable, CaseIterable {
        /// Plain text for a terminal, JSON for programs, or a Markdown table.
        case text, json, markdown
    }

    /// The table in `format`.
    public func render(_ format: Format) -> String {
        switch format {
        case .text: renderText()
        case .json: renderJSON().serialized() + "\n"
        case .markdown: renderMarkdown()
        }
    }

    /// A cell: the count, or the gap's mark.
    private func cell(_ row: Row, _ column: Int) -> String {
        row.gaps[column]?.mark ?? String(row.counts[column])
    }

    /// Columns padded to their widest cell.
    public func renderText() -> String {
        var output = notes.map { "note: \($0)\n" }.joined()
        func table(_ rows: [Row], first: String, key: (Row) -> String) -> String {
            let header = [first] + languages.map(\.rawValue)
            let body = rows.map { row in [key(row)] + languages.indices.map { cell(row, $0) } }
            let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { index, text in
                    index == 0 ? text.padding(to: widths[0]) : String(repeating: " ", count: widths[index] - text.count) + text
                }.joined(separator: "  ") + "\n"
            }
            return line(header) + body.map(line).joined()
        }
        output += table(rows, first: "concept") { $0.concept }
        if !segmentRows.isEmpty {
            output += "\nby segment:\n" + table(segmentRows, first: "segment / concept") { "\($0.set ?? "") / \($0.concept)" }
        }
        let gaps = rows.filter(\.hasGap).count
        output +=
            "\n\(English.counted(rows.count, "concept")) in \(English.counted(setCount, "translation set")); \(gaps) with a gap\n"
        output += shownGaps.map { "\($0.mark)  \($0.meaning)\n" }.joined()
        return output
    }

    /// The table as a Markdown table, one row per concept.
    public func renderMarkdown() -> String {
        func table(_ rows: [Row], first: String, key: (Row) -> String) -> String {
            var output = "| \(first) | " + languages.map(\.rawValue).joined(separator: " | ") + " |\n"
            output += "|---|" + languages.map { _ in "---:|" }.joined() + "\n"
            for row in rows {
                output += "| \(key(row)) | " + languages.indices.map { cell(row, $0) }.joined(separator: " | ") + " |\n"
            }
            return output
        }
        var output = notes.map { "> \($0)\n" }.joined() + (notes.isEmpty ? "" : "\n")
        output += table(rows, first: "concept") { "`\($0.concept)`" }
        if !segmentRows.isEmpty {
            output +=
                "\n### By segment\n\n" + table(segmentRows, first: "segment / concept") { "\($0.set ?? "") / `\($0.concept)`" }
        }
        if !shownGaps.isEmpty {
            output += "\n" + shownGaps.map { "\($0.mark) \($0.meaning)." }.joined(separator: "  \n") + "\n"
        }
        return output
    }

    package func renderJSON() -> JSONValue {
        func row(_ row: Row) -> JSONValue {
            var pairs: [(String, JSONValue)] = []
            if let set = row.set { pairs.append(("set", .string(set))) }
            pairs.append(("concept", .string(row.concept)))
            pairs.append(("counts", .object(languages.indices.map { (languages[$0].rawValue, .number(row.counts[$0])) })))
            let gaps = languages.indices.filter { row.gaps[$0] != nil }
            pairs.append(("gaps", .array(gaps.map { .string(languages[$0].rawValue) })))
            pairs.append(("gapKinds", .object(gaps.map { (languages[$0].rawValue, .string(row.gaps[$0]!.rawValue)) })))
            return .object(pairs)
        }
        return .object([
            ("languages", .array(languages.map { .string($0.rawValue) })),
            ("notes", .array(notes.map { .string($0) })),
            ("concepts", .array(rows.map(row))),
            ("segments", .array(segmentRows.map(row))),
            (
                "summary",
                .object([
                    ("sets", .number(setCount)), ("concepts", .number(rows.count)),
                    ("conceptsWithGaps", .number(rows.filter(\.hasGap).count)),
                    (
                        "conceptsWithGapsByKind",
                        .object(
                            Gap.allCases.map { kind in
                                (kind.rawValue, .number(rows.filter { $0.gaps.contains(kind) }.count))
                            })
                    ),
                ])
            ),
        ])
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension CrossLanguageChecker {
    /// How `coverageCorpus(paths:options:grouping:)` groups plain files into translation sets.
    public enum Grouping: Sendable {
        /// Group by name; several plain files given without tags are one set.
        case automatic
        /// Every file is its own table.
        case none
    }

    /// The corpora for `glossary coverage PATH…`, one table each.
    ///
    /// - Bilingual files as read (one corpus per file; JSON message files in one folder form one).
    /// - Plain-text and Markdown files whose names differ only by a language tag
    ///   (`report.id.md`, `report.en.md`; `id/report.md`, `en/report.md`) form one parallel set
    ///   each (`ParallelFiles.groups(_:known:)`), unless `parallel` is `.none`.
    /// - Several files named without such tags are one set of parallel versions (as given), unless
    ///   `parallel` is `.none`; a folder's files are never taken as one set without tags.
    /// - Any other file stands alone: its language sections, or in one language one set per
    ///   paragraph.
    ///
    /// Folders are searched like `glossary check` does (`CheckRunner.files(for:)`). A
    /// configuration's `parallel` sets are formed first, as `glossary check` forms them;
    /// `options.sourceLanguage` makes the corpora that declare no source directed.
    package func coverageCorpus(
        paths: [String], options: CheckOptions = CheckOptions(), grouping: Grouping = .automatic,
        configuration: Configuration? = nil
    ) throws(InputError) -> [AnalyzedCorpus] {
        guard !paths.isEmpty else { throw InputError("give at least one file") }
        var hasFolder = false
        for path in paths where path != "-" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { hasFolder = true }
        }
        let files = hasFolder ? try CheckRunner.files(for: paths) : paths
        guard !files.isEmpty else { throw InputError("no text or bilingual files found", file: paths[0]) }
        let bilingual = files.filter { BilingualFormat(path: $0) != nil }
        if !hasFolder, !bilingual.isEmpty, bilingual.count != files.count {
            throw InputError(
                "mix of bilingual files and plain texts: give either bilingual files (.xlf, .po, .tmx, .xcstrings, .json) or plain texts",
                file: files.first { BilingualFormat(path: $0) == nil })
        }
        var result: [AnalyzedCorpus] = []
        if !bilingual.isEmpty {
            for corpus in try BilingualFormat.read(paths: bilingual) {
                do { result.append(try analyze(corpus, sourceLanguage: options.sourceLanguage)) } catch {
                    throw InputError(error.description, file: corpus.texts.first?.path)
                }
            }
        }
        let plain = files.filter { BilingualFormat(path: $0) == nil }
        guard !plain.isEmpty else { return result }
        var sets: [(files: [String], languages: [LanguageTag?]?)] = []
        let groups =
            grouping == .automatic && options.language == nil
            ? ParallelFiles.groups(plain, configuration: configuration, byName: true, known: glossary.languages).groups : []
        if grouping == .automatic, !hasFolder, plain.count > 1,
            groups.isEmpty || (groups.count == 1 && groups[0].files.count == plain.count)
        {
            // The files given are the versions of one text.
            sets.append((plain, groups.first?.languages))
        } else {
            var grouped: [String: Int] = [:]
            for (index, group) in groups.enumerated() { for file in group.files { grouped[file] = index } }
            var emitted = Set<Int>()
            for file in plain {
                if let index = grouped[file] {
                    if emitted.insert(index).inserted { sets.append((groups[index].files, groups[index].languages)) }
                } else {
                    sets.append(([file], nil))
                }
            }
        }
        for set in sets {
            var sources: [SourceText] = []
            for path in set.files { sources.append(try BilingualFormat.readSource(path)) }
            do {
                if sources.count == 1 {
                    let segmented = try analyzer.paragraphs(of: sources[0], markup: options.markup, language: options.language)
                    let corpus =
                        SectionAligner.align(segmented)
                        ?? TranslationCorpus(
                            texts: [segmented],
                            sets: segmented.segments.indices.map {
                                TranslationSet(
                                    id: segmented.segments[$0].id, members: [SegmentReference(text: 0, segment: $0)],
                                    method: "paragraph")
                            },
                            notes: ["one language: one set per paragraph"])
                    result.append(try analyze(corpus, markup: options.markup, sourceLanguage: options.sourceLanguage))
                } else {
                    let corpus = try parallelCorpus(sources, languages: set.languages, options: options)
                    result.append(try analyze(corpus, markup: options.markup, sourceLanguage: options.sourceLanguage))
                }
            } catch {
                throw InputError(error.description, file: set.files[0])
            }
        }
        return result
    }
}
