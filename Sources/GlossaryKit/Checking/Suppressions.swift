/// Inline suppressions written in a text: `glossary-ignore`, `glossary-disable` and
/// `glossary-enable`.
///
/// - `glossary-ignore [RULE…]` silences the named rules (all when none is named) on its own line,
///   or on the next line when the directive stands on a line of its own (only white space and
///   comment punctuation before it, and in Markdown nothing after the comment).
/// - `glossary-disable [RULE…]` silences the rules from the directive on, up to a
///   `glossary-enable [RULE…]` (all rules when none is named) or the end of the file.
///
/// In Markdown a directive counts only at the start of an HTML comment
/// (`<!-- glossary-ignore deprecated-term -->`) outside fenced code; in plain text anywhere on a
/// line. A `--` ends the rule list, so a reason can follow:
/// `<!-- glossary-ignore deprecated-term -- quotes the 1990 law -->`. The tokenizer masks HTML
/// comments, so directives are read from the raw bytes here.
public struct Suppressions: Sendable, Equatable {
    /// The kinds of directive.
    public enum Kind: String, Sendable {
        case ignore = "glossary-ignore"
        case disable = "glossary-disable"
        case enable = "glossary-enable"
    }

    /// One directive as written.
    public struct Directive: Sendable, Equatable {
        public var kind: Kind
        /// The rules named; nil means every rule.
        public var rules: Set<String>?
        /// 1-based line of the directive.
        public var line: Int
        /// Byte offset of the directive, for ordering against findings.
        public var offset: Int
        /// For `ignore`: the line it silences.
        public var targetLine: Int
    }

    public private(set) var directives: [Directive] = []

    /// An empty set: nothing is suppressed.
    public init() {}

    /// Reads the directives in `source`.
    ///
    /// - Parameter knownRules: rule ids a directive may name; any other id is an error.
    /// - Throws: `InputError` at the unknown rule id, with the line and a caret.
    /// - Complexity: O(*n*) in the text's length.
    public init(parsing source: SourceText, markdown: Bool, knownRules: Set<String>) throws(InputError) {
        self.init()
        try source.bytes.withUnsafeBufferPointer { bytes throws(InputError) in
            try parse(
                bytes, contentStart: source.contentStart, markdown: markdown, knownRules: knownRules,
                line: { source.line(containing: $0) },
                error: { message, offset in
                    let position = source.position(of: offset)
                    return InputError(
                        message, file: source.path, location: SourceLocation(file: source.path, line: position.line, column: position.column),
                        sourceLine: source.lineText(position.line))
                })
        }
    }

    /// Reads the directives in a mapped file, giving its pages back as it goes.
    ///
    /// Directives are found as in a held text, and line numbers are counted forward, so no
    /// table of line starts is made.
    ///
    /// - Throws: `InputError` at the unknown rule id, with the line and a caret.
    /// - Complexity: O(*n*) in the file's length.
    public init(parsing file: MappedFile, markdown: Bool, knownRules: Set<String>) throws(InputError) {
        self.init()
        var releaser = PageReleaser(file)
        var lines = LineCounter(file.bytes, passed: { releaser.passed($0) })
        defer { file.releaseAll() }
        try parse(
            file.bytes, contentStart: file.contentStart, markdown: markdown, knownRules: knownRules,
            line: { lines.line(containing: $0) },
            error: { message, offset in
                let line = lines.line(containing: offset)
                let column = lines.column(of: offset, contentStart: file.contentStart)
                return InputError(
                    message, file: file.path, location: SourceLocation(file: file.path, line: line, column: column),
                    sourceLine: file.lineText(containing: offset))
            },
            passed: { releaser.passed($0) })
    }

