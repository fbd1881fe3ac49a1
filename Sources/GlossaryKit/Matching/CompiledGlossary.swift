/// A glossary compiled for matching: every term of every language in one trie over token ids.
///
/// Compiling tokenizes and folds each term once. Scanning a text then costs one vocabulary look-up
/// per word (and per analysed reading of it) plus a walk of the trie that is only as long as the
/// longest term, whatever the glossary's size.
///
/// The trie's edges live in one hash table keyed by (node, gap, word), so a large glossary costs
/// one table instead of a dictionary per node.
public final class CompiledGlossary: Sendable {
    public let glossary: Glossary
    let registry: AnalyzerRegistry
    /// Folded word → id.
    let vocabulary: [String: Int32]
    /// Gap signature → id; `" "` is 0.
    let gaps: [String: Int32]
    /// (node, gap, word) → child node. The root is node 0.
    let edges: [EdgeKey: Int32]
    /// Entries that end at each node.
    let terminals: [Int32: [Int32]]
    /// For `match: prefix` terms: node → first three letters of the last word → (gap, last word, entry).
    let prefixes: [Int32: [String: [PrefixEntry]]]
    let entries: [Entry]
    /// The longest term, in words.
    let maximumLength: Int

    /// One way of writing one term: its written form, or one of its listed forms.
    struct Entry: Sendable {
        var reference: TermReference
        var language: LanguageTag
        var isCaseSensitive: Bool
        var foldsAccents: Bool
        var mode: MatchMode
        var isAbbreviated: Bool
        var allowsPluralInfix: Bool
        /// The words as written (NFC), for the case check.
        var exactWords: [String]
        /// Reached through accent-free keys: the text may lack the term's accents.
        var viaBareKeys: Bool
        var isListedForm: Bool
    }

    struct PrefixEntry: Sendable {
        var gap: Int32
        var stem: String
        var entry: Int32
    }

    /// Compiles `glossary`.
    ///
    /// - Throws: `InputError` when ICU cannot tokenize a term.
    /// - Complexity: O(*t*) in the total length of all terms.
    public init(_ glossary: Glossary, registry: AnalyzerRegistry = .standard) throws {
        self.glossary = glossary
        self.registry = registry
        var builder = Builder()
        let tokenizer = try Tokenizer()
        for (conceptIndex, concept) in glossary.concepts.enumerated() {
            for (termIndex, term) in concept.terms.enumerated() {
                let reference = TermReference(concept: conceptIndex, term: termIndex)
                let analyzer = registry.analyzer(for: term.language)
                let folds = term.foldsAccents ?? analyzer.foldsAccentsByDefault
                let forms = [(term.text, false)] + term.forms.map { ($0, true) }
                for (form, listed) in forms {
                    let words = try tokenizer.tokenize(term: form)
                    guard !words.isEmpty else { continue }
                    let exact = words.map { ICU.nfc(String(decoding: Array(form.utf8)[$0.start..<$0.end], as: UTF8.self)) }
                    var entry = Entry(
                        reference: reference, language: term.language, isCaseSensitive: term.isCaseSensitive,
                        foldsAccents: folds, mode: term.matchMode, isAbbreviated: term.type.isAbbreviated,
                        allowsPluralInfix: term.allowsPluralInfix, exactWords: exact, viaBareKeys: false,
                        isListedForm: listed)
                    builder.insert(words: words.map(\.folded), gaps: words.map(\.gapBefore), entry: entry)
                    if folds, words.contains(where: { $0.bare != $0.folded }) {
                        entry.viaBareKeys = true
                        builder.insert(words: words.map(\.bare), gaps: words.map(\.gapBefore), entry: entry)
                    }
                }
            }
        }
        vocabulary = builder.vocabulary
        gaps = builder.gaps
        edges = builder.edges
        terminals = builder.terminals
        prefixes = builder.prefixes
        entries = builder.entries
        maximumLength = builder.maximumLength
    }

    /// Accumulates the trie while compiling.
    private struct Builder {
        var vocabulary: [String: Int32] = [:]
        var gaps: [String: Int32] = [" ": 0]
        var edges: [EdgeKey: Int32] = [:]
        var terminals: [Int32: [Int32]] = [:]
        var prefixes: [Int32: [String: [PrefixEntry]]] = [:]
        var entries: [Entry] = []
        var nodeCount: Int32 = 1
        var maximumLength = 0

        mutating func id(ofWord word: String) -> Int32 {
            if let id = vocabulary[word] { return id }
            let id = Int32(vocabulary.count)
            vocabulary[word] = id
            return id
        }

        mutating func id(ofGap gap: String) -> Int32 {
            if let id = gaps[gap] { return id }
            let id = Int32(gaps.count)
            gaps[gap] = id
            return id
        }

        mutating func insert(words: [String], gaps wordGaps: [String], entry: Entry) {
            entries.append(entry)
            let entryIndex = Int32(entries.count - 1)
            maximumLength = max(maximumLength, words.count)
            let isPrefix = entry.mode == .prefix && words.last.map { $0.count >= 3 } == true
            var node: Int32 = 0
            let walked = isPrefix ? words.count - 1 : words.count
            for index in 0..<walked {
                let gap = index == 0 ? 0 : id(ofGap: wordGaps[index])
                let key = CompiledGlossary.edgeKey(node: node, gap: gap, word: id(ofWord: words[index]))
                if let child = edges[key] {
                    node = child
                } else {
                    edges[key] = nodeCount
                    node = nodeCount
                    nodeCount += 1
                }
            }
            if isPrefix, let stem = words.last {
                let gap = walked == 0 ? 0 : id(ofGap: wordGaps[walked])
                prefixes[node, default: [:]][String(stem.prefix(3)), default: []]
                    .append(PrefixEntry(gap: gap, stem: stem, entry: entryIndex))
            } else {
                terminals[node, default: []].append(entryIndex)
            }
        }
    }

    /// An edge of the trie: from `node`, across a gap, to a word.
    struct EdgeKey: Hashable, Sendable {
        var node: Int32
        var gap: Int32
        var word: Int32
    }

    @inline(__always)
    static func edgeKey(node: Int32, gap: Int32, word: Int32) -> EdgeKey {
        EdgeKey(node: node, gap: gap, word: word)
    }

    /// The number of distinct words in all terms.
    public var vocabularySize: Int { vocabulary.count }
}
