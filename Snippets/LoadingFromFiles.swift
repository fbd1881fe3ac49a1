// Load the glossary files of a folder (or single files) and merge them into one glossary.
import GlossaryKit

// snippet.hide
// Run from the package's root folder, which holds the project's own `glossary/` folder.
// snippet.show
do {
    // Files and folders in any supported format (YAML, TBX, CSV, TSV), merged in order.
    let glossary = try GlossaryLoader.load(paths: ["glossary"]) { warning in
        // What a reader noticed without failing, such as a TBX dialect violation.
        print("warning: \(warning)")
    }
    print("\(glossary.concepts.count) concepts in \(glossary.languages.count) languages")
} catch {
    // A message with the file, line and column: `glossary/places.yml:3:5: error: …`.
    print(error)
}
