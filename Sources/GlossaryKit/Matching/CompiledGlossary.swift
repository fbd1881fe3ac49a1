/// A glossary compiled for matching: every term of every language in one trie over word ids.
///
/// Compiling tokenizes and folds each term once and puts its words in a lexicon (a C hash table).
/// Scanning a text is then one look-up per word; a word that is no term's word is analysed once
/// per distinct word (not per occurrence) for inflected readings (`kerjanya` → `kerja` + -nya),
/// and the trie walk is only as long as the longest term, whatever the glossary's size.
///
/// The trie's edges live in one hash table keyed by (node, gap, word), and the entries ending at
/// each node in one flat list, so a large glossary costs a few arrays instead of a dictionary per
/// node, and the cache restores them with copies.
public final class CompiledGlossary: Sendable {
    public let glossary: Glossary
    /// `glossary.languages`, computed once: the glossary's own property walks every term.
    public let languages: [LanguageTag]
    let registry: AnalyzerRegistry
    /// Every term word and stopword.
    let words: ByteLexicon
    /// Gap signatures found inside terms; `" "` is 0.
    let gapLexicon: ByteLexicon
    /// Languages of the glossary with a word analyzer, in a fixed order (bit positions below).
    let analyzerLanguages: [LanguageTag]
    /// The analyzers of `analyzerLanguages`.
    let analyzers: [any WordFormAnalyzer]
    /// Per word id: bit 0 = the word is a term's word (a trie edge label); bits 16–30 = a stopword
    /// of detector language *n* (at most 15: the scanner copies them into 16 bits of each word,
    /// `ScannedWord.lexiconFlags`).
    let flags: PinnedArray<UInt32>
    /// (node, gap, word) → child node. The root is node 0.
    let edges: EdgeTable
    /// Per word id: the root's child along that word (a term's first word), or 0 for none.
    ///
    /// Every match starts with a root edge, and a large glossary's edge table is tens of
    /// megabytes that no cache holds: read here, a term's first step costs one access to an
    /// array the size of `flags` instead of a probe at a random place of the edge table.
    let rootChildren: PinnedArray<Int32>
    /// Entries that end at each node.
    let terminals: TerminalTable
    /// For `match: prefix` terms: node → first three letters of the last word → (gap, last word, entry).
    let prefixes: [Int32: [String: [PrefixEntry]]]
    let entries: [Entry]
    /// What the matcher asks of every entry a path reaches, four bytes each (see `EntryFacts`):
    /// a large glossary's `entries` do not stay in the processor's cache, these mostly do.
    let entryFacts: [EntryFacts]
    /// The distinct languages of the entries: `EntryFacts.language` indexes this list.
    let entryLanguages: [LanguageTag]
    /// The longest term, in words.
    let maximumLength: Int
    /// Languages of the stopword bits in `flags`, for paragraph language detection.
    let detectorLanguages: [LanguageTag]

    static let spaceGap: Int32 = 0
    static let baseFlag: UInt32 = 1
    /// How many languages' stopwords `flags` can mark.
    static let maximumDetectorLanguages = 15

    /// One way of writing one term: its written form, or one of its listed forms.
    struct Entry: Sendable {
        var reference: TermReference
        var language: LanguageTag
        /// The term's status, for the matches: a rule reads it there instead of in the
        /// glossary model, far away in memory when the glossary is large.
        var status: TermStatus
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

    /// An entry's language (as an index into `entryLanguages`) and the flags of its term that
    /// decide which readings it accepts, in one 32-bit value.
    struct EntryFacts: Sendable, Equatable {
        private var bits: UInt32

        private static let caseSensitive: UInt32 = 1 << 16
        private static let foldsAccents: UInt32 = 1 << 17
        private static let abbreviated: UInt32 = 1 << 18
        private static let pluralInfix: UInt32 = 1 << 19
        private static let viaBareKeys: UInt32 = 1 << 20
        private static let exact: UInt32 = 1 << 21

        init(_ entry: Entry, language: Int) {
            self.init(
                language: language, isCaseSensitive: entry.isCaseSensitive, foldsAccents: entry.foldsAccents,
                isAbbreviated: entry.isAbbreviated, allowsPluralInfix: entry.allowsPluralInfix,
                viaBareKeys: entry.viaBareKeys, isExact: entry.mode == .exact)
        }

