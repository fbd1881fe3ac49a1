/// The replacements an editor may offer for one finding: the fix `--fix` applies when there is
/// exactly one, else one per suggested term, each made as `--fix` makes its one.
extension Fixer {
    /// The edits that could each replace the text of `finding` in `document` (analysed from
    /// `source` with the options of its check), best first.
    ///
    /// When the finding carries a fix (`Finding.fix`), that fix alone, as `--fix` applies it
    /// (`edits(for:in:protecting:)`). Otherwise, for a term the glossary replaces with one of
    /// several terms (a deprecated term with two preferred ones), one edit per suggestion, each
    /// keeping the written case and ending as `--fix` keeps them; a suggestion that cannot be
    /// put in place safely (a reduplication, an infix, a plural the suggestion does not take)
    /// gives none. Either way no edit touches a term the glossary approves
    /// (`approvedRanges(in:)`).
    ///
    /// - Complexity: O(*m*) in the document's matches.
    package static func candidates(for finding: Finding, in document: AnalyzedDocument, source: SourceText) -> [Edit] {
        let protected = approvedRanges(in: document)
        if finding.fix != nil { return edits(for: [finding], in: source, protecting: protected) }
        guard finding.suggestions.count > 1, finding.byteRange.upperBound <= source.bytes.count,
            !overlaps(finding.byteRange, protected),
            let match = document.matches.first(where: {
                $0.bytes == finding.byteRange && document.glossary[concept: $0.term].id == finding.concept
            })
        else { return [] }
        let written = source.text(finding.byteRange)
        guard written == finding.text else { return [] }
        let term = document.glossary[term: match.term].text
        var seen: Set<String> = []
        return finding.suggestions.compactMap { suggestion in
            guard
                let replacement = match.replacement(
                    written: written, term: term, preferred: suggestion, atSentenceStart: match.lookBehind.startsSentence)
            else { return nil }
            let kept = keepingSeparators(of: written, in: replacement)
            guard kept != written, seen.insert(kept).inserted else { return nil }
            return Edit(range: finding.byteRange, replacement: Array(kept.utf8), rule: finding.rule)
        }
    }
}
