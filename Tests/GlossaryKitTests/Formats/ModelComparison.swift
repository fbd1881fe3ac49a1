@testable import GlossaryKit

/// Model values with source locations removed, so glossaries read from different files compare.
enum ModelComparison {
    static func stripped(_ glossary: Glossary) -> Glossary {
        var glossary = glossary
        glossary.concepts = ConceptList(
            glossary.concepts.map { concept in
                var concept = concept
                concept.location = nil
                concept.terms = concept.terms.map { term in
                    var term = term
                    term.location = nil
                    term.exceptions = term.exceptions.map { TermException($0.text) }
                    return term
                }
                return concept
            })
        return glossary
    }

    /// A readable first difference between two glossaries, or `nil` when they are equal.
    static func difference(_ lhs: Glossary, _ rhs: Glossary) -> String? {
        let a = stripped(lhs), b = stripped(rhs)
        if a.name != b.name { return "name: \(String(describing: a.name)) ≠ \(String(describing: b.name))" }
        if a.requiredLanguages != b.requiredLanguages { return "required languages differ" }
        if a.properties != b.properties { return "glossary properties: \(a.properties) ≠ \(b.properties)" }
        if a.concepts.count != b.concepts.count { return "concept count \(a.concepts.count) ≠ \(b.concepts.count)" }
        for (x, y) in zip(a.concepts, b.concepts) where x != y {
            if x.terms.count != y.terms.count { return "concept \(x.id): term count \(x.terms.count) ≠ \(y.terms.count)" }
            for (s, t) in zip(x.terms, y.terms) where s != t { return "concept \(x.id): term \(s) ≠ \(t)" }
            if x.properties != y.properties { return "concept \(x.id): properties \(x.properties) ≠ \(y.properties)" }
            return "concept \(x.id) ≠ \(y.id): \(x) ≠ \(y)"
        }
        return nil
    }
}
