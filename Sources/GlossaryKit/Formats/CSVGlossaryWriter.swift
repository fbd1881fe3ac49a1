import Foundation

/// Writes a `Glossary` as a CSV or TSV spreadsheet in wide or long layout (`docs/csv.md`).
///
/// The long layout keeps everything the model holds about concepts and terms; the wide layout
/// keeps terms with their status and type, concept fields and concept properties, and lists what
/// it had to leave out in `Output.omissions` so a caller can warn. Both start with a UTF-8 byte
/// order mark and use CRLF line ends, which spreadsheets open without an import dialog.
public enum CSVGlossaryWriter {
    /// A written spreadsheet and what it could not hold.
    public struct Output: Sendable {
        /// The spreadsheet's text.
        public var text: String
        /// One line per kind of data left out (empty for the long layout except glossary-level data).
        public var omissions: [String]
    }

    /// The spreadsheet text of `glossary`.
    public static func write(_ glossary: Glossary, layout: CSVLayout, separator: Unicode.Scalar = ",") -> Output {
        var omissions: [String] = []
        if glossary.name != nil || !glossary.properties.isEmpty || !glossary.requiredLanguages.isEmpty {
            omissions.append("the glossary's name, required languages and header properties (CSV has no place for them)")
        }
        let records: [[String]]
        switch layout {
        case .wide: records = wide(glossary, omissions: &omissions)
        case .long: records = long(glossary)
        }
        return Output(text: "\u{FEFF}" + CSV.write(records, separator: separator), omissions: omissions)
    }

    /// Writes `glossary` to `path`; tab-separated for `.tsv`.
    @discardableResult
    public static func write(_ glossary: Glossary, layout: CSVLayout, to path: String) throws -> [String] {
        let separator: Unicode.Scalar = path.lowercased().hasSuffix(".tsv") ? "\t" : ","
        let output = write(glossary, layout: layout, separator: separator)
        try Data(output.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return output.omissions
    }

    // MARK: Wide

    private static func wide(_ glossary: Glossary, omissions: inout [String]) -> [[String]] {
        var languages: [LanguageTag] = []
        for concept in glossary.concepts {
            for term in concept.terms where !languages.contains(term.language) { languages.append(term.language) }
        }
        let hasSubject = glossary.concepts.contains { $0.subject != nil }
        let hasDefinition = glossary.concepts.contains { $0.definition != nil }
        let hasNote = glossary.concepts.contains { $0.note != nil }
        let hasProperties = glossary.concepts.contains { !$0.properties.isEmpty }
        var header = ["concept"]
        if hasSubject { header.append("subject") }
        if hasDefinition { header.append("definition") }
        if hasNote { header.append("note") }
        header += languages.map(\.rawValue)
        if hasProperties { header.append("properties") }
        var records = [header]
        var lostTermData = false
        for concept in glossary.concepts {
            var row = [concept.id]
            if hasSubject { row.append(concept.subject ?? "") }
            if hasDefinition { row.append(concept.definition ?? "") }
            if hasNote { row.append(concept.note ?? "") }
            for language in languages {
                row.append(
                    concept.terms(in: language).map { term in
                        if !hasOnlyWideData(term) { lostTermData = true }
                        var cell = escapeTerm(term.text)
                        var tags: [String] = []
                        if term.status != .preferred { tags.append(term.status.rawValue) }
                        if term.type != .fullForm { tags.append(term.type.rawValue) }
                        if !tags.isEmpty { cell += " [\(tags.joined(separator: ", "))]" }
                        return cell
                    }.joined(separator: " | "))
            }
            if hasProperties { row.append(encodeProperties(concept.properties)) }
            records.append(row)
        }
        if lostTermData {
            omissions.append(
                "term notes, contexts, part of speech, matching options, exceptions and term properties (use the long layout to keep them)"
            )
        }
        return records
    }

    private static func hasOnlyWideData(_ term: Term) -> Bool {
        term.isCaseSensitive == term.type.isAbbreviated && term.foldsAccents == nil && term.matchMode == .inflected
            && term.forms.isEmpty && !term.allowsPluralInfix && term.exceptions.isEmpty && term.note == nil
            && term.partOfSpeech == nil
            && term.context == nil && term.properties.isEmpty
    }

    /// Escapes `\`, `|` and `[` so a term reads back as written.
    static func escapeTerm(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\\" || character == "|" || character == "[" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    // MARK: Long

    private static func long(_ glossary: Glossary) -> [[String]] {
        typealias Column = (name: String, value: (Concept, Term?) -> String)
        let all: [Column] = [
            ("concept", { concept, _ in concept.id }),
            ("language", { _, term in term?.language.rawValue ?? "" }),
            ("term", { _, term in term?.text ?? "" }),
            ("status", { _, term in term?.status.rawValue ?? "" }),
            ("type", { _, term in term.map { $0.type == .fullForm ? "" : $0.type.rawValue } ?? "" }),
            (
                "case-sensitive",
                { _, term in term.map { $0.isCaseSensitive == $0.type.isAbbreviated ? "" : String($0.isCaseSensitive) } ?? "" }
            ),
            ("accent-folding", { _, term in term?.foldsAccents.map(String.init) ?? "" }),
            ("match", { _, term in term.map { $0.matchMode == .inflected ? "" : $0.matchMode.rawValue } ?? "" }),
            ("forms", { _, term in term?.forms.map(escapeTerm).joined(separator: " | ") ?? "" }),
            ("plural-infix", { _, term in term?.allowsPluralInfix == true ? "true" : "" }),
            ("exceptions", { _, term in term?.exceptions.map { escapeTerm($0.text) }.joined(separator: " | ") ?? "" }),
            ("part-of-speech", { _, term in term?.partOfSpeech ?? "" }),
            ("note", { _, term in term?.note ?? "" }),
            ("context", { _, term in term?.context ?? "" }),
            ("properties", { _, term in term.map { $0.properties.isEmpty ? "" : encodeProperties($0.properties) } ?? "" }),
            ("definition", { concept, _ in concept.definition ?? "" }),
            ("subject", { concept, _ in concept.subject ?? "" }),
            ("concept-note", { concept, _ in concept.note ?? "" }),
            ("concept-properties", { concept, _ in concept.properties.isEmpty ? "" : encodeProperties(concept.properties) }),
        ]
        var rows: [(Concept, Term?)] = []
        for concept in glossary.concepts {
            if concept.terms.isEmpty { rows.append((concept, nil)) }
            for term in concept.terms { rows.append((concept, term)) }
        }
        let mandatory: Set<String> = ["concept", "language", "term", "status"]
        let columns = all.filter { column in
            mandatory.contains(column.name) || rows.contains { !column.value($0.0, $0.1).isEmpty }
        }
        var records = [columns.map(\.name)]
        for (concept, term) in rows {
            records.append(columns.map { $0.value(concept, term) })
        }
        return records
    }

    /// Properties as a JSON array of `[name, value]` / `[name, value, language]`, keys in order.
    static func encodeProperties(_ properties: [Property]) -> String {
        let items: [[String]] = properties.map { property in
            [property.name, property.value] + (property.language.map { [$0.rawValue] } ?? [])
        }
        guard let data = try? JSONSerialization.data(withJSONObject: items, options: [.withoutEscapingSlashes]) else {
            return "[]"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
