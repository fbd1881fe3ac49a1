/// Measures precision and recall of term matching on a labelled corpus.
///
/// Each sentence is checked with its language given, as `glossary check --lang` would. A match
/// is correct when it covers exactly the words of a labelled occurrence and names its concept;
/// every other match is a false positive, every unfound occurrence a false negative. Counts are
/// kept per language and per phenomenon: a found or missed occurrence counts under the phenomena
/// its label gives, a false positive under the phenomena the matcher reported.
package struct Evaluator: Sendable {
    package let checker: GlossaryChecker

    package init(checker: GlossaryChecker) {
        self.checker = checker
    }

    /// Runs the checker over every sentence of `corpus` and compares.
    ///
    /// - Throws: `InputError` when the corpus names a concept the glossary does not have (a typo
    ///   in the corpus would otherwise count as a miss of the analyzers).
    package func evaluate(_ corpus: EvaluationCorpus) throws -> EvaluationReport {
        let known = Set(checker.glossary.concepts.map(\.id))
        var report = EvaluationReport()
        for sentence in corpus.sentences {
            for occurrence in sentence.occurrences where !known.contains(occurrence.concept) {
                throw InputError(
                    "concept '\(occurrence.concept)' is not in the glossary", file: sentence.file,
                    location: SourceLocation(file: sentence.file, line: sentence.line, column: 1))
            }
            let document: AnalyzedDocument
            do {
                document = try checker.analyze(
                    SourceText(path: sentence.file, string: sentence.text),
                    options: CheckOptions(language: sentence.language, markup: .plain))
            } catch {
                throw InputError("cannot analyse the sentence: \(error)", file: sentence.file)
            }
            report.add(
                sentence,
                found: document.matches.map { match in
                    EvaluationReport.Found(
                        concept: document.glossary[concept: match.term].id, bytes: match.bytes,
                        text: document.writtenText(of: match), phenomena: match.phenomena,
                        explanation: match.explanation)
                })
        }
        return report
    }
}