        init(
            language: Int, isCaseSensitive: Bool, foldsAccents: Bool, isAbbreviated: Bool, allowsPluralInfix: Bool,
            viaBareKeys: Bool, isExact: Bool
        ) {
            precondition(language <= 0xFFFF, "at most 65,536 languages")
            bits = UInt32(language)
            if isCaseSensitive { bits |= Self.caseSensitive }
            if foldsAccents { bits |= Self.foldsAccents }
            if isAbbreviated { bits |= Self.abbreviated }
            if allowsPluralInfix { bits |= Self.pluralInfix }
            if viaBareKeys { bits |= Self.viaBareKeys }
            if isExact { bits |= Self.exact }
        }

        var language: Int { Int(bits & 0xFFFF) }
        var isCaseSensitive: Bool { bits & Self.caseSensitive != 0 }
        var foldsAccents: Bool { bits & Self.foldsAccents != 0 }
        var isAbbreviated: Bool { bits & Self.abbreviated != 0 }
        var allowsPluralInfix: Bool { bits & Self.pluralInfix != 0 }
        var viaBareKeys: Bool { bits & Self.viaBareKeys != 0 }
        /// `match: exact`.
        var isExact: Bool { bits & Self.exact != 0 }
    }

    struct PrefixEntry: Sendable {
        var gap: Int32
        var stem: String
        var entry: Int32
    }

    /// An edge of the trie: from `node`, across a gap, to a word.
    struct EdgeKey: Hashable, Sendable {
        var node: Int32
        var gap: Int32
        var word: Int32
    }

    /// Compiles `glossary`.
    ///
    /// - Throws: `TextError` when ICU cannot tokenize a term.
    /// - Complexity: O(*t*) in the total length of all terms.
    public convenience init(_ glossary: Glossary, registry: AnalyzerRegistry = .standard) throws {
        let languages = glossary.languages
        var builder = Builder(registry: registry, glossaryLanguages: languages)
        let tokenizer = try Tokenizer()
        for (conceptIndex, concept) in glossary.concepts.enumerated() {
            for (termIndex, term) in concept.terms.enumerated() {
                let reference = TermReference(concept: conceptIndex, term: termIndex)
                let analyzer = registry.analyzer(for: term.language)
                let folds = term.foldsAccents ?? analyzer.foldsAccentsByDefault
                let forms = [(term.text, false)] + term.forms.map { ($0, true) }
                for (form, listed) in forms {
                    let tokens = try tokenizer.tokenize(term: form)
                    guard !tokens.isEmpty else { continue }
                    let bytes = Array(form.utf8)
                    let exact = tokens.map { ICU.nfc(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)) }
                    var entry = Entry(
                        reference: reference, language: term.language, status: term.status, isCaseSensitive: term.isCaseSensitive,
                        foldsAccents: folds, mode: term.matchMode, isAbbreviated: term.type.isAbbreviated,
                        allowsPluralInfix: term.allowsPluralInfix, exactWords: exact, viaBareKeys: false,
                        isListedForm: listed)
                    builder.insert(words: tokens.map(\.folded), gaps: tokens.map(\.gapBefore), entry: entry)
                    if folds, tokens.contains(where: { $0.bare != $0.folded }) {
                        entry.viaBareKeys = true
                        builder.insert(words: tokens.map(\.bare), gaps: tokens.map(\.gapBefore), entry: entry)
                    }
                }
            }
        }
        // Case-sensitive entries alone need their words as written.
        let entries = builder.entries.map { entry -> Entry in
            var entry = entry
            if !entry.isCaseSensitive { entry.exactWords = [] }
            return entry
        }
        self.init(parts: Parts(
            glossary: glossary, languages: languages, registry: registry, words: builder.words, gapLexicon: builder.gaps,
            analyzerLanguages: builder.analyzerLanguages, detectorLanguages: builder.detectorLanguages,
            flags: PinnedArray(builder.finish()), edges: EdgeTable(builder.edges),
            rootChildren: PinnedArray(builder.finishRootChildren()),
            terminals: TerminalTable(builder.terminals, nodeCount: Int(builder.nodeCount)), prefixes: builder.prefixes,
            entries: entries, maximumLength: builder.maximumLength))
    }

