/// Reports an exception phrase (`TermException`) that cannot do what it is for: exempt the
/// occurrences of its term inside the phrase, and only those.
///
/// A phrase that does not contain its term never covers an occurrence of it; one without words,
/// or across a sentence end, never matches; one that is the term, or another term of the
/// concept, exempts every occurrence of that term.
package struct TermExceptionRule: LintRule {
    package init() {}

    package static let description = RuleDescription(
        id: "term-exception",
        name: "Term exception",
        summary: "An exception phrase does not contain its term, can never match, or exempts a whole term.",
        rationale: """
            An exception phrase (`exceptions:`) names the words around a term in which the term is not the glossary's concept (`maid of honour` for `maid`); a match of the concept inside the phrase is then no occurrence. The phrase must contain the term as the matcher finds it (`Fisher's exact test` contains `fisher`), have words, and stay within a sentence; a phrase that is the term itself, or another term of the concept, would silence that term everywhere. These are errors; a phrase listed twice on one term is a warning.
            """,
        defaultSeverity: .error,
        triggeringExamples: [
            LintExample(
                """
                concepts:
                  - id: domestic-worker
                    terms:
                      en:
                        - domestic worker
                        - term: maid
                          status: deprecated
                          exceptions: [maid of honour, ↓honour guard, ↓"—", ↓Maid, ↓maid of honour]
                        - term: housemaid
                          status: deprecated
                          exceptions:
                            - ↓domestic worker
                            - ↓"a housemaid. The"
                """)
        ],
        nonTriggeringExamples: [
            // Any case, the term anywhere in the phrase, inflected, accents folded where the term
            // folds them, an acronym in parentheses, a form the term lists.
            LintExample(
                """
                concepts:
                  - id: domestic-worker
                    terms:
                      en:
                        - term: maid
                          status: deprecated
                          forms: [maiden]
                          exceptions: [Maid of Honour, Old Maid, maiden voyage, Maid's Day Out]
                      su:
                        - term: pembantu
                          status: deprecated
                          exceptions: [Pembantu Létnan, pembantu rektor]
                  - id: crew-member
                    terms:
                      id:
                        - term: ABK
                          type: acronym
                          exceptions: [anak berkebutuhan khusus (ABK), guru pendamping abk]
                """)
        ])

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for file in context.files {
            for (conceptIndex, concept) in file.glossary.concepts.enumerated() {
                for (termIndex, term) in concept.terms.enumerated() where !term.exceptions.isEmpty {
                    let reference = TermReference(concept: conceptIndex, term: termIndex)
                    var seen: Set<[String]> = []
                    for exception in term.exceptions {
                        let words = context.words(of: exception.text, foldingAccents: context.foldsAccents(term))
                        let repeated = !words.isEmpty && !seen.insert(words).inserted
                        guard
                            let problem = problem(exception, words: words, of: reference, in: file, context: context)
                                ?? (repeated
                                    ? (.warning, "'\(exception.text)' is listed twice as an exception of '\(term.text)'") : nil)
                        else { continue }
                        findings.append(
                            LintFinding.make(
                                rule: id, severity: problem.severity,
                                at: exception.location ?? LintFinding.location(term, in: concept, file: file.path),
                                text: exception.text,
                                message: problem.message, language: term.language, concept: concept.id))
                    }
                }
            }
        }
        return findings
    }

    /// What is wrong with `exception` of the term at `reference`, whose words are `words`.
    ///
    /// The phrase is read as the matcher reads a text in the term's language (against the
    /// glossary without its exceptions), so a phrase contains its term when the matcher finds
    /// the term in it, inflected or not (`Fisher's exact test` holds `fisher`); or when it holds
    /// the term's words, which a longer term of the glossary may have taken.
    private func problem(
        _ exception: TermException, words: [String], of reference: TermReference, in file: GlossaryLinter.File,
        context: LintContext
    ) -> (severity: Severity, message: String)? {
        let concept = file.glossary.concepts[reference.concept]
        let term = concept.terms[reference.term]
        let phrase = exception.text
        guard !words.isEmpty else {
            return (.error, "the exception '\(phrase)' of '\(term.text)' has no words; it can never match")
        }
        if let gap = context.sentenceBreak(in: context.tokens(phrase)) {
            return (
                .error,
                "the exception '\(phrase)' of '\(term.text)' spans \(gap), which ends a sentence; it can never match running text"
            )
        }
        let matches = context.termMatches(in: phrase, language: term.language, file: file)
        // A match of the concept over the whole phrase: the phrase is (a form of) one of its terms.
        if let whole = matches.first(where: { $0.tokens == 0..<words.count }),
            let same = ([whole.term] + whole.alternatives).first(where: { $0.concept == reference.concept })
        {
            let other = concept.terms[same.term]
            if same == reference {
                return (.error, "the exception '\(phrase)' is the term '\(term.text)' itself; it would exempt every occurrence")
            }
            return (
                .error,
                "the exception '\(phrase)' of '\(term.text)' is the term '\(other.text)' (\(other.language)) of the same concept; it would exempt every occurrence of it"
            )
        }
        let found = matches.contains { ([$0.term] + $0.alternatives).contains(reference) }
        let termWords = ([term.text] + term.forms).map { context.words(of: $0, foldingAccents: context.foldsAccents(term)) }
        let written = termWords.contains { !$0.isEmpty && Self.contains(words, $0, lastWordIsPrefix: term.matchMode == .prefix) }
        guard found || written else {
            return (
                .error,
                "the exception '\(phrase)' does not contain the term '\(term.text)'; it can never exempt an occurrence of it"
            )
        }
        return nil
    }

    /// Whether `words` holds `part` as consecutive words (the last one a prefix of its word when
    /// `lastWordIsPrefix`).
    static func contains(_ words: [String], _ part: [String], lastWordIsPrefix: Bool) -> Bool {
        guard part.count <= words.count else { return false }
        for start in 0...(words.count - part.count) {
            let matches = part.indices.allSatisfy { index in
                let word = words[start + index]
                return lastWordIsPrefix && index == part.count - 1 ? word.hasPrefix(part[index]) : word == part[index]
            }
            if matches { return true }
        }
        return false
    }
}
