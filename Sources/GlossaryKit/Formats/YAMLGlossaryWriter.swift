import Foundation

/// Writes a `Glossary` in the YAML format of `docs/glossary-format.md`.
///
/// The output is written by hand, not through an emitter, so that it looks like a file a person
/// wrote: a preferred full-form term with no other data is a plain string, keys appear in the
/// order the format document lists them, defaults are left out, and strings are quoted only when
/// YAML would otherwise read them as something else. The same glossary always gives the same bytes.
public enum YAMLGlossaryWriter {
    /// The YAML text of `glossary`.
    public static func string(from glossary: Glossary) -> String {
        var out = ""
        if let name = glossary.name { out += "name: \(YAMLScalar.quoted(name))\n" }
        if !glossary.requiredLanguages.isEmpty {
            out +=
                "required-languages: [\(glossary.requiredLanguages.map { YAMLScalar.quoted($0.rawValue) }.joined(separator: ", "))]\n"
        }
        if !glossary.properties.isEmpty {
            out += "properties:"
            YAMLPropertyCoding.write(glossary.properties, indent: 2, into: &out)
        }
        if glossary.concepts.isEmpty {
            out += "concepts: []\n"
            return out
        }
        out += "concepts:\n"
        for concept in glossary.concepts {
            write(concept, into: &out)
        }
        return out
    }

    /// Writes `glossary` to `path` as UTF-8.
    public static func write(_ glossary: Glossary, to path: String) throws {
        try Data(string(from: glossary).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func write(_ concept: Concept, into out: inout String) {
        out += "  - id: \(YAMLScalar.quoted(concept.id))\n"
        let pad = "    "
        if let subject = concept.subject { out += "\(pad)subject: \(YAMLScalar.quoted(subject))\n" }
        if let definition = concept.definition { out += "\(pad)definition: \(YAMLScalar.quoted(definition))\n" }
        if let note = concept.note { out += "\(pad)note: \(YAMLScalar.quoted(note))\n" }
        var languages: [LanguageTag] = []
        for term in concept.terms where !languages.contains(term.language) { languages.append(term.language) }
        if languages.isEmpty {
            out += "\(pad)terms: {}\n"
        } else {
            out += "\(pad)terms:\n"
            for language in languages {
                out += "\(pad)  \(YAMLScalar.quoted(language.rawValue)):\n"
                for term in concept.terms where term.language == language {
                    write(term, indent: pad + "    ", into: &out)
                }
            }
        }
        if !concept.properties.isEmpty {
            out += "\(pad)properties:"
            YAMLPropertyCoding.write(concept.properties, indent: 6, into: &out)
        }
    }

    /// Whether a term can be written as a plain string.
    static func isSimple(_ term: Term) -> Bool {
        term.status == .preferred && term.type == .fullForm && term.isCaseSensitive == term.type.isAbbreviated
            && term.foldsAccents == nil && term.matchMode == .inflected && term.forms.isEmpty && !term.allowsPluralInfix
            && term.exceptions.isEmpty && term.note == nil && term.partOfSpeech == nil && term.context == nil
            && term.properties.isEmpty
    }

    private static func write(_ term: Term, indent: String, into out: inout String) {
        if isSimple(term) {
            out += "\(indent)- \(YAMLScalar.quoted(term.text))\n"
            return
        }
        let pad = indent + "  "
        out += "\(indent)- term: \(YAMLScalar.quoted(term.text))\n"
        if term.status != .preferred { out += "\(pad)status: \(term.status.rawValue)\n" }
        if term.type != .fullForm { out += "\(pad)type: \(term.type.rawValue)\n" }
        if term.isCaseSensitive != term.type.isAbbreviated { out += "\(pad)case-sensitive: \(term.isCaseSensitive)\n" }
        if let folds = term.foldsAccents { out += "\(pad)accent-folding: \(folds)\n" }
        if term.matchMode != .inflected { out += "\(pad)match: \(term.matchMode.rawValue)\n" }
        if !term.forms.isEmpty { out += "\(pad)forms: [\(term.forms.map(YAMLScalar.quoted).joined(separator: ", "))]\n" }
        if term.allowsPluralInfix { out += "\(pad)plural-infix: true\n" }
        if !term.exceptions.isEmpty {
            out += "\(pad)exceptions: [\(term.exceptions.map { YAMLScalar.quoted($0.text) }.joined(separator: ", "))]\n"
        }
        if let note = term.note { out += "\(pad)note: \(YAMLScalar.quoted(note))\n" }
        if let partOfSpeech = term.partOfSpeech { out += "\(pad)part-of-speech: \(YAMLScalar.quoted(partOfSpeech))\n" }
        if let context = term.context { out += "\(pad)context: \(YAMLScalar.quoted(context))\n" }
        if !term.properties.isEmpty {
            out += "\(pad)properties:"
            YAMLPropertyCoding.write(term.properties, indent: pad.count + 2, into: &out)
        }
    }
}

/// How `properties` are written in YAML, and read back from a Yams node.
///
/// When every name is distinct and no property carries a language, `properties` is a mapping
/// from name to string. Otherwise it is a sequence, in order, whose items are either a one-pair
/// mapping `- name: value` or, for a property in a language, `- {name: …, value: …, language: …}`.
/// Order matters for TBX groups (a `definition/source` belongs to the `definition` before it).
package enum YAMLPropertyCoding {
    static func write(_ properties: [Property], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        let names = properties.map(\.name)
        if Set(names).count == names.count, properties.allSatisfy({ $0.language == nil }) {
            out += "\n"
            for property in properties {
                out += "\(pad)\(YAMLScalar.quoted(property.name)): \(YAMLScalar.quoted(property.value))\n"
            }
            return
        }
        out += "\n"
        for property in properties {
            if let language = property.language {
                out +=
                    "\(pad)- {name: \(YAMLScalar.quoted(property.name)), value: \(YAMLScalar.quoted(property.value)), language: \(YAMLScalar.quoted(language.rawValue))}\n"
            } else {
                out += "\(pad)- \(YAMLScalar.quoted(property.name)): \(YAMLScalar.quoted(property.value))\n"
            }
        }
    }
}

/// Quoting of YAML scalars.
enum YAMLScalar {
    /// Words YAML 1.1 or 1.2 resolves to booleans or null.
    private static let reserved: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "",
    ]

    /// `text` as a plain scalar when that reads back as the same string, else double-quoted.
    static func quoted(_ text: String) -> String {
        needsQuotes(text) ? doubleQuoted(text) : text
    }

    static func needsQuotes(_ text: String) -> Bool {
        if reserved.contains(text.lowercased()) { return true }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return true }
        // Indicators that start something other than a plain scalar, and anything number-like.
        if "-?:,[]{}#&*!|>'\"%@`+.0123456789".unicodeScalars.contains(first) { return true }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FEFF}" || (0x80...0x9F).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
            {
                return true
            }
            // `,[]{}` end a plain scalar inside a flow collection; quoting them everywhere is simpler.
            if ":#\"\\,[]{}".unicodeScalars.contains(scalar) { return true }
        }
        return false
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}"
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