    /// Everything a compiled glossary consists of, whether compiled or read from the cache.
    struct Parts {
        var glossary: Glossary
        /// `glossary.languages`.
        var languages: [LanguageTag]
        var registry: AnalyzerRegistry
        var words: ByteLexicon
        var gapLexicon: ByteLexicon
        var analyzerLanguages: [LanguageTag]
        var detectorLanguages: [LanguageTag]
        var flags: PinnedArray<UInt32>
        var edges: EdgeTable
        var rootChildren: PinnedArray<Int32>
        var terminals: TerminalTable
        var prefixes: [Int32: [String: [PrefixEntry]]]
        var entries: [Entry]
        var maximumLength: Int
        /// `entryFacts` and `entryLanguages` when the reader has them at hand; else they are
        /// derived from `entries`.
        var entryFacts: (facts: [EntryFacts], languages: [LanguageTag])? = nil
    }

    init(parts: Parts) {
        glossary = parts.glossary
        languages = parts.languages
        registry = parts.registry
        words = parts.words
        gapLexicon = parts.gapLexicon
        analyzerLanguages = parts.analyzerLanguages
        analyzers = parts.analyzerLanguages.compactMap { parts.registry.analyzer(for: $0) as? any WordFormAnalyzer }
        detectorLanguages = parts.detectorLanguages
        flags = parts.flags
        edges = parts.edges
        rootChildren = parts.rootChildren
        terminals = parts.terminals
        prefixes = parts.prefixes
        entries = parts.entries
        if let given = parts.entryFacts {
            (entryFacts, entryLanguages) = given
        } else {
            var entryLanguages: [LanguageTag] = []
            entryFacts = parts.entries.map { entry in
                // A glossary has a handful of languages: a list beats hashing each tag.
                let language = entryLanguages.firstIndex(of: entry.language) ?? {
                    entryLanguages.append(entry.language)
                    return entryLanguages.count - 1
                }()
                return EntryFacts(entry, language: language)
            }
            self.entryLanguages = entryLanguages
        }
        maximumLength = parts.maximumLength
    }

    /// Accumulates the lexicon and the trie while compiling.
    private struct Builder {
        let registry: AnalyzerRegistry
        let words = ByteLexicon()
        let gaps = ByteLexicon()
        var analyzerLanguages: [LanguageTag] = []
        var detectorLanguages: [LanguageTag] = []
        var generators: [any WordFormAnalyzer] = []
        var flagTable: [Int32: UInt32] = [:]
        var edges = EdgeTable.Building()
        var rootTable: [Int32: Int32] = [:]
        var terminals: [Int32: [Int32]] = [:]
        var prefixes: [Int32: [String: [PrefixEntry]]] = [:]
        var entries: [Entry] = []
        var nodeCount: Int32 = 1
        var maximumLength = 0

        init(registry: AnalyzerRegistry, glossaryLanguages: [LanguageTag]) {
            self.registry = registry
            gaps.insert(" ")
            // Analyzers that generate forms, for every language of the glossary.
            for language in glossaryLanguages {
                guard let generator = registry.analyzer(for: language) as? any WordFormAnalyzer,
                      !analyzerLanguages.contains(generator.language) else { continue }
                analyzerLanguages.append(generator.language)
                generators.append(generator)
            }
            // Stopwords of the glossary's languages, for language detection.
            for language in glossaryLanguages {
                let stopwords = registry.analyzer(for: language).stopwords
                guard !stopwords.isEmpty, detectorLanguages.count < CompiledGlossary.maximumDetectorLanguages else { continue }
                let bit = UInt32(1) << (16 + UInt32(detectorLanguages.count))
                detectorLanguages.append(language)
                for word in stopwords { flagTable[words.insert(word), default: 0] |= bit }
            }
        }

        mutating func id(ofWord word: String) -> Int32 {
            let id = words.insert(word)
            flagTable[id, default: 0] |= CompiledGlossary.baseFlag
            return id
        }

        mutating func insert(words termWords: [String], gaps wordGaps: [String], entry: Entry) {
            entries.append(entry)
            let entryIndex = Int32(entries.count - 1)
            maximumLength = max(maximumLength, termWords.count)
            let isPrefix = entry.mode == .prefix && termWords.last.map { $0.count >= 3 } == true
            var node: Int32 = 0
            let walked = isPrefix ? termWords.count - 1 : termWords.count
            for index in 0..<walked {
                let gap = index == 0 ? 0 : gaps.insert(wordGaps[index])
                let key = EdgeKey(node: node, gap: gap, word: id(ofWord: termWords[index]))
                if let child = edges[key] {
                    node = child
                } else {
                    edges.insert(nodeCount, for: key)
                    if node == 0 { rootTable[key.word] = nodeCount }
                    node = nodeCount
                    nodeCount += 1
                }
            }
            if isPrefix, let stem = termWords.last {
                let gap = walked == 0 ? 0 : gaps.insert(wordGaps[walked])
                prefixes[node, default: [:]][String(stem.prefix(3)), default: []]
                    .append(PrefixEntry(gap: gap, stem: stem, entry: entryIndex))
            } else {
                terminals[node, default: []].append(entryIndex)
            }
        }

