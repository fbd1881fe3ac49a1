import Foundation

/// Writes a `Glossary` as TBX-Basic v3 (ISO 30042:2019, DCA style).
///
/// Model fields become their TBX data categories (`descrip type="definition"`,
/// `termNote type="administrativeStatus"`, …); properties are written back as the data categories
/// they were read from, following the naming in `TBXDataCategory`. Matching options that only
/// this tool knows (`case-sensitive`, `match`, `forms`, …) are written as term notes
/// `glossary:key=value`, and only when they differ from the default. The output is deterministic:
/// the same glossary always gives the same bytes.
public enum TBXWriter {
    /// Matching options only this tool knows are written as term-level notes `glossary:key=value`,
    /// which TBX-Basic allows and a translator can read; the reader turns them back into fields.
    static let optionPrefix = "glossary:"

    /// The prefix of a note that holds one of the term's exceptions (`TermException`):
    /// `glossary:exception=maid of honour`, one note per phrase, after the matching options.
    static let exceptionNotePrefix = optionPrefix + "exception="

    /// The option notes of a term, in a fixed order.
    static func optionNotes(_ term: Term) -> [Property] {
        var notes: [(String, String)] = []
        if term.isCaseSensitive != term.type.isAbbreviated { notes.append(("case-sensitive", String(term.isCaseSensitive))) }
        if let folds = term.foldsAccents { notes.append(("accent-folding", String(folds))) }
        if term.matchMode != .inflected { notes.append(("match", term.matchMode.rawValue)) }
        for form in term.forms { notes.append(("form", form)) }
        if term.allowsPluralInfix { notes.append(("plural-infix", "true")) }
        for exception in term.exceptions { notes.append(("exception", exception.text)) }
        return notes.map { Property(name: "note", value: optionPrefix + $0.0 + "=" + $0.1) }
    }

    /// The TBX text of `glossary`.
    ///
    /// The root's `type` is `TBX-Basic` when every data category written is one TBX-Basic allows
    /// where it stands; data from outside TBX-Basic (a martif `normativeAuthorization`, a YAML
    /// property of any name) is still written, as the data category it
    /// names, and the file then declares `TBX-Core`, whose structure it follows.
    public static func string(from glossary: Glossary) -> String {
        render(glossary).text
    }

    /// The TBX text and, when the file had to declare TBX-Core, the first data category that is
    /// not TBX-Basic.
    public static func render(_ glossary: Glossary) -> (text: String, notBasicBecause: String?) {

        var body = TBXOutput()
        body.line(1, "<text>")
        body.line(2, "<body>")
        for concept in glossary.concepts { writeConcept(concept, into: &body) }
        body.line(2, "</body>")
        writeBack(glossary, into: &body)
        body.line(1, "</text>")
        body.line(0, "</tbx>")

        var out = TBXOutput()
        let rootLanguage = glossary.properties.first { $0.name == "xml:lang" }?.value ?? "en"
        let dialect = body.firstBasicViolation == nil ? "TBX-Basic" : "TBX-Core"
        out.line(0, #"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.line(
            0,
            #"<tbx type="\#(dialect)" style="dca" xml:lang="\#(XMLText.escape(rootLanguage, attribute: true))" xmlns="urn:iso:std:iso:30042:ed-2">"#
        )
        writeHeader(glossary, into: &out)
        return (out.text + body.text, body.firstBasicViolation)
    }

