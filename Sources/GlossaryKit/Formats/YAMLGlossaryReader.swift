import Foundation
internal import Yams

/// Reads the native YAML glossary format (see `docs/glossary-format.md`).
///
/// Every error names the file, line and column of the offending node: an unknown key, an unknown
/// status, an empty term, a bad language tag, a concept without an id. Duplicate concept ids
/// across files are reported by `GlossaryLoader`, which sees all files.
public enum YAMLGlossaryReader {
    /// Parses the YAML text of one glossary file.
    public static func read(_ text: String, path: String) throws(InputError) -> Glossary {
        // Positioned: a syntax error at its mark, a duplicate key at its second occurrence, an
        // alias that expands the document too far at the alias.
        guard let root = try YAMLDocument.compose(text, path: path, what: "YAML", resolver: .basic) else { return Glossary() }
        return try Parser(path: path, text: text, positions: YAMLPositions(text)).glossary(root)
    }

    /// Reads and parses the glossary file at `path`.
    public static func read(contentsOf path: String) throws(InputError) -> Glossary {
        let text = try InputFile.readText(path)
        return try read(text, path: path)
    }

    /// Walks the node tree; one instance per file.
    private struct Parser {
        let path: String
        let text: String
        let positions: YAMLPositions

        func error(_ message: String, at node: Node) -> InputError {
            positions.error(message, file: path, at: node.mark, in: text)
        }

        func location(of node: Node) -> SourceLocation {
            let (line, column) = positions.position(of: node.mark)
            return SourceLocation(file: path, line: line, column: column)
        }

        /// The entries of a mapping, checking each key against `allowed`.
        func entries(_ node: Node, allowed: [String], what: String) throws(InputError) -> [(
            key: String, keyNode: Node, value: Node
        )] {
            guard case let .mapping(mapping) = node else {
                throw error("expected a mapping for \(what)", at: node)
            }
            var result: [(String, Node, Node)] = []
            var seen: Set<String> = []
            for (keyNode, value) in mapping {
                guard let key = keyNode.string else { throw error("expected a text key in \(what)", at: keyNode) }
                guard allowed.contains(key) else {
                    let suggestion = allowed.min { editDistance($0, key) < editDistance($1, key) }
                    var message = "unknown key '\(key)' in \(what)"
                    if let suggestion, editDistance(suggestion, key) <= 2 { message += "; did you mean '\(suggestion)'?" }
                    message += " (allowed: \(allowed.joined(separator: ", ")))"
                    throw error(message, at: keyNode)
                }
                guard seen.insert(key).inserted else { throw error("duplicate key '\(key)' in \(what)", at: keyNode) }
                result.append((key, keyNode, value))
            }
            return result
        }

        /// The text of a scalar, trimmed: a folded block (`>`) ends with a line break that is not
        /// part of the value and would not survive a TBX or CSV round trip.
        func string(_ node: Node, _ what: String) throws(InputError) -> String {
            guard case let .scalar(scalar) = node else { throw error("expected text for \(what)", at: node) }
            return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func nonEmptyString(_ node: Node, _ what: String) throws(InputError) -> String {
            let value = try string(node, what).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw error("\(what) is empty", at: node) }
            return value
        }

        func bool(_ node: Node, _ what: String) throws(InputError) -> Bool {
            guard case .scalar = node, let value = node.bool else {
                throw error("expected true or false for \(what)", at: node)
            }
            return value
        }

        func strings(_ node: Node, _ what: String) throws(InputError) -> [String] {
            switch node {
            case .scalar: return [try nonEmptyString(node, what)]
            case let .sequence(sequence):
                var result: [String] = []
                for item in sequence { result.append(try nonEmptyString(item, what)) }
                return result
            default: throw error("expected a list of texts for \(what)", at: node)
            }
        }

        /// The phrases of an `exceptions` value, each with its place. An empty phrase is kept for
        /// `glossary lint` to report where it is (it can never match).
        func exceptions(_ node: Node) throws(InputError) -> [TermException] {
            let items: [Node]
            switch node {
            case .scalar: items = [node]
            case let .sequence(sequence): items = Array(sequence)
            default: throw error("expected a list of phrases for exceptions", at: node)
            }
            var result: [TermException] = []
            for item in items {
                result.append(TermException(try string(item, "an exception"), location: location(of: item)))
            }
            return result
        }

        func language(_ node: Node) throws(InputError) -> LanguageTag {
            let text = try nonEmptyString(node, "language tag")
            guard let tag = LanguageTag(text) else {
                throw error("'\(text)' is not a valid BCP 47 language tag (e.g. id, en, su, en-GB)", at: node)
            }
            return tag
        }

        /// A mapping of name to text, or an ordered list (see `YAMLPropertyCoding`).
        func properties(_ node: Node) throws(InputError) -> [Property] {
            try YAMLPropertyCoding.properties(from: node, file: path, text: text)
        }

