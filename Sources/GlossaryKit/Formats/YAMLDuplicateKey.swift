internal import Yams

/// Finds the second occurrence of a key that Yams reported as duplicated.
///
/// Yams reports a duplicated key at the mark of its *first* occurrence, but the tool reports the
/// second: that is usually the line someone just added. Scanning the text for a second `key:` at
/// the indentation of the first misses keys in flow mappings, quoted keys and lines that end in
/// CR, NEL, LS or PS. So this asks the composer instead:
///
/// 1. In a copy of the text, the first occurrence is made unique. One scalar of its key is
///    replaced by a private-use character that the text does not contain, so the key keeps its
///    length and place.
/// 2. The copy is composed again. The mapping that failed now composes, and its other key with
///    the reported text carries its own mark.
/// 3. Another duplicate met on the way (a third occurrence, or a later mapping) is made unique
///    the same way, at most `maximumAttempts` times.
///
/// Aliases are made plain scalars first, as `YAMLDocument` does before measuring, so composing
/// the copy costs time linear in its length. So does the whole search.
enum YAMLDuplicateKey {
    /// How many duplicates are made unique before the search gives up.
    static let maximumAttempts = 16

    /// libyaml's 1-based line and column of the second occurrence of `key`, whose first
    /// occurrence is at `firstMark`; nil when the composer cannot say.
    ///
    /// - Complexity: O(*n*) in the length of the text, times at most `maximumAttempts`.
    static func secondOccurrence(of key: String, firstMark: Mark, in text: String, resolver: Resolver) -> (
        line: Int, column: Int
    )? {
        var scalars = Array(text.unicodeScalars)
        let lines = YAMLLines(scalars)
        guard let first = lines.offset(line: firstMark.line, column: firstMark.column) else { return nil }
        let present = Set(scalars.lazy.filter { (0xE000...0xF8FF).contains($0.value) })
        var markers = (0xE000...0xF8FF).lazy.compactMap(Unicode.Scalar.init).filter { !present.contains($0) }.makeIterator()
        guard let aliasMarker = markers.next() else { return nil }
        for index in YAMLDocument.aliasCandidates(in: scalars) { scalars[index] = aliasMarker }

        // The offsets made unique, with the key text each held.
        var renamed: [Int: String] = [:]
        var next = (offset: first, key: key)
        for _ in 0..<maximumAttempts {
            guard renamed[next.offset] == nil, let marker = markers.next(),
                makeUnique(&scalars, keyAt: next.offset, marker: marker)
            else { return nil }
            renamed[next.offset] = next.key
            do {
                guard let root = try Yams.compose(yaml: String(String.UnicodeScalarView(scalars)), resolver) else { return nil }
                return sibling(of: first, named: key, in: root, lines: lines, renamed: renamed, budget: 2 * scalars.count + 16)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                guard let offset = lines.offset(line: context.mark.line, column: context.mark.column) else { return nil }
                next = (offset, duplicates.first ?? "")
            } catch {
                return nil
            }
        }
        return nil
    }

    /// Replaces one scalar of the key written at `offset` so that it equals no other key;
    /// false for a key that cannot be changed in place (tagged, anchored, complex or empty).
    private static func makeUnique(_ scalars: inout [Unicode.Scalar], keyAt offset: Int, marker: Unicode.Scalar) -> Bool {
        guard offset < scalars.count else { return false }
        switch scalars[offset] {
        case "\"", "'":
            let quote = scalars[offset]
            guard offset + 1 < scalars.count, scalars[offset + 1] != quote, scalars[offset + 1] != "\\" else { return false }
            scalars[offset + 1] = marker
        case "!", "&", "?", "{", "[", "|", ">", " ", "\t", "\n", "\r", "#", ":":
            return false
        default:
            scalars[offset] = marker
        }
        return true
    }

    /// The mark of the earliest key after `first` in the mapping holding the key at `first`
    /// that had the text `key`: still written so, or made unique on the way with that text.
    private static func sibling(
        of first: Int, named key: String, in root: Node, lines: YAMLLines, renamed: [Int: String], budget: Int
    ) -> (line: Int, column: Int)? {
        func offset(_ node: Node) -> Int? {
            node.mark.flatMap { lines.offset(line: $0.line, column: $0.column) }
        }
        var stack = [root]
        var visited = 0
        while let node = stack.popLast() {
            visited += 1
            guard visited <= budget else { return nil }
            switch node {
            case .mapping(let mapping):
                let keys = mapping.map(\.key)
                if keys.contains(where: { offset($0) == first }) {
                    var best: (offset: Int, line: Int, column: Int)?
                    for candidate in keys {
                        guard let at = offset(candidate), at > first, let mark = candidate.mark else { continue }
                        guard (renamed[at] ?? candidate.string) == key, at < best?.offset ?? Int.max else { continue }
                        best = (at, mark.line, mark.column)
                    }
                    return best.map { ($0.line, $0.column) }
                }
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            default:
                break
            }
        }
        return nil
    }
}
