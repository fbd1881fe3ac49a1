import Yams

extension YAMLPropertyCoding {
    /// Reads a `properties` value written by `YAMLGlossaryWriter` (a mapping, or a sequence of
    /// one-pair mappings and `{name, value, language}` mappings).
    ///
    /// For the YAML reader; errors carry the node's file, line and column.
    static func properties(from node: Node, file: String, text: String) throws(InputError) -> [Property] {
        func error(_ node: Node, _ message: String) -> InputError {
            // Made only on the way out: an error ends the reading.
            YAMLPositions(text).error(message, file: file, at: node.mark, in: text)
        }
        func string(_ node: Node, what: String) throws(InputError) -> String {
            guard case let .scalar(scalar) = node else { throw error(node, "\(what) must be a string") }
            return scalar.string
        }
        switch node {
        case let .mapping(mapping):
            var result: [Property] = []
            for (key, value) in mapping {
                result.append(
                    Property(name: try string(key, what: "a property name"), value: try string(value, what: "a property value")))
            }
            return result
        case let .sequence(sequence):
            var result: [Property] = []
            for item in sequence {
                guard case let .mapping(mapping) = item else { throw error(item, "a property must be a mapping `name: value`") }
                let keys = mapping.keys.compactMap(\.string)
                if Set(keys).isSuperset(of: ["name", "value"]), Set(keys).isSubset(of: ["name", "value", "language"]),
                    keys.count >= 2
                {
                    var name = "", value = ""
                    var language: LanguageTag?
                    for (key, valueNode) in mapping {
                        let text = try string(valueNode, what: "'\(key.string ?? "")'")
                        switch key.string {
                        case "name": name = text
                        case "value": value = text
                        default:
                            guard let tag = LanguageTag(text) else {
                                throw error(valueNode, "'\(text)' is not a BCP 47 language tag")
                            }
                            language = tag
                        }
                    }
                    result.append(Property(name: name, value: value, language: language))
                } else if mapping.count == 1, let (key, value) = mapping.first {
                    result.append(
                        Property(
                            name: try string(key, what: "a property name"), value: try string(value, what: "a property value")))
                } else {
                    throw error(item, "a property item must be `name: value` or have the keys name, value and language")
                }
            }
            return result
        default:
            throw error(node, "properties must be a mapping or a list")
        }
    }
}
