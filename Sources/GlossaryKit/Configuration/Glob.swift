/// A path pattern: `*`, `?`, `**`, `{a,b}` and, in parallel-set patterns, `{lang}`.
///
/// Paths are matched relative to a root (the configuration's folder), with `/` between
/// components:
/// - `*` matches any run of characters within one component, `?` exactly one character;
/// - `**` as a whole component matches any number of components, none included
///   (`docs/**/*.md` matches `docs/a.md` and `docs/x/y/a.md`);
/// - `{a,b,c}` matches any of the alternatives, which may hold wildcards and nest;
/// - `\` makes the next character literal;
/// - a pattern without `/` matches the file name at any depth (`*.su.md` is `**/*.su.md`), as in
///   `.gitignore`; a leading `/` or `./` anchors it at the root; a trailing `/` matches
///   everything below the folder.
///
/// With `capturingLanguage`, `{lang}` matches one component part made of letters, digits and `-`
/// and reports what it matched (`docs/{lang}/**` captures `id` in `docs/id/guide.md`).
///
/// Matching never backtracks: a pattern like `*a*a*a*a*a*a*a*a*b` costs its length times the
/// name's, not the number of ways its stars could split the name.
package struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    package let pattern: String
    /// One component pattern per path component, per brace alternative.
    private let alternatives: [[Component]]

    private enum Piece: Hashable, Sendable {
        case literal(Unicode.Scalar)
        case one
        case star
        case capture
    }

    private enum Component: Hashable, Sendable {
        case globstar
        /// A component's pieces, and whether `{lang}` is among them.
        case pieces([Piece], capturing: Bool)
    }

    /// A problem in a pattern, with the 1-based column (in characters) where it is.
    package struct SyntaxError: Error, Sendable, Equatable {
        package var message: String
        package var column: Int
    }

    /// Compiles `pattern`.
    ///
    /// - Throws: `SyntaxError` for an unclosed `{`, a stray `}`, an empty pattern or a trailing `\`.
    package init(_ pattern: String, capturingLanguage: Bool = false) throws(SyntaxError) {
        self.pattern = pattern
        guard !pattern.isEmpty else { throw SyntaxError(message: "empty pattern", column: 1) }
        var text = Array(pattern.unicodeScalars)
        var anchored = false
        while text.starts(with: Array("./".unicodeScalars)) { text.removeFirst(2); anchored = true }
        if text.first == "/" { text.removeFirst(); anchored = true }
        if text.last == "/" { text += Array("**".unicodeScalars) }
        let expanded = try Self.expand(
            text, offset: pattern.unicodeScalars.count - text.count, capturingLanguage: capturingLanguage)
        var alternatives: [[Component]] = []
        for alternative in expanded {
            let hasSlash = alternative.contains { if case .literal("/") = $0 { true } else { false } }
            var components: [Component] = anchored || hasSlash ? [] : [.globstar]
            var current: [Piece] = []
            var index = 0
            func flush() {
                if current == [.star, .star] {
                    components.append(.globstar)
                } else {
                    components.append(.pieces(current, capturing: current.contains(.capture)))
                }
                current = []
            }
            while index < alternative.count {
                if case .literal("/") = alternative[index] { flush() } else { current.append(alternative[index]) }
                index += 1
            }
            flush()
            alternatives.append(components)
        }
        self.alternatives = alternatives
    }

    package var description: String { pattern }

    /// Whether `path` (relative, `/`-separated) matches.
    package func matches(_ path: String) -> Bool {
        match(path) != nil
    }

    /// What `{lang}` matched: its text and where (component index, scalar offset in it).
    package struct Capture: Sendable, Equatable {
        package var text: String
        package var component: Int
        package var offset: Int
    }

    /// Matches `path`; on success returns what `{lang}` captured (nil inside when the pattern
    /// has no `{lang}`); nil when `path` does not match.
    ///
    /// - Complexity: O(*p* × *n*) for a pattern of *p* characters and a path of *n*: no choice of
    ///   where a `*` or `**` ends is tried twice (see `matchComponents` and `matchName`).
    package func match(_ path: String) -> Capture?? {
        var steps = 0
        return match(path, steps: &steps)
    }

    /// `match(_:)`, adding the number of elementary steps taken to `steps` (for tests that check
    /// the bound).
    func match(_ path: String, steps: inout Int) -> Capture?? {
        let components = Self.components(of: path)
        for alternative in alternatives {
            if let capture = Self.matchComponents(alternative, components, steps: &steps) { return .some(capture) }
        }
        return nil
    }

    /// Path components without empty ones and `.`.
    static func components(of path: String) -> [[Unicode.Scalar]] {
        path.split(separator: "/").filter { $0 != "." }.map { Array($0.unicodeScalars) }
    }

    /// Matches component patterns against path components.
    ///
    /// `**` is to components what `*` is to characters, so the same table works for both: entry
    /// (*i*, *j*) says whether `pattern[i...]` matches `path[j...]`, filled from the ends, each
    /// entry once. Then a walk from the start takes, at each `**`, the fewest components after
    /// which the rest still matches — the match a backtracking matcher trying the fewest first
    /// would find — so that `{lang}` is reported where it was always reported.
    ///
    /// - Complexity: O(*m* × *n*) entries for *m* component patterns and *n* components, each
    ///   costing one `matchName` at most.
    private static func matchComponents(_ pattern: [Component], _ path: [[Unicode.Scalar]], steps: inout Int) -> Capture?? {
        let columns = path.count + 1
        // rest[i * columns + j]: pattern[i...] matches path[j...].
        var rest = [Bool](repeating: false, count: (pattern.count + 1) * columns)
        rest[pattern.count * columns + path.count] = true
        for i in pattern.indices.reversed() {
            for j in (0...path.count).reversed() {
                steps += 1
                switch pattern[i] {
                case .globstar:
                    rest[i * columns + j] = rest[(i + 1) * columns + j] || (j < path.count && rest[i * columns + j + 1])
                case let .pieces(pieces, capturing):
                    rest[i * columns + j] =
                        j < path.count && rest[(i + 1) * columns + j + 1]
                        && matchName(pieces, capturing: capturing, path[j], steps: &steps) != nil
                }
            }
        }
        guard rest[0] else { return nil }
        var capture: Capture?
        var j = 0
        for i in pattern.indices {
            switch pattern[i] {
            case .globstar:
                while !rest[(i + 1) * columns + j] { j += 1 }
            case let .pieces(pieces, capturing):
                if capturing, case var .some(.some(found)) = matchName(pieces, capturing: true, path[j], steps: &steps) {
                    found.component = j
                    capture = found
                }
                j += 1
            }
        }
        return .some(capture)
    }

    /// Matches one component's pieces against one path component; on success returns what
    /// `{lang}` captured there (its `component` left 0 for the caller to set).
    ///
    /// - Complexity: O(*p* × *t*) for *p* pieces and *t* characters.
    private static func matchName(_ pieces: [Piece], capturing: Bool, _ text: [Unicode.Scalar], steps: inout Int) -> Capture?? {
        if capturing { return matchCapturing(pieces, text, steps: &steps) }
        return matchStars(pieces, text, steps: &steps) ? .some(nil) : nil
    }

    /// The classic wildcard match: on a mismatch only the most recent `*` takes one more
    /// character. Earlier stars never need to: whatever lies between two stars matched at the
    /// leftmost place it could, and a later star absorbs any difference.
    ///
    /// - Complexity: O(*p* × *t*): each restart moves the most recent star's end forward.
    private static func matchStars(_ pieces: [Piece], _ text: [Unicode.Scalar], steps: inout Int) -> Bool {
        var piece = 0, position = 0
        var star: (piece: Int, position: Int)?
        while position < text.count {
            steps += 1
            if piece < pieces.count {
                switch pieces[piece] {
                case let .literal(scalar) where scalar == text[position]:
                    piece += 1
                    position += 1
                    continue
                case .one:
                    piece += 1
                    position += 1
                    continue
                case .star:
                    star = (piece, position)
                    piece += 1
                    continue
                default:
                    break
                }
            }
            guard let last = star else { return false }
            star = (last.piece, last.position + 1)
            piece = last.piece + 1
            position = last.position + 1
        }
        while piece < pieces.count, pieces[piece] == .star { piece += 1 }
        return piece == pieces.count
    }

    /// Matches pieces that include `{lang}` (one or more letters, digits or `-`), which the
    /// star-only match cannot: a table of which piece suffixes match which text suffixes, then a
    /// walk that takes the shortest star and the shortest capture after which the rest matches.
    ///
    /// - Complexity: O(*p* × *t*²) (a capture tries every length); a component is a file or
    ///   folder name, a few hundred characters at most.
    private static func matchCapturing(_ pieces: [Piece], _ text: [Unicode.Scalar], steps: inout Int) -> Capture?? {
        func isLanguageCharacter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
        }
        // How many language characters start at each position.
        var run = [Int](repeating: 0, count: text.count + 1)
        for position in text.indices.reversed() where isLanguageCharacter(text[position]) {
            run[position] = run[position + 1] + 1
        }
        let columns = text.count + 1
        var rest = [Bool](repeating: false, count: (pieces.count + 1) * columns)
        rest[pieces.count * columns + text.count] = true
        for piece in pieces.indices.reversed() {
            for position in (0...text.count).reversed() {
                steps += 1
                let next = (piece + 1) * columns + position
                switch pieces[piece] {
                case let .literal(scalar):
                    rest[piece * columns + position] = position < text.count && text[position] == scalar && rest[next + 1]
                case .one:
                    rest[piece * columns + position] = position < text.count && rest[next + 1]
                case .star:
                    rest[piece * columns + position] =
                        rest[next] || (position < text.count && rest[piece * columns + position + 1])
                case .capture:
                    var found = false
                    if run[position] > 0 {
                        for length in 1...run[position] {
                            steps += 1
                            if rest[next + length] { found = true; break }
                        }
                    }
                    rest[piece * columns + position] = found
                }
            }
        }
        guard rest[0] else { return nil }
        var capture: Capture?
        var position = 0
        for piece in pieces.indices {
            let next = (piece + 1) * columns
            switch pieces[piece] {
            case .literal, .one:
                position += 1
            case .star:
                while !rest[next + position] { position += 1 }
            case .capture:
                var length = 1
                while !rest[next + position + length] { length += 1 }
                if capture == nil {
                    capture = Capture(
                        text: String(String.UnicodeScalarView(text[position..<(position + length)])), component: 0,
                        offset: position)
                }
                position += length
            }
        }
        return .some(capture)
    }

    /// The most alternatives a pattern's braces may expand to: each is matched on its own, and
    /// nested or repeated braces multiply (`{a,b}` ten times is 1,024 alternatives).
    package static let maximumAlternatives = 1024

    /// Expands braces into alternatives of pieces (`/` kept as a literal separator).
    private static func expand(_ text: [Unicode.Scalar], offset: Int, capturingLanguage: Bool) throws(SyntaxError) -> [[Piece]] {
        var index = 0
        func parseSequence(topLevel: Bool) throws(SyntaxError) -> [[Piece]] {
            var results: [[Piece]] = [[]]
            func append(_ piece: Piece) { for i in results.indices { results[i].append(piece) } }
            while index < text.count {
                let scalar = text[index]
                switch scalar {
                case "\\":
                    guard index + 1 < text.count else {
                        throw SyntaxError(message: "'\\' at the end of the pattern escapes nothing", column: offset + index + 1)
                    }
                    append(.literal(text[index + 1]))
                    index += 2
                case "*": append(.star); index += 1
                case "?": append(.one); index += 1
                case "{":
                    let open = index
                    if capturingLanguage, text[index...].starts(with: Array("{lang}".unicodeScalars)) {
                        append(.capture)
                        index += 6
                        continue
                    }
                    index += 1
                    var options: [[Piece]] = []
                    while true {
                        options += try parseSequence(topLevel: false)
                        guard index < text.count else {
                            throw SyntaxError(message: "'{' is not closed", column: offset + open + 1)
                        }
                        let separator = text[index]
                        index += 1
                        if separator == "}" { break }
                    }
                    guard results.count * options.count <= maximumAlternatives else {
                        throw SyntaxError(
                            message:
                                "the braces make more than \(maximumAlternatives) alternatives; write fewer or split the pattern",
                            column: offset + open + 1)
                    }
                    var combined: [[Piece]] = []
                    for prefix in results { for option in options { combined.append(prefix + option) } }
                    results = combined
                case "," where !topLevel, "}" where !topLevel:
                    return results
                case "}":
                    throw SyntaxError(message: "'}' without '{' (write \\} for a literal brace)", column: offset + index + 1)
                default:
                    append(.literal(scalar)); index += 1
                }
            }
            return results
        }
        let results = try parseSequence(topLevel: true)
        return results
    }
}
