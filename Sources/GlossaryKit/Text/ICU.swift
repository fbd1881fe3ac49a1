// The one Swift file that talks to the C target: ICU, the lexicons and the byte helpers. `CICU` is
// imported `internal` so that none of its C types leak into GlossaryKit's public interface; every
// C call goes through the wrappers below.
internal import CICU
import Glibc

/// The kind of a word segment, from ICU's word-break rule status.
package enum WordKind: UInt8, Sendable {
    case number = 1
    case letter = 2
    case kana = 3
    case ideographic = 4
}

/// A word found by ICU, before the text layer adds gaps and case information.
struct RawWord {
    /// Byte range in the tokenized buffer.
    var start: Int
    var end: Int
    /// NFKC_Casefold form.
    var folded: String
    /// The folded form without combining marks (`pagawé` → `pagawe`); equal to `folded` when the
    /// word has none.
    var bare: String
    var kind: WordKind
}

/// A reusable ICU word tokenizer. Not thread-safe: each thread (or task) uses its own.
final class ICUWordTokenizer {
    fileprivate let handle: OpaquePointer

    /// The options that turn every fast path off.
    fileprivate static let referenceOptions = Int32(GK_FOLD_ICU_ONLY) | Int32(GK_SEGMENT_ICU_ONLY)

    init() throws(TextError) {
        var error: Int32 = 0
        guard let handle = gk_tokenizer_create(&error) else {
            throw TextError.icu(code: error, operation: "opening the word break iterator")
        }
        self.handle = handle
    }

    deinit {
        gk_tokenizer_destroy(handle)
    }

    /// Splits well-formed UTF-8 into words, folding each.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    ///
    /// `icuOnly` (the reference path) splits every line with ICU's break iterator and folds ASCII
    /// words with ICU too, instead of the fast paths; the result is the same (tests check it on
    /// real texts, the benchmark corpus and random strings), only slower.
    func words(in bytes: UnsafeBufferPointer<UInt8>, icuOnly: Bool = false) throws(TextError) -> [RawWord] {
        guard bytes.count < Int(Int32.max) else { throw TextError.tooLarge(bytes: bytes.count) }
        let options = Int32(GK_FOLD_ACCENTS) | (icuOnly ? Self.referenceOptions : 0)
        let count = gk_tokenizer_run(handle, bytes.baseAddress, Int32(bytes.count), options)
        if count < 0 { throw TextError.icu(code: -count, operation: "splitting words") }
        guard count > 0, let tokens = gk_tokenizer_tokens(handle), let folded = gk_tokenizer_folded(handle) else {
            return []
        }
        var words: [RawWord] = []
        words.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let token = tokens[index]
            let foldedText = String(
                decoding: UnsafeBufferPointer(start: folded + Int(token.foldedStart), count: Int(token.foldedLength)),
                as: UTF8.self)
            let bareText =
                token.bareStart == token.foldedStart
                ? foldedText
                : String(
                    decoding: UnsafeBufferPointer(start: folded + Int(token.bareStart), count: Int(token.bareLength)),
                    as: UTF8.self)
            words.append(
                RawWord(
                    start: Int(token.start), end: Int(token.end),
                    folded: foldedText, bare: bareText,
                    kind: WordKind(rawValue: UInt8(token.kind)) ?? .letter))
        }
        return words
    }
}

extension ICUWordTokenizer {
    /// Forgets the words remembered from earlier scans.
    func forgetWords() {
        gk_tokenizer_forget(handle)
    }

    /// How many lines this tokenizer has split with the fast path and with ICU.
    var lineCounts: (fast: Int, icu: Int) {
        var fast: Int64 = 0, icu: Int64 = 0
        gk_tokenizer_line_counts(handle, &fast, &icu)
        return (Int(fast), Int(icu))
    }

