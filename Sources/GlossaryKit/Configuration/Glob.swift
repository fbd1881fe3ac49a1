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
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
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
        case pieces([Piece])
    }

    /// A problem in a pattern, with the 1-based column (in characters) where it is.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
        public var column: Int
    }

    /// Compiles `pattern`.
    ///
    /// - Throws: `SyntaxError` for an unclosed `{`, a stray `}`, an empty pattern or a trailing `\`.
    public init(_ pattern: String, capturingLanguage: Bool = false) throws(SyntaxError) {
        self.pattern = pattern
        guard !pattern.isEmpty else { throw SyntaxError(message: "empty pattern", column: 1) }
        var text = Array(pattern.unicodeScalars)
        var anchored = false
        while text.starts(with: Array("./".unicodeScalars)) { text.removeFirst(2); anchored = true }
        if text.first == "/" { text.removeFirst(); anchored = true }
        if text.last == "/" { text += Array("**".unicodeScalars) }
        let expanded = try Self.expand(text, offset: pattern.unicodeScalars.count - text.count, capturingLanguage: capturingLanguage)
        var alternatives: [[Component]] = []
        for alternative in expanded {
            let hasSlash = alternative.contains { if case .literal("/") = $0 { true } else { false } }
            var components: [Component] = anchored || hasSlash ? [] : [.globstar]
            var current: [Piece] = []
            var index = 0
            func flush() {
                if current == [.star, .star] { components.append(.globstar) } else { components.append(.pieces(current)) }
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

    public var description: String { pattern }

    /// Whether `path` (relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        match(path) != nil
    }


    /// What `{lang}` matched: its text and where (component index, scalar offset in it).
    public struct Capture: Sendable, Equatable {
        public var text: String
        public var component: Int
        public var offset: Int
    }

    /// Matches `path`; on success returns what `{lang}` captured (nil inside when the pattern
    /// has no `{lang}`); nil when `path` does not match.
    public func match(_ path: String) -> Capture?? {
        let components = Self.components(of: path)
        for alternative in alternatives {
            var capture: Capture?
            if Self.match(alternative[...], components[...], capture: &capture) { return .some(capture) }
        }
        return nil
    }

    /// Path components without empty ones and `.`.
    static func components(of path: String) -> [[Unicode.Scalar]] {
        path.split(separator: "/").filter { $0 != "." }.map { Array($0.unicodeScalars) }
    }

    private static func match(_ pattern: ArraySlice<Component>, _ path: ArraySlice<[Unicode.Scalar]>, capture: inout Capture?) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        switch first {
        case .globstar:
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest, capture: &capture) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case let .pieces(pieces):
            guard let component = path.first else { return false }
            var local = capture
            guard matchComponent(pieces[...], component[...], capture: &local) else { return false }
            if local?.component == -1 { local?.component = path.startIndex }
            if match(pattern.dropFirst(), path.dropFirst(), capture: &local) {
                capture = local
                return true
            }
            return false
        }
    }

    private static func matchComponent(_ pieces: ArraySlice<Piece>, _ text: ArraySlice<Unicode.Scalar>, capture: inout Capture?) -> Bool {
        guard let first = pieces.first else { return text.isEmpty }
        switch first {
        case let .literal(scalar):
            guard text.first == scalar else { return false }
            return matchComponent(pieces.dropFirst(), text.dropFirst(), capture: &capture)
        case .one:
            guard !text.isEmpty else { return false }
            return matchComponent(pieces.dropFirst(), text.dropFirst(), capture: &capture)
        case .star:
            var rest = text
            while true {
                if matchComponent(pieces.dropFirst(), rest, capture: &capture) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case .capture:
            var length = 0
            while length < text.count {
                let scalar = text[text.startIndex + length]
                guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" else { break }
                length += 1
                var nested = capture
                if matchComponent(pieces.dropFirst(), text.dropFirst(length), capture: &nested) {
                    capture = Capture(
                        text: String(String.UnicodeScalarView(text.prefix(length))), component: -1, offset: text.startIndex)
                    return true
                }
            }
            return false
        }
    }

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
                    guard index + 1 < text.count else { throw SyntaxError(message: "'\\' at the end of the pattern escapes nothing", column: offset + index + 1) }
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
