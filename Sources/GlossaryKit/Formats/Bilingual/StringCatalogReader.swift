/// Reads Apple String Catalogs (`.xcstrings`, JSON) as translation sets: one set per key, with
/// a segment per localization (and per plural or device variation).
///
/// The source text is the source language's `stringUnit` when the catalog has one, else the key
/// itself (Xcode's convention: the key is the source string).
package enum StringCatalogReader {
    /// Reads one catalog.
    ///
    /// - Throws: `InputError` with line and column for invalid JSON or a missing `sourceLanguage`
    ///   or `strings`.
    package static func read(_ source: SourceText) throws(InputError) -> TranslationCorpus {
        var parser = PositionedJSONParser(source, format: "String Catalog")
        let json = try parser.parse()
        guard case .object = json else { throw parser.fail("expected an object at the top", at: json.offset) }
        guard case let .string(language)? = json["sourceLanguage"], let sourceTag = LanguageTag(language.value) else {
            throw parser.fail("missing or invalid \"sourceLanguage\"", at: json["sourceLanguage"]?.offset ?? json.offset)
        }
        guard case let .object(strings, _)? = json["strings"] else {
            throw parser.fail("missing \"strings\" object", at: json["strings"]?.offset ?? json.offset)
        }
        var builder = SegmentedTextBuilder(file: source, format: "String Catalog")
        var sets: [TranslationSet] = []
        for (key, entry) in strings {
            let id = "key '\(key.value)'"
            var members: [SegmentReference] = []
            var units: [(language: LanguageTag, variant: String, value: PositionedString)] = []
            if case let .object(localizations, _)? = entry["localizations"] {
                for (language, localization) in localizations {
                    guard let tag = LanguageTag(language.value) else {
                        throw parser.fail("'\(language.value)' is not a valid language tag", at: language.offset)
                    }
                    collect(localization, language: tag, variant: "", into: &units)
                }
            }
            if !units.contains(where: { $0.language == sourceTag }) && !key.value.isEmpty {
                units.insert((sourceTag, "", key), at: 0)
            }
            for unit in units {
                unit.value.append(to: &builder)
                let segmentID = id + (unit.variant.isEmpty ? "" : " [\(unit.variant)]")
                if let index = builder.endSegment(
                    id: segmentID, language: unit.language, role: unit.language == sourceTag ? .source : .target)
                {
                    members.append(SegmentReference(text: 0, segment: index))
                }
            }
            if !members.isEmpty { sets.append(TranslationSet(id: id, members: members, method: "String Catalog key")) }
        }
        return TranslationCorpus(
            texts: [builder.build()], sets: sets, sourceLanguage: sourceTag,
            notes: ["String Catalog: \(English.counted(sets.count, "key"))"])
    }

    /// The `stringUnit` values of a localization and of its variations, depth first.
    static func collect(
        _ node: PositionedJSON, language: LanguageTag, variant: String,
        into units: inout [(language: LanguageTag, variant: String, value: PositionedString)]
    ) {
        if case let .string(value)? = node["stringUnit"]?["value"] {
            units.append((language, variant, value))
        }
        if case let .object(kinds, _)? = node["variations"] {
            for (kind, cases) in kinds {
                guard case let .object(pairs, _) = cases else { continue }
                for (name, value) in pairs {
                    collect(
                        value, language: language,
                        variant: (variant.isEmpty ? "" : variant + ", ") + "\(kind.value) \(name.value)", into: &units)
                }
            }
        }
        if case let .object(substitutions, _)? = node["substitutions"] {
            for (name, value) in substitutions {
                collect(
                    value, language: language, variant: (variant.isEmpty ? "" : variant + ", ") + "substitution \(name.value)",
                    into: &units)
            }
        }
    }
}
