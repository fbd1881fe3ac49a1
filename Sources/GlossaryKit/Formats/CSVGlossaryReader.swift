public import Foundation

/// The two shapes a glossary spreadsheet takes.
public enum CSVLayout: String, Sendable, CaseIterable {
    /// One row per concept, one column per language (`docs/csv.md`).
    case wide
    /// One row per term: concept, language, term, status, …
    case long
}

/// Reads glossaries from CSV and TSV spreadsheets, in wide or long layout (`docs/csv.md`).
public struct CSVGlossaryReader: Sendable {
    /// How to read a spreadsheet that does not follow our own column names.
    public struct Options: Sendable {
        /// The layout, or `nil` to detect it from the header (long when it has `term` and
        /// `language` columns).
        public var layout: CSVLayout?
        /// The field separator, or `nil` to use tab for `.tsv` and detect it otherwise.
        public var separator: Unicode.Scalar?
        /// The column holding the concept id (wide layout). Rows without one get an id made from
        /// their first term.
        public var idColumn: String
        /// The columns that hold terms (wide layout), or `nil` for every column whose header is a
        /// language tag.
        public var languageColumns: [String]?
        /// What separates several terms in one cell (wide layout).
        public var termSeparators: [String]

        /// Options for reading a spreadsheet; nil layout and separator are found from the file.
        public init(
            layout: CSVLayout? = nil,
            separator: Unicode.Scalar? = nil,
            idColumn: String = "concept",
            languageColumns: [String]? = nil,
            termSeparators: [String] = ["|"]
        ) {
            self.layout = layout
            self.separator = separator
            self.idColumn = idColumn
            self.languageColumns = languageColumns
            self.termSeparators = termSeparators
        }
    }

    /// How the reader reads columns and cells.
    public var options: Options

    /// A reader with `options`.
    public init(options: Options = Options()) { self.options = options }

    /// Reads the spreadsheet at `path` with the default options.
    public static func read(contentsOf path: String) throws(InputError) -> Glossary {
        try CSVGlossaryReader().read(contentsOf: path)
    }

    /// Reads the spreadsheet at `path`.
    public func read(contentsOf path: String) throws(InputError) -> Glossary {
        return try read(data: Data(InputFile.readBytes(path)), path: path)
    }

    /// Reads a spreadsheet from memory; `path` labels errors and picks tab for `.tsv`.
    public func read(data: Data, path: String) throws(InputError) -> Glossary {
        let text = try CSV.decode(data, path: path)
        let separator = options.separator ?? (path.lowercased().hasSuffix(".tsv") ? "\t" : CSV.detectSeparator(in: text))
        let records = try CSV.parse(text, separator: separator, path: path)
        guard let header = records.first else { return Glossary() }
        let names = header.map { $0.value.trimmedOfWhiteSpace() }
        let lowered = names.map { $0.lowercased() }
        let layout =
            options.layout
            ?? ((lowered.contains("term") && (lowered.contains("language") || lowered.contains("lang"))) ? .long : .wide)
        var decoder = CSVRowDecoder(path: path, header: header, names: names, options: options)
        switch layout {
        case .wide: return try decoder.wide(Array(records.dropFirst()))
        case .long: return try decoder.long(Array(records.dropFirst()))
        }
    }
}

/// Turns parsed records into concepts.
struct CSVRowDecoder {
    let path: String
    let header: [CSV.Field]
    let names: [String]
    let options: CSVGlossaryReader.Options
    private var usedIDs: Set<String> = []

    init(path: String, header: [CSV.Field], names: [String], options: CSVGlossaryReader.Options) {
        self.path = path
        self.header = header
        self.names = names
        self.options = options
    }

    private func error(_ field: CSV.Field, _ message: String) -> InputError {
        InputError(file: path, line: field.line, column: field.column, message: message)
    }

    /// A concept id as the YAML reader takes it (`Concept.isValidID`), so that a glossary read
    /// here can be converted and read back.
    private func requireValidID(_ id: String, _ field: CSV.Field) throws(InputError) {
        guard Concept.isValidID(id) else {
            throw error(field, "concept id '\(id)' may only contain \(Concept.idCharacters)")
        }
    }

