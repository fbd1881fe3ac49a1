public import Foundation

/// Reads TBX term bases into a `Glossary`.
///
/// Understands TBX v3 (ISO 30042:2019, DCA style) in the TBX-Core, TBX-Basic and TBX-Min
/// dialects, TBX v2 `<martif>` files (`termEntry`/`langSet`/`tig`/`ntig`/`termGrp`) and the 2013
/// TBX-Min (`<TBX dialect="TBX-Min">`, `langGroup`/`termGroup`). The file is streamed: one entry
/// at a time is held as a tree, so memory stays bounded by the largest entry.
///
/// Data the model has a field for goes there (definition, subject field, note, part of speech,
/// term type, status, context); everything else becomes a `Property` named after its data
/// category (see `docs/tbx.md`), so `TBXWriter` can write it back.
public enum TBXReader {
    /// A loaded term base with what was noticed on the way.
    public struct Output: Sendable {
        /// The glossary read.
        public var glossary: Glossary
        /// The TBX dialect the file declares.
        public var dialect: TBXDialect
        /// Dialect-rule violations (`.error`) and values that had to be interpreted (`.warning`),
        /// in file order.
        public var diagnostics: [FormatDiagnostic]
    }

    /// Loads a TBX file; throws on XML that is not well-formed or that declares entities.
    public static func read(contentsOf path: String) throws(InputError) -> Glossary {
        try load(contentsOf: path).glossary
    }

    /// Loads a TBX file and returns the diagnostics too.
    public static func load(contentsOf path: String) throws(InputError) -> Output {
        let builder = TBXModelBuilder(path: path)
        try builder.streamer().run()
        return builder.finish()
    }

    /// Loads a TBX document from memory; `path` labels locations in errors.
    public static func load(data: Data, path: String = "<memory>") throws(InputError) -> Output {
        let builder = TBXModelBuilder(path: path)
        try builder.streamer().run(data: data)
        return builder.finish()
    }

    /// Checks a TBX file against the rules of its dialect: returns every violation with its line.
    public static func validate(contentsOf path: String) throws(InputError) -> [FormatDiagnostic] {
        try load(contentsOf: path).diagnostics
    }
}

/// Turns streamed TBX subtrees into model values.
final class TBXModelBuilder {
    private let path: String
    private(set) var dialect: TBXDialect = .other
    private var isV3 = false
    private var sawRoot = false
    private var glossary = Glossary()
    private var diagnostics: [FormatDiagnostic] = []
    private var usedIDs: Set<String> = []
    private var entryCount = 0
    private var rootError: InputError?

    init(path: String) { self.path = path }

    func streamer() -> XMLSubtreeStreamer {
        XMLSubtreeStreamer(
            path: path,
            onRoot: { [unowned self] name, attributes, line, column in
                root(name: name, attributes: attributes, line: line, column: column)
            },
            onSubtree: { [unowned self] node, context in subtree(node, context: context) },
            onStrayText: { [unowned self] text, parent, line, column in
                report(
                    .error, line: line, column: column, rule: "tbx-core-structure",
                    "text directly inside <\(parent)> is not allowed")
            }
        )
    }

    func finish() -> TBXReader.Output {
        for index in glossary.concepts.indices where glossary.concepts[index].id.isEmpty {
            glossary.concepts[index].id = generatedID(for: glossary.concepts[index])
        }
        return TBXReader.Output(glossary: glossary, dialect: dialect, diagnostics: diagnostics)
    }

    private func location(_ node: XMLElementNode) -> SourceLocation {
        SourceLocation(file: path, line: node.line, column: node.column)
    }

    private func report(_ severity: FormatDiagnostic.Severity, _ node: XMLElementNode, rule: String, _ message: String) {
        report(severity, line: node.line, column: node.column, rule: rule, message)
    }

    private func report(_ severity: FormatDiagnostic.Severity, line: Int, column: Int, rule: String, _ message: String) {
        diagnostics.append(
            FormatDiagnostic(
                severity: severity, location: SourceLocation(file: path, line: line, column: column), rule: rule, message: message
            ))
    }

