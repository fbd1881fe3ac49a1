// Check a draft against the glossary in the `glossary/` folder.
import GlossaryKit

let draft = "Banyak TKI berangkat dari Kupang tanpa kontrak tertulis.\n"
let checker = try GlossaryChecker(glossary: GlossaryLoader.load(paths: ["glossary"]))
for finding in try checker.check(SourceText(path: "draft.md", string: draft)) {
    print("\(finding.location): \(finding.message) [\(finding.rule)]")
}