    private func checkWidth(_ record: [CSV.Field]) throws(InputError) {
        if record.count > header.count, record[header.count...].contains(where: { !$0.value.isEmpty }) {
            throw error(
                record[header.count], "this row has \(English.counted(record.count, "field")) but the header has \(header.count)")
        }
    }

    /// Refuses a header that names one of the reader's single-valued columns twice: the
    /// second would silently replace the first's value (`note`, `definition`) or turn into a
    /// property (`term` in the long layout). `keys[i]` is column *i*'s meaning, or nil for a
    /// column that may repeat (terms of a language, properties).
    private func requireSingleColumns(_ keys: [String?]) throws(InputError) {
        var first: [String: Int] = [:]
        for (position, key) in keys.enumerated() {
            guard let key else { continue }
            if let earlier = first[key] {
                throw error(
                    header[position],
                    "column \(position + 1) ('\(names[position])') repeats column \(earlier + 1) ('\(names[earlier])'); "
                        + "a glossary has one such column")
            }
            first[key] = position
        }
    }

    // MARK: Wide

    mutating func wide(_ records: [[CSV.Field]]) throws(InputError) -> Glossary {
        enum Column {
            case id, subject, definition, note, properties
            case terms(LanguageTag)
            case languageData(LanguageTag, String)
            case other(String)
        }
        var columns: [Column] = []
        let languageColumns = options.languageColumns.map(Set.init)
        for (index, name) in names.enumerated() {
            let lowered = name.lowercased()
            if name == options.idColumn || lowered == options.idColumn.lowercased() { columns.append(.id); continue }
            if let languageColumns {
                if languageColumns.contains(name) {
                    guard let tag = LanguageTag(name) else {
                        throw error(header[index], "'\(name)' is not a BCP 47 language tag")
                    }
                    columns.append(.terms(tag))
                } else {
                    columns.append(.other(name))
                }
                continue
            }
            switch lowered {
            case "subject": columns.append(.subject)
            case "definition": columns.append(.definition)
            case "note": columns.append(.note)
            case "properties": columns.append(.properties)
            default:
                let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
                if parts.count == 1, let tag = LanguageTag(name) {
                    columns.append(.terms(tag))
                } else if parts.count == 2, let tag = LanguageTag(parts[0]) {
                    columns.append(.languageData(tag, parts[1]))
                } else if name.isEmpty {
                    throw error(header[index], "column \(index + 1) has no name")
                } else {
                    columns.append(.other(name))
                }
            }
        }
        try requireSingleColumns(
            columns.map { column in
                switch column {
                case .id: "id"
                case .subject: "subject"
                case .definition: "definition"
                case .note: "note"
                // Properties columns add up (each cell's list is appended).
                case .properties, .terms, .languageData, .other: nil
                }
            })
        guard columns.contains(where: { if case .terms = $0 { true } else { false } }) else {
            throw error(
                header[0],
                "no language columns: name term columns with a language tag such as `en` or `id`, or pass the language columns")
        }
        var concepts: [Concept] = []
        for record in records {
            try checkWidth(record)
            let first = record[0]
            var concept = Concept(id: "", location: SourceLocation(file: path, line: first.line, column: first.column))
            var properties: [Property] = []
            for (index, field) in record.enumerated() where index < columns.count {
                let value = field.value.trimmedOfWhiteSpace()
                if value.isEmpty { continue }
                switch columns[index] {
                case .id:
                    try requireValidID(value, field)
                    concept.id = value
                case .subject: concept.subject = value
                case .definition: concept.definition = value
                case .note: concept.note = value
                case .properties: properties += try decodeProperties(field)
                case let .terms(tag): concept.terms += try terms(in: field, language: tag)
                case let .languageData(tag, name): properties.append(Property(name: name, value: value, language: tag))
                case let .other(name): properties.append(Property(name: name, value: value))
                }
            }
            concept.properties = properties
            if concept.terms.isEmpty, concept.id.isEmpty { continue }
            concepts.append(concept)
        }
        try requireTerms(concepts)
        return Glossary(concepts: assignIDs(concepts))
    }

