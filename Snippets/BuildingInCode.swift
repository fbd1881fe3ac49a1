// Build a glossary in code, look a term up, and write the glossary in each format.
import GlossaryKit

let migrantWorker = Concept(
    id: "migrant-worker",
    definition: "A person who works in a country other than their own.",
    terms: [
        Term(text: "migrant worker", language: .english),
        Term(text: "pekerja migran", language: .indonesian),
        Term(text: "buruh migran", language: .indonesian, status: .admitted),
        Term(text: "TKI", language: .indonesian, status: .deprecated, type: .acronym),
    ])
var glossary = Glossary(name: "Labour migration", requiredLanguages: [.english, .indonesian])
glossary.concepts.append(migrantWorker)

// Which concepts does a word or phrase name, in any of its forms?
let lookup = try TermLookup(glossary: glossary)
for concept in try lookup.concepts(matching: "pekerja-pekerja migran") {
    let preferred = concept.preferredTerms(in: .indonesian).map(\.text)
    print("\(concept.id): \(preferred.joined(separator: ", "))")
}

// The same glossary as YAML, TBX and CSV text.
for format in GlossaryFormat.allCases {
    let (text, omissions) = format.render(glossary)
    print("\(format.displayName): \(text.split(whereSeparator: \.isNewline).count) lines")
    // A spreadsheet has no column for some data; it says what it left out.
    for omission in omissions { print("  left out: \(omission)") }
}
