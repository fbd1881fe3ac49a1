/// Reports a concept id used by more than one concept, in one file or across files.
///
/// Ids are how checks, lookups and conversions refer to a concept; two concepts with one id make
/// every reference ambiguous.
public enum DuplicateConceptIDRule: LintRule {
    public static let id = "duplicate-concept-id"
    public static let summary = "A concept id is used by more than one concept."
    public static let rationale = """
        Ids are how checks, lookups, conversions, configurations and baselines refer to a concept; two concepts with one id make every reference ambiguous. Rename one of them.
        """
    public static let defaultSeverity: Severity = .error

    public static func check(_ context: LintContext) -> [Finding] {
        var first: [String: SourceLocation] = [:]
        var findings: [Finding] = []
        for (file, concept) in context.concepts {
            let location = LintFinding.location(concept, file: file)
            if let earlier = first[concept.id] {
                findings.append(LintFinding.make(
                    rule: id, severity: .error, at: location, text: concept.id,
                    message: "duplicate concept id '\(concept.id)'; first defined at \(earlier)", concept: concept.id))
            } else {
                first[concept.id] = location
            }
        }
        return findings
    }
}
