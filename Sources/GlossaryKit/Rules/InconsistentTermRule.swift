/// Reports a concept named in two or more ways in one language of one document.
public struct InconsistentTermRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "inconsistent-term",
        name: "Inconsistent term",
        summary: "One concept is named with different terms in the same language of one document.",
        rationale: """
            Readers take two terms for two things. Within a document each concept should keep one \
            name per language: the preferred one if it is used, else the one used most. Acronyms \
            are not compared with full forms (writing "ILO" after "International Labour \
            Organization" is normal), and inflected forms of one term count as that term.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("Labour trafficking grows. Labour trafficking hurts. ↓Labor trafficking pays.", language: .english),
            RuleExample("Padagangan tanaga gawé ngaronjat. ↓Trafficking tenaga kerja ogé.", language: .sundanese),
            RuleExample("Pekerja migran pulang. Pekerja migran lain menunggu. ↓Buruh migran tetap bekerja.", language: .indonesian),
        ],
        nonTriggeringExamples: [
            RuleExample("Labour trafficking grows, and labour trafficking hurts.", language: .english),
            RuleExample("The International Labour Organization (ILO) says the ILO will act.", language: .english),
            RuleExample("Labor trafficking grows, and labor trafficking hurts.", language: .english),
            RuleExample("Pekerja migran dan pekerja-pekerja migran lain.", language: .indonesian),
            RuleExample("Perdagangan tenaga kerja (*labour trafficking*) meningkat.", language: .indonesian),
            RuleExample("Padagangan tanaga gawé jeung padagangan tanaga gawéna.", language: .sundanese),
        ])

    /// The identity of one way of naming a concept: the term, and whether it was spelt otherwise.
    private struct Form: Hashable {
        var term: TermReference
        /// The folded written text when the match needed a spelling variant the glossary does not
        /// list (`labor` for `labour`), so that the two spellings count as two forms.
        var spelling: String?
    }

    public func check(_ document: AnalyzedDocument) -> [Finding] {
        struct Group {
            var forms: [Form: [TermMatch]] = [:]
            var order: [Form] = []
        }
        var groups: [String: Group] = [:]
        var groupOrder: [String] = []
        var previous: TermMatch?
        for match in document.matchesInParagraphLanguage {
            defer { previous = match }
            let term = document.glossary[term: match.term]
            if term.type.isAbbreviated { continue }
            if let previous, Self.isGloss(match, after: previous, in: document) { continue }
            let key = "\(term.language)\u{0}\(match.term.concept)"
            let spelling = match.phenomena.contains(.spelling)
                ? document.writtenText(of: match).lowercased() : nil
            let form = Form(term: match.term, spelling: spelling)
            if groups[key] == nil { groupOrder.append(key) }
            if groups[key, default: Group()].forms[form] == nil { groups[key, default: Group()].order.append(form) }
            groups[key, default: Group()].forms[form, default: []].append(match)
        }
        var findings: [Finding] = []
        for key in groupOrder {
            guard let group = groups[key], group.order.count >= 2 else { continue }
            let glossary = document.glossary
            // The form to keep: a preferred term as written, else the most used (first on a tie).
            let expected = group.order.first { glossary[term: $0.term].status == .preferred && $0.spelling == nil }
                ?? group.order.max { group.forms[$0]!.count < group.forms[$1]!.count || (group.forms[$0]!.count == group.forms[$1]!.count && group.order.firstIndex(of: $0)! > group.order.firstIndex(of: $1)!) }!
            let concept = glossary[concept: expected.term]
            let language = glossary[term: expected.term].language
            let expectedText = glossary[term: expected.term].text
            let counts = group.order.map { form -> String in
                let matches = group.forms[form]!
                let shown = form.spelling ?? glossary[term: form.term].text
                return "'\(shown)' ×\(matches.count)"
            }.joined(separator: ", ")
            let isPreferred = glossary[term: expected.term].status == .preferred && expected.spelling == nil
            let preferred = concept.preferredTerms(in: language).map(\.text)
            let advice = "use '\(expectedText)'" + (isPreferred ? " (preferred)"
                : " (most used)" + (preferred.isEmpty ? "" : "; the preferred term is " + preferred.map { "'\($0)'" }.joined(separator: " or ")))
            for form in group.order where form != expected {
                for match in group.forms[form]! {
                    let written = document.writtenText(of: match)
                    let message = "concept '\(concept.id)' is named in \(group.order.count) ways in this \(language) text (\(counts)); " + advice
                    let fix = form.spelling == nil
                        ? DeprecatedTermRule.replacement(for: match, written: written, term: glossary[term: form.term].text, preferred: expectedText,
                                                      atSentenceStart: document.startsSentence(match))
                        : nil
                    findings.append(document.finding(
                        at: match, rule: Self.description.id, severity: Self.description.defaultSeverity,
                        message: message, suggestions: [expectedText], fix: fix,
                        note: glossary[term: form.term].note))
                }
            }
        }
        return findings.sorted { $0.byteRange.lowerBound < $1.byteRange.lowerBound }
    }

    /// Whether `match` glosses `previous` in parentheses: `perdagangan tenaga kerja (*labour
    /// trafficking*)`. A gloss repeats the concept on purpose and is no inconsistency.
    static func isGloss(_ match: TermMatch, after previous: TermMatch, in document: AnalyzedDocument) -> Bool {
        guard match.term.concept == previous.term.concept, previous.bytes.upperBound <= match.bytes.lowerBound else { return false }
        let between = document.source.bytes[previous.bytes.upperBound..<match.bytes.lowerBound]
        guard between.count <= 12, between.contains(UInt8(ascii: "(")) else { return false }
        let allowed: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "("), UInt8(ascii: "*"), UInt8(ascii: "_"),
                                   UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: ":"), UInt8(ascii: ",")]
        return between.allSatisfy { allowed.contains($0) || $0 >= 0x80 }
    }
}