    /// Splits well-formed UTF-8 into words and looks each up in `words`, without creating
    /// strings: the fast path of checking.
    ///
    /// - Complexity: O(*n*) in the number of bytes; one hash look-up per word (two for words
    ///   with accents), whatever the lexicon's size.
    ///
    /// `icuOnly` selects the reference path, as in `words(in:icuOnly:)`. Word offsets are
    /// reported plus `base` (where `bytes` starts in the whole text).
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, base: Int = 0, words: ByteLexicon, gaps: ByteLexicon, unknownWords: ByteLexicon?,
        wordFlags: PinnedArray<UInt32>? = nil, icuOnly: Bool = false
    ) throws(TextError) -> (words: [ScannedWord], folded: [UInt8]) {
        precondition(wordFlags.map { $0.count == words.count } ?? true, "one flag value per word id")
        guard bytes.count < Int(Int32.max), base + bytes.count < Int(Int32.max) else {
            throw TextError.tooLarge(bytes: base + bytes.count)
        }
        let options = icuOnly ? Self.referenceOptions : 0
        let count = gk_tokenizer_split(handle, bytes.baseAddress, Int32(bytes.count), options)
        if count < 0 { throw TextError.icu(code: -count, operation: "splitting words") }
        let n = Int(count)
        guard n > 0 else { return ([], []) }
        func scanWords(into out: UnsafeMutablePointer<gk_scanned>) throws(TextError) {
            let status = withFlags(wordFlags) { flags in
                gk_tokenizer_scan_words(
                    handle, bytes.baseAddress, Int32(bytes.count), Int32(base), words.handle, gaps.handle, unknownWords?.handle,
                    flags.baseAddress, Int32(flags.count), options, out)
            }
            if status < 0 { throw TextError.icu(code: -status, operation: "looking words up") }
        }
        let result: [ScannedWord]
        if Self.scannedLayoutMatches {
            // The records have the same layout: the C code writes them straight into the array.
            var failure: TextError?
            result = [ScannedWord](unsafeUninitializedCapacity: n) { buffer, initialized in
                buffer.baseAddress!.withMemoryRebound(to: gk_scanned.self, capacity: n) { records in
                    do throws(TextError) {
                        try scanWords(into: records)
                        initialized = n
                    } catch {
                        failure = error
                    }
                }
            }
            if let failure { throw failure }
        } else {
            var records = [gk_scanned](repeating: gk_scanned(), count: n)
            try records.withUnsafeMutableBufferPointer { buffer throws(TextError) in try scanWords(into: buffer.baseAddress!) }
            result = records.map { word in
                ScannedWord(
                    start: word.start, end: word.end, folded: word.folded, bare: word.bare, unknownWord: word.type,
                    gap: word.gap, foldedStart: word.foldedStart, foldedLength: word.foldedLength,
                    kind: word.kind, isParagraphStart: word.flags & UInt8(GK_FLAG_PARAGRAPH) != 0,
                    lexiconFlags: word.lexiconFlags)
            }
        }
        guard let foldedBase = gk_tokenizer_folded(handle) else { return (result, []) }
        let folded = Array(UnsafeBufferPointer(start: foldedBase, count: Int(gk_tokenizer_folded_length(handle))))
        return (result, folded)
    }

    /// Calls `body` with the flags' buffer (pinned while it runs), or an empty one for none.
    private func withFlags<Result>(_ flags: PinnedArray<UInt32>?, _ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
        guard let flags else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return flags.withUnsafeBufferPointer(body)
    }

    /// Whether `ScannedWord` and the C `gk_scanned` have the same layout, field by field.
    static let scannedLayoutMatches: Bool = {
        typealias C = gk_scanned
        typealias S = ScannedWord
        let pairs: [(Int?, Int?)] = [
            (MemoryLayout<C>.offset(of: \.start), MemoryLayout<S>.offset(of: \.start)),
            (MemoryLayout<C>.offset(of: \.end), MemoryLayout<S>.offset(of: \.end)),
            (MemoryLayout<C>.offset(of: \.folded), MemoryLayout<S>.offset(of: \.folded)),
            (MemoryLayout<C>.offset(of: \.bare), MemoryLayout<S>.offset(of: \.bare)),
            (MemoryLayout<C>.offset(of: \.type), MemoryLayout<S>.offset(of: \.unknownWord)),
            (MemoryLayout<C>.offset(of: \.gap), MemoryLayout<S>.offset(of: \.gap)),
            (MemoryLayout<C>.offset(of: \.foldedStart), MemoryLayout<S>.offset(of: \.foldedStart)),
            (MemoryLayout<C>.offset(of: \.foldedLength), MemoryLayout<S>.offset(of: \.foldedLength)),
            (MemoryLayout<C>.offset(of: \.kind), MemoryLayout<S>.offset(of: \.kind)),
            (MemoryLayout<C>.offset(of: \.flags), MemoryLayout<S>.offset(of: \.isParagraphStart)),
            (MemoryLayout<C>.offset(of: \.lexiconFlags), MemoryLayout<S>.offset(of: \.lexiconFlags)),
        ]
        return MemoryLayout<C>.stride == MemoryLayout<S>.stride && pairs.allSatisfy { $0.0 != nil && $0.0 == $0.1 }
    }()
}