    // MARK: Root and header

    private func root(name: String, attributes: [String: String], line: Int, column: Int) {
        sawRoot = true
        switch name {
        case "tbx":
            isV3 = true
            switch attributes["type"] {
            case "TBX-Basic": dialect = .basic
            case "TBX-Core": dialect = .core
            case "TBX-Min": dialect = .min
            default: dialect = .other
            }
            if let style = attributes["style"], style != "dca" {
                report(
                    .warning, line: line, column: column, rule: "tbx-style",
                    "style '\(style)' is read like DCA: elements named after data categories are kept as properties")
            }
        case "martif": dialect = .martif
        case "TBX": dialect = .min2013
        default:
            report(
                .error, line: line, column: column, rule: "tbx-root",
                "the root element is <\(name)>, not <tbx>, <martif> or <TBX>; this is not a TBX file")
        }
        if let lang = attributes["xml:lang"], lang != "en" {
            glossary.properties.append(Property(name: "xml:lang", value: lang))
        }
        if isV3, attributes["xml:lang"] == nil {
            report(.error, line: line, column: column, rule: "tbx-core-structure", "<tbx> needs an xml:lang attribute")
        }
    }

    private func subtree(_ node: XMLElementNode, context: XMLSubtreeContext) {
        switch (context, node.name) {
        case (.rootChild, "tbxHeader"), (.rootChild, "martifHeader"), (.rootChild, "header"):
            header(node)
        case (.bodyChild, "conceptEntry"), (.bodyChild, "termEntry"):
            entry(node)
        case (.backChild, "refObjectSec"):
            back(node)
        case (.textChild, _):
            report(
                .error, node, rule: "tbx-core-structure",
                "<\(node.name)> may not be a direct child of <text>; kept as a glossary property")
            var properties: [Property] = []
            appendCategory(node, language: nil, prefix: nil, into: &properties)
            glossary.properties += properties
        default:
            report(.warning, node, rule: "tbx-unknown-element", "unexpected <\(node.name)> here; kept as a glossary property")
            var properties: [Property] = []
            appendCategory(node, language: nil, prefix: nil, into: &properties)
            glossary.properties += properties
        }
        if isV3 { TBXValidator.check(node, context: context, dialect: dialect, path: path, into: &diagnostics) }
    }

    private static let headerSections: Set<String> = [
        "sourceDesc", "publicationStmt", "encodingDesc", "revisionDesc", "titleStmt", "change",
    ]

    private func header(_ node: XMLElementNode) {
        if dialect == .min2013 {
            for child in node.children {
                if child.hasDirectText || child.attributes.isEmpty {
                    glossary.properties.append(Property(name: child.name, value: child.fullText))
                }
                for (key, value) in child.attributes.sorted(by: { $0.key < $1.key }) {
                    glossary.properties.append(Property(name: "\(child.name)/@\(key)", value: value))
                }
            }
            return
        }
        headerWalk(node, section: nil)
    }

    private func headerWalk(_ node: XMLElementNode, section: String?) {
        let section = Self.headerSections.contains(node.name) ? (node.name == "change" ? "revisionDesc" : node.name) : section
        switch node.name {
        case "title":
            if glossary.name == nil {
                glossary.name = node.fullText
            } else {
                glossary.properties.append(Property(name: "title", value: node.fullText))
            }
            return
        case "p":
            let type = node.type
            if type == nil, node.fullText.isEmpty { return }  // an empty paragraph holds nothing
            if type == "requiredLanguages", section == "sourceDesc" {
                for word in node.fullText.split(separator: " ") {
                    if let tag = LanguageTag(String(word)) {
                        glossary.requiredLanguages.append(tag)
                    } else {
                        report(
                            .warning, node, rule: "tbx-language", "'\(word)' in requiredLanguages is not a BCP 47 tag; ignored")
                    }
                }
                return
            }
            let name: String
            if section == "sourceDesc" || section == nil {
                name = type ?? "sourceDesc"
            } else {
                name = section! + (type.map { "/" + $0 } ?? "")
            }
            glossary.properties.append(
                Property(name: name, value: node.fullText, language: node.attributes["xml:lang"].flatMap(LanguageTag.init)))
            return
        default:
            break
        }
        if node.hasDirectText, let section {
            glossary.properties.append(Property(name: section, value: node.directText))
        }
        for child in node.children { headerWalk(child, section: section) }
    }

