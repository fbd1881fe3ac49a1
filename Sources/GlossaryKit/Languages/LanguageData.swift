import Foundation
internal import Yams

/// The linguistic data of one language, read from `Languages/Data/<tag>.yml`.
///
/// Linguists extend a language by editing that file: no Swift is needed. Every list is optional.
/// The build compiles the files into the library (`EmbedLanguageDataPlugin` writes their text into
/// `embeddedFiles`), so nothing is looked up on disk at run time.
struct LanguageData: Decodable, Equatable, Sendable {
    var language: String
    /// Function words for paragraph language detection.
    var stopwords: [String] = []
    /// Whether é ≡ e for this language's terms by default.
    var accentFolding: Bool = false
    /// Enclitics attached directly to a word (`-nya`, `-na`); also accepted after a hyphen.
    var enclitics: [String] = []
    /// Enclitics that attach only after certain letters: `ana: [n]` reads Sundanese *tujuanana*
    /// as *tujuan* + -ana but leaves *rencana* alone.
    var encliticContexts: [String: [String]] = [:]
    /// Marks that write a full reduplication in informal text: `2` in *pekerja2* (*pekerja-pekerja*).
    var reduplicationMarks: [String] = []
    /// Particles that may follow an enclitic (`-lah` in `kerjanyalah`).
    var particles: [String] = []
    /// Shortest stem left after removing a clitic, in letters.
    var minimumStem: Int = 3
    /// Words that end like a clitic but are not word + clitic (`hanya`, `punya`).
    var notClitic: [String] = []
    /// Whether `X-X` reads as `X` (full reduplication).
    var reduplication: Bool = false
    /// Sundanese-style plural infixes inserted after the first consonant (`ar`, `al`).
    var pluralInfixes: [String] = []
    /// Words that only look infixed (`barang`, `sarikat`): never read with the infix undone.
    var pluralInfixExceptions: [String] = []
    /// English-style plural endings: each is `[ending, replacement]`, tried in order.
    var pluralEndings: [[String]] = []
    /// Stems (before the ending) that a plural ending may not follow; regular expressions.
    var pluralExceptions: [String] = []
    /// Irregular plurals: plural → singular.
    var irregularPlurals: [String: String] = [:]
    /// Irregular plurals by ending: each is `[plural ending, singular ending]` (`[men, man]`
    /// reads *fishermen* as *fisherman*).
    var irregularPluralEndings: [[String]] = []
    /// Whole words that end like an irregular plural ending but are not that plural (`omen`).
    var irregularPluralExceptions: [String] = []
    /// Prepositions after which a term's word is its head and takes the plural too: `of` in
    /// *victim of trafficking* (*victims of trafficking*).
    var headPrepositions: [String] = []
    /// Modifiers that agree with their head in number and take the plural with it: `woman` in
    /// *woman migrant worker* (*women migrant workers*).
    var numberAgreeingModifiers: [String] = []
    /// Possessive endings on a word (`'s`).
    var possessives: [String] = []
    /// Whole-word spelling families: every word in a family is a spelling of the others.
    var spellingWords: [[String]] = []
    /// Ending pairs that make spelling families, with the shortest stem they apply to:
    /// `[our, or, 3]` makes `labour` ≡ `labor` but leaves `four` alone.
    var spellingEndings: [[String]] = []
    /// Letter sequences of an older or scholarly spelling and their standard form, applied to a
    /// whole word before any other analysis: `[dj, j]` reads *pekerdja* as *pekerja*, `[ö, eu]`
    /// reads Sundanese *löwöng* as *leuweung*-style *eu*.
    var letterSpellings: [[String]] = []
    /// Gap signatures that join the two halves of a reduplication (`-`, and ` - ` as some texts
    /// space the hyphen: *hak - hak*).
    var reduplicationJoins: [String] = ["-"]
    /// Compounds (`CompoundRules`): a hyphen and a space inside a term are interchangeable
    /// (`hyphen-space`); compounds may be written closed, hyphenated or open (`closed-compounds`);
    /// hyphenated prefixes that make a new word (`derivational-prefixes`) and hyphenated endings
    /// that do (`derivational-suffixes`); words that may be part
    /// of a closed compound (`compound-parts`); words after which an open-written hyphenated term
    /// is separate words (`open-compound-not-after`).
    var hyphenSpace: Bool = false
    var closedCompounds: Bool = false
    var derivationalPrefixes: [String] = []
    var derivationalSuffixes: [String] = []
    /// Words of this language that another language's term writes alike with another meaning
    /// (`false-friends`; `LanguageAnalyzer.falseFriends`).
    var falseFriends: [String] = []
    var compoundParts: [String] = []
    var openCompoundNotAfter: [String] = []