    /// The terms of one wide-layout cell: separated by `termSeparators`, each optionally ending in
    /// `[status, type]`; `\` escapes a separator, a bracket or itself.
    func terms(in field: CSV.Field, language: LanguageTag) throws(InputError) -> [Term] {
        var result: [Term] = []
        for piece in split(field.value, separators: options.termSeparators) {
            var text = piece.text.trimmedOfWhiteSpace()
            var status = TermStatus.preferred
            var type = TermType.fullForm
            if let open = piece.bracket {
                let inside = String(piece.text[piece.text.index(after: open)...]).trimmedOfWhiteSpace()
                if inside.hasSuffix("]") {
                    let words = inside.dropLast().split(separator: ",").map { $0.trimmedOfWhiteSpace() }
                    var parsedStatus: TermStatus?
                    var parsedType: TermType?
                    var allKnown = !words.isEmpty
                    for word in words {
                        if let value = TermStatus(rawValue: word) {
                            parsedStatus = value
                        } else if let value = TermType(rawValue: word) {
                            parsedType = value
                        } else {
                            allKnown = false
                        }
                    }
                    if allKnown {
                        text = String(piece.text[..<open]).trimmedOfWhiteSpace()
                        status = parsedStatus ?? .preferred
                        type = parsedType ?? .fullForm
                    } else if words.count == 1
                        || words.contains(where: { TermStatus(rawValue: $0) != nil || TermType(rawValue: $0) != nil })
                    {
                        throw error(
                            field,
                            "unknown status or type in '[\(inside)'; use preferred, admitted, deprecated, forbidden and full-form, acronym, abbreviation, short-form, variant, phrase (escape a literal bracket as \\[)"
                        )
                    }
                }
            }
            text = unescape(text)
            // An empty piece ("a | | b", a trailing separator) holds no term.
            if text.isEmpty { continue }
            result.append(
                Term(
                    text: text, language: language, status: status, type: type,
                    location: SourceLocation(file: path, line: field.line, column: field.column)))
        }
        return result
    }

    /// Splits on unescaped separators; remembers the last unescaped `[` of each piece.
    private func split(_ value: String, separators: [String]) -> [(text: String, bracket: String.Index?)] {
        var pieces: [(String, String.Index?)] = []
        var current = ""
        var bracket: String.Index?
        var index = value.startIndex
        while index < value.endIndex {
            let character = value[index]
            if character == "\\", value.index(after: index) < value.endIndex {
                current.append(character)
                current.append(value[value.index(after: index)])
                index = value.index(index, offsetBy: 2)
                continue
            }
            if let separator = separators.first(where: { value[index...].hasPrefix($0) }) {
                pieces.append((current, bracket))
                current = ""
                bracket = nil
                index = value.index(index, offsetBy: separator.count)
                continue
            }
            if character == "[" { bracket = current.endIndex }
            current.append(character)
            index = value.index(after: index)
        }
        pieces.append((current, bracket))
        return pieces
    }

