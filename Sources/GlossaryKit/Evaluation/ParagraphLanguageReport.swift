/// How well the checker's language detection does on a `ParagraphLanguageSet`: accuracy per gold
/// language and per paragraph length, the share of paragraphs it marks uncertain, and the share
/// whose terms would have been missed.
///
/// A paragraph's terms are missed when its detected language is wrong *and* certain: only then
/// is it matched and judged in another language alone. A wrong but uncertain paragraph is
/// matched against every language's terms (`DetectedLanguage`), so nothing in it is silent.
package struct ParagraphLanguageReport: Sendable {
    /// The counts of one row.
    package struct Counts: Sendable, Equatable {
        package var paragraphs = 0
        package var correct = 0
        package var uncertain = 0
        /// Wrong and certain: the paragraphs whose terms would have been missed.
        package var missed = 0

        package var accuracy: Double { paragraphs == 0 ? 1 : Double(correct) / Double(paragraphs) }
        package var uncertainShare: Double { paragraphs == 0 ? 0 : Double(uncertain) / Double(paragraphs) }
        package var missedShare: Double { paragraphs == 0 ? 0 : Double(missed) / Double(paragraphs) }

        mutating func add(correct isCorrect: Bool, uncertain isUncertain: Bool) {
            paragraphs += 1
            if isCorrect { correct += 1 }
            if isUncertain { uncertain += 1 }
            if !isCorrect && !isUncertain { missed += 1 }
        }
    }

    /// A paragraph detected in another language than its gold one.
    package struct Error: Sendable, CustomStringConvertible {
        package var file: String
        package var line: Int
        package var gold: LanguageTag
        package var detected: LanguageTag?
        package var isUncertain: Bool
        /// The paragraph's start, for the listing.
        package var excerpt: String

        package var description: String {
            "\(file):\(line): \(gold) detected as \(detected?.rawValue ?? "none")\(isUncertain ? " (uncertain)" : ", certain: its terms would be missed"): \(excerpt)"
        }
    }

    /// The length buckets, by the number of words (as the scan counts them, numbers included).
    package static let buckets: [(name: String, words: ClosedRange<Int>)] = [
        ("1-2 words", 1...2), ("3-4 words", 3...4), ("5-8 words", 5...8), ("9+ words", 9...Int.max),
    ]

    /// The words of a short paragraph: headings, keyword lines, captions, one-line replies.
    package static let shortParagraph = 1...8

    package private(set) var byLanguage: [LanguageTag: Counts] = [:]
    /// Per bucket of `buckets`, in order.
    package private(set) var byLength: [Counts] = Array(repeating: Counts(), count: buckets.count)
    package private(set) var short = Counts()
    package private(set) var all = Counts()
    package private(set) var errors: [Error] = []
    /// Paragraphs with a linguistic tag but no word the scan finds (only emoji, say): not counted.
    package private(set) var wordless = 0

    package init() {}

    mutating func add(
        _ paragraph: ParagraphLanguageSet.Paragraph, file: String, excerpt: String, words: Int, detected: LanguageTag?,
        isUncertain: Bool
    ) {
        let isCorrect = detected.map { $0.overlaps(paragraph.gold) } ?? false
        byLanguage[paragraph.gold, default: Counts()].add(correct: isCorrect, uncertain: isUncertain)
        if let bucket = Self.buckets.firstIndex(where: { $0.words.contains(words) }) {
            byLength[bucket].add(correct: isCorrect, uncertain: isUncertain)
        }
        if Self.shortParagraph.contains(words) { short.add(correct: isCorrect, uncertain: isUncertain) }
        all.add(correct: isCorrect, uncertain: isUncertain)
        if !isCorrect {
            errors.append(
                Error(
                    file: file, line: paragraph.line, gold: paragraph.gold, detected: detected, isUncertain: isUncertain,
                    excerpt: excerpt))
        }
    }

    mutating func addWordless() { wordless += 1 }

    /// The report as aligned tables, then the errors.
    package func render(listErrors: Bool = true) -> String {
        func share(_ value: Double) -> String {
            let scaled = Int((value * 1000).rounded())
            let digits = String(scaled % 1000)
            return "\(scaled / 1000)." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }
        func padLeft(_ text: String, _ width: Int) -> String {
            text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
        }
        let columns =
            padLeft("paragraphs", 11) + padLeft("correct", 9) + padLeft("accuracy", 10) + padLeft("uncertain", 11)
            + padLeft("missed", 8)
        func row(_ name: String, _ counts: Counts) -> String {
            pad(name, 20) + padLeft(String(counts.paragraphs), 11) + padLeft(String(counts.correct), 9)
                + padLeft(share(counts.accuracy), 10) + padLeft(share(counts.uncertainShare), 11)
                + padLeft(share(counts.missedShare), 8) + "\n"
        }
        var output = pad("paragraph language", 20) + columns + "\n"
        for language in byLanguage.keys.sorted() { output += row(language.rawValue, byLanguage[language]!) }
        output += row("all", all) + "\n"
        output += pad("paragraph length", 20) + columns + "\n"
        for (bucket, counts) in zip(Self.buckets, byLength) { output += row(bucket.name, counts) }
        output += row("short (1-8 words)", short)
        output +=
            "\nuncertain: matched against every language's terms; missed: detected wrongly and certain, so its terms would be missed\n"
        if wordless > 0 { output += "paragraphs without words, not counted: \(wordless)\n" }
        if listErrors && !errors.isEmpty {
            output += "\n" + errors.map(\.description).joined(separator: "\n") + "\n"
        }
        return output
    }
}

extension GlossaryChecker {
    /// Detects the language of every paragraph of the labelled `set` as `glossary check` would
    /// (each document whole, its markup from its file name) and compares with the gold tags.
    ///
    /// A gold paragraph is compared with the first paragraph the checker finds inside it; one
    /// without words (emoji only) is counted apart. `zxx` paragraphs are skipped.
    ///
    /// - Complexity: O(*n*) in the documents' length.
    package func evaluateParagraphLanguages(_ set: ParagraphLanguageSet) throws -> ParagraphLanguageReport {
        var report = ParagraphLanguageReport()
        for document in set.documents {
            let source = SourceText(path: document.file, string: document.text)
            let analyzed: AnalyzedDocument
            do {
                analyzed = try analyze(source, options: CheckOptions())
            } catch {
                throw InputError("cannot analyse the document: \(error)", file: document.file)
            }
            // Both lists are in text order: one forward walk pairs them.
            var next = 0
            let found = analyzed.paragraphs
            for paragraph in document.paragraphs {
                while next < found.count && found[next].bytes.lowerBound < paragraph.bytes.lowerBound { next += 1 }
                guard paragraph.isLinguistic else { continue }
                guard next < found.count, found[next].bytes.lowerBound < paragraph.bytes.upperBound else {
                    report.addWordless()
                    continue
                }
                let detected = found[next]
                let text = source.text(paragraph.bytes)
                let firstLine = text.prefix { $0 != "\n" }
                let excerpt = firstLine.count > 60 ? String(firstLine.prefix(59)) + "…" : String(firstLine)
                report.add(
                    paragraph, file: document.file, excerpt: excerpt, words: detected.words.count,
                    detected: detected.language, isUncertain: detected.languageIsUncertain)
            }
        }
        return report
    }
}