/// Precision and recall of one evaluation run, with every error listed.
package struct EvaluationReport: Sendable {
    /// True positives, false positives and false negatives.
    package struct Counts: Sendable, Equatable {
        package var correct = 0
        package var falsePositives = 0
        package var missed = 0

        /// Correct / found; 1 when nothing was found.
        package var precision: Double {
            correct + falsePositives == 0 ? 1 : Double(correct) / Double(correct + falsePositives)
        }

        /// Correct / expected; 1 when nothing was expected.
        package var recall: Double {
            correct + missed == 0 ? 1 : Double(correct) / Double(correct + missed)
        }

        package var expected: Int { correct + missed }
        package var found: Int { correct + falsePositives }
    }

    /// A match the matcher made, as the evaluation sees it.
    package struct Found: Sendable {
        package var concept: String
        package var bytes: Range<Int>
        package var text: String
        package var phenomena: [Phenomenon]
        package var explanation: String
    }

    /// One disagreement with the labels.
    package struct Error: Sendable, CustomStringConvertible {
        package enum Kind: String, Sendable {
            case falsePositive = "false positive"
            case missed
            case trapHit = "trap hit"
            case phenomenon = "other phenomena"
        }

        package var kind: Kind
        package var file: String
        package var line: Int
        package var detail: String

        package var description: String { "\(file):\(line): \(kind.rawValue): \(detail)" }
    }

    package private(set) var byLanguage: [LanguageTag: Counts] = [:]
    /// Keyed by phenomenon name, `identity` for verbatim occurrences.
    package private(set) var byPhenomenon: [String: Counts] = [:]
    /// Per trap category: how many traps, and how many a match touched.
    package private(set) var traps: [String: (total: Int, hit: Int)] = [:]
    package private(set) var errors: [Error] = []
    /// Correct matches whose reported phenomena differ from the label.
    package private(set) var phenomenonDisagreements = 0

    package init() {}

    package var total: Counts {
        byLanguage.values.reduce(into: Counts()) {
            $0.correct += $1.correct
            $0.falsePositives += $1.falsePositives
            $0.missed += $1.missed
        }
    }

    private static func names(_ phenomena: [Phenomenon]) -> [String] {
        let names = Set(phenomena.map(\.rawValue)).subtracting(["identity"])
        return names.isEmpty ? ["identity"] : names.sorted()
    }

    mutating func add(_ sentence: EvaluationCorpus.Sentence, found: [Found]) {
        var unmatched = Array(sentence.occurrences.indices)
        for match in found {
            if let position = unmatched.firstIndex(where: {
                let occurrence = sentence.occurrences[$0]
                return occurrence.bytes == match.bytes && occurrence.concept == match.concept
            }) {
                let occurrence = sentence.occurrences[unmatched.remove(at: position)]
                byLanguage[sentence.language, default: Counts()].correct += 1
                for name in Self.names(occurrence.phenomena) { byPhenomenon[name, default: Counts()].correct += 1 }
                let reported = Self.names(match.phenomena.filter { $0 != .listedForm })
                if reported != Self.names(occurrence.phenomena.filter { $0 != .listedForm }) {
                    phenomenonDisagreements += 1
                    errors.append(
                        Error(
                            kind: .phenomenon, file: sentence.file, line: sentence.line,
                            detail:
                                "'\(match.text)' labelled \(Self.names(occurrence.phenomena).joined(separator: "+")), matched as \(reported.joined(separator: "+")) (\(match.explanation))"
                        ))
                }
            } else {
                byLanguage[sentence.language, default: Counts()].falsePositives += 1
                for name in Self.names(match.phenomena) { byPhenomenon[name, default: Counts()].falsePositives += 1 }
                let how = match.explanation.isEmpty ? "" : " as \(match.explanation)"
                errors.append(
                    Error(
                        kind: .falsePositive, file: sentence.file, line: sentence.line,
                        detail: "'\(match.text)' → \(match.concept)\(how)"))
            }
        }
        for position in unmatched {
            let occurrence = sentence.occurrences[position]
            byLanguage[sentence.language, default: Counts()].missed += 1
            for name in Self.names(occurrence.phenomena) { byPhenomenon[name, default: Counts()].missed += 1 }
            let near = found.filter { $0.bytes.overlaps(occurrence.bytes) }
                .map { "'\($0.text)' → \($0.concept)" }.joined(separator: ", ")
            errors.append(
                Error(
                    kind: .missed, file: sentence.file, line: sentence.line,
                    detail: "'\(occurrence.text)' (\(occurrence.concept))" + (near.isEmpty ? "" : "; found instead \(near)")))
        }
        for trap in sentence.traps {
            let hit = found.contains { $0.bytes.overlaps(trap.bytes) }
            traps[trap.category, default: (0, 0)].total += 1
            if hit {
                traps[trap.category, default: (0, 0)].hit += 1
                errors.append(
                    Error(kind: .trapHit, file: sentence.file, line: sentence.line, detail: "'\(trap.text)' (\(trap.category))"))
            }
        }
    }

    /// The report as aligned tables, then the errors.
    package func render(listErrors: Bool = true) -> String {
        func number(_ value: Double) -> String {
            let scaled = Int((value * 1000).rounded())
            let digits = String(scaled % 1000)
            return "\(scaled / 1000)." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        func row(_ name: String, _ counts: Counts) -> String {
            pad(name, 20) + padLeft(String(counts.expected), 9) + padLeft(String(counts.found), 7)
                + padLeft(String(counts.correct), 9) + padLeft(number(counts.precision), 11)
                + padLeft(number(counts.recall), 8)
        }
        let header =
            pad("", 20) + padLeft("expected", 9) + padLeft("found", 7) + padLeft("correct", 9)
            + padLeft("precision", 11) + padLeft("recall", 8)
        var output = pad("language", 20) + String(header.dropFirst(20)) + "\n"
        for language in byLanguage.keys.sorted() {
            output += row(language.rawValue, byLanguage[language]!) + "\n"
        }
        output += row("all", total) + "\n\n"
        output += pad("phenomenon", 20) + String(header.dropFirst(20)) + "\n"
        let order = ["identity"] + Phenomenon.allCases.map(\.rawValue).filter { $0 != "identity" }
        for name in order where byPhenomenon[name] != nil {
            output += row(name, byPhenomenon[name]!) + "\n"
        }
        output += "\n" + pad("trap", 20) + padLeft("traps", 9) + padLeft("hit", 7) + "\n"
        for category in traps.keys.sorted() {
            output +=
                pad(category, 20) + padLeft(String(traps[category]!.total), 9) + padLeft(String(traps[category]!.hit), 7) + "\n"
        }
        let trapTotal = traps.values.reduce(0) { $0 + $1.total }
        let trapHits = traps.values.reduce(0) { $0 + $1.hit }
        output += pad("all", 20) + padLeft(String(trapTotal), 9) + padLeft(String(trapHits), 7) + "\n"
        output += "\nCorrect matches reported with other phenomena than labelled: \(phenomenonDisagreements)\n"
        if listErrors && !errors.isEmpty {
            output += "\n" + errors.map(\.description).joined(separator: "\n") + "\n"
        }
        return output
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
