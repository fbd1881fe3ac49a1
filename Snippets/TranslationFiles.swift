// Check versions of one text kept in separate files, in different languages.
import GlossaryKit

let glossary = try GlossaryLoader.load(paths: ["glossary"])
let checker = CrossLanguageChecker(compiled: try CompiledGlossary(glossary))

// Two versions of one paragraph. A file's language comes from its name (`report.id.md`) or is
// passed explicitly, as here; its paragraphs are aligned with the other file's.
let indonesian = SourceText(
    path: "report.id.md",
    string: "Perdagangan tenaga kerja terus meningkat di perbatasan.\n")
let english = SourceText(
    path: "report.en.md",
    string: "Migrant workers are often recruited by village brokers.\n")
let (findings, notes) = try checker.parallelFindings(
    [indonesian, english], languages: [.indonesian, .english])
for finding in findings {
    print("\(finding.location): \(finding.message) [\(finding.rule)]")
}
for note in notes { print("note: \(note)") }

// Bilingual files (XLIFF, PO, TMX, String Catalogs, i18n JSON) are read into the same
// translation corpus: `try checker.check(BilingualFormat.read(paths: ["app.id.xlf"])[0])`.
