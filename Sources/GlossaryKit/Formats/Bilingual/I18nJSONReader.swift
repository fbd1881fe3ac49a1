/// Reads i18n JSON message files, one per language (`en.json`, `id.json`), as translation sets:
/// one set per key, the files matched by key. Nested objects are flattened with dots
/// (`{"auth": {"login": …}}` is `auth.login`), array items by index (`items.0`).
package enum I18nJSONReader {
    /// The language a file's name declares: `en.json`, `messages.id.json`, `id/common.json`.
    package static func language(ofPath path: String) -> LanguageTag? {
        let components = path.split(separator: "/").map(String.init)
        guard let name = components.last else { return nil }
        let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        let parts = stem.split(whereSeparator: { $0 == "." || $0 == "_" }).map(String.init)
        for candidate in [stem, parts.last ?? ""] + components.dropLast().reversed() {
            if (2...3).contains(candidate.split(separator: "-").first?.count ?? 0), candidate.first?.isLetter == true,
                let tag = LanguageTag(candidate)
            {
                return tag
            }
        }
        return nil
    }

    /// Reads the files of one message set, one per language.
    ///
    /// - Parameters:
    ///   - sources: the message files, one per language.
    ///   - sourceLanguage: the language translated from; default `en` when one file is English,
    ///     else the first file's.
    /// - Throws: `InputError` with line and column for invalid JSON or a top level that is not an
    ///   object; an error naming the file when its language cannot be told from its name.
    package static func read(_ sources: [SourceText], sourceLanguage: LanguageTag? = nil) throws(InputError) -> TranslationCorpus
    {
        var texts: [SegmentedText] = []
        var keyed: [String: [SegmentReference]] = [:]
        var keyOrder: [String] = []
        var languages: [LanguageTag] = []
        for source in sources {
            guard let language = language(ofPath: source.path) else {
                throw InputError(
                    "cannot tell the language of this JSON message file from its name (expected e.g. en.json, messages.id.json, id/app.json)",
                    file: source.path)
            }
            languages.append(language)
            var parser = PositionedJSONParser(source, format: "i18n JSON")
            let json = try parser.parse()
            guard case .object = json else { throw parser.fail("expected an object of messages at the top", at: json.offset) }
            var builder = SegmentedTextBuilder(file: source, format: "i18n JSON")
            var leaves: [(String, PositionedString)] = []
            flatten(json, prefix: "", into: &leaves)
            var segmentKeys: [(String, Int)] = []
            for (key, value) in leaves {
                value.append(to: &builder)
                if let index = builder.endSegment(id: "key '\(key)'", language: language, role: .version) {
                    segmentKeys.append((key, index))
                }
            }
            for (key, index) in segmentKeys {
                if keyed[key] == nil { keyOrder.append(key) }
                keyed[key, default: []].append(SegmentReference(text: texts.count, segment: index))
            }
            texts.append(builder.build())
        }
        let lead = sourceLanguage ?? (languages.contains(.english) ? .english : languages.first)
        for text in texts.indices {
            for index in texts[text].segments.indices {
                texts[text].segments[index].role = texts[text].segments[index].language == lead ? .source : .target
            }
        }
        let sets = keyOrder.map { TranslationSet(id: "key '\($0)'", members: keyed[$0]!, method: "i18n JSON key") }
        return TranslationCorpus(
            texts: texts, sets: sets, sourceLanguage: lead,
            notes: ["i18n JSON: \(English.counted(sources.count, "file")) matched by key, \(English.counted(sets.count, "key"))"])
    }

    static func flatten(_ node: PositionedJSON, prefix: String, into leaves: inout [(String, PositionedString)]) {
        switch node {
        case let .object(pairs, _):
            for (key, value) in pairs {
                flatten(value, prefix: prefix.isEmpty ? key.value : prefix + "." + key.value, into: &leaves)
            }
        case let .array(values, _):
            for (index, value) in values.enumerated() { flatten(value, prefix: prefix + "." + String(index), into: &leaves) }
        case let .string(string):
            leaves.append((prefix, string))
        case .other:
            break
        }
    }
}