        /// The flags as an array indexed by word id.
        func finish() -> [UInt32] {
            var flags = [UInt32](repeating: 0, count: words.count)
            for (id, value) in flagTable { flags[Int(id)] = value }
            return flags
        }

        /// The root's children as an array indexed by word id (0: none).
        func finishRootChildren() -> [Int32] {
            var children = [Int32](repeating: 0, count: words.count)
            for (id, child) in rootTable { children[Int(id)] = child }
            return children
        }
    }

    /// The number of distinct words in the lexicon (term words, clitics, stopwords).
    public var vocabularySize: Int { words.count }

    /// The analyzers of reading-cache slot `slot`: its language's one, or all of them for the
    /// last slot ("language unknown"); a slice, so asking costs no copy.
    func analyzers(inSlot slot: Int) -> ArraySlice<any WordFormAnalyzer> {
        slot < analyzers.count ? analyzers[slot...slot] : analyzers[...]
    }

    /// The child of trie node `node` across `gap` along word `word`, or nil.
    ///
    /// - Complexity: O(1) expected; a root edge is one array access.
    @inline(__always)
    func child(of node: Int32, gap: Int32, word: Int32) -> Int32? {
        guard node == 0 else { return edges[EdgeKey(node: node, gap: gap, word: word)] }
        // A term's first word has no gap before it: the root's edges all have gap 0.
        guard gap == 0, word >= 0, Int(word) < rootChildren.count else { return nil }
        let child = rootChildren[Int(word)]
        return child != 0 ? child : nil
    }

    /// Whether word `id` is a term's word.
    @inline(__always)
    func isBase(_ id: Int32) -> Bool { id >= 0 && flags[Int(id)] & Self.baseFlag != 0 }
}

/// A set of phenomena as a bit mask, for compact storage of readings.
struct PhenomenonSet: Sendable, Hashable {
    var rawValue: UInt16

    init(_ phenomena: [Phenomenon]) {
        rawValue = 0
        for phenomenon in phenomena { insert(phenomenon) }
    }

    private static let order = Phenomenon.allCases

    /// The phenomenon's bit: its position in `allCases` (a switch, not a search or a hash of
    /// the raw value).
    private static func bit(_ phenomenon: Phenomenon) -> UInt16 {
        let index: UInt16 = switch phenomenon {
        case .identity: 0
        case .accent: 1
        case .clitic: 2
        case .hyphenatedClitic: 3
        case .reduplication: 4
        case .plural: 5
        case .possessive: 6
        case .pluralInfix: 7
        case .spelling: 8
        case .listedForm: 9
        case .prefix: 10
        case .compound: 11
        case .lineBreak: 12
        case .invisible: 13
        }
        return 1 << index
    }

    mutating func insert(_ phenomenon: Phenomenon) {
        rawValue |= Self.bit(phenomenon)
    }

    func contains(_ phenomenon: Phenomenon) -> Bool {
        rawValue & Self.bit(phenomenon) != 0
    }

    var isEmpty: Bool { rawValue == 0 }

    var members: [Phenomenon] {
        guard rawValue != 0 else { return [] }
        return Self.order.enumerated().filter { rawValue & (1 << UInt16($0.offset)) != 0 }.map(\.element)
    }

    mutating func formUnion(_ other: PhenomenonSet) {
        rawValue |= other.rawValue
    }

    /// The members in the order of their names (`accent`, `clitic`, …), as matches list them.
    var membersByName: [Phenomenon] {
        guard rawValue != 0 else { return [] }
        return Self.byName.filter { contains($0) }
    }

    private static let byName = Phenomenon.allCases.sorted { $0.rawValue < $1.rawValue }

    /// The sum of the members' costs, without building the member list.
    var cost: Int {
        var total = 0
        var remaining = rawValue
        while remaining != 0 {
            let index = remaining.trailingZeroBitCount
            total += Self.order[index].cost
            remaining &= remaining - 1
        }
        return total
    }
}
