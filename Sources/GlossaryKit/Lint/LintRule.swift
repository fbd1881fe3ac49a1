/// A check over the whole set of loaded glossary files.
///
/// Its examples are glossary files with `↓` before each place a finding must start; the test
/// suite lints each.
package protocol LintRule: DescribedRule where Subject == LintContext, Example == LintExample {}

/// Glossary files a lint rule is tried on: YAML texts, read as `a.yml`, `b.yml`, … in order, with
/// `↓` before each place a finding must start (a term, a concept's `id`, or the start of the file
/// for what concerns the whole file).
package struct LintExample: RuleExampleKind {
    /// The files' texts, with their marks.
    package var files: [String]

    package init(_ files: String...) {
        self.files = files
    }

    package var description: String { files.joined(separator: "\n---\n") }

    package static var isShownInReports: Bool { false }

    /// The name of file `index`: `a.yml`, `b.yml`, ….
    package static func name(ofFile index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index))) + ".yml"
    }

    /// The files without their marks, read as glossaries, and the places the marks stand for.
    ///
    /// - Throws: `InputError` when a file is no glossary (an example that does not parse is a
    ///   mistake in the rule, which the tests report).
    package func glossaries() throws(InputError) -> (files: [GlossaryLinter.File], marks: [SourceLocation]) {
        var files: [GlossaryLinter.File] = []
        var marks: [SourceLocation] = []
        for (index, marked) in self.files.enumerated() {
            let name = Self.name(ofFile: index)
            var text = ""
            var line = 1, column = 1
            for scalar in marked.unicodeScalars {
                if scalar == "↓" {
                    marks.append(SourceLocation(file: name, line: line, column: column))
                    continue
                }
                text.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            files.append(GlossaryLinter.File(path: name, glossary: try YAMLGlossaryReader.read(text, path: name)))
        }
        return (files, marks)
    }
}

extension RuleDocumentation {
    /// The documentation of a lint-time rule that has no description of its own (a file that
    /// cannot be read, a TBX dialect rule): its name is its id in words.
    static func lint(id: String, summary: String, rationale: String, severity: Severity) -> RuleDocumentation {
        let words = id.split(separator: "-").map(String.init)
        let name = ([words[0].prefix(1).uppercased() + words[0].dropFirst()] + words.dropFirst()).joined(separator: " ")
        return RuleDocumentation(id: id, name: name, summary: summary, rationale: rationale, defaultSeverity: severity)
    }
}

/// Building findings for places in glossary files.
enum LintFinding {
    static func make(
        rule: String, severity: Severity, at location: SourceLocation, text: String, message: String,
        language: LanguageTag? = nil, concept: String? = nil, suggestions: [String] = []
    ) -> Finding {
        let end = SourceLocation(
            file: location.file, line: location.line, column: location.column + max(text.unicodeScalars.count, 1))
        return Finding(
            location: location, endLocation: end, byteRange: 0..<0, rule: rule, severity: severity,
            language: language, concept: concept, text: text, message: message, suggestions: suggestions)
    }

    static func location(_ concept: Concept, file: String) -> SourceLocation {
        concept.location ?? SourceLocation(file: file, line: 1, column: 1)
    }

    static func location(_ term: Term, in concept: Concept, file: String) -> SourceLocation {
        term.location ?? location(concept, file: file)
    }
}
