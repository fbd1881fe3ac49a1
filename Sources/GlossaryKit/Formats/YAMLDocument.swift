import Foundation
internal import Yams

/// Composes YAML text into nodes for the readers, refusing a document whose aliases would expand
/// it beyond a limit: glossaries, `.glossary.yml` and baselines all come through here.
///
/// An alias (`*name`) stands for the whole node its anchor (`&name`) marks, so a few lines can
/// stand for millions of nodes: 5,000 concepts that alias one 1,000-term list are five million
/// terms, and ten levels that each alias the previous one ten times are ten billion. Everything
/// after composing walks the expanded tree, and the composer itself walks every mapping key that
/// is an alias whole (to hash it). So the expansion is measured before the document is composed:
///
/// 1. Where the text may hold an alias, each candidate `*` is replaced by a character the text
///    does not contain, which makes the alias a plain scalar of the same length at the same
///    place. That text composes in time linear in its length: it has no aliases left.
/// 2. A walk of that tree in document order counts every node once and every alias as the size
///    of the node its anchor marks (computed once per anchor), and stops at the first alias that
///    takes the count past the limit; its line and column are the alias's own.
/// 3. Only a document within the limit is composed for real.
///
/// The limit is `minimumNodeLimit` (1,000,000 nodes) or twice the nodes written in the
/// document, whichever is larger: a document without aliases is never refused, and the work
/// stays linear in the length of the text.
enum YAMLDocument {
    /// The expanded size any document may reach, however few nodes it writes.
    static let minimumNodeLimit = 1_000_000

    /// The root node of `text`, nil for an empty document.
    ///
    /// - Parameters:
    ///   - path: the file errors name.
    ///   - what: what the text is, for messages ("YAML", "baseline JSON").
    /// - Throws: `InputError` at the position of a syntax error, or of the alias at which the
    ///   expansion passes the limit.
    static func compose(_ text: String, path: String, what: String, resolver: Resolver = .default) throws(InputError) -> Node? {
        var steps = 0
        return try compose(text, path: path, what: what, resolver: resolver, minimumNodeLimit: minimumNodeLimit, steps: &steps)
    }

    /// `compose(_:path:what:resolver:)` with another allowance, adding to `steps` the nodes
    /// walked: the written ones when aliases are measured, and the expanded count of a document
    /// that is composed (what the readers will walk).
    static func compose(
        _ text: String, path: String, what: String, resolver: Resolver = .default, minimumNodeLimit: Int, steps: inout Int
    ) throws(InputError) -> Node? {
        let scalars = Array(text.unicodeScalars)
        let candidates = aliasCandidates(in: scalars)
        if !candidates.isEmpty {
            let expanded = try measure(
                scalars, candidates: candidates, path: path, text: text, what: what, resolver: resolver,
                minimumNodeLimit: minimumNodeLimit, steps: &steps)
            steps += expanded
        }
        do {
            return try Yams.compose(yaml: text, resolver)
        } catch {
            throw YAMLErrors.inputError(error, path: path, text: text, what: what, resolver: resolver)
        }
    }

