/// Reports terms the tokenizer splits in a way the writer probably did not mean.
///
/// A term with no words (`—`) can never match, nor can a term of more words than the matcher
/// takes (`CompiledGlossary.longestTerm`: checking refuses the glossary) or one that holds a
/// control character (a NUL from a spreadsheet); sentence punctuation
/// inside a term (`e.g. labour`) makes it span a sentence boundary; characters outside any
/// word (`C++`, `(ILO)`) are ignored when matching, so `C++` would also match `C`.
package struct TermTokenizationRule: LintRule {
    package init() {}

    package static let description = RuleDescription(
        id: "term-tokenization",
        name: "Term tokenization",
        summary:
            "A term has no words or too many, spans sentence punctuation, or has characters outside its words.",
        rationale: """
            A term with no words (`—`) can never match, nor can a term of more than 32 words, which checking refuses; sentence punctuation inside a term (`e.g. labour`) makes it span a sentence boundary; characters outside any word (`C++`, `(ILO)`) are ignored when matching, so `C++` would also match `C`.
            """,
        defaultSeverity: .warning,
        triggeringExamples: [
            LintExample(
                """
                concepts:
                  - id: tokens
                    terms:
                      en:
                        - ↓C++
                        - ↓term: "e.g. labour"
                          status: admitted
                        - ↓term: "—"
                          status: admitted
                        - ↓term: "\(Array(repeating: "word", count: 33).joined(separator: " "))"
                          status: admitted
                        - ↓term: "labour\\0trafficking"
                          status: admitted
                """)
        ],
        nonTriggeringExamples: [
            LintExample(
                """
                concepts:
                  - id: tokens
                    terms:
                      en:
                        - labour trafficking
                        - workers' rights
                      id:
                        - pekerja-pekerja
                """)
        ])

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (file, concept) in context.concepts {
            for term in concept.terms {
                for text in [term.text] + term.forms {
                    if let problem = Self.problem(text, context: context) {
                        findings.append(
                            LintFinding.make(
                                rule: id, severity: problem.severity, at: LintFinding.location(term, in: concept, file: file),
                                text: text,
                                message: problem.message, language: term.language, concept: concept.id))
                    }
                }
            }
        }
        return findings
    }

    static func problem(_ text: String, context: LintContext) -> (severity: Severity, message: String)? {
        let tokens = context.tokens(text)
        guard let first = tokens.first, let last = tokens.last else {
            return (.error, "'\(text)' has no words the tokenizer can match")
        }
        // A control character (a NUL from a spreadsheet, `\0` in YAML) is no text's: the term
        // can never match, whatever the gap it makes between words would say.
        // (Line breaks are the sentence-break case below; a tab is white space.)
        let isControl = { (scalar: Unicode.Scalar) in
            (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F
        }
        if let control = text.unicodeScalars.first(where: isControl) {
            let code = String(control.value, radix: 16, uppercase: true)
            let shown = String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
            return (
                .error,
                "'\(shown)' holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); "
                    + "no text has it, so the term can never match"
            )
        }
        if tokens.count > CompiledGlossary.longestTerm {
            let shown = CompiledGlossary.abbreviated(text)
            return (
                .error,
                "'\(shown)' has \(tokens.count) words; a term has at most \(CompiledGlossary.longestTerm), and checking refuses it"
            )
        }
        if let gap = context.sentenceBreak(in: tokens) {
            return (.warning, "'\(text)' spans \(gap), which ends a sentence; it will not match running text")
        }
        let bytes = Array(text.utf8)
        let outside =
            (String(decoding: bytes[..<first.start], as: UTF8.self) + String(decoding: bytes[last.end...], as: UTF8.self))
            .trimmingCharacters(in: .whitespaces)
        if !outside.isEmpty {
            return (.warning, "'\(text)' has '\(outside)' outside its words; matching ignores it")
        }
        return nil
    }
}