/// A set of byte strings with dense ids, kept in C so that a text's words are looked up without
/// creating Swift strings.
///
/// Build it on one thread, then share it: look-ups do not modify it, so concurrent readers are
/// safe once insertion has finished (hence `@unchecked Sendable`).
final class ByteLexicon: @unchecked Sendable {
    fileprivate let handle: OpaquePointer
    /// What keeps the bytes of a table used in place valid (see `init(borrowing:owner:)`).
    private let owner: AnyObject?

    init() {
        guard let handle = gk_lexicon_create() else {
            fatalError("out of memory creating a lexicon")
        }
        self.handle = handle
        owner = nil
    }

    deinit {
        gk_lexicon_destroy(handle)
    }

    private init(handle: OpaquePointer, owner: AnyObject) {
        self.handle = handle
        self.owner = owner
    }

    /// The number of bytes `serialize(into:)` writes.
    var serializedSize: Int { Int(gk_lexicon_serialized_size(handle)) }

    /// Writes the hash table as it is in memory (in the host's byte order) to `target`, which
    /// holds `serializedSize` bytes and starts at an 8-byte boundary, so that
    /// `init(borrowing:owner:)` can use it where it lies.
    ///
    /// - Complexity: O(*n*) in the table's size.
    func serialize(into target: UnsafeMutablePointer<UInt8>) {
        gk_lexicon_serialize(handle, target)
    }

    /// A table's bytes that are not one `serialize(into:)` wrote.
    struct InconsistentTable: Error {}

    /// A lexicon over the table `serialize(into:)` wrote, which must fill `bytes` exactly, used
    /// where it lies: no insertion per word, no copy. `owner` keeps the bytes valid and unchanged
    /// while the lexicon exists (the glossary cache's mapped file); inserting a word later copies
    /// the table first.
    ///
    /// `checkingContents: false` skips the checks of the slots and offsets (the table's shape
    /// is still checked), for bytes that passed them before and have not changed since.
    ///
    /// - Throws: `InconsistentTable` when the bytes are truncated or inconsistent, or were
    ///   written with another hash function.
    /// - Complexity: O(*n*) in the table's size, to check its slots and offsets; O(1) without.
    convenience init(
        borrowing bytes: UnsafeBufferPointer<UInt8>, owner: AnyObject, checkingContents: Bool = true
    ) throws(InconsistentTable) {
        var consumed: Int64 = 0
        guard
            let handle = gk_lexicon_borrow(bytes.baseAddress, Int64(bytes.count), checkingContents ? 1 : 0, &consumed)
        else {
            throw InconsistentTable()
        }
        self.init(handle: handle, owner: owner)
        // Trailing bytes mean the recorded size and the table disagree.
        guard consumed == Int64(bytes.count) else { throw InconsistentTable() }
    }

    /// The id of `text`, inserting it when absent.
    @discardableResult
    func insert(_ text: String) -> Int32 {
        var text = text
        let id = text.withUTF8 { gk_lexicon_insert(handle, $0.baseAddress, Int32($0.count)) }
        if id < 0 { fatalError("out of memory growing a lexicon") }
        return id
    }

    /// Asks the processor to fetch where `text` would be found or inserted, ahead of the
    /// `insert` or `find` that needs it (`gk_lexicon_prefetch`).
    func prefetch(_ text: String) {
        var text = text
        text.withUTF8 { gk_lexicon_prefetch(handle, $0.baseAddress, Int32($0.count)) }
    }

    /// The id of `text`, or nil.
    func find(_ text: String) -> Int32? {
        var text = text
        let id = text.withUTF8 { gk_lexicon_find(handle, $0.baseAddress, Int32($0.count)) }
        return id >= 0 ? id : nil
    }

    /// The id of `bytes`, inserting them when absent.
    @discardableResult
    func insert(bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let id = gk_lexicon_insert(handle, bytes.baseAddress, Int32(bytes.count))
        if id < 0 { fatalError("out of memory growing a lexicon") }
        return id
    }

    /// The id of `bytes`, or nil: a look-up that makes no string.
    @inline(__always)
    func find(bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let id = gk_lexicon_find(handle, bytes.baseAddress, Int32(bytes.count))
        return id >= 0 ? id : nil
    }

