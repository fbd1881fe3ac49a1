/// How TBX status values map onto `TermStatus`, and back.
///
/// TBX spreads term status over several data categories — `administrativeStatus` (TBX-Basic,
/// martif), `usageStatus` (TBX-Min, TBX-Basic 2019), `normativeAuthorization` (ISO 12620) and the
/// 2013 TBX-Min element `termStatus` — and tools write values outside the picklists (`obsolete`,
/// `notRecommended`, `forbidden`). The table is documented in `docs/tbx.md`.
package enum TBXStatusMapping {
    /// The data categories that carry a term's status.
    package static let statusCategories: Set<String> = [
        "administrativeStatus", "usageStatus", "normativeAuthorization", "termStatus",
    ]

    /// Values, compared case-insensitively, and the status they mean.
    static let table: [String: TermStatus] = {
        var table: [String: TermStatus] = [:]
        for value in [
            "preferredTerm-admn-sts", "preferredTerm", "preferred", "standardizedTerm",
            "standardizedTerm-admn-sts", "standardized", "legalTerm", "regulatedTerm", "approved",
        ] { table[value.lowercased()] = .preferred }
        for value in ["admittedTerm-admn-sts", "admittedTerm", "admitted", "allowed", "acceptable"] {
            table[value.lowercased()] = .admitted
        }
        for value in [
            "deprecatedTerm-admn-sts", "deprecatedTerm", "deprecated", "notRecommended", "notRecommendedTerm",
            "obsolete", "obsoleteTerm", "supersededTerm-admn-sts", "supersededTerm", "superseded",
        ] { table[value.lowercased()] = .deprecated }
        for value in ["forbidden", "forbiddenTerm", "forbiddenTerm-admn-sts", "prohibited", "doNotUse"] {
            table[value.lowercased()] = .forbidden
        }
        return table
    }()

    /// The status a TBX value means, or `nil` for a value outside the table.
    package static func status(forValue value: String) -> TermStatus? {
        table[value.lowercased()]
    }

    /// The `administrativeStatus` value the writer emits for a status.
    ///
    /// TBX-Basic's picklist has no forbidden value; `forbidden` is written as
    /// `forbiddenTerm-admn-sts`, which ISO 12620 lists and which the reader maps back.
    package static func administrativeStatusValue(for status: TermStatus) -> String {
        switch status {
        case .preferred: "preferredTerm-admn-sts"
        case .admitted: "admittedTerm-admn-sts"
        case .deprecated: "deprecatedTerm-admn-sts"
        case .forbidden: "forbiddenTerm-admn-sts"
        }
    }

    /// Allowed values per category and dialect, for validation.
    static func picklist(category: String, dialect: TBXDialect) -> Set<String>? {
        switch (category, dialect) {
        case ("usageStatus", _): ["preferred", "admitted", "notRecommended", "obsolete", "deprecated"]
        case ("administrativeStatus", _):
            [
                "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts",
                "standardizedTerm-admn-sts", "legalTerm-admn-sts", "regulatedTerm-admn-sts", "forbiddenTerm-admn-sts",
            ]
        case ("termStatus", _): ["preferred", "admitted", "notRecommended", "obsolete", "deprecated"]
        case ("partOfSpeech", .basic), ("partOfSpeech", .min):
            ["noun", "verb", "adjective", "adverb", "properNoun", "other"]
        case ("termType", .basic):
            ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"]
        case ("grammaticalGender", .basic): ["masculine", "feminine", "neuter", "other"]
        default: nil
        }
    }
}

/// How TBX `termType` values map onto `TermType`.
package enum TBXTermTypeMapping {
    /// The term type a TBX value means, or `nil` when the model has no such type (the value is
    /// then kept as a property).
    package static func type(forValue value: String) -> TermType? {
        switch value.lowercased() {
        case "fullform", "full-form", "full form": .fullForm
        case "acronym": .acronym
        case "abbreviation", "abbreviatedform": .abbreviation
        case "shortform", "short-form", "short form": .shortForm
        case "variant": .variant
        case "phrase": .phrase
        default: nil
        }
    }

    /// The TBX spelling of a term type (`shortForm`).
    package static func value(for type: TermType) -> String {
        switch type {
        case .fullForm: "fullForm"
        case .acronym: "acronym"
        case .abbreviation: "abbreviation"
        case .shortForm: "shortForm"
        case .variant: "variant"
        case .phrase: "phrase"
        }
    }
}
