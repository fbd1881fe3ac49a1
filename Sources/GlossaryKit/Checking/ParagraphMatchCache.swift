import Foundation

/// The term matches of paragraphs already matched, kept so that checking a text again after a
/// small edit matches only the paragraphs that changed: the language server's re-checks.
///
/// The text is still scanned and its languages detected whole, exactly as for a check from
/// scratch (detection reads past a paragraph into the next, so an edit may change the language
/// of a paragraph it did not touch). Only the matching of each paragraph is reused, and only
/// when everything the matcher reads for it is as it was: the bytes of the text around its
/// words up to the previous and next paragraphs' words (a quotation opened before the first
/// word, an apostrophe after the last), its language and whether that is uncertain, and the
/// scanned text's flags (the `Key`, hashed), and its words as the scan recorded them (offsets
/// made relative) with their folded forms (`Words`, compared in place on a hit). The glossary
/// is the session's (`ScanSession.compiled`): a cache belongs to one session, and a reloaded
/// glossary gets a new session. A paragraph met again gets the matches it had, moved to where
/// it now is; placing them (written text, line and column, look-behind and look-ahead) is done
/// afresh from the current text.
///
/// Within a check, the cache also keeps the check's scan of a text read in one chunk, for the
/// alignment of the text's language sections, which would scan it again
/// (`scan(of:markup:unknownWords:)`).
///
/// The cache is bounded by the texts it serves: a check runs in a document's scope
/// (`withDocument(_:_:)`), and the paragraphs of a document that its latest check did not meet
/// are dropped (lazily, once they are as many as the ones it met). Outside a scope nothing is
/// kept. `forget(document:)` drops a closed document's paragraphs.
///
/// A cache is used under its session's lock, by one check at a time.
package final class ParagraphMatchCache: @unchecked Sendable {
    /// Where the matcher reads a paragraph, written out as bytes one after another, so that a
    /// key is hashed and compared in bulk: the paragraph's language (its tag's length and bytes,
    /// 0 for none), whether it is uncertain, the scanned text's flags (whether the paragraph is
    /// the chunk's first, whether the words carry the glossary's flags, whether the text has
    /// hyphens at line ends), the number of words, and the context: the text's bytes from the
    /// end of the previous paragraph's last word (the chunk's start for the first) to the start
    /// of the next paragraph's first word, or at least 3 bytes past the last word (the matcher
    /// looks for an apostrophe there).
    ///
    /// The words as scanned and their folded forms, the rest of what the matcher reads, are
    /// kept with the entry (`Entry.words`) and compared on a hit: they follow from the context
    /// nearly always, and comparing them in place costs no copy.
    struct Key: Hashable {
        private var bytes: [UInt8]

        init(context: ArraySlice<UInt8>, wordCount: Int, language: LanguageTag?, isUncertain: Bool, flags: UInt8) {
            let tag = Array((language?.rawValue ?? "").utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(tag.count + 8 + context.count)
            bytes.append(UInt8(truncatingIfNeeded: tag.count))
            bytes += tag
            bytes.append(isUncertain ? 1 : 0)
            bytes.append(flags)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: wordCount).littleEndian) { bytes += $0 }
            bytes += context
            self.bytes = bytes
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        static func == (first: Key, second: Key) -> Bool {
            guard first.bytes.count == second.bytes.count else { return false }
            return first.bytes.withUnsafeBytes { one in
                second.bytes.withUnsafeBytes { other in memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0 }
            }
        }
    }

    /// A paragraph as the matcher read it: its words' records and folded forms (`Words`), its
    /// matches (tokens relative to its first word, bytes to its context's start, with whether
    /// each is in the paragraph's language), and the scope's generation that last used it.
    private struct Entry {
        var words: Words
        var matches: [(match: TermMatch, isInLanguage: Bool)]
        var generation: Int
    }

    /// The words of a paragraph as scanned, each record with its offsets made relative to the
    /// context's start and to the paragraph's first folded byte and an unknown word's id (which
    /// names a word of the session's current memo) reduced to whether it has one; and their
    /// folded forms, back to back.
    struct Words: Equatable {
        var records: [ScannedWord]
        var folded: [UInt8]

        /// The words of `range` in `text`, whose context starts at `contextStart`.
        init(_ range: Range<Int>, of text: ScannedText, contextStart: Int) {
            records = []
            folded = []
            records.reserveCapacity(range.count)
            for index in range {
                let word = text.words[index]
                records.append(Self.relative(word, contextStart: contextStart, foldedStart: Int32(folded.count)))
                folded += text.folded[Int(word.foldedStart)..<Int(word.foldedStart + word.foldedLength)]
            }
        }

        /// `word` with its offsets relative to `contextStart` and `foldedStart`.
        @inline(__always)
        private static func relative(_ word: ScannedWord, contextStart: Int, foldedStart: Int32) -> ScannedWord {
            var word = word
            word.start -= Int32(contextStart)
            word.end -= Int32(contextStart)
            word.foldedStart = foldedStart
            word.unknownWord = word.unknownWord < 0 ? -1 : 0
            return word
        }

        /// Whether the words of `range` in `text` are these.
        ///
        /// - Complexity: O(*w*) in the words and their folded bytes, without copying them.
        func equal(_ range: Range<Int>, of text: ScannedText, contextStart: Int) -> Bool {
            guard records.count == range.count else { return false }
            return text.words.withUnsafeBufferPointer { words in
                var foldedStart: Int32 = 0
                // The folded forms of a scan lie back to back in word order: one comparison
                // for the paragraph, when they do.
                var contiguous = true
                for (offset, index) in range.enumerated() {
                    let word = words[index]
                    guard records[offset] == Self.relative(word, contextStart: contextStart, foldedStart: foldedStart)
                    else { return false }
                    if index > range.lowerBound, word.foldedStart != words[index - 1].foldedStart + words[index - 1].foldedLength
                    {
                        contiguous = false
                    }
                    foldedStart += word.foldedLength
                }
                guard Int(foldedStart) == folded.count else { return false }
                guard !folded.isEmpty else { return true }
                return text.folded.withUnsafeBytes { all in
                    folded.withUnsafeBytes { stored in
                        if contiguous {
                            return memcmp(
                                all.baseAddress! + Int(words[range.lowerBound].foldedStart), stored.baseAddress!, stored.count)
                                == 0
                        }
                        var offset = 0
                        for index in range {
                            let word = words[index]
                            let length = Int(word.foldedLength)
                            if length > 0,
                                memcmp(all.baseAddress! + Int(word.foldedStart), stored.baseAddress! + offset, length) != 0
                            {
                                return false
                            }
                            offset += length
                        }
                        return true
                    }
                }
            }
        }
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

    /// The scan of the text the running check scanned in one chunk, with the masked bytes it
    /// read: the alignment of the text's language sections scans the same text again.
    private var keptScan: (scanned: ScannedText, masked: [UInt8])?

    /// Paragraphs the matcher went through since the cache was made.
    package private(set) var matchedParagraphs = 0
    /// The words of those paragraphs.
    package private(set) var matchedWords = 0
    /// Paragraphs whose matches were reused since the cache was made.
    package private(set) var reusedParagraphs = 0
    /// Scans of a whole text reused since the cache was made (`scan(of:markup:unknownWords:)`).
    package private(set) var reusedScans = 0

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
                keptScan = nil
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

    /// Keeps `scanned`, the scan of a whole text from the `masked` bytes, for the rest of the
    /// running check (nothing outside a document's scope).
    func keep(_ scanned: ScannedText, masked: [UInt8]) {
        guard scope != nil else { return }
        keptScan = (scanned, masked)
    }

    /// The scan the running check made of `text` when `Tokenizer.scan(_:markup:...)` with
    /// `markup` and `unknownWords` would make the same: the same bytes (with no byte order
    /// mark), masked alike, with the same memo of unknown words (whose ids the words carry);
    /// nil otherwise. The lexicons and the tokenizer are the session's, as the check's were.
    ///
    /// - Complexity: O(*n*) in the text's length: a comparison, and the masking.
    func scan(of text: SourceText, markup: Tokenizer.Markup, unknownWords: ByteLexicon) -> ScannedText? {
        guard scope != nil, let (scanned, masked) = keptScan, text.contentStart == 0,
            scanned.unknownWords === unknownWords, scanned.source.bytes == text.bytes,
            MarkdownMasker.mask(text.bytes, markdown: markup == .markdown) == masked
        else { return nil }
        reusedScans += 1
        return ScannedText(
            source: text, words: scanned.words, folded: scanned.folded, lexicon: scanned.lexicon,
            gapLexicon: scanned.gapLexicon, unknownWords: scanned.unknownWords, hasLexiconFlags: scanned.hasLexiconFlags)
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
        if let index = scope!.table.entries.index(forKey: key),
            scope!.table.entries.values[index].words.equal(range, of: text, contextStart: contextStart)
        {
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
        scope!.table.entries[key] = Entry(
            words: Words(range, of: text, contextStart: contextStart), matches: found, generation: scope!.table.generation)
        scope!.table.used += 1
    }

    /// The key of the paragraph of `text` in the words of `range` (not empty), and the offset
    /// of its context's first byte.
    static func key(of range: Range<Int>, in text: ScannedText, language: LanguageTag?, isUncertain: Bool)
        -> (Key, contextStart: Int)
    {
        let words = text.words
        let bytes = text.source.bytes
        let start = range.lowerBound > 0 ? Int(words[range.lowerBound - 1].end) : 0
        let nextStart = range.upperBound < words.count ? Int(words[range.upperBound].start) : bytes.count
        let end = min(bytes.count, max(nextStart, Int(words[range.upperBound - 1].end) + 3))
        let flags: UInt8 =
            (range.lowerBound == 0 ? 1 : 0) | (text.hasLexiconFlags ? 2 : 0) | (text.hasLineBreakHyphens ? 4 : 0)
        let key = Key(
            context: bytes[start..<end], wordCount: range.count, language: language, isUncertain: isUncertain, flags: flags)
        return (key, start)
    }
}