    enum CodingKeys: String, CodingKey {
        case language, stopwords, enclitics, particles, reduplication, possessives
        case accentFolding = "accent-folding"
        case minimumStem = "minimum-stem"
        case notClitic = "not-clitic"
        case pluralInfixes = "plural-infixes"
        case pluralInfixExceptions = "plural-infix-exceptions"
        case pluralEndings = "plural-endings"
        case pluralExceptions = "plural-exceptions"
        case irregularPlurals = "irregular-plurals"
        case irregularPluralEndings = "irregular-plural-endings"
        case irregularPluralExceptions = "irregular-plural-exceptions"
        case headPrepositions = "head-prepositions"
        case numberAgreeingModifiers = "number-agreeing-modifiers"
        case spellingWords = "spelling-words"
        case spellingEndings = "spelling-endings"
        case letterSpellings = "letter-spellings"
        case encliticContexts = "enclitic-contexts"
        case reduplicationMarks = "reduplication-marks"
        case reduplicationJoins = "reduplication-joins"
        case hyphenSpace = "hyphen-space"
        case closedCompounds = "closed-compounds"
        case derivationalPrefixes = "derivational-prefixes"
        case derivationalSuffixes = "derivational-suffixes"
        case falseFriends = "false-friends"
        case compoundParts = "compound-parts"
        case openCompoundNotAfter = "open-compound-not-after"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        language = try container.decode(String.self, forKey: .language)
        stopwords = try container.decodeIfPresent([String].self, forKey: .stopwords) ?? []
        accentFolding = try container.decodeIfPresent(Bool.self, forKey: .accentFolding) ?? false
        enclitics = try container.decodeIfPresent([String].self, forKey: .enclitics) ?? []
        particles = try container.decodeIfPresent([String].self, forKey: .particles) ?? []
        minimumStem = try container.decodeIfPresent(Int.self, forKey: .minimumStem) ?? 3
        notClitic = try container.decodeIfPresent([String].self, forKey: .notClitic) ?? []
        reduplication = try container.decodeIfPresent(Bool.self, forKey: .reduplication) ?? false
        pluralInfixes = try container.decodeIfPresent([String].self, forKey: .pluralInfixes) ?? []
        pluralInfixExceptions = try container.decodeIfPresent([String].self, forKey: .pluralInfixExceptions) ?? []
        pluralEndings = try container.decodeIfPresent([[String]].self, forKey: .pluralEndings) ?? []
        pluralExceptions = try container.decodeIfPresent([String].self, forKey: .pluralExceptions) ?? []
        irregularPlurals = try container.decodeIfPresent([String: String].self, forKey: .irregularPlurals) ?? [:]
        irregularPluralEndings = try container.decodeIfPresent([[String]].self, forKey: .irregularPluralEndings) ?? []
        irregularPluralExceptions = try container.decodeIfPresent([String].self, forKey: .irregularPluralExceptions) ?? []
        headPrepositions = try container.decodeIfPresent([String].self, forKey: .headPrepositions) ?? []
        numberAgreeingModifiers = try container.decodeIfPresent([String].self, forKey: .numberAgreeingModifiers) ?? []
        possessives = try container.decodeIfPresent([String].self, forKey: .possessives) ?? []
        spellingWords = try container.decodeIfPresent([[String]].self, forKey: .spellingWords) ?? []
        spellingEndings = try container.decodeIfPresent([[String]].self, forKey: .spellingEndings) ?? []
        encliticContexts = try container.decodeIfPresent([String: [String]].self, forKey: .encliticContexts) ?? [:]
        reduplicationMarks = try container.decodeIfPresent([String].self, forKey: .reduplicationMarks) ?? []
        letterSpellings = try container.decodeIfPresent([[String]].self, forKey: .letterSpellings) ?? []
        reduplicationJoins = try container.decodeIfPresent([String].self, forKey: .reduplicationJoins) ?? ["-"]
        hyphenSpace = try container.decodeIfPresent(Bool.self, forKey: .hyphenSpace) ?? false
        closedCompounds = try container.decodeIfPresent(Bool.self, forKey: .closedCompounds) ?? false
        derivationalPrefixes = try container.decodeIfPresent([String].self, forKey: .derivationalPrefixes) ?? []
        derivationalSuffixes = try container.decodeIfPresent([String].self, forKey: .derivationalSuffixes) ?? []
        falseFriends = try container.decodeIfPresent([String].self, forKey: .falseFriends) ?? []
        compoundParts = try container.decodeIfPresent([String].self, forKey: .compoundParts) ?? []
        openCompoundNotAfter = try container.decodeIfPresent([String].self, forKey: .openCompoundNotAfter) ?? []
    }

    /// The built-in data file for `name` (`id`, `en`, `su`), compiled into the library.
    ///
    /// The build composes each file (`composedFiles`, `ComposedYAML`), so that no run parses
    /// YAML: parsing the three files and resolving their scalars' tags with Yams took 4–5 ms of
    /// every start. The composed form is read as Yams reads the text (`LanguageDataTests`
    /// compares the two for every file), and checked alike.
    static func builtIn(_ name: String) throws -> LanguageData {
        let path = "Languages/Data/\(name).yml"
        guard let composed = composedFiles[name] else {
            throw InputError("GlossaryKit has no built-in language data '\(name).yml'")
        }
        let data: LanguageData
        do {
            data = try ComposedYAML.decode(LanguageData.self, from: ComposedYAML(composed: composed))
        } catch {
            throw InputError("invalid language data: \(error)", file: path)
        }
        if let problem = data.problems.first {
            throw InputError("invalid language data: \(problem)", file: path)
        }
        return data
    }

