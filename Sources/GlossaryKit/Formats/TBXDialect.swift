/// The TBX flavours the reader understands.
public enum TBXDialect: String, Sendable, CaseIterable {
    /// TBX v3 (ISO 30042:2019) core structure only.
    case core = "TBX-Core"
    /// TBX v3 TBX-Basic, or a v2 martif file (which CAT tools export in TBX-Basic shape).
    case basic = "TBX-Basic"
    /// TBX v3 TBX-Min.
    case min = "TBX-Min"
    /// The 2013 TBX-Min (`<TBX dialect="TBX-Min">`, `langGroup`/`termGroup`).
    case min2013 = "TBX-Min-2013"
    /// TBX v2 (`<martif>`).
    case martif = "martif"
    /// Another v3 dialect; only the core rules are checked.
    case other = "other"
}

/// Which TBX data categories exist, on which element they are written, and how properties name
/// them.
///
/// A property's name is the data category (`source`, `customerSubset`, `xGraphic`) when the
/// category is one of the well-known ones below, and `element:type` otherwise
/// (`descrip:Translation needed`, `admin:status`), so the writer knows which element to emit.
/// Members of a group and attributes hang under their parent with a slash:
/// `definition/source`, `transactionType/date`, `transactionType/responsibility/@target`,
/// `xGraphic/@target`. A slashed property belongs to the nearest earlier property of the parent's
/// name in the same list and language, or to the model field (`Concept.definition`, `Term.note`,
/// `Term.context`) when no such property precedes it.
enum TBXDataCategory {
    /// Known categories and the element that carries them.
    static let element: [String: String] = [
        "definition": "descrip", "context": "descrip", "subjectField": "descrip", "explanation": "descrip",
        "example": "descrip",
        "source": "admin", "customerSubset": "admin", "projectSubset": "admin", "sourceIdentifier": "admin",
        "entrySource": "admin", "originatingPerson": "admin", "conceptOrigin": "admin",
        "partOfSpeech": "termNote", "termType": "termNote", "administrativeStatus": "termNote",
        "usageStatus": "termNote", "normativeAuthorization": "termNote", "grammaticalGender": "termNote",
        "grammaticalNumber": "termNote", "geographicalUsage": "termNote", "termLocation": "termNote",
        "register": "termNote", "temporalQualifier": "termNote", "usageNote": "termNote",
        "termProvenance": "termNote", "transferComment": "termNote",
        "xGraphic": "xref", "externalCrossReference": "xref", "xSource": "xref",
        "crossReference": "ref",
        "transactionType": "transac",
        "responsibility": "transacNote",
    ]

    /// Elements whose `type` attribute names a data category.
    static let typedElements: Set<String> = ["descrip", "admin", "termNote", "xref", "ref", "transac", "transacNote", "hi"]

    /// Elements that group a data category with its source, date or responsibility.
    static let groupElements: Set<String> = ["descripGrp", "adminGrp", "transacGrp", "termNoteGrp", "noteGrp"]

    /// 2013 TBX-Min writes categories as elements; their v3 names.
    static let min2013Elements: [String: String] = [
        "subjectField": "subjectField", "customer": "customerSubset", "partOfSpeech": "partOfSpeech",
        "termStatus": "termStatus", "note": "note", "definition": "definition", "context": "context",
        "source": "source", "termType": "termType",
    ]

    /// Names that mean something else when bare.
    static let reservedNames: Set<String> = ["note", "date", "id", "term", "termCompList"]

    /// The property name for an element with an optional `type`.
    static func propertyName(element: String, type: String?) -> String {
        guard let type, !type.isEmpty else { return element }
        if self.element[type] == element { return type }
        // `admin` is where names from other formats go, so an unknown admin type is its bare name.
        if element == "admin", self.element[type] == nil, !reservedNames.contains(type),
            !type.contains(":"), !type.contains("/")
        {
            return type
        }
        return "\(element):\(type)"
    }

    /// The element and `type` to write for a property name; `nil` type for untyped elements
    /// (`note`, `date`).
    static func elementAndType(forPropertyName name: String) -> (element: String, type: String?) {
        if let element = element[name] { return (element, name) }
        if name == "note" || name == "date" { return (name, nil) }
        if let colon = name.firstIndex(of: ":") {
            let element = String(name[..<colon])
            let type = String(name[name.index(after: colon)...])
            return (element, type)
        }
        // A name from another format (a CSV column, a YAML property): written as a note-like
        // admin category of the same name.
        return ("admin", name)
    }
}
