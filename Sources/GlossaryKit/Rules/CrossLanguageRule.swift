/// A check over translation sets: segments that are versions of each other in several languages.
///
/// Its examples are small corpora of translation sets with `↓` before each place a finding must
/// start; the test suite checks each against `RuleExamples.glossary`. Its findings are
/// positioned in the files.
public protocol CrossLanguageRule: DescribedRule where Subject == AnalyzedCorpus, Example == TranslationExample {}

/// A corpus for a rule example: translation sets, each a list of versions.
///
/// `↓` in a version marks where a finding must start; a finding about a whole segment (a missing
/// term) starts at the segment's first character, so its mark is the version's first character.
public struct TranslationExample: RuleExampleKind {
    /// Each set's versions, in order.
    public var sets: [[(language: LanguageTag, text: String)]]
    /// The declared source language (as in XLIFF); nil for undirected versions.
    public var sourceLanguage: LanguageTag?
    /// The alignment confidence of every set.
    public var confidence: Double

    /// A corpus of `sets`, each a list of (language, text) versions.
    public init(_ sets: [[(LanguageTag, String)]], sourceLanguage: LanguageTag? = nil, confidence: Double = 1) {
        self.sets = sets.map { $0.map { (language: $0.0, text: $0.1) } }
        self.sourceLanguage = sourceLanguage
        self.confidence = confidence
    }

    /// No: a corpus does not fit on one line of a report.
    public static var isShownInReports: Bool { false }

    /// The sets on one line: versions joined by `↔`, sets by `‖`.
    public var description: String {
        sets.map { set in set.map { "[\($0.language)] \($0.text)" }.joined(separator: " ↔ ") }.joined(separator: " ‖ ")
    }

    /// The example as a corpus over one text (versions separated by blank lines), with the byte
    /// offsets of its `↓` marks.
    package func corpus(path: String = "<example>") -> (corpus: TranslationCorpus, marks: [Int]) {
        var text = ""
        var marks: [Int] = []
        var segments: [Segment] = []
        var translationSets: [TranslationSet] = []
        for (number, set) in sets.enumerated() {
            var members: [SegmentReference] = []
            for version in set {
                if !text.isEmpty { text += "\n\n" }
                let start = text.utf8.count
                for character in version.text {
                    if character == "↓" { marks.append(text.utf8.count) } else { text.append(character) }
                }
                let role: SegmentRole =
                    sourceLanguage == nil ? .version : (version.language == sourceLanguage ? .source : .target)
                segments.append(
                    Segment(
                        id: "set \(number + 1) \(version.language)", language: version.language, role: role,
                        bytes: start..<text.utf8.count))
                members.append(SegmentReference(text: 0, segment: segments.count - 1))
            }
            translationSets.append(
                TranslationSet(id: "set \(number + 1)", members: members, confidence: confidence, method: "example"))
        }
        let file = SourceText(path: path, string: text)
        let segmented = SegmentedText(file: file, segments: segments, format: "example")
        return (TranslationCorpus(texts: [segmented], sets: translationSets, sourceLanguage: sourceLanguage), marks)
    }
}

/// A cross-language rule whose findings on a corpus are its findings on the corpus's pieces put
/// together, so that a document too large to hold can be checked a few translation sets at a
/// time (`StreamedSections`).
///
/// A piece holds every set that shares a segment with another of it. A rule that `readsRenderings`
/// judges each piece by the renderings of the whole corpus, counted beforehand
/// (`AnalyzedCorpus.renderings`); the others need nothing beyond the piece.
package protocol PiecewiseCrossLanguageRule: CrossLanguageRule {
    /// Whether the findings depend on how the whole corpus renders its concepts.
    var readsRenderings: Bool { get }
}

extension MissingTranslationRule: PiecewiseCrossLanguageRule { package var readsRenderings: Bool { false } }
extension DivergentTermRule: PiecewiseCrossLanguageRule { package var readsRenderings: Bool { false } }
extension UntranslatedTermRule: PiecewiseCrossLanguageRule { package var readsRenderings: Bool { false } }
extension InconsistentTranslationRule: PiecewiseCrossLanguageRule { package var readsRenderings: Bool { true } }
extension TermCountRule: PiecewiseCrossLanguageRule { package var readsRenderings: Bool { false } }
extension AlignmentConfidenceRule: PiecewiseCrossLanguageRule { package var readsRenderings: Bool { false } }

extension Rules {
    /// Every built-in cross-language rule, in the order their findings are listed.
    public static let crossLanguage: [any CrossLanguageRule] = [
        MissingTranslationRule(),
        DivergentTermRule(),
        UntranslatedTermRule(),
        InconsistentTranslationRule(),
        TermCountRule(),
        AlignmentConfidenceRule(),
    ]
}

extension Concept {
    /// The preferred and admitted terms of one language, preferred first.
    public func approvedTerms(in language: LanguageTag) -> [Term] {
        terms(in: language).filter { $0.status == .preferred } + terms(in: language).filter { $0.status == .admitted }
    }
}

/// Quotes terms for messages: `'berkas' or 'fail'`.
func quotedList(_ texts: [String]) -> String {
    texts.map { "'\($0)'" }.joined(separator: " or ")
}