    private func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character); escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    // MARK: Long

    mutating func long(_ records: [[CSV.Field]]) throws(InputError) -> Glossary {
        var index: [String: Int] = [:]
        let known = Set(LongColumn.allCases.map(\.name))
        var keys: [String?] = []
        for (position, name) in names.enumerated() {
            var key = name.lowercased()
            if key == "id" || key == "concept id" { key = "concept" }
            if key == "lang" { key = "language" }
            if index[key] == nil { index[key] = position }
            keys.append(known.contains(key) ? key : nil)
        }
        try requireSingleColumns(keys)
        guard index["term"] != nil, index["language"] != nil else {
            throw error(header[0], "a long-layout file needs `term` and `language` columns")
        }
        var concepts: [Concept] = []
        var positions: [String: Int] = [:]
        // At most a concept per row: room for all at once instead of rehashing as they come.
        positions.reserveCapacity(records.count)
        var parsedTags: [String: LanguageTag] = [:]
        // The column of each known key, found once per file: a row asks for about twenty keys,
        // and an array indexed by the key costs neither a hash nor a string comparison. The
        // other columns are kept as the term's properties.
        let columnOf = LongColumn.allCases.map { index[$0.name] }
        let otherColumns = names.enumerated().filter { position, _ in
            !known.contains(index.first { $0.value == position }?.key ?? "")
        }
        for record in records {
            try checkWidth(record)
            func field(_ key: LongColumn) -> CSV.Field? {
                guard let column = columnOf[key.rawValue], column < record.count else { return nil }
                let field = record[column]
                return field.value.isEmpty ? nil : field
            }
            let anchor = record[0]
            let conceptID = field(.concept)?.value.trimmedOfWhiteSpace() ?? ""
            if let idField = field(.concept), !conceptID.isEmpty { try requireValidID(conceptID, idField) }
            var slot: Int
            if !conceptID.isEmpty, let existing = positions[conceptID] {
                slot = existing
            } else {
                concepts.append(
                    Concept(id: conceptID, location: SourceLocation(file: path, line: anchor.line, column: anchor.column)))
                slot = concepts.count - 1
                if !conceptID.isEmpty { positions[conceptID] = slot }
            }
            try fillConcept(&concepts[slot], field: field)
            guard let termField = field(.term) else { continue }
            guard let languageField = field(.language) else { throw error(termField, "this term has no language") }
            // A file has a handful of distinct tags on many rows: each is parsed once.
            let languageText = languageField.value.trimmedOfWhiteSpace()
            guard let language = parsedTags[languageText] ?? LanguageTag(languageText) else {
                throw error(languageField, "'\(languageField.value)' is not a BCP 47 language tag")
            }
            parsedTags[languageText] = language
            var term = Term(
                text: termField.value.trimmedOfWhiteSpace(), language: language,
                location: SourceLocation(file: path, line: termField.line, column: termField.column))
            if let f = field(.status) {
                guard let status = TermStatus(rawValue: f.value.lowercased()) else {
                    throw error(f, "unknown status '\(f.value)'; use preferred, admitted, deprecated or forbidden")
                }
                term.status = status
            }
            if let f = field(.type) {
                guard let type = TermType(rawValue: f.value.lowercased()) ?? TBXTermTypeMapping.type(forValue: f.value) else {
                    throw error(
                        f, "unknown term type '\(f.value)'; use full-form, acronym, abbreviation, short-form, variant or phrase")
                }
                term.type = type
                term.isCaseSensitive = type.isAbbreviated
            }
            if let f = field(.caseSensitive) { term.isCaseSensitive = try bool(f) }
            if let f = field(.accentFolding) { term.foldsAccents = try bool(f) }
            if let f = field(.match) {
                guard let mode = MatchMode(rawValue: f.value.lowercased()) else {
                    throw error(f, "unknown match mode '\(f.value)'; use exact, inflected or prefix")
                }
                term.matchMode = mode
            }
            if let f = field(.forms) {
                term.forms = split(f.value, separators: ["|"]).map {
                    unescape($0.text.trimmedOfWhiteSpace())
                }.filter { !$0.isEmpty }
            }
            if let f = field(.pluralInfix) { term.allowsPluralInfix = try bool(f) }
            if let f = field(.exceptions) {
                let place = SourceLocation(file: path, line: f.line, column: f.column)
                term.exceptions = split(f.value, separators: ["|"])
                    .map { unescape($0.text.trimmingCharacters(in: .whitespaces)) }
                    .filter { !$0.isEmpty }
                    .map { TermException($0, location: place) }
            }
            term.partOfSpeech = field(.partOfSpeech)?.value
            term.note = field(.note)?.value
            term.context = field(.context)?.value
            if let f = field(.properties) { term.properties = try decodeProperties(f) }
            for (position, name) in otherColumns {
                if position < record.count, !record[position].value.isEmpty {
                    term.properties.append(Property(name: name, value: record[position].value))
                }
            }
            concepts[slot].terms.append(term)
        }
        try requireTerms(concepts)
        return Glossary(concepts: assignIDs(concepts))
    }

    private func fillConcept(_ concept: inout Concept, field: (LongColumn) -> CSV.Field?) throws(InputError) {
        func merge(_ current: inout String?, _ key: LongColumn) throws(InputError) {
            guard let f = field(key) else { return }
            if let existing = current, existing != f.value {
                throw error(f, "\(key.name) differs from an earlier row of concept '\(concept.id)'")
            }
            current = f.value
        }
        try merge(&concept.definition, .definition)
        try merge(&concept.subject, .subject)
        try merge(&concept.note, .conceptNote)
        if let f = field(.conceptProperties) {
            let properties = try decodeProperties(f)
            if concept.properties.isEmpty {
                concept.properties = properties
            } else if concept.properties != properties {
                throw error(f, "concept-properties differ from an earlier row of concept '\(concept.id)'")
            }
        }
    }

    private func bool(_ field: CSV.Field) throws(InputError) -> Bool {
        switch field.value.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw error(field, "'\(field.value)' is not true or false")
        }
    }

    /// Properties in a cell: a JSON array of `[name, value]` or `[name, value, language]`.
    private func decodeProperties(_ field: CSV.Field) throws(InputError) -> [Property] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(field.value.utf8)), let items = json as? [Any] else {
            throw error(field, "properties must be a JSON array of [name, value] or [name, value, language]")
        }
        var result: [Property] = []
        for item in items {
            guard let pair = item as? [String], pair.count == 2 || pair.count == 3 else {
                throw error(field, "each property must be [name, value] or [name, value, language]")
            }
            var language: LanguageTag?
            if pair.count == 3 {
                guard let tag = LanguageTag(pair[2]) else { throw error(field, "'\(pair[2])' is not a BCP 47 language tag") }
                language = tag
            }
            result.append(Property(name: pair[0], value: pair[1], language: language))
        }
        return result
    }

    /// Every concept has a term, as the YAML reader requires, so that a glossary read here can
    /// be converted and read back: a row with an id and no term (wide layout), or a concept
    /// whose rows have no term (long layout), is an error at its first row.
    private func requireTerms(_ concepts: [Concept]) throws(InputError) {
        guard let empty = concepts.first(where: { $0.terms.isEmpty }) else { return }
        let location = empty.location ?? SourceLocation(file: path, line: 1, column: 1)
        throw InputError(file: path, line: location.line, column: location.column, message: "concept '\(empty.id)' has no terms")
    }

    private mutating func assignIDs(_ concepts: [Concept]) -> [Concept] {
        usedIDs = Set(concepts.map(\.id).filter { !$0.isEmpty })
        var concepts = concepts
        for index in concepts.indices where concepts[index].id.isEmpty {
            concepts[index].id = TBXModelBuilder.uniqueID(for: concepts[index], fallback: "concept", used: &usedIDs)
        }
        return concepts
    }
}

/// The columns of a long-layout file that the reader knows (`CSVRowDecoder.long`), by their
/// header names; the others become the term's properties.
private enum LongColumn: Int, CaseIterable {
    case concept, language, term, status, type, caseSensitive, accentFolding, match, forms, pluralInfix, exceptions
    case partOfSpeech, note, context, properties, definition, subject, conceptNote, conceptProperties

    /// The column's name in a header (lowercased; `id`, `concept id` and `lang` are read as
    /// `concept` and `language`).
    var name: String {
        switch self {
        case .concept: "concept"
        case .language: "language"
        case .term: "term"
        case .status: "status"
        case .type: "type"
        case .caseSensitive: "case-sensitive"
        case .accentFolding: "accent-folding"
        case .match: "match"
        case .forms: "forms"
        case .pluralInfix: "plural-infix"
        case .exceptions: "exceptions"
        case .partOfSpeech: "part-of-speech"
        case .note: "note"
        case .context: "context"
        case .properties: "properties"
        case .definition: "definition"
        case .subject: "subject"
        case .conceptNote: "concept-note"
        case .conceptProperties: "concept-properties"
        }
    }
}
