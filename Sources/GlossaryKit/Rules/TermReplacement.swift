/// The fix that replaces a matched term with another, as the deprecated-term and
/// inconsistent-term rules offer it.
extension TermMatch {
    /// `preferred` in place of this match of `term`, in the case of the written text, keeping a
    /// clitic or plural ending; at the start of a sentence its first letter is capitalised
    /// (`TKI berangkat.` → `Pekerja migran berangkat.`).
    ///
    /// Invisible characters in the written form (a soft hyphen, a zero-width space) go with the
    /// word they are in. Nil when the written form is not simply the term plus an ending (a
    /// reduplication, an infix, `policies` for `policy`, another spelling, a word hyphenated
    /// across a line break): then no automatic fix is safe.
    func replacement(written: String, term: String, preferred: String, atSentenceStart: Bool = false) -> String? {
        if phenomena.contains(.reduplication) || phenomena.contains(.pluralInfix) { return nil }
        let written = phenomena.contains(.invisible) ? InvisibleCharacter.removing(from: written) : written
        let suffix = self.suffix
        let base = suffix.isEmpty ? written : String(written.dropLast(suffix.count))
        let squeezedBase = squeezingWhiteSpace(base)
        guard squeezedBase.lowercasedFast() == term.lowercasedFast() else { return nil }
        // Written exactly as the glossary writes the term (an acronym such as TKI): the preferred
        // term as the glossary writes it; otherwise carry the writer's case over (LABOR → LABOUR).
        var result = squeezedBase == term ? preferred : CasePattern.apply(of: base, to: preferred)
        if !suffix.isEmpty {
            // Keep the ending as written (its case too): "kerjanya", "ILO-nya", "Programmes".
            var ending = String(written.suffix(suffix.count))
            // A clitic is hyphenated after an acronym (TKI-nya) but joined to a word: replacing
            // the acronym with "pekerja migran" gives "pekerja migrannya".
            if ending.hasPrefix("-"), let last = result.last, last.isLowercase { ending.removeFirst() }
            result += ending
        }
        if atSentenceStart, let first = result.first, first.isLowercase {
            result = first.uppercased() + result.dropFirst()
        }
        return result
    }
}
