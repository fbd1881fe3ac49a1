/// The declared source language of a check — `--source`, else `source:` in `.glossary.yml` —
/// checked against the glossary's languages (`CheckOptions.sourceLanguage`).
///
/// Every front end (the CLI's `check` and `coverage`, the language server) resolves it here, so
/// that they accept and refuse the same values.
package enum SourceLanguage {
    /// The glossary language `tag` falls within: `tag` itself, a broader tag of the glossary
    /// (`en-GB` → `en`), else one with the same primary language (`en-GB` → `en-US`); nil when the
    /// glossary has none.
    package static func glossaryLanguage(for tag: LanguageTag, known: [LanguageTag]) -> LanguageTag? {
        known.first { $0 == tag } ?? known.first { tag.isWithin($0) } ?? known.first { $0.language == tag.language }
    }

    /// The source language of a check: `named` (`--source`) when given, else the
    /// configuration's `source`, as a glossary language; nil when neither is set.
    ///
    /// - Throws: an `InputError` when the language is not one of the glossary's (`known`): at the
    ///   `source:` line of the configuration when it comes from there.
    package static func resolve(named: LanguageTag?, configuration: Configuration?, known: [LanguageTag]) throws(InputError)
        -> LanguageTag?
    {
        let languages = known.map(\.rawValue).joined(separator: ", ")
        if let named {
            guard let language = glossaryLanguage(for: named, known: known) else {
                throw InputError("--source \(named): the glossary has no terms in \(named) (its languages: \(languages))")
            }
            return language
        }
        guard let setting = configuration?.sourceLanguage else { return nil }
        guard let language = glossaryLanguage(for: setting.language, known: known) else {
            throw setting.error(
                "source language '\(setting.language)' is not a language of the glossary (its languages: \(languages))")
        }
        return language
    }
}