    /// Parses the built-in data file for `name` from its text, with Yams, as `builtIn(_:)` did
    /// before the build composed the files: what tests compare the composed form with.
    static func parsedBuiltIn(_ name: String) throws -> LanguageData {
        guard let text = embeddedFiles[name] else {
            throw InputError("GlossaryKit has no built-in language data '\(name).yml'")
        }
        return try parse(text, path: "Languages/Data/\(name).yml")
    }

    /// Parses and checks the text of a language data file.
    ///
    /// - Throws: `InputError` naming `path` when the YAML is invalid or a rule is malformed (a
    ///   plural ending that is not a pair, a spelling ending whose minimum is not a number, a
    ///   plural exception that is not a regular expression, …), so a linguist's typo fails loudly
    ///   instead of silently disabling a rule.
    static func parse(_ text: String, path: String) throws -> LanguageData {
        let data = try decode(text, path: path)
        if let problem = data.problems.first {
            throw InputError("invalid language data: \(problem)", file: path)
        }
        return data
    }

    /// Decodes the text of a language data file without checking its rules.
    static func decode(_ text: String, path: String) throws -> LanguageData {
        do {
            return try YAMLDecoder().decode(LanguageData.self, from: text)
        } catch {
            throw InputError("invalid language data: \(error)", file: path)
        }
    }

    /// Whether a plural exception is a suffix test, `.*` then letters without a regular
    /// expression's metacharacters (`.*s`): the analyzer tests it as an ending, without a regex.
    static func isSuffixPattern(_ pattern: String) -> Bool {
        pattern.hasPrefix(".*") && pattern.count > 2 && !pattern.dropFirst(2).contains(where: regexMetacharacters.contains)
    }

    private static let regexMetacharacters = Set("\\^$.|?*+()[]{}")

    /// What is wrong with the rules, one sentence each; empty when they are well-formed.
    var problems: [String] {
        var result: [String] = []
        for rule in pluralEndings where rule.count != 2 || rule[0].isEmpty {
            result.append("plural-endings entry \(rule) must be [ending, replacement]")
        }
        for rule in irregularPluralEndings where rule.count != 2 || rule[0].isEmpty {
            result.append("irregular-plural-endings entry \(rule) must be [plural ending, singular ending]")
        }
        for rule in spellingEndings
        where !(2...3).contains(rule.count) || rule[0].isEmpty || rule[1].isEmpty
            || (rule.count == 3 && Int(rule[2]) == nil)
        {
            result.append("spelling-endings entry \(rule) must be [ending, ending] or [ending, ending, \"minimum stem\"]")
        }
        for rule in letterSpellings where rule.count != 2 || rule[0].isEmpty {
            result.append("letter-spellings entry \(rule) must be [older letters, standard letters]")
        }
        for family in spellingWords where family.count < 2 {
            result.append("spelling-words entry \(family) needs at least two spellings")
        }
        // A suffix pattern is a valid expression by its form: compiling the first expression
        // brings up ICU's regex engine, a millisecond of every start for the built-in data.
        for pattern in pluralExceptions
        where !Self.isSuffixPattern(pattern) && (try? NSRegularExpression(pattern: pattern)) == nil {
            result.append("plural-exceptions entry '\(pattern)' is not a regular expression")
        }
        let clitics = enclitics + particles
        for enclitic in encliticContexts.keys where !enclitics.contains(enclitic) {
            result.append("enclitic-contexts names '\(enclitic)', which is not listed under enclitics")
        }
        for word in notClitic where !clitics.contains(where: { word.hasSuffix($0) }) {
            result.append("not-clitic word '\(word)' does not end with any enclitic or particle, so listing it has no effect")
        }
        for word in irregularPluralExceptions
        where !irregularPluralEndings.contains(where: { !$0.isEmpty && word.hasSuffix($0[0]) }) {
            result.append(
                "irregular-plural-exceptions word '\(word)' does not end with any irregular plural ending, so listing it has no effect"
            )
        }
        for word in pluralInfixExceptions where !pluralInfixes.contains(where: { word.contains($0) }) {
            result.append("plural-infix-exceptions word '\(word)' contains no plural infix, so listing it has no effect")
        }
        if minimumStem < 1 { result.append("minimum-stem must be at least 1") }
        for (key, words) in [
            ("derivational-prefixes", derivationalPrefixes), ("derivational-suffixes", derivationalSuffixes),
            ("false-friends", falseFriends),
            ("compound-parts", compoundParts),
            ("open-compound-not-after", openCompoundNotAfter),
        ] {
            for word in words where word.isEmpty || word != word.lowercased() || word.contains(where: { $0 == " " || $0 == "-" })
            {
                result.append("\(key) entry '\(word)' must be one word in lower case")
            }
        }
        return result
    }
}
