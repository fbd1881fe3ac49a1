/// The fix that replaces a matched term with another, as the deprecated-term and
/// inconsistent-term rules offer it.
extension TermMatch {
    /// `preferred` in place of this match of `term`, in the case of the written text, keeping a
    /// clitic or plural ending; at the start of a sentence its first letter is capitalised
    /// (`TKI berangkat.` → `Pekerja migran berangkat.`).
    ///
    /// Invisible characters in the written form (a soft hyphen, a zero-width space) go with the
    /// word they are in. Nil when the written form is not simply the term plus an ending (a
    /// reduplication, an infix, `policies` for `policy`, `fishermen` for `fisherman`, another
    /// spelling, a word hyphenated across a line break), or when the preferred term does not take
    /// the same plural ending (`NGOs` for an `agency`): then no automatic fix is safe.
    ///
    /// Markdown markup inside the match (`Phenomenon.markup`) is kept only where it closes
    /// emphasis between the term and its ending (`*TKI*-nya` → `*pekerja migran*nya`); markup
    /// anywhere else (`*guest* worker`, `[guest](…) worker`) gives nil: the replacement would
    /// drop or misplace it.
    func replacement(written: String, term: String, preferred: String, atSentenceStart: Bool = false) -> String? {
        if phenomena.contains(.reduplication) || phenomena.contains(.pluralInfix) { return nil }
        var written = phenomena.contains(.invisible) ? InvisibleCharacter.removing(from: written) : written
        let suffix = self.suffix
        // The markup between the term and its ending, set aside and put back before the ending.
        var markupBeforeEnding = ""
        if phenomena.contains(.markup) {
            let ending = written.suffix(suffix.count)
            var base = written.dropLast(suffix.count)
            while let last = base.last, TermMatcher.markupCharacters.contains(last) {
                markupBeforeEnding.insert(last, at: markupBeforeEnding.startIndex)
                base.removeLast()
            }
            guard !suffix.isEmpty, !markupBeforeEnding.isEmpty, !base.contains(where: TermMatcher.markupCharacters.contains)
            else { return nil }
            written = String(base + ending)
        }
        let base = suffix.isEmpty ? written : String(written.dropLast(suffix.count))
        let squeezedBase = squeezingWhiteSpace(base)
        guard squeezedBase.lowercasedFast() == term.lowercasedFast() else { return nil }
        // Written exactly as the glossary writes the term (an acronym such as TKI): the preferred
        // term as the glossary writes it; otherwise carry the writer's case over (LABOR → LABOUR).
        var result = squeezedBase == term ? preferred : CasePattern.apply(of: base, to: preferred)
        if !suffix.isEmpty {
            // Keep the ending as written (its case too): "kerjanya", "ILO-nya", "Programmes".
            var ending = String(written.suffix(suffix.count))
            if phenomena.contains(.plural), !Self.takesPluralS(result, ending: ending) { return nil }
            // An acronym with its ending in capitals (TKINYA, NGOS) stands in a text written in
            // capitals: so does its replacement.
            let endingLetters = ending.filter(\.isLetter)
            if squeezedBase == term, !endingLetters.isEmpty, endingLetters.allSatisfy(\.isUppercase) {
                result = result.uppercased()
            }
            // A clitic is hyphenated after an acronym (TKI-nya) but joined to a word: replacing
            // the acronym with "pekerja migran" gives "pekerja migrannya".
            if ending.hasPrefix("-"), let last = result.last, last.isLowercase { ending.removeFirst() }
            result += markupBeforeEnding + ending
        }
        if atSentenceStart, let first = result.first, first.isLowercase {
            result = first.uppercased() + result.dropFirst()
        }
        return result
    }

    /// Singular nouns whose plural is not formed with -s, beyond those the endings below catch.
    private static let irregularSingulars: Set<String> = [
        "child", "person", "foot", "tooth", "goose", "mouse", "criterion", "phenomenon",
    ]

    /// Whether `replacement`, the singular that replaces a term, takes the plural `ending` the
    /// text wrote (an -s, possibly with a possessive apostrophe) the same way: its last word
    /// makes its plural by adding -s. Words in -s, -x, -z, -ch, -sh, -o, -f, -fe, -man and a
    /// consonant + -y, and the irregular ones, do not (or not surely): no fix is offered for them.
    static func takesPluralS(_ replacement: String, ending: String) -> Bool {
        guard ending.lowercased().hasPrefix("s") else { return false }
        let word = String(replacement.split(separator: " ").last ?? "").lowercased()
        guard let last = word.last, last.isLetter, !irregularSingulars.contains(word) else { return false }
        for unsafe in ["s", "x", "z", "ch", "sh", "o", "f", "fe", "man"] where word.hasSuffix(unsafe) { return false }
        if last == "y" {
            let beforeY = word.dropLast().last
            return beforeY.map { "aeou".contains($0) } ?? false
        }
        return true
    }
}
