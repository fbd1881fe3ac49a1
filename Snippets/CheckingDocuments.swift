// Check a document whose sections are versions of one text in three languages, and report the
// findings as a compiler would.
import Foundation
import GlossaryKit

let glossary = try GlossaryLoader.load(paths: ["glossary"])
let checker = try GlossaryChecker(glossary: glossary)

// Indonesian, English and Sundanese sections: each paragraph's language is detected, the
// monolingual rules run on each, and the sections are aligned for the cross-language rules.
let path = "Examples/abstract.md"
let draft = try SourceText(path: path, bytes: Array(FileManager.default.contents(atPath: path) ?? Data()))
let findings = try checker.check(draft)

// The same report the `glossary check` command prints: the line, a caret, notes, a summary.
let report = CheckReport(findings: findings, fileCount: 1, sources: [path: draft])
print(Reporter.render(report, format: .text), terminator: "")

// snippet.language
// A text in one known language: detection is skipped, and so are the cross-language rules.
let english = SourceText(path: "note.txt", string: "The International Labor Organization met.")
let options = CheckOptions(language: .english)
for finding in try checker.check(english, options: options) {
    print(finding.location, finding.rule, finding.suggestions)
}
// snippet.end
