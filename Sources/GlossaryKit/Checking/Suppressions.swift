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
package struct Suppressions: Sendable, Equatable {
    /// The kinds of directive.
    package enum Kind: String, Sendable {
        case ignore = "glossary-ignore"
        case disable = "glossary-disable"
        case enable = "glossary-enable"
    }

    /// One directive as written.
    package struct Directive: Sendable, Equatable {
        package var kind: Kind
        /// The rules named; nil means every rule.
        package var rules: Set<String>?
        /// 1-based line of the directive.
        package var line: Int
        /// Byte offset of the directive, for ordering against findings.
        package var offset: Int
        /// For `ignore`: the line it silences.
        package var targetLine: Int
    }

    package private(set) var directives: [Directive] = []
    /// What the directives say about each rule they may name, for `suppresses(_:)`.
    private var byRule: [String: RuleDirectives] = [:]
    /// What the directives that name no rule say, for a rule not among the known ones.
    private var forOtherRules = RuleDirectives()

    /// The directives that apply to one rule, ready to be asked about a finding.
    private struct RuleDirectives: Sendable, Equatable {
        /// The lines an ignore directive silences.
        var ignoredLines: Set<Int> = []
        /// The offsets of the disable and enable directives, in order.
        var toggles: [Int] = []
        /// Whether each toggle disables (true) or enables the rule.
        var disables: [Bool] = []

        mutating func add(_ directive: Directive) {
            switch directive.kind {
            case .ignore: ignoredLines.insert(directive.targetLine)
            case .disable, .enable:
                toggles.append(directive.offset)
                disables.append(directive.kind == .disable)
            }
        }

        /// Whether a finding on `line` starting at byte `offset` is silenced.
        ///
        /// - Complexity: O(log *d*) in the rule's disable and enable directives.
        func suppresses(line: Int, offset: Int, steps: inout Int) -> Bool {
            if ignoredLines.contains(line) { return true }
            // The last toggle before the finding decides.
            var low = 0, high = toggles.count
            while low < high {
                let middle = (low + high) / 2
                if toggles[middle] < offset { low = middle + 1 } else { high = middle }
                steps += 1
            }
            return low > 0 && disables[low - 1]
        }
    }

    /// An empty set: nothing is suppressed.
    package init() {}

    /// Reads the directives in `source`.
    ///
    /// - Parameters:
    ///   - source: the text whose directives are read.
    ///   - markdown: whether the text is Markdown, where a directive counts only at the start of
    ///     an HTML comment outside fenced code.
    ///   - knownRules: rule ids a directive may name; any other id is an error.
    /// - Throws: `InputError` at the unknown rule id, with the line and a caret.
    /// - Complexity: O(*n*) in the text's length.
    package init(parsing source: SourceText, markdown: Bool, knownRules: Set<String>) throws(InputError) {
        self.init()
        defer { index(knownRules) }
        try source.bytes.withUnsafeBufferPointer { bytes throws(InputError) in
            try parse(
                bytes, contentStart: source.contentStart, markdown: markdown, knownRules: knownRules,
                line: { source.line(containing: $0) },
                error: { message, offset in
                    let position = source.position(of: offset)
                    return InputError(
                        message, file: source.path,
                        location: SourceLocation(file: source.path, line: position.line, column: position.column),
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
    package init(parsing file: MappedFile, markdown: Bool, knownRules: Set<String>) throws(InputError) {
        self.init()
        defer { index(knownRules) }
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
        var steps = 0
        if markdown {
            // Directives start an HTML comment: `<!--` white space `glossary-…`.
            var index = contentStart
            var fence = 0
            while let open = Self.find(Array("<!--".utf8), in: bytes, from: index, passed: passed) {
                while fence < fenced.count, fenced[fence].upperBound <= open { fence += 1 }
                let close = Self.find(Array("-->".utf8), in: bytes, from: open + 4, passed: passed) ?? bytes.count
                index = min(bytes.count, close + 3)
                steps += index - open
                if fence < fenced.count, fenced[fence].contains(open) { continue }
                var start = open + 4
                while start < close, Self.isBlank(bytes[start]) || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
                guard Self.directive(in: bytes, at: start) != nil else { continue }
                candidates.append((start, close, min(bytes.count, close + 3)))
            }
        } else {
            var index = contentStart
            let needle = Array("glossary-".utf8)
            // The end of the line of the last candidate: candidates on one line share it.
            var lineEnd = -1
            while let found = Self.find(needle, in: bytes, from: index, passed: passed) {
                index = found + needle.count
                guard Self.directive(in: bytes, at: found) != nil else { continue }
                if found > 0, Self.isWordByte(bytes[found - 1]) { continue }
                if found > lineEnd {
                    lineEnd = found
                    while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                    steps += lineEnd - found
                }
                candidates.append((found, lineEnd, nil))
            }
        }
        // Where the line of the candidate being read starts, found going forward from the last.
        var lineStart = contentStart
        var lineScanned = contentStart
        // The offset of the previous directive (-1 before the first).
        var previous = -1
        let commentPunctuation = Set("#/%;-*<!>".utf8)
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
                    bytes[end] != 0x0D, bytes[end] != 0x0A
                { end += 1 }
                let word = String(decoding: bytes[cursor..<end], as: UTF8.self)
                if word.hasPrefix("--") { break argumentLoop }
                guard knownRules.contains(word) else {
                    let known = knownRules.sorted().joined(separator: ", ")
                    throw error(
                        "unknown rule '\(word)' in \(kind.rawValue) (known rules: \(known); write a reason after --)", cursor)
                }
                rules.insert(word)
                cursor = end
            }
            steps += cursor - candidate.offset
            // On a line of its own: only blanks and comment punctuation before it on its line, and
            // (Markdown) nothing but blanks after the comment. Before it, the walk back stops at
            // the first other byte, and never goes past the previous directive (whose word is such
            // a byte); after it, at the first byte that is not blank.
            ByteSearch.forEach(0x0A, in: bytes, from: lineScanned, to: candidate.offset) { lineStart = $0 + 1 }
            steps += (candidate.offset - lineScanned) / 8
            lineScanned = candidate.offset
            var before = candidate.offset
            let floor = max(lineStart, previous)
            while before > floor, Self.isBlank(bytes[before - 1]) || commentPunctuation.contains(bytes[before - 1]) {
                before -= 1
            }
            steps += candidate.offset - before
            var alone = before == lineStart && previous < lineStart
            previous = candidate.offset
            var lastLine = line
            if let trailingEnd = candidate.trailingEnd {
                var after = trailingEnd
                while after < bytes.count, Self.isBlank(bytes[after]) || bytes[after] == 0x0D { after += 1 }
                steps += after - trailingEnd
                alone = alone && (after == bytes.count || bytes[after] == 0x0A)
                lastLine = lineOf(max(candidate.offset, trailingEnd - 1))
            }
            directives.append(
                Directive(
                    kind: kind, rules: rules.isEmpty ? nil : rules, line: line, offset: candidate.offset,
                    targetLine: alone ? lastLine + 1 : line))
        }
        WorkMeter.record(steps)
    }

    /// Sorts the directives by the rules they apply to, for `suppresses(_:)`.
    private mutating func index(_ knownRules: Set<String>) {
        for rule in knownRules { byRule[rule] = RuleDirectives() }
        for directive in directives {
            for rule in directive.rules ?? knownRules { byRule[rule]?.add(directive) }
            if directive.rules == nil { forOtherRules.add(directive) }
        }
    }

    /// Whether `finding` is silenced by a directive: one that names its rule, or no rule.
    ///
    /// The rules of the findings folded into it (`Finding.folded`) do not count: silencing one
    /// of them removes only its note (`removeSuppressed(from:)`).
    ///
    /// - Complexity: O(log *d*) in the directives that apply to the finding's rule.
    package func suppresses(_ finding: Finding) -> Bool {
        suppresses(rule: finding.rule, at: finding)
    }

    /// Whether a directive silences the rule `rule` at the place of `finding`.
    private func suppresses(rule: String, at finding: Finding) -> Bool {
        var steps = 1
        defer { WorkMeter.record(steps) }
        let directives = byRule[rule] ?? forOtherRules
        return directives.suppresses(line: finding.location.line, offset: finding.byteRange.lowerBound, steps: &steps)
    }

    /// Removes from `findings` the ones a directive silences and, from the others, the folded
    /// findings (`Finding.folded`) whose rule a directive silences there; returns how many
    /// findings and folded findings were removed.
    ///
    /// Silencing a finding's own rule silences the finding with everything folded into it;
    /// silencing the rule of a folded one removes just that note.
    ///
    /// - Complexity: O(*n* log *d*) in the findings and folded findings.
    package func removeSuppressed(from findings: inout [Finding]) -> Int {
        let count = findings.count
        findings.removeAll { suppresses($0) }
        var removed = count - findings.count
        for index in findings.indices where !findings[index].folded.isEmpty {
            let finding = findings[index]
            let folded = finding.folded.count
            findings[index].folded.removeAll { suppresses(rule: $0.rule, at: finding) }
            removed += folded - findings[index].folded.count
        }
        return removed
    }

    /// Where the directives of a plain text stand: each from the comment punctuation before it
    /// (`#`, `//`, `--`) to the end of its line. They are instructions to the checker, not
    /// prose, and the aligner does not count them in a segment's length (`AlignmentLength`).
    /// In Markdown a directive is an HTML comment, which the masker hides already: none.
    ///
    /// A directive is found as `init(parsing:markdown:knownRules:)` finds it, whatever rules it
    /// names.
    ///
    /// - Complexity: O(*n*) in the text's length.
    package static func directiveRanges(
        in bytes: UnsafeBufferPointer<UInt8>, contentStart: Int, markdown: Bool, passed: (Int) -> Void = { _ in }
    ) -> [Range<Int>] {
        guard !markdown else { return [] }
        var ranges: [Range<Int>] = []
        var steps = 0
        defer { WorkMeter.record(steps) }
        let needle = Array("glossary-".utf8)
        let commentPunctuation = Set("#/%;-*<!>".utf8)
        var index = contentStart
        while let found = find(needle, in: bytes, from: index, passed: passed) {
            index = found + needle.count
            guard directive(in: bytes, at: found) != nil, found == 0 || !isWordByte(bytes[found - 1]) else { continue }
            // Back over the comment that opens it, not past the line's start or the last directive.
            let floor = max(contentStart, ranges.last?.upperBound ?? 0)
            var start = found
            while start > floor, isBlank(bytes[start - 1]) || commentPunctuation.contains(bytes[start - 1]) { start -= 1 }
            var end = found
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            steps += end - start
            ranges.append(start..<end)
            index = end
        }
        return ranges
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
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, passed: (Int) -> Void)
        -> Int?
    {
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