    private func back(_ node: XMLElementNode) {
        let sectionType = node.type ?? "refObject"
        for object in node.children {
            let id = object.attributes["id"] ?? ""
            for item in object.children {
                glossary.properties.append(
                    Property(name: "back/\(sectionType)/\(id)/\(item.type ?? item.name)", value: item.fullText))
            }
        }
    }

    // MARK: Entries

    private func entry(_ node: XMLElementNode) {
        entryCount += 1
        var concept = Concept(id: node.attributes["id"] ?? "", location: location(node))
        if let id = node.attributes["id"] {
            if Concept.isValidID(id) {
                usedIDs.insert(id)
            } else {
                // Left empty, the concept gets an id made from its first term (`finish`), as one
                // without an id does: a glossary read here must be writable as YAML.
                report(
                    .error, node, rule: "tbx-core-structure",
                    "id '\(id)' is no concept id (\(Concept.idCharacters) only); one is made from the first term")
                concept.id = ""
            }
        }
        var properties: [Property] = []
        for (key, value) in node.attributes.sorted(by: { $0.key < $1.key }) where key != "id" && !key.hasPrefix("xmlns") {
            properties.append(Property(name: "@\(key)", value: value))
        }
        for child in node.children {
            switch child.name {
            case "langSec", "langSet", "langGroup":
                languageSection(child, concept: &concept, properties: &properties)
            default:
                appendCategory(child, language: nil, prefix: nil, into: &properties)
            }
        }
        concept.definition = Self.extractFirst("definition", language: nil, from: &properties)
        concept.subject = Self.extractFirst("subjectField", language: nil, from: &properties)
        concept.note = Self.extractFirst("note", language: nil, from: &properties)
        // The order the writer emits: concept level (fields first), then each language's data.
        concept.properties =
            Self.hoistFieldMembers(properties.filter { $0.language == nil }, fields: ["subjectField", "definition", "note"])
            + properties.filter { $0.language != nil }
        if concept.terms.isEmpty {
            report(
                .warning, node, rule: "tbx-empty-entry",
                "entry \(concept.id.isEmpty ? "#\(entryCount)" : "'\(concept.id)'") has no terms")
        }
        glossary.concepts.append(concept)
    }

    private func languageSection(_ node: XMLElementNode, concept: inout Concept, properties: inout [Property]) {
        let raw = node.attributes["xml:lang"] ?? node.attributes["lang"]
        let language: LanguageTag
        if let raw, let tag = LanguageTag(raw) {
            language = tag
        } else {
            report(
                .error, node, rule: "tbx-language",
                raw == nil
                    ? "<\(node.name)> has no xml:lang; its terms are kept under 'und'"
                    : "'\(raw!)' is not a BCP 47 language tag; its terms are kept under 'und'")
            language = LanguageTag("und")!
        }
        for child in node.children {
            switch child.name {
            case "termSec", "tig", "ntig", "termGroup":
                if let term = term(child, language: language) { concept.terms.append(term) }
            default:
                appendCategory(child, language: language, prefix: nil, into: &properties)
            }
        }
    }

    private func term(_ node: XMLElementNode, language: LanguageTag) -> Term? {
        var text: String?
        var termLocation = location(node)
        var properties: [Property] = []
        var exceptions: [TermException] = []
        if let id = node.attributes["id"] { properties.append(Property(name: "id", value: id)) }
        func walk(_ container: XMLElementNode) {
            for child in container.children {
                switch child.name {
                case "term":
                    if text == nil {
                        text = child.fullText
                        termLocation = location(child)
                        if let id = child.attributes["id"], !properties.contains(where: { $0.name == "id" }) {
                            properties.append(Property(name: "id", value: id))
                        }
                    } else {
                        properties.append(Property(name: "term", value: child.fullText))
                        if !isV3 {
                            report(
                                .warning, child, rule: "tbx-structure",
                                "a second <term> in one <\(node.name)> is kept as a property")
                        }
                    }
                case "termGrp":
                    walk(child)
                case "note" where child.attributes.isEmpty && child.fullText.hasPrefix(TBXWriter.exceptionNotePrefix):
                    // Read here, not with the other option notes, to keep the note's place for lint.
                    let phrase = child.fullText.dropFirst(TBXWriter.exceptionNotePrefix.count)
                    exceptions.append(TermException(String(phrase), location: location(child)))
                default:
                    appendCategory(child, language: nil, prefix: nil, into: &properties)
                }
            }
        }
        walk(node)
        guard let text, !text.isEmpty else {
            report(.error, node, rule: "tbx-empty-term", "<\(node.name)> has no <term> text; skipped")
            return nil
        }

        // Status: the most severe of all status categories present.
        var status: TermStatus?
        for property in properties where TBXStatusMapping.statusCategories.contains(property.name) {
            if let mapped = TBXStatusMapping.status(forValue: property.value) {
                status = max(status ?? mapped, mapped)
            } else {
                report(
                    .warning, node, rule: "tbx-status-value",
                    "unknown \(property.name) value '\(property.value)' for '\(text)'; kept as a property, status left as preferred"
                )
            }
        }
        let finalStatus = status ?? .preferred
        let canonical = TBXStatusMapping.administrativeStatusValue(for: finalStatus)
        if let index = properties.firstIndex(where: { $0.name == "administrativeStatus" && $0.value == canonical }) {
            properties.remove(at: index)
        }

        var type = TermType.fullForm
        if let index = properties.firstIndex(where: { $0.name == "termType" }),
            let mapped = TBXTermTypeMapping.type(forValue: properties[index].value)
        {
            type = mapped
            properties.remove(at: index)
        }
        var isCaseSensitive: Bool?
        var foldsAccents: Bool?
        var matchMode = MatchMode.inflected
        var forms: [String] = []
        var pluralInfix = false
        properties.removeAll { property in
            guard property.name == "note", property.value.hasPrefix(TBXWriter.optionPrefix),
                let equals = property.value.firstIndex(of: "=")
            else { return false }
            let key = property.value[
                property.value.index(property.value.startIndex, offsetBy: TBXWriter.optionPrefix.count)..<equals]
            let value = String(property.value[property.value.index(after: equals)...])
            switch (key, value) {
            case ("case-sensitive", "true"), ("case-sensitive", "false"): isCaseSensitive = value == "true"
            case ("accent-folding", "true"), ("accent-folding", "false"): foldsAccents = value == "true"
            case ("match", _):
                guard let mode = MatchMode(rawValue: value) else { return false }
                matchMode = mode
            case ("form", _) where !value.isEmpty: forms.append(value)
            case ("plural-infix", "true"): pluralInfix = true
            default: return false
            }
            return true
        }
        let partOfSpeech = Self.extractFirst("partOfSpeech", language: nil, from: &properties)
        let context = Self.extractFirst("context", language: nil, from: &properties)
        let note = Self.extractFirst("note", language: nil, from: &properties)

        // TBX v3 puts termNotes right after the term; order the properties as the writer will.
        func isTermNote(_ property: Property) -> Bool {
            let head = property.name.split(separator: "/", maxSplits: 1).first.map(String.init) ?? property.name
            return TBXDataCategory.elementAndType(forPropertyName: head).element == "termNote"
        }
        properties =
            properties.filter(isTermNote)
            + Self.hoistFieldMembers(properties.filter { !isTermNote($0) }, fields: ["context", "note"])
        return Term(
            text: text, language: language, status: finalStatus, type: type, isCaseSensitive: isCaseSensitive,
            foldsAccents: foldsAccents, matchMode: matchMode, forms: forms, allowsPluralInfix: pluralInfix,
            exceptions: exceptions, note: note, partOfSpeech: partOfSpeech, context: context, properties: properties,
            location: termLocation
        )
    }

    /// Appends the properties one data-category element (or group) stands for.
    private func appendCategory(
        _ node: XMLElementNode, language: LanguageTag?, prefix: String?, into properties: inout [Property]
    ) {
        let language = node.attributes["xml:lang"].flatMap(LanguageTag.init) ?? language
        if TBXDataCategory.groupElements.contains(node.name) {
            guard let first = node.children.first else {
                report(.warning, node, rule: "tbx-empty-group", "empty <\(node.name)> ignored")
                return
            }
            appendCategory(first, language: language, prefix: prefix, into: &properties)
            let parent = (prefix.map { $0 + "/" } ?? "") + propertyName(first)
            for member in node.children.dropFirst() {
                appendCategory(member, language: language, prefix: parent, into: &properties)
            }
            return
        }
        let name = (prefix.map { $0 + "/" } ?? "") + propertyName(node)
        if !node.children.isEmpty, !Self.inlineElements.contains(node.children[0].name), node.name != "term" {
            // A container we do not know: keep its text and its members under its name.
            if node.hasDirectText { properties.append(Property(name: name, value: node.directText, language: language)) }
            for child in node.children { appendCategory(child, language: language, prefix: name, into: &properties) }
        } else {
            properties.append(Property(name: name, value: node.fullText, language: language))
        }
        for (key, value) in node.attributes.sorted(by: { $0.key < $1.key })
        where key != "type" && key != "xml:lang" && !key.hasPrefix("xmlns") {
            properties.append(Property(name: "\(name)/@\(key)", value: value, language: language))
        }
    }

    private static let inlineElements: Set<String> = ["hi", "foreign", "ph", "sc", "ec", "bpt", "ept"]

    private func propertyName(_ node: XMLElementNode) -> String {
        if TBXDataCategory.typedElements.contains(node.name) {
            return TBXDataCategory.propertyName(element: node.name, type: node.type)
        }
        if dialect == .min2013 || !isV3, let mapped = TBXDataCategory.min2013Elements[node.name] { return mapped }
        return node.name
    }

    /// Moves members of a model field (`definition/source` when the definition went to
    /// `Concept.definition`) to the front, in field order, as the writer emits them.
    static func hoistFieldMembers(_ properties: [Property], fields: [String]) -> [Property] {
        var members = Array(repeating: [Property](), count: fields.count)
        var rest: [Property] = []
        var seen: Set<String> = []
        for property in properties {
            if let slash = property.name.firstIndex(of: "/") {
                let head = String(property.name[..<slash])
                if let index = fields.firstIndex(of: head), !seen.contains(head) {
                    members[index].append(property)
                    continue
                }
            } else {
                seen.insert(property.name)
            }
            rest.append(property)
        }
        return members.flatMap { $0 } + rest
    }

    /// Removes and returns the first property named `name` in `language`.
    static func extractFirst(_ name: String, language: LanguageTag?, from properties: inout [Property]) -> String? {
        guard let index = properties.firstIndex(where: { $0.name == name && $0.language == language }) else { return nil }
        return properties.remove(at: index).value
    }

    private func generatedID(for concept: Concept) -> String {
        Self.uniqueID(for: concept, fallback: "entry", used: &usedIDs)
    }

    /// An id for a concept that has none: the slug of its first term (`fallback` when that is
    /// empty), with `-2`, `-3`, … appended until it is not in `used`; the result is added to it.
    static func uniqueID(for concept: Concept, fallback: String, used: inout Set<String>) -> String {
        let slug = concept.terms.first.map { Self.slug($0.text) } ?? ""
        let base = slug.isEmpty ? fallback : slug
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lowercase letters and digits joined by `-`.
    static func slug(_ text: String) -> String {
        var result = ""
        var dash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if dash, !result.isEmpty { result += "-" }
                result.append(character)
                dash = false
            } else {
                dash = true
            }
        }
        return result
    }
}
