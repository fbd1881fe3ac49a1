/// Reports a concept with no term in a language its file's `required-languages` lists.
public enum MissingRequiredLanguageRule: LintRule {
    public static let id = "missing-required-language"
    public static let summary = "A concept has no term in a required language."
    public static let rationale = """
        The file's `required-languages` promises a term in each of those languages; a concept without one leaves translators without guidance and the cross-language rules without a term to expect.
        """

    public static func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for file in context.files {
            for concept in file.glossary.concepts {
                let covered = concept.languages
                let missing = file.glossary.requiredLanguages.filter { required in !covered.contains { $0.isWithin(required) } }
                guard !missing.isEmpty else { continue }
                findings.append(LintFinding.make(
                    rule: id, severity: .warning, at: LintFinding.location(concept, file: file.path), text: concept.id,
                    message: "concept '\(concept.id)' has no term in \(missing.map(\.rawValue).joined(separator: ", ")) (required by this file)",
                    language: missing[0], concept: concept.id))
            }
        }
        return findings
    }
}