    /// Reads the directives in `bytes`; `line(offset)` gives the line of an offset (asked in
    /// increasing order), `error(message, offset)` the error to throw for a bad directive, and
    /// `passed(offset)` is called now and then with an offset the search has passed.
    private mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, contentStart: Int, markdown: Bool, knownRules: Set<String>,
        line lineOf: (Int) -> Int, error: (String, Int) -> InputError, passed: (Int) -> Void = { _ in }
    ) throws(InputError) {
        let fenced = markdown ? MarkdownMasker.fencedCodeBlocks(bytes, passed: passed) : []
        var candidates: [(offset: Int, argumentEnd: Int, trailingEnd: Int?)] = []
        if markdown {
            // Directives start an HTML comment: `<!--` white space `glossary-…`.
            var index = contentStart
            var fence = 0
            while let open = Self.find(Array("<!--".utf8), in: bytes, from: index, passed: passed) {
                while fence < fenced.count, fenced[fence].upperBound <= open { fence += 1 }
                let close = Self.find(Array("-->".utf8), in: bytes, from: open + 4, passed: passed) ?? bytes.count
                index = min(bytes.count, close + 3)
                if fence < fenced.count, fenced[fence].contains(open) { continue }
                var start = open + 4
                while start < close, Self.isBlank(bytes[start]) || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
                guard Self.directive(in: bytes, at: start) != nil else { continue }
                candidates.append((start, close, min(bytes.count, close + 3)))
            }
        } else {
            var index = contentStart
            let needle = Array("glossary-".utf8)
            while let found = Self.find(needle, in: bytes, from: index, passed: passed) {
                index = found + needle.count
                guard Self.directive(in: bytes, at: found) != nil else { continue }
                if found > 0, Self.isWordByte(bytes[found - 1]) { continue }
                let lineEnd = bytes[found...].firstIndex(of: 0x0A) ?? bytes.count
                candidates.append((found, lineEnd, nil))
            }
        }
        for candidate in candidates {
            let (kind, length) = Self.directive(in: bytes, at: candidate.offset)!
            let line = lineOf(candidate.offset)
            var rules: Set<String> = []
            var cursor = candidate.offset + length
            argumentLoop: while cursor < candidate.argumentEnd {
                let byte = bytes[cursor]
                if Self.isBlank(byte) || byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A { cursor += 1; continue }
                var end = cursor
                while end < candidate.argumentEnd, !Self.isBlank(bytes[end]), bytes[end] != UInt8(ascii: ","),
                      bytes[end] != 0x0D, bytes[end] != 0x0A { end += 1 }
                let word = String(decoding: bytes[cursor..<end], as: UTF8.self)
                if word.hasPrefix("--") { break argumentLoop }
                guard knownRules.contains(word) else {
                    let known = knownRules.sorted().joined(separator: ", ")
                    throw error("unknown rule '\(word)' in \(kind.rawValue) (known rules: \(known); write a reason after --)", cursor)
                }
                rules.insert(word)
                cursor = end
            }
            // On a line of its own: only blanks and comment punctuation before it on its line, and
            // (Markdown) nothing but blanks after the comment.
            let lineStart = bytes[..<candidate.offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? contentStart
            let commentPunctuation = Set("#/%;-*<!>".utf8)
            let before = bytes[lineStart..<candidate.offset]
            var alone = before.allSatisfy { Self.isBlank($0) || commentPunctuation.contains($0) }
            var lastLine = line
            if let trailingEnd = candidate.trailingEnd {
                let afterEnd = bytes[trailingEnd...].firstIndex(of: 0x0A) ?? bytes.count
                alone = alone && bytes[trailingEnd..<afterEnd].allSatisfy { Self.isBlank($0) || $0 == 0x0D }
                lastLine = lineOf(max(candidate.offset, trailingEnd - 1))
            }
            directives.append(Directive(
                kind: kind, rules: rules.isEmpty ? nil : rules, line: line, offset: candidate.offset,
                targetLine: alone ? lastLine + 1 : line))
        }
    }

    /// Whether `finding` is silenced by a directive.
    public func suppresses(_ finding: Finding) -> Bool {
        var disabled = false
        for directive in directives {
            let applies = directive.rules.map { $0.contains(finding.rule) } ?? true
            guard applies else { continue }
            switch directive.kind {
            case .ignore:
                if directive.targetLine == finding.location.line { return true }
            case .disable:
                if directive.offset < finding.byteRange.lowerBound { disabled = true }
            case .enable:
                if directive.offset < finding.byteRange.lowerBound { disabled = false }
            }
        }
        return disabled
    }

    /// The directive keyword at `index`, if one starts there and ends at a word boundary.
    private static func directive(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Kind, Int)? {
        for kind in [Kind.ignore, .disable, .enable] {
            let word = Array(kind.rawValue.utf8)
            guard index + word.count <= bytes.count, bytes[index..<(index + word.count)].elementsEqual(word) else { continue }
            if index + word.count < bytes.count, isWordByte(bytes[index + word.count]) { continue }
            return (kind, word.count)
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// The first occurrence of `needle` at or after `start`, searched by the C library in windows of 4 MiB (overlapping by the needle's length), after each of which
    /// `passed` is told how far the search has come.
    ///
    /// - Complexity: O(*n*) in the bytes searched.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, passed: (Int) -> Void) -> Int? {
        guard !needle.isEmpty, start >= 0, start <= bytes.count - needle.count, let base = bytes.baseAddress else { return nil }
        let window = 1 << 22
        var from = start
        while from <= bytes.count - needle.count {
            let to = min(bytes.count, from + window + needle.count - 1)
            if let found = ByteSearch.find(needle, in: UnsafeBufferPointer(start: base + from, count: to - from)) {
                return from + found
            }
            from += window
            if from <= bytes.count - needle.count { passed(from) }
        }
        return nil
    }
}
