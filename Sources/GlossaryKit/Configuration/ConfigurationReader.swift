import Foundation
internal import Yams

/// Reads `.glossary.yml`.
///
/// Every error — invalid YAML, an unknown key, a bad pattern, an unknown rule or severity —
/// names the file, line and column and quotes the line with a caret.
package enum ConfigurationReader {
    /// The keys a configuration may have.
    package static let keys = [
        "glossary", "languages", "parallel", "source", "include", "exclude", "i18n-json", "rules", "fail-on",
    ]

    /// Parses configuration text; `path` names the file in errors and its folder is the root.
    ///
    /// - Parameter knownRules: the rule ids `rules:` may name.
    package static func read(_ text: String, path: String, knownRules: Set<String>) throws(InputError) -> Configuration {
        var configuration = Configuration(root: (Paths.absolute(path) as NSString).deletingLastPathComponent)
        configuration.file = path
        guard let root = try YAMLDocument.compose(text, path: path, what: "YAML") else { return configuration }
        let reader = Reader(path: path, text: text, positions: YAMLPositions(text))
        guard case let .mapping(mapping) = root else {
            throw reader.error("expected a mapping of settings (\(keys.joined(separator: ", ")))", at: root)
        }
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, case .scalar = keyNode else {
                throw reader.error("expected a setting name", at: keyNode)
            }
            guard keys.contains(key) else { throw reader.unknownKey(key, allowed: keys, in: "the configuration", at: keyNode) }
            guard seen.insert(key).inserted else { throw reader.error("duplicate key '\(key)'", at: keyNode) }
            switch key {
            case "glossary":
                for node in try reader.list(value, "glossary") {
                    let path = Paths.absolute(try reader.scalar(node, "glossary path"), from: configuration.root)
                    guard FileManager.default.fileExists(atPath: path) else {
                        throw reader.error("no such glossary file or folder: \(path)", at: node)
                    }
                    configuration.glossaries.append(path)
                }
            case "languages":
                guard case let .mapping(languages) = value else {
                    throw reader.error("expected a mapping of path patterns to languages (\"docs/id/**\": id)", at: value)
                }
                for (patternNode, languageNode) in languages {
                    let glob = try reader.glob(patternNode, "language pattern")
                    let text = try reader.scalar(languageNode, "language")
                    guard let language = LanguageTag(text) else {
                        throw reader.error(
                            "'\(text)' is not a valid BCP 47 language tag (e.g. id, en, su, en-GB)", at: languageNode)
                    }
                    configuration.languages.append((glob, language))
                }
            case "parallel":
                for node in try reader.list(value, "parallel") {
                    let pattern = try reader.scalar(node, "parallel set")
                    do {
                        configuration.parallelSets.append(try ParallelSet(pattern))
                    } catch {
                        throw reader.error(error.message, at: node, columnOffset: error.column - 1)
                    }
                }
            case "source":
                let text = try reader.scalar(value, "source")
                guard let language = LanguageTag(text) else {
                    throw reader.error(
                        "'\(text)' is not a valid BCP 47 language tag for source (e.g. en, id, su, en-GB)", at: value)
                }
                configuration.sourceLanguage = reader.setting(language, at: value)
            case "include":
                configuration.include = try reader.list(value, "include").map { node throws(InputError) in
                    try reader.glob(node, "include pattern")
                }
            case "exclude":
                configuration.exclude = try reader.list(value, "exclude").map { node throws(InputError) in
                    try reader.glob(node, "exclude pattern")
                }
            case "i18n-json":
                configuration.i18nJSON = try reader.list(value, "i18n-json").map { node throws(InputError) in
                    try reader.glob(node, "i18n-json pattern")
                }
            case "rules":
                guard case let .mapping(rules) = value else {
                    throw reader.error("expected a mapping of rule ids to off, info, warning or error", at: value)
                }
                for (ruleNode, severityNode) in rules {
                    let rule = try reader.scalar(ruleNode, "rule id")
                    guard knownRules.contains(rule) else {
                        throw reader.unknownKey(rule, allowed: knownRules.sorted(), in: "rules", at: ruleNode, noun: "rule")
                    }
                    let level = try reader.scalar(severityNode, "severity")
                    if level == "off" {
                        configuration.ruleSettings[rule] = .off
                    } else if let severity = Severity(rawValue: level) {
                        configuration.ruleSettings[rule] = .severity(severity)
                    } else {
                        throw reader.error(
                            "unknown severity '\(level)' for rule '\(rule)' (use off, info, warning or error)", at: severityNode)
                    }
                }
            case "fail-on":
                let level = try reader.scalar(value, "fail-on")
                guard let severity = Severity(rawValue: level) else {
                    throw reader.error("unknown severity '\(level)' for fail-on (use info, warning or error)", at: value)
                }
                configuration.failOn = severity
            default:
                break
            }
        }
        return configuration
    }

    /// Reads and parses the configuration file at `path`.
    package static func read(contentsOf path: String, knownRules: Set<String>) throws(InputError) -> Configuration {
        try read(InputFile.readText(path), path: path, knownRules: knownRules)
    }

    /// Node helpers that turn shape errors into positioned `InputError`s.
    private struct Reader {
        let path: String
        let text: String
        let positions: YAMLPositions

        func error(_ message: String, at node: Node, columnOffset: Int = 0) -> InputError {
            var offset = columnOffset
            // A quoted scalar's mark is at the quote.
            if columnOffset > 0, case let .scalar(scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
                offset += 1
            }
            return positions.error(message, file: path, at: node.mark, columnOffset: offset, in: text)
        }

        /// `language` as set at `node`, so that a later check can point at it.
        func setting(_ language: LanguageTag, at node: Node) -> LanguageSetting {
            let line = node.mark?.line ?? 1
            return LanguageSetting(
                language: language, location: SourceLocation(file: path, line: line, column: node.mark?.column ?? 1),
                line: InputError.line(line, of: text))
        }

        func unknownKey(_ key: String, allowed: [String], in what: String, at node: Node, noun: String = "key") -> InputError {
            var message = "unknown \(noun) '\(key)' in \(what)"
            if let suggestion = allowed.min(by: { editDistance($0, key) < editDistance($1, key) }),
                editDistance(suggestion, key) <= 2
            {
                message += "; did you mean '\(suggestion)'?"
            }
            message += " (known: \(allowed.joined(separator: ", ")))"
            return error(message, at: node)
        }

        func scalar(_ node: Node, _ what: String) throws(InputError) -> String {
            guard case let .scalar(scalar) = node else { throw error("expected text for \(what)", at: node) }
            let value = scalar.string.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { throw error("\(what) is empty", at: node) }
            return value
        }

        func list(_ node: Node, _ what: String) throws(InputError) -> [Node] {
            switch node {
            case .scalar: return [node]
            case let .sequence(sequence): return Array(sequence)
            default: throw error("expected a list for \(what)", at: node)
            }
        }

        func strings(_ node: Node, _ what: String) throws(InputError) -> [String] {
            var result: [String] = []
            for item in try list(node, what) { result.append(try scalar(item, what)) }
            return result
        }

        func glob(_ node: Node, _ what: String) throws(InputError) -> Glob {
            let pattern = try scalar(node, what)
            do {
                return try Glob(pattern)
            } catch {
                throw self.error("invalid \(what) '\(pattern)': \(error.message)", at: node, columnOffset: error.column - 1)
            }
        }
    }
}
