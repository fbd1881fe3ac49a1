/// How a text writes an acronym with an ending joined to it (*NGOs*, *TKInya*, su *TKIna*) or
/// reduplicated (*TKI-TKI*): the acronym's case must show where the acronym ends.
///
/// A folded word cannot tell *TKInya* (*TKI* + -nya) from a word that merely begins with the
/// same letters, so the matcher accepts such a reading of an acronym only when the written word
/// is the acronym exactly as the glossary writes it, followed by an ending in lower case. In a
/// text written in capitals (a headline: *LOCAL NGOS DEMAND ACCESS*, *TKINYA DITAHAN*) case
/// shows nothing, and an ending in capitals is accepted when a neighbouring word is written in
/// capitals too. An acronym written otherwise (*Tkinya*, *tkinya*, *Ngos*) is not read with an
/// ending: it is another word, or too doubtful to report.
enum AcronymForm {
    /// The fewest letters a neighbouring word needs to show that the text is written in
    /// capitals: more than most acronyms have, so that two acronyms side by side (*UGM PSKS*)
    /// do not pass for a headline.
    static let upperCaseNeighbourLetters = 4

    /// Whether `written` is `acronym`, as the glossary writes it, followed by an ending written
    /// in lower case, or in capitals when `inCapitals()` says the text around is.
    ///
    /// - Complexity: O(*n*) in the length of `written`.
    static func isWrittenWithEnding(_ written: String, acronym: String, inCapitals: () -> Bool) -> Bool {
        guard written.count > acronym.count, written.hasPrefix(acronym) else { return false }
        let letters = written.dropFirst(acronym.count).filter(\.isLetter)
        // An ending is letters: a digit-marked reduplication (TKI2) is not read on an acronym.
        guard letters.count == written.count - acronym.count else { return false }
        if letters.allSatisfy(\.isLowercase) { return true }
        return letters.allSatisfy(\.isUppercase) && inCapitals()
    }

    /// Whether `written`, a word next to an acronym, shows that the text is written in capitals.
    static func isWrittenInCapitals(_ written: String) -> Bool {
        var letters = 0
        for character in written where character.isLetter {
            guard character.isUppercase else { return false }
            letters += 1
        }
        return letters >= upperCaseNeighbourLetters
    }
}