    /// Characters libyaml allows in an anchor or alias name.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "a"..."z", "A"..."Z", "_", "-": true
        default: false
        }
    }

    /// Offsets of every `*` that could start an alias: followed by a name character, and at the
    /// start of the text or after white space or a flow indicator. A candidate inside a quoted
    /// string, a block scalar or a comment is text, which step 1 may change without harm (it
    /// stays text of the same length), so no candidate is missed by being too strict.
    static func aliasCandidates(in scalars: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        for index in scalars.indices where scalars[index] == "*" {
            guard index + 1 < scalars.count, isNameCharacter(scalars[index + 1]) else { continue }
            if index > 0 {
                switch scalars[index - 1] {
                case " ", "\t", "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "[", "{", ",", ":", "-", "?": break
                default: continue
                }
            }
            result.append(index)
        }
        return result
    }

    /// Composes `scalars` with the candidates made plain scalars and returns the expanded size,
    /// or throws at the alias that passes the limit.
    private static func measure(
        _ scalars: [Unicode.Scalar], candidates: [Int], path: String, text: String, what: String, resolver: Resolver,
        minimumNodeLimit: Int, steps: inout Int
    ) throws(InputError) -> Int {
        // A private-use character the text does not contain marks the former aliases.
        let present = Set(scalars.lazy.filter { (0xE000...0xF8FF).contains($0.value) })
        guard let marker = (0xE000...0xF8FF).lazy.compactMap(Unicode.Scalar.init).first(where: { !present.contains($0) }) else {
            throw InputError("cannot check the \(what)'s aliases: it uses every private-use character", file: path)
        }
        var replaced = scalars
        for index in candidates { replaced[index] = marker }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(String.UnicodeScalarView(replaced)), resolver)
        } catch {
            // The same error as in the text itself, at the same place: only aliases changed.
            var inputError = YAMLErrors.inputError(error, path: path, text: text, what: what, resolver: resolver)
            inputError.message = inputError.message.replacingOccurrences(of: String(marker), with: "*")
            throw inputError
        }
        guard let root else { return 0 }
        var walk = AliasWalk(scalars: scalars, lines: YAMLLines(scalars), marker: marker)
        let written = walk.countWritten(root, steps: &steps)
        walk.limit = max(minimumNodeLimit, 2 * written)
        do {
            return try walk.expand(root)
        } catch let crossing {
            let (line, column) = YAMLPositions(scalars: scalars).position(line: crossing.line, column: crossing.column)
            throw InputError(
                "aliases expand the \(what) to more than \(walk.limit) nodes (\(written) are written): an alias repeats "
                    + "the whole node its anchor marks; write the repeated part out, or repeat it less",
                file: path, line: line, column: column, in: text)
        }
    }

    /// Where the expansion passed the limit.
    private struct Crossing: Error {
        var line: Int
        var column: Int
    }

    /// Counts nodes in document order in a tree whose aliases are marked plain scalars.
    private struct AliasWalk {
        let scalars: [Unicode.Scalar]
        let lines: YAMLLines
        let marker: Unicode.Scalar
        var limit = Int.max
        /// The expanded size of the node each anchor name marks now (a later anchor of the same
        /// name replaces it, as in the composer).
        private var anchors: [String: Int] = [:]
        private var count = 0

        init(scalars: [Unicode.Scalar], lines: YAMLLines, marker: Unicode.Scalar) {
            self.scalars = scalars
            self.lines = lines
            self.marker = marker
        }

        /// The nodes as written, each former alias one.
        func countWritten(_ node: Node, steps: inout Int) -> Int {
            steps += 1
            switch node {
            case let .mapping(mapping):
                return 1 + mapping.reduce(0) { $0 + countWritten($1.key, steps: &steps) + countWritten($1.value, steps: &steps) }
            case let .sequence(sequence):
                return 1 + sequence.reduce(0) { $0 + countWritten($1, steps: &steps) }
            default:
                return 1
            }
        }

        /// The name of a former alias, when `node` is one.
        func aliasName(_ node: Node) -> String? {
            guard case let .scalar(scalar) = node, scalar.style == .plain, scalar.string.unicodeScalars.first == marker else {
                return nil
            }
            return String(
                String.UnicodeScalarView(scalar.string.unicodeScalars.dropFirst().prefix(while: YAMLDocument.isNameCharacter)))
        }

        /// The anchor name written at the start of `node` (`&name`, before or after a tag).
        func anchorName(_ node: Node) -> String? {
            guard let mark = node.mark, var index = lines.offset(line: mark.line, column: mark.column) else { return nil }
            for _ in 0..<2 {
                guard index < scalars.count else { return nil }
                switch scalars[index] {
                case "&":
                    let start = index + 1
                    var end = start
                    while end < scalars.count, YAMLDocument.isNameCharacter(scalars[end]) { end += 1 }
                    return end > start ? String(String.UnicodeScalarView(scalars[start..<end])) : nil
                case "!":
                    while index < scalars.count, !scalars[index].properties.isWhitespace { index += 1 }
                    while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
                default:
                    return nil
                }
            }
            return nil
        }

        /// The expanded size of `node`, counted into the running total in document order.
        ///
        /// - Throws: `Crossing` at the first alias that takes the total past `limit`.
        mutating func expand(_ node: Node) throws(Crossing) -> Int {
            if let name = aliasName(node) {
                // An alias of an anchor not (yet) defined is the composer's error to report.
                let size = anchors[name] ?? 1
                count += size
                if count > limit {
                    throw Crossing(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
                }
                return size
            }
            count += 1
            var size = 1
            switch node {
            case let .mapping(mapping):
                for (key, value) in mapping {
                    size += try expand(key)
                    size += try expand(value)
                }
            case let .sequence(sequence):
                for item in sequence { size += try expand(item) }
            default:
                break
            }
            if let name = anchorName(node) { anchors[name] = size }
            return size
        }
    }
}

/// Line starts as libyaml counts lines (a line ends at LF, CR, CR LF, NEL, LS or PS), to turn
/// its marks (1-based line, column in Unicode scalars) into offsets and back.
struct YAMLLines {
    /// The scalar offset at which each line starts.
    private(set) var starts: [Int] = [0]
    private let count: Int

    init(_ scalars: [Unicode.Scalar]) {
        count = scalars.count
        var index = scalars.first == "\u{FEFF}" ? 1 : 0
        starts = [index]
        while index < scalars.count {
            switch scalars[index] {
            case "\r":
                index += index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
                starts.append(index)
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                index += 1
                starts.append(index)
            default:
                index += 1
            }
        }
    }

    /// The scalar offset of a 1-based line and column, nil when there is no such line.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= starts.count else { return nil }
        return min(starts[line - 1] + column - 1, count)
    }

    /// The 1-based line and column of a scalar offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - starts[low] + 1)
    }
}
