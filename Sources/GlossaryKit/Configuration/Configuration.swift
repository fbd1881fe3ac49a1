import Foundation

/// A project's settings from `.glossary.yml`: glossaries, languages by path, parallel sets and
/// their source language, which files to check, rule severities and the failing severity.
///
/// Paths and patterns are relative to the folder holding the file (`root`). Command-line options
/// win over the file. See `docs/workflows.md` for the reference.
package struct Configuration: Sendable {
    /// The configuration file's name.
    package static let fileName = ".glossary.yml"

    /// The file it was read from, nil for the built-in default.
    package var file: String?
    /// The absolute folder patterns and paths are relative to.
    package var root: String
    /// Glossary files or folders, absolute. Empty: discover the `glossary/` folder.
    package var glossaries: [String] = []
    /// Languages by path pattern; the first matching pattern wins.
    package var languages: [(glob: Glob, language: LanguageTag)] = []
    /// Sets of parallel documents: patterns with `{lang}`, like `docs/{lang}/**`.
    package var parallelSets: [ParallelSet] = []
    /// The language the versions of a text are translated from (`source:`): it makes parallel
    /// files and language sections directed. Checked against the glossary only once it is
    /// loaded (`SourceLanguage.resolve(named:configuration:known:)`), hence its place.
    package var sourceLanguage: LanguageSetting?
    /// When not empty, only files matching one of these are checked.
    package var include: [Glob] = []
    /// Files matching one of these are never checked.
    package var exclude: [Glob] = []
    /// The JSON files that are i18n message files (`i18n-json:`): not every `.json` file is
    /// translation data, so `check --staged` and `check --diff` take a `.json` file only when
    /// one of these matches it (a file named on the command line is read as one anyway).
    package var i18nJSON: [Glob] = []
    /// The setting per rule id: off, or the severity of its findings.
    package var ruleSettings: [String: RuleSetting] = [:]
    /// The least severe finding that fails the run.
    package var failOn: Severity?

    /// A configuration with nothing set, rooted at `root`.
    package init(root: String) {
        self.root = Paths.absolute(root)
    }

    /// The `.glossary.yml` in `directory` or its nearest parent that has one, up to the
    /// repository root or the home folder (`Paths.searchedFolders(from:)`).
    package static func discover(from directory: String? = nil) -> String? {
        Paths.nearest(fileName, folder: false, from: directory)
    }

    /// `path` relative to `root`, as patterns see it.
    package func relativePath(_ path: String) -> String {
        Paths.relative(path, to: root)
    }

    /// The language the configuration assigns to `path`: the first `languages` pattern that
    /// matches, else the language a parallel set captures; nil when none does.
    package func language(forPath path: String) -> LanguageTag? {
        guard path != "-", path != "<stdin>" else { return nil }
        let relative = relativePath(path)
        for (glob, language) in languages where glob.matches(relative) { return language }
        for set in parallelSets {
            if let member = set.member(relative) { return member.language }
        }
        return nil
    }

    /// `paths` grouped into sets of parallel documents (translations of each other) by the
    /// `parallel` patterns: each group lists its members with their languages, in the order
    /// given. Paths in no set, and sets with a single member, are left out.
    package func parallelDocuments(_ paths: [String]) -> [[(path: String, language: LanguageTag)]] {
        var groups: [String: [(path: String, language: LanguageTag)]] = [:]
        var order: [String] = []
        for path in paths {
            let relative = relativePath(path)
            for (index, set) in parallelSets.enumerated() {
                guard let member = set.member(relative) else { continue }
                let key = "\(index)\u{0}\(member.key)"
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append((path, member.language))
                break
            }
        }
        return order.compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
    }

    /// Whether `path` is an i18n JSON message file by the `i18n-json` patterns.
    package func isI18nJSON(_ path: String) -> Bool {
        let relative = relativePath(path)
        return i18nJSON.contains { $0.matches(relative) }
    }

    /// Whether `path` is checked: it matches `include` (when given) and no `exclude`.
    package func includes(_ path: String) -> Bool {
        guard path != "-" else { return true }
        let relative = relativePath(path)
        if !include.isEmpty, !include.contains(where: { $0.matches(relative) }) { return false }
        return !exclude.contains { $0.matches(relative) }
    }
}

/// A language set in the configuration, with where it is set: a setting that can be judged only
/// once the glossary is known reports its errors at its own line.
package struct LanguageSetting: Sendable, Equatable {
    package var language: LanguageTag
    package var location: SourceLocation
    /// The line that sets it, for the caret display.
    package var line: String?

    package init(language: LanguageTag, location: SourceLocation, line: String? = nil) {
        self.language = language
        self.location = location
        self.line = line
    }

    /// An error at the setting: `file:line:col: error: message`, the line and a caret.
    package func error(_ message: String) -> InputError {
        InputError(message, location: location, sourceLine: line)
    }
}

/// Documents that translate each other, named by a pattern with `{lang}`: `docs/{lang}/**` makes
/// `docs/id/guide.md`, `docs/en/guide.md` and `docs/su/guide.md` one set.
package struct ParallelSet: Sendable, Hashable {
    package let glob: Glob

    package init(_ pattern: String) throws(Glob.SyntaxError) {
        guard pattern.contains("{lang}") else {
            throw Glob.SyntaxError(message: "a parallel set needs {lang} where the language goes", column: 1)
        }
        glob = try Glob(pattern, capturingLanguage: true)
    }

    package var pattern: String { glob.pattern }

    /// The language and the set key of `relativePath` (the path with the language replaced by
    /// `{lang}`, equal for all members of one set), when it belongs to the set.
    package func member(_ relativePath: String) -> (language: LanguageTag, key: String)? {
        guard case let .some(.some(capture)) = glob.match(relativePath), let language = LanguageTag(capture.text) else {
            return nil
        }
        var components = Glob.components(of: relativePath)
        guard capture.component >= 0, capture.component < components.count else { return nil }
        let scalars = components[capture.component]
        components[capture.component] =
            Array(scalars[..<capture.offset]) + Array("{lang}".unicodeScalars)
            + Array(scalars[(capture.offset + capture.text.unicodeScalars.count)...])
        return (language, components.map { String(String.UnicodeScalarView($0)) }.joined(separator: "/"))
    }
}