    /// Writes `glossary` to `path` as UTF-8.
    public static func write(_ glossary: Glossary, to path: String) throws {
        try Data(string(from: glossary).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    // MARK: Header and back matter

    private static func writeHeader(_ glossary: Glossary, into out: inout TBXOutput) {
        var source: [Property] = []
        var encoding: [Property] = []
        var revision: [Property] = []
        var publication: [Property] = []
        var titles: [Property] = []
        for property in glossary.properties where property.name != "xml:lang" && !property.name.hasPrefix("back/") {
            let name = property.name
            if name == "encodingDesc" || name.hasPrefix("encodingDesc/") {
                encoding.append(property)
            } else if name == "revisionDesc" || name.hasPrefix("revisionDesc/") {
                revision.append(property)
            } else if name == "publicationStmt" || name.hasPrefix("publicationStmt/") {
                publication.append(property)
            } else if name == "title" {
                titles.append(property)
            } else {
                source.append(property)
            }
        }
        func paragraph(_ property: Property, section: String, level: Int) {
            var attributes = ""
            if section == "sourceDesc" {
                if property.name != "sourceDesc" { attributes += #" type="\#(XMLText.escape(property.name, attribute: true))""# }
            } else if property.name.count > section.count {
                let type = String(property.name.dropFirst(section.count + 1))
                attributes += #" type="\#(XMLText.escape(type, attribute: true))""#
            }
            if let language = property.language { attributes += #" xml:lang="\#(language)""# }
            out.line(level, "<p\(attributes)>\(XMLText.escape(property.value))</p>")
        }
        out.line(1, "<tbxHeader>")
        out.line(2, "<fileDesc>")
        if glossary.name != nil || !titles.isEmpty {
            out.line(3, "<titleStmt>")
            if let name = glossary.name { out.line(4, "<title>\(XMLText.escape(name))</title>") }
            for title in titles { out.line(4, "<note>\(XMLText.escape(title.value))</note>") }
            out.line(3, "</titleStmt>")
        }
        if !publication.isEmpty {
            out.line(3, "<publicationStmt>")
            for property in publication { paragraph(property, section: "publicationStmt", level: 4) }
            out.line(3, "</publicationStmt>")
        }
        out.line(3, "<sourceDesc>")
        if !glossary.requiredLanguages.isEmpty {
            out.line(4, #"<p type="requiredLanguages">\#(glossary.requiredLanguages.map(\.rawValue).joined(separator: " "))</p>"#)
        } else if source.isEmpty {
            out.line(4, "<p/>")
        }
        for property in source { paragraph(property, section: "sourceDesc", level: 4) }
        out.line(3, "</sourceDesc>")
        out.line(2, "</fileDesc>")
        if !encoding.isEmpty {
            out.line(2, "<encodingDesc>")
            for property in encoding { paragraph(property, section: "encodingDesc", level: 3) }
            out.line(2, "</encodingDesc>")
        }
        if !revision.isEmpty {
            out.line(2, "<revisionDesc>")
            out.line(3, "<change>")
            for property in revision { paragraph(property, section: "revisionDesc", level: 4) }
            out.line(3, "</change>")
            out.line(2, "</revisionDesc>")
        }
        out.line(1, "</tbxHeader>")
    }

    private static func writeBack(_ glossary: Glossary, into out: inout TBXOutput) {
        // back/<section type>/<object id>/<item type>, grouped in order of first appearance.
        var sections: [(type: String, objects: [(id: String, items: [(String, String)])])] = []
        for property in glossary.properties where property.name.hasPrefix("back/") {
            let parts = property.name.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4 else { continue }
            if sections.last?.type != parts[1] { sections.append((parts[1], [])) }
            if sections[sections.count - 1].objects.last?.id != parts[2] {
                sections[sections.count - 1].objects.append((parts[2], []))
            }
            let last = sections[sections.count - 1].objects.count - 1
            sections[sections.count - 1].objects[last].items.append((parts[3], property.value))
        }
        guard !sections.isEmpty else { return }
        out.line(2, "<back>")
        for section in sections {
            out.line(3, #"<refObjectSec type="\#(XMLText.escape(section.type, attribute: true))">"#)
            for object in section.objects {
                out.line(
                    4, object.id.isEmpty ? "<refObject>" : #"<refObject id="\#(XMLText.escape(object.id, attribute: true))">"#)
                for (type, value) in object.items {
                    out.line(5, #"<item type="\#(XMLText.escape(type, attribute: true))">\#(XMLText.escape(value))</item>"#)
                }
                out.line(4, "</refObject>")
            }
            out.line(3, "</refObjectSec>")
        }
        out.line(2, "</back>")
    }

    // MARK: Entries

    private static func writeConcept(_ concept: Concept, into out: inout TBXOutput) {
        var attributes = #" id="\#(XMLText.escape(concept.id, attribute: true))""#
        let conceptLevel = concept.properties.filter { $0.language == nil }
        for property in conceptLevel where property.name.hasPrefix("@") {
            attributes += #" \#(property.name.dropFirst())="\#(XMLText.escape(property.value, attribute: true))""#
        }
        out.line(3, "<conceptEntry\(attributes)>")
        var items = CategoryItem.items(
            from: conceptLevel.filter { !$0.name.hasPrefix("@") },
            fields: [("subjectField", concept.subject), ("definition", concept.definition), ("note", concept.note)]
        )
        items.sort { $0.order < $1.order }
        for item in items { item.write(into: &out, level: 4, tbxLevel: .concept) }

        var languages: [LanguageTag] = []
        for term in concept.terms where !languages.contains(term.language) { languages.append(term.language) }
        for property in concept.properties {
            if let language = property.language, !languages.contains(language) { languages.append(language) }
        }
        for language in languages {
            out.line(4, #"<langSec xml:lang="\#(language)">"#)
            let languageItems = CategoryItem.items(from: concept.properties.filter { $0.language == language }, fields: [])
            for item in languageItems { item.write(into: &out, level: 5, tbxLevel: .language) }
            for term in concept.terms where term.language == language { writeTerm(term, into: &out) }
            out.line(4, "</langSec>")
        }
        out.line(3, "</conceptEntry>")
    }

    private static func writeTerm(_ term: Term, into out: inout TBXOutput) {
        var properties = term.properties
        let id = properties.firstIndex { $0.name == "id" }.map { properties.remove(at: $0).value }
        out.line(5, id.map { #"<termSec id="\#(XMLText.escape($0, attribute: true))">"# } ?? "<termSec>")
        out.line(6, "<term>\(XMLText.escape(term.text))</term>")
        // Status properties that contradict the model are dropped: the model was edited.
        properties.removeAll { property in
            TBXStatusMapping.statusCategories.contains(property.name)
                && TBXStatusMapping.status(forValue: property.value).map { $0 != term.status } == true
        }
        var extra: [Property] = []
        if let partOfSpeech = term.partOfSpeech { extra.append(Property(name: "partOfSpeech", value: partOfSpeech)) }
        if term.type != .fullForm { extra.append(Property(name: "termType", value: TBXTermTypeMapping.value(for: term.type))) }
        if !properties.contains(where: { $0.name == "administrativeStatus" }) {
            extra.append(
                Property(name: "administrativeStatus", value: TBXStatusMapping.administrativeStatusValue(for: term.status)))
        }
        extra += optionNotes(term)

        let items =
            CategoryItem.items(from: extra, fields: [])
            + CategoryItem.items(from: properties, fields: [("context", term.context), ("note", term.note)])
        // termNotes come right after the term; everything else follows in order.
        let ordered = items.filter { $0.element == "termNote" } + items.filter { $0.element != "termNote" }
        for item in ordered { item.write(into: &out, level: 6, tbxLevel: .term) }
        out.line(5, "</termSec>")
    }
}

/// Indented XML text being built.
struct TBXOutput {
    var text = ""
    /// Why the output is not TBX-Basic, if it is not.
    var firstBasicViolation: String?

    mutating func line(_ level: Int, _ content: String) {
        text += String(repeating: "\t", count: level)
        text += content
        text += "\n"
    }
}

/// One data category to write, with its attributes and grouped members.
struct CategoryItem {
    var name: String
    var value: String
    var members: [Property]
    /// Position of the item's first property, for stable ordering with fields.
    var order: Int

    var element: String { TBXDataCategory.elementAndType(forPropertyName: name).element }

    /// Splits properties into items: a slashed property joins the item it names; one that names a
    /// field (`definition/source` with `fields` holding `definition`) joins that field's item.
    static func items(from properties: [Property], fields: [(name: String, value: String?)]) -> [CategoryItem] {
        var items: [CategoryItem] = []
        var fieldItems: [String: CategoryItem] = [:]
        for (offset, field) in fields.enumerated() {
            if let value = field.value {
                fieldItems[field.name] = CategoryItem(name: field.name, value: value, members: [], order: -fields.count + offset)
            }
        }
        for (offset, property) in properties.enumerated() {
            if let last = items.indices.last, property.name.hasPrefix(items[last].name + "/") {
                items[last].members.append(
                    Property(
                        name: String(property.name.dropFirst(items[last].name.count + 1)), value: property.value,
                        language: property.language))
                continue
            }
            if let slash = property.name.firstIndex(of: "/"), property.name.first != "@" {
                let head = String(property.name[..<slash])
                if fieldItems[head] != nil {
                    fieldItems[head]!.members.append(
                        Property(
                            name: String(property.name[property.name.index(after: slash)...]), value: property.value,
                            language: property.language))
                    continue
                }
            }
            items.append(CategoryItem(name: property.name, value: property.value, members: [], order: offset))
        }
        let fieldList = fields.compactMap { fieldItems[$0.name] }
        return fieldList + items
    }

    func write(into out: inout TBXOutput, level: Int, tbxLevel: TBXValidator.Level, grouped: Bool = false) {
        let (element, type) = TBXDataCategory.elementAndType(forPropertyName: name)
        var attributes = type.map { #" type="\#(XMLText.escape($0, attribute: true))""# } ?? ""
        var children: [Property] = []
        for member in members {
            if member.name.hasPrefix("@"), !member.name.dropFirst().contains("/") {
                attributes += #" \#(member.name.dropFirst())="\#(XMLText.escape(member.value, attribute: true))""#
            } else {
                children.append(member)
            }
        }
        let elementLine = "<\(element)\(attributes)>\(XMLText.escape(value))</\(element)>"
        if out.firstBasicViolation == nil,
            let violation = TBXValidator.basicViolation(
                element: element, type: type, value: value, level: tbxLevel, grouped: grouped)
        {
            out.firstBasicViolation = violation.message
        }
        guard !children.isEmpty else {
            out.line(level, elementLine)
            return
        }
        let group: String
        switch element {
        case "descrip": group = "descripGrp"
        case "transac": group = "transacGrp"
        case "termNote": group = "termNoteGrp"
        default: group = "adminGrp"
        }
        out.line(level, "<\(group)>")
        out.line(level + 1, elementLine)
        for item in CategoryItem.items(from: children, fields: []) {
            item.write(into: &out, level: level + 1, tbxLevel: tbxLevel, grouped: true)
        }
        out.line(level, "</\(group)>")
    }
}
