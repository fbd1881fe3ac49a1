import Foundation

/// Validates glossary files: `glossary lint`.
///
/// Each file is read on its own, so one broken file does not hide the problems of the others and
/// a concept id defined in two files is reported at both places. A file that cannot be read at
/// all becomes one `invalid-glossary` finding at the place the reader stopped; TBX dialect
/// violations become findings too. The checks on the model are the `LintRule`s in `rules`.
package struct GlossaryLinter {
    /// One loaded file.
    package struct File: Sendable {
        package var path: String
        package var glossary: Glossary

        package init(path: String, glossary: Glossary) {
            self.path = path
            self.glossary = glossary
        }
    }

    /// The rules run on every lint, in the order their findings are listed.
    package static let rules: [any LintRule] = [
        DuplicateConceptIDRule(),
        InvalidLanguageTagRule(),
        ConflictingStatusRule(),
        AmbiguousTermRule(),
        MissingPreferredTermRule(),
        MissingRequiredLanguageRule(),
        TermTokenizationRule(),
        TermExceptionRule(),
    ]

    /// The rule of a file that cannot be read as a glossary at all.
    package static let invalidGlossaryRule = RuleDocumentation.lint(
        id: "invalid-glossary", summary: "A glossary file cannot be read: invalid syntax, an unknown key or status, a bad value.",
        rationale: "The reader stopped at the place named; nothing else in the file was linted. Fix the error and lint again.",
        severity: .error)

    /// The descriptions of every rule `report`'s findings can name: the lint rules,
    /// `invalid-glossary`, and the TBX dialect rules that occur in it (`docs/tbx.md`).
    package static func ruleDescriptions(for report: CheckReport) -> [RuleDocumentation] {
        var descriptions = rules.map { type(of: $0).description.documentation } + [invalidGlossaryRule]
        var known = Set(descriptions.map(\.id))
        for finding in report.findings where known.insert(finding.rule).inserted {
            descriptions.append(
                RuleDocumentation.lint(
                    id: finding.rule,
                    summary: "The TBX file breaks the '\(finding.rule)' rule of its dialect, or a value had to be interpreted.",
                    rationale:
                        "TBX dialect rules are listed in docs/tbx.md. Errors break the dialect's rules; warnings name values that were read in a way the file may not mean.",
                    severity: finding.severity))
        }
        return descriptions
    }

    private let tokenizer: Tokenizer

    package init() throws(TextError) {
        tokenizer = try Tokenizer()
    }

    /// Lints the glossary files at `paths` (files or folders).
    ///
    /// - Parameter unsaved: the text of some of the files by their paths as the folder walk
    ///   names them, read instead of the files on disk (the language server lints an editor's
    ///   text before it is saved).
    /// - Throws: `InputError` when a path does not exist or a folder holds no glossary file.
    package func lint(paths: [String], unsaved: [String: [UInt8]] = [:]) throws(InputError) -> CheckReport {
        var files: [File] = []
        var findings: [Finding] = []
        var sources: [String: SourceText] = [:]
        var count = 0
        for path in paths {
            for file in try GlossaryLoader.files(at: path) {
                count += 1
                let bytes = unsaved[file]
                if let text = try? (bytes.map { try InputFile.text($0, path: file) } ?? InputFile.readText(file)) {
                    sources[file] = SourceText(path: file, string: text)
                }
                do throws(InputError) {
                    var diagnostics: [FormatDiagnostic] = []
                    let glossary: Glossary
                    if let bytes {
                        glossary = try GlossaryLoader.read(file: file, bytes: bytes, warnings: &diagnostics)
                    } else {
                        glossary = try GlossaryLoader.read(file: file, warnings: &diagnostics)
                    }
                    files.append(File(path: file, glossary: glossary))
                    findings += diagnostics.map(Self.finding)
                } catch {
                    let location = error.location ?? SourceLocation(file: file, line: 1, column: 1)
                    findings.append(
                        LintFinding.make(
                            rule: Self.invalidGlossaryRule.id, severity: .error, at: location, text: "", message: error.message))
                }
            }
        }
        findings += lint(files)
        findings.sort { ($0.location, $0.rule) < ($1.location, $1.rule) }
        Fingerprint.assign(to: &findings)
        return CheckReport(findings: findings, fileCount: count, sources: sources)
    }

    /// Runs every rule over loaded files.
    package func lint(_ files: [File]) -> [Finding] {
        let context = LintContext(files: files, tokenizer: tokenizer)
        return Self.rules.flatMap { $0.check(context) }
    }

    private static func finding(_ diagnostic: FormatDiagnostic) -> Finding {
        LintFinding.make(
            rule: diagnostic.rule, severity: diagnostic.severity == .error ? .error : .warning,
            at: diagnostic.location, text: "", message: diagnostic.message)
    }
}