        func glossary(_ root: Node) throws(InputError) -> Glossary {
            var glossary = Glossary()
            var sawConcepts = false
            for (key, _, value) in try entries(
                root, allowed: ["name", "required-languages", "properties", "concepts"], what: "the glossary")
            {
                switch key {
                case "name": glossary.name = try string(value, "name")
                case "properties": glossary.properties = try properties(value)
                case "required-languages":
                    guard case let .sequence(sequence) = value else { throw error("expected a list of language tags", at: value) }
                    for item in sequence { glossary.requiredLanguages.append(try language(item)) }
                default:
                    sawConcepts = true
                    if case .scalar = value, value.null != nil { continue }
                    guard case let .sequence(sequence) = value else { throw error("expected a list of concepts", at: value) }
                    var ids: [String: Node] = [:]
                    for item in sequence {
                        let concept = try concept(item)
                        if ids[concept.id] != nil {
                            throw error(
                                "duplicate concept id '\(concept.id)' (first defined at line \(positions.position(of: ids[concept.id]?.mark).line))",
                                at: item)
                        }
                        ids[concept.id] = item
                        glossary.concepts.append(concept)
                    }
                }
            }
            guard sawConcepts else { throw error("a glossary file needs a 'concepts' list", at: root) }
            return glossary
        }

        func concept(_ node: Node) throws(InputError) -> Concept {
            let keys = ["id", "definition", "subject", "note", "terms", "properties"]
            var concept = Concept(id: "", location: location(of: node))
            var termsNode: Node?
            for (key, _, value) in try entries(node, allowed: keys, what: "a concept") {
                switch key {
                case "id":
                    let id = try nonEmptyString(value, "concept id")
                    guard Concept.isValidID(id) else {
                        throw error("concept id '\(id)' may only contain \(Concept.idCharacters)", at: value)
                    }
                    concept.id = id
                case "definition": concept.definition = try string(value, "definition")
                case "subject": concept.subject = try string(value, "subject")
                case "note": concept.note = try string(value, "note")
                case "properties": concept.properties = try properties(value)
                default: termsNode = value
                }
            }
            guard !concept.id.isEmpty else { throw error("concept has no 'id'", at: node) }
            guard let termsNode else { throw error("concept '\(concept.id)' has no 'terms'", at: node) }
            guard case let .mapping(byLanguage) = termsNode else {
                throw error("expected 'terms' to map language tags to lists of terms", at: termsNode)
            }
            for (languageNode, list) in byLanguage {
                let tag = try language(languageNode)
                let items: [Node]
                switch list {
                case let .sequence(sequence): items = Array(sequence)
                case .scalar, .mapping: items = [list]
                default: throw error("expected a list of terms for '\(tag)'", at: list)
                }
                if items.isEmpty { throw error("no terms listed for '\(tag)'", at: list) }
                for item in items { concept.terms.append(try term(item, language: tag)) }
            }
            if concept.terms.isEmpty { throw error("concept '\(concept.id)' has no terms", at: termsNode) }
            return concept
        }

        func term(_ node: Node, language: LanguageTag) throws(InputError) -> Term {
            if case .scalar = node {
                return Term(text: try nonEmptyString(node, "term"), language: language, location: location(of: node))
            }
            let keys = [
                "term", "status", "type", "case-sensitive", "accent-folding", "match", "forms", "plural-infix",
                "exceptions", "note", "part-of-speech", "context", "properties",
            ]
            var text: String?
            var status = TermStatus.preferred
            var type = TermType.fullForm
            var caseSensitive: Bool?
            var term = Term(text: "", language: language, location: location(of: node))
            for (key, _, value) in try entries(node, allowed: keys, what: "a term") {
                switch key {
                case "term": text = try nonEmptyString(value, "term")
                case "status":
                    let raw = try nonEmptyString(value, "status")
                    guard let parsed = TermStatus(rawValue: raw.lowercased()) else {
                        throw error("unknown status '\(raw)' (expected preferred, admitted, deprecated or forbidden)", at: value)
                    }
                    status = parsed
                case "type":
                    let raw = try nonEmptyString(value, "type")
                    guard let parsed = TermType(rawValue: raw.lowercased()) else {
                        let all = TermType.allCases.map(\.rawValue).joined(separator: ", ")
                        throw error("unknown term type '\(raw)' (expected \(all))", at: value)
                    }
                    type = parsed
                case "case-sensitive": caseSensitive = try bool(value, "case-sensitive")
                case "accent-folding": term.foldsAccents = try bool(value, "accent-folding")
                case "match":
                    let raw = try nonEmptyString(value, "match")
                    guard let parsed = MatchMode(rawValue: raw.lowercased()) else {
                        throw error("unknown match mode '\(raw)' (expected exact, inflected or prefix)", at: value)
                    }
                    term.matchMode = parsed
                case "forms": term.forms = try strings(value, "forms")
                case "plural-infix": term.allowsPluralInfix = try bool(value, "plural-infix")
                case "exceptions": term.exceptions = try exceptions(value)
                case "note": term.note = try string(value, "note")
                case "part-of-speech": term.partOfSpeech = try string(value, "part-of-speech")
                case "context": term.context = try string(value, "context")
                default: term.properties = try properties(value)
                }
            }
            guard let text else { throw error("term has no 'term' text", at: node) }
            term.text = text
            term.status = status
            term.type = type
            term.isCaseSensitive = caseSensitive ?? type.isAbbreviated
            return term
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions on short keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
