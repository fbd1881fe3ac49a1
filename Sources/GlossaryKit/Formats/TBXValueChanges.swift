/// What a TBX file cannot hold of a glossary's text values exactly: the omissions
/// `GlossaryFormat.render` reports for TBX.
///
/// The TBX reader collapses runs of white space in every text (term bases are pretty-printed,
/// their values indented over lines), so a value with a line break, a tab or repeated spaces comes
/// back with single spaces; and XML 1.0 cannot carry other control characters, which the writer
/// replaces with U+FFFD. Both are said, with how many values and the first, rather than lost
/// without a word.
enum TBXValueChanges {
    /// The omissions for `glossary`: none when every value survives a round trip.
    ///
    /// - Complexity: O(*n*) in the glossary's text.
    static func omissions(in glossary: Glossary) -> [String] {
        var collapsed: (count: Int, first: String?) = (0, nil)
        var replaced: (count: Int, first: String?) = (0, nil)
        /// `inAttribute`: the writer puts the value in an attribute (a property named `@…`),
        /// where white space is escaped and read back as it was.
        func visit(_ value: String?, _ place: @autoclosure () -> String, inAttribute: Bool = false) {
            guard let value else { return }
            if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }) {
                replaced.count += 1
                if replaced.first == nil { replaced.first = place() }
            }
            if !inAttribute, XMLText.collapse(value) != value {
                collapsed.count += 1
                if collapsed.first == nil { collapsed.first = place() }
            }
        }
        /// Each of `properties`, of `owner`; `isAttribute` says which the writer puts in attributes.
        func visit(_ properties: [Property], of owner: String, isAttribute: (Property) -> Bool) {
            for property in properties {
                visit(property.value, "property '\(property.name)' of \(owner)", inAttribute: isAttribute(property))
            }
        }
        visit(glossary.name, "the glossary's name")
        for property in glossary.properties { visit(property.value, "header property '\(property.name)'") }
        for concept in glossary.concepts {
            let owner = "concept '\(concept.id)'"
            visit(concept.definition, "the definition of \(owner)")
            visit(concept.subject, "the subject of \(owner)")
            visit(concept.note, "the note of \(owner)")
            // (A concept's `@` properties without a language are its entry's attributes.)
            visit(concept.properties, of: owner) { $0.name.hasPrefix("@") && $0.language == nil }
            for term in concept.terms {
                let of = "term '\(term.text)' of \(owner)"
                visit(term.text, "the \(of)")
                for form in term.forms { visit(form, "a form of the \(of)") }
                for exception in term.exceptions { visit(exception.text, "an exception phrase of the \(of)") }
                visit(term.note, "the note of the \(of)")
                visit(term.context, "the context of the \(of)")
                visit(term.partOfSpeech, "the part of speech of the \(of)")
                // (A term's `@` properties are attributes unless they name a member, `@a/b`.)
                visit(term.properties, of: "the \(of)") { $0.name.hasPrefix("@") && !$0.name.dropFirst().contains("/") }
            }
        }
        var omissions: [String] = []
        if let first = collapsed.first {
            omissions.append(
                "line breaks, tabs or repeated spaces inside \(English.counted(collapsed.count, "value")) (its reader "
                    + "collapses white space to single spaces), first in \(first)")
        }
        if let first = replaced.first {
            omissions.append(
                "control characters in \(English.counted(replaced.count, "value")) (XML cannot hold them; written as "
                    + "U+FFFD), first in \(first)")
        }
        return omissions
    }
}
