/// Reports the same normalised term in two concepts of one language.
///
/// The matcher finds the words but cannot decide which concept the text means, so a finding would
/// suggest the wrong replacement half of the time.
public enum AmbiguousTermRule: LintRule {
    public static let id = "ambiguous-term"
    public static let summary = "The same normalised term names two concepts in one language."
    public static let rationale = """
        The matcher finds the words but cannot decide which concept the text means, so a finding would suggest the wrong replacement half of the time. Keep the term in one concept, or make the terms differ (case-sensitive acronyms may differ in case).
        """

    public static func check(_ context: LintContext) -> [Finding] {
        var owners: [String: (concept: String, term: Term, location: SourceLocation)] = [:]
        var findings: [Finding] = []
        for (file, concept) in context.concepts {
            var own: Set<String> = []
            for term in concept.terms {
                let normalized = context.normalized(term)
                if normalized.isEmpty { continue }
                let key = term.language.rawValue + "\u{0}" + normalized
                guard own.insert(key).inserted else { continue }
                let location = LintFinding.location(term, in: concept, file: file)
                if let owner = owners[key], owner.concept != concept.id {
                    if owner.term.isCaseSensitive, term.isCaseSensitive, owner.term.text != term.text { continue }
                    findings.append(LintFinding.make(
                        rule: id, severity: .warning, at: location, text: term.text,
                        message: "'\(term.text)' (\(term.language)) also names concept '\(owner.concept)' at \(owner.location); the matcher cannot tell them apart",
                        language: term.language, concept: concept.id))
                } else if owners[key] == nil {
                    owners[key] = (concept.id, term, location)
                }
            }
        }
        return findings
    }
}