    /// The id of some bytes, or nil.
    func find(_ bytes: ArraySlice<UInt8>) -> Int32? {
        let id = bytes.withUnsafeBufferPointer { gk_lexicon_find(handle, $0.baseAddress, Int32($0.count)) }
        return id >= 0 ? id : nil
    }

    var count: Int { Int(gk_lexicon_count(handle)) }

    /// The bytes of entry `id`.
    func bytes(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        var length: Int32 = 0
        let bytes = gk_lexicon_bytes(handle, id, &length)
        return UnsafeBufferPointer(start: bytes, count: Int(length))
    }

    /// The text of entry `id`.
    func string(_ id: Int32) -> String {
        var length: Int32 = 0
        guard let bytes = gk_lexicon_bytes(handle, id, &length) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
    }

    /// Gap classes of `ScannedWord.gap` that are not ids.
    static let hardGap = Int32(GK_GAP_HARD)
    static let unknownGap = Int32(GK_GAP_UNKNOWN)
}

/// Hints to the processor's caches.
enum CacheHint {
    /// Starts loading the memory at `address`, which the caller will read soon
    /// (`gk_prefetch`): a hint that never faults and changes no result.
    @inline(__always)
    static func prefetch(_ address: UnsafeRawPointer) { gk_prefetch(address) }
}

/// Byte searches done by the C library.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack`, or nil.
    ///
    /// - Complexity: O(*n*) in the haystack's length.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        needle.withUnsafeBufferPointer { find($0, in: haystack) }
    }

    /// The offset of the first occurrence of `needle` in `haystack`, or nil.
    ///
    /// - Complexity: O(*n*) in the haystack's length.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress, !needle.isEmpty else { return nil }
        let offset = gk_find_bytes(base, Int64(haystack.count), pattern, Int64(needle.count))
        return offset >= 0 ? Int(offset) : nil
    }

    /// The offset of the first byte that does not start well-formed UTF-8, or nil.
    ///
    /// - Complexity: O(*n*), eight bytes at a time through ASCII.
    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let offset = gk_utf8_first_invalid(base, Int64(bytes.count))
        return offset >= 0 ? Int(offset) : nil
    }

    /// `position`, the line and column of byte `from` of `bytes`, moved to byte `to`: a line
    /// feed starts a new line at column 1, every byte that is not a UTF-8 continuation byte a
    /// new column.
    ///
    /// - Complexity: O(`to` - `from`), in vector code.
    static func advance(_ position: inout TextPosition, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        guard let base = bytes.baseAddress, to > from else { return }
        precondition(from >= 0 && to <= bytes.count, "position outside the bytes")
        var line = Int64(position.line)
        var column = Int64(position.column)
        gk_advance_position(base, Int64(from), Int64(to), &line, &column)
        position = TextPosition(line: Int(line), column: Int(column))
    }

    /// Calls `body` with the offset of every `byte` in `bytes[from..<to]`, in order.
    ///
    /// - Complexity: O(`to` - `from`), skipping ahead with the C library's vectorised `memchr`.
    static func forEach(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var from = max(from, 0)
        let to = min(to, bytes.count)
        while from < to, let found = memchr(base + from, Int32(byte), to - from) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            body(offset)
            from = offset + 1
        }
    }

    /// The offsets just past every line feed in `bytes`, after `start`.
    static func lineStarts(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [Int] {
        var starts: [Int] = []
        guard let base = bytes.baseAddress else { return starts }
        var from = start
        while from < bytes.count, let found = memchr(base + from, 0x0A, bytes.count - from) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            starts.append(offset + 1)
            from = offset + 1
        }
        return starts
    }
}

/// Stateless ICU services.
enum ICU {
    /// The version of the system ICU that is linked, e.g. `72.1`.
    static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        gk_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The NFC form of `text`.
    static func nfc(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input -> String in
            if input.allSatisfy({ $0 < 0x80 }) { return String(decoding: input, as: UTF8.self) }
            var capacity = input.count * 2 + 16
            while true {
                var output = [UInt8](repeating: 0, count: capacity)
                let needed = gk_nfc(input.baseAddress, Int32(input.count), &output, Int32(capacity))
                if needed < 0 { return String(decoding: input, as: UTF8.self) }
                if Int(needed) <= capacity { return String(decoding: output.prefix(Int(needed)), as: UTF8.self) }
                capacity = Int(needed) + 1
            }
        }
    }
}
