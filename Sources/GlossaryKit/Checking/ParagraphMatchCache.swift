import Foundation

/// The term matches of paragraphs already matched, kept so that checking a text again after a
/// small edit matches only the paragraphs that changed: the language server's re-checks.
///
/// The text is still scanned and its languages detected whole, exactly as for a check from
/// scratch (detection reads past a paragraph into the next, so an edit may change the language
/// of a paragraph it did not touch). Only the matching of each paragraph is reused, keyed by
/// everything the matcher reads for it (`Key`): its words as the scan recorded them (offsets
/// made relative), their folded forms, the bytes of the text around them up to the previous
/// and next paragraphs' words (a quotation opened before the first word, an apostrophe after
/// the last), the paragraph's language and whether it is uncertain, and the scanned text's
/// flags. The glossary is the session's (`ScanSession.compiled`): a cache belongs to one
/// session, and a reloaded glossary gets a new session. A paragraph whose key is unchanged
/// gets the matches it had, moved to where it now is; placing them (written text, line and
/// column, look-behind and look-ahead) is done afresh from the current text.
///
/// The cache is bounded by the texts it serves: a check runs in a document's scope
/// (`withDocument(_:_:)`), and the paragraphs of a document that its latest check did not meet
/// are dropped (lazily, once they are as many as the ones it met). Outside a scope nothing is
/// kept. `forget(document:)` drops a closed document's paragraphs.
///
/// A cache is used under its session's lock, by one check at a time.
package final class ParagraphMatchCache: @unchecked Sendable {
    /// What the matcher reads of one paragraph, written out as bytes one after another, so that
    /// a key is hashed and compared in bulk:
    ///
    /// - the paragraph's language (its tag's length and bytes, 0 for none), whether it is
    ///   uncertain, and the scanned text's flags (whether the paragraph is the chunk's first,
    ///   whether the words carry the glossary's flags, whether the text has hyphens at line ends);
    /// - the lengths of the three parts below;
    /// - the context: the text's bytes from the end of the previous paragraph's last word (the
    ///   chunk's start for the first) to the start of the next paragraph's first word, or at
    ///   least 3 bytes past the last word (the matcher looks for an apostrophe there);
    /// - the words as scanned, offsets relative to the context's start and to their first
    ///   folded byte, an unknown word's id (which names a word of the session's current memo)
    ///   reduced to whether it has one;
    /// - their folded forms, back to back.
    ///
    /// Only the part up to the end of the context is hashed: the words and folded forms follow
    /// from the context nearly always, and are compared on a hit. Two keys are equal when their
    /// bytes are, so a word's padding bytes, were there any, could only make a key miss.
    struct Key: Hashable {
        private var bytes: [UInt8]
        private var hashedCount: Int

        init(
            context: ArraySlice<UInt8>, words: [ScannedWord], folded: [UInt8], language: LanguageTag?, isUncertain: Bool,
            flags: UInt8
        ) {
            let tag = Array((language?.rawValue ?? "").utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(
                tag.count + 16 + context.count + words.count * MemoryLayout<ScannedWord>.stride + folded.count)
            bytes.append(UInt8(truncatingIfNeeded: tag.count))
            bytes += tag
            bytes.append(isUncertain ? 1 : 0)
            bytes.append(flags)
            for count in [context.count, words.count, folded.count] {
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian) { bytes += $0 }
            }
            bytes += context
            hashedCount = bytes.count
            words.withUnsafeBytes { bytes += $0 }
            bytes += folded
            self.bytes = bytes
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[..<hashedCount])) }
        }

        static func == (first: Key, second: Key) -> Bool {
            guard first.bytes.count == second.bytes.count else { return false }
            return first.bytes.withUnsafeBytes { one in
                second.bytes.withUnsafeBytes { other in memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0 }
            }
        }
    }

    /// A paragraph's matches, tokens relative to its first word, bytes to its context's start,
    /// with whether each is in the paragraph's language; and the scope's generation that last
    /// used it.
    private struct Entry {
        var matches: [(match: TermMatch, isInLanguage: Bool)]
        var generation: Int
    }

    /// One document's paragraphs, and how many its latest check met.
    private struct Table {
        var entries: [Key: Entry] = [:]
        var generation = 0
        var used = 0
    }

    private var tables: [String: Table] = [:]
    /// The document whose check is running, and its table, taken out of `tables` meanwhile.
    private var scope: (document: String, table: Table)?

    /// Paragraphs the matcher went through since the cache was made.
    package private(set) var matchedParagraphs = 0
    /// The words of those paragraphs.
    package private(set) var matchedWords = 0
    /// Paragraphs whose matches were reused since the cache was made.
    package private(set) var reusedParagraphs = 0

    package init() {}

    /// How many paragraphs are kept, for all documents.
    package var count: Int {
        tables.values.reduce(0) { $0 + $1.entries.count } + (scope?.table.entries.count ?? 0)
    }

    /// Runs `body`, a check of `document` (any name that tells documents apart), reusing the
    /// matches of the document's paragraphs from its previous check and keeping the ones this
    /// check meets.
    /// A check that runs inside another's scope (a language version checked for the
    /// document's diagnostics) shares that scope.
    package func withDocument<Result>(_ document: String, _ body: () throws -> Result) rethrows -> Result {
        guard scope == nil else { return try body() }
        var table = tables.removeValue(forKey: document) ?? Table()
        table.generation += 1
        table.used = 0
        scope = (document, table)
        defer {
            if case (let document, var table)? = scope {
                scope = nil
                // Drop what the check did not meet once it is as much as what it met.
                if table.entries.count > 2 * table.used + 16 {
                    let generation = table.generation
                    table.entries = table.entries.filter { $0.value.generation == generation }
                }
                tables[document] = table
            }
        }
        return try body()
    }

    /// Drops the paragraphs of `document`.
    package func forget(document: String) {
        tables[document] = nil
    }

    /// Calls `body` with each match in the words of `range` of `text`, as
    /// `TermMatcher.Session.forEachMatch` does, from the cache when the paragraph's key is
    /// there; else it matches the paragraph with `session` and keeps the result (inside a
    /// document's scope).
    ///
    /// - Complexity: O(*b* + *w*) for the paragraph's context bytes and words on a hit, plus the
    ///   matching on a miss.
    func forEachMatch(
        in range: Range<Int>, of text: ScannedText, language: LanguageTag?, isUncertain: Bool,
        session: inout TermMatcher.Session, _ body: (TermMatch, _ isInLanguage: Bool) -> Void
    ) {
        guard scope != nil, !range.isEmpty else {
            session.forEachMatch(in: range, language: language, isUncertain: isUncertain, body)
            return
        }
        let (key, contextStart) = Self.key(of: range, in: text, language: language, isUncertain: isUncertain)
        if let index = scope!.table.entries.index(forKey: key) {
            scope!.table.entries.values[index].generation = scope!.table.generation
            scope!.table.used += 1
            reusedParagraphs += 1
            for (match, isInLanguage) in scope!.table.entries.values[index].matches {
                var match = match
                match.tokens = (match.tokens.lowerBound + range.lowerBound)..<(match.tokens.upperBound + range.lowerBound)
                match.bytes = (match.bytes.lowerBound + contextStart)..<(match.bytes.upperBound + contextStart)
                body(match, isInLanguage)
            }
            return
        }
        matchedParagraphs += 1
        matchedWords += range.count
        var found: [(match: TermMatch, isInLanguage: Bool)] = []
        session.forEachMatch(in: range, language: language, isUncertain: isUncertain) { match, isInLanguage in
            body(match, isInLanguage)
            var relative = match
            relative.tokens = (match.tokens.lowerBound - range.lowerBound)..<(match.tokens.upperBound - range.lowerBound)
            relative.bytes = (match.bytes.lowerBound - contextStart)..<(match.bytes.upperBound - contextStart)
            found.append((relative, isInLanguage))
        }
        scope!.table.entries[key] = Entry(matches: found, generation: scope!.table.generation)
        scope!.table.used += 1
    }

    /// The key of the paragraph of `text` in the words of `range` (not empty), and the offset
    /// of its context's first byte.
    static func key(of range: Range<Int>, in text: ScannedText, language: LanguageTag?, isUncertain: Bool)
        -> (Key, contextStart: Int)
    {
        let words = text.words
        let bytes = text.source.bytes
        let last = words[range.upperBound - 1]
        let start = range.lowerBound > 0 ? Int(words[range.lowerBound - 1].end) : 0
        let nextStart = range.upperBound < words.count ? Int(words[range.upperBound].start) : bytes.count
        let end = min(bytes.count, max(nextStart, Int(last.end) + 3))
        var relative = Array(words[range])
        var folded: [UInt8] = []
        folded.reserveCapacity(max(0, Int(last.foldedStart + last.foldedLength - words[range.lowerBound].foldedStart)))
        for index in relative.indices {
            let word = relative[index]
            relative[index].start -= Int32(start)
            relative[index].end -= Int32(start)
            relative[index].foldedStart = Int32(folded.count)
            relative[index].unknownWord = word.unknownWord < 0 ? -1 : 0
            folded += text.folded[Int(word.foldedStart)..<Int(word.foldedStart + word.foldedLength)]
        }
        let flags: UInt8 =
            (range.lowerBound == 0 ? 1 : 0) | (text.hasLexiconFlags ? 2 : 0) | (text.hasLineBreakHyphens ? 4 : 0)
        let key = Key(
            context: bytes[start..<end], words: relative, folded: folded, language: language, isUncertain: isUncertain,
            flags: flags)
        return (key, start)
    }
}
