/// A glossary compiled for matching: every term of every language in one trie over word ids.
///
/// Compiling tokenizes and folds each term once and puts its words in a lexicon (a C hash table).
/// Scanning a text is then one look-up per word; a word that is no term's word is analysed once
/// per distinct word (not per occurrence) for inflected readings (`kerjanya` → `kerja` + -nya),
/// and the trie walk is only as long as the longest term, whatever the glossary's size.
///
/// The trie's edges live in one hash table keyed by (node, gap, word), and the entries ending at
/// each node in one flat list, so a large glossary costs a few arrays instead of a dictionary per
/// node, which the cache uses where they lie in its file. `Tables` lists everything compiling
/// makes.
public final class CompiledGlossary: Sendable {
    /// The glossary as loaded.
    public let glossary: Glossary
    let registry: AnalyzerRegistry
    /// Everything compiling made of `glossary`.
    let tables: Tables
    /// The analyzers of `analyzerLanguages`.
    let analyzers: [any WordFormAnalyzer]
    /// The words of a term other than its last that may take the plural, per entry language.
    let pluralPositions: PluralPositions

    /// `glossary.languages`, computed once: the glossary's own property walks every term.
    public var languages: [LanguageTag] { tables.languages }

    static let spaceGap: Int32 = 0
    /// The gap ids of a hyphen and of a hyphen that ends a line (`Gap.lineBreakHyphen`): every
    /// compiled glossary has both, so that the matcher knows them in a text by their ids.
    let hyphenGap: Int32
    let lineBreakHyphenGap: Int32
    /// The compound rules of each entry language (`EntryTable.languages`), which the matcher
    /// applies to the entry's matches.
    let entryCompoundRules: [CompoundRules]
    /// The bit of `flags` that marks a term's word or the first word of an exception phrase:
    /// a word a match may start at (`mayStartMatch`), which the scanner copies into each word.
    static let baseFlag: UInt32 = 1
    /// The bit of `flags` that marks a word found only after the first word of exception phrases
    /// (*the* in *country of origin of the goods*): a word of the trie (`isTermWord`) that no
    /// match starts at, so that the matcher passes it by as it passes an unknown word instead of
    /// walking from every *the*, *dan* and *atau* of a text. The scanner does not copy it.
    static let phraseWordFlag: UInt32 = 2
    /// How many languages' stopwords `flags` can mark.
    static let maximumDetectorLanguages = 15

    struct PrefixEntry: Sendable, Codable {
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

    /// The most words a term (or a listed form) may have. A match records where the text puts
    /// hyphens between its words in 32 bits (`Entry.hyphens`); and a walk through a longer
    /// term would cost time in proportion to the term's length at every word of a text that
    /// repeats its words. The longest names of treaties and institutions are about twenty.
    static let longestTerm = 32

    /// `text` as a message shows a term too long to quote whole: its first 40 characters.
    static func abbreviated(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// The error for a term, one of its forms or one of its exception phrases (`what`), `form`,
    /// of `words` words: more than `longestTerm`.
    static func tooLong(_ form: String, words: Int, at term: Term, what: String = "term") -> InputError {
        InputError(
            "the \(what) '\(abbreviated(form))' has \(words) words; at most \(longestTerm) are matched (split it into shorter ones)",
            file: term.location?.file, location: term.location)
    }

    /// Compiles `glossary`, on up to `maximumThreads` threads (nil: two when the machine has
    /// more than one core).
    ///
    /// Compiling uses at most two threads: the compiling one, and a helper that finds the
    /// terms' compound forms ahead of it (`PreparedFormQueue`). The result is the same on any
    /// number of threads.
    ///
    /// - Throws: `TextError` when ICU cannot tokenize a term; `InputError` for a term of more
    ///   than `longestTerm` words.
    /// - Complexity: O(*t*) in the total length of all terms.
    public convenience init(_ glossary: Glossary, registry: AnalyzerRegistry = .standard, maximumThreads: Int? = nil) throws {
        let languages = glossary.languages
        var builder = Builder(registry: registry, glossaryLanguages: languages)
        let tokenizer = try Tokenizer()
        let usesHelper = PreparedFormQueue.usesHelper(maximumThreads: maximumThreads)
        // What compiling needs of each language, found once per language instead of once per
        // term (a handful of languages: a list of their tags beats hashing each term's tag).
        var termLanguages: [TermLanguage] = []
        var languageTags: [LanguageTag] = []
        var languageRules: [CompoundRules] = []
        func termLanguage(_ language: LanguageTag) -> Int {
            if let index = languageTags.firstIndex(of: language) { return index }
            let analyzer = registry.analyzer(for: language)
            termLanguages.append(TermLanguage(tag: language, analyzer: analyzer))
            languageTags.append(language)
            languageRules.append(analyzer.compoundRules)
            return termLanguages.count - 1
        }
        // Every term's words first, by language: the parts a closed compound may split into,
        // gathered a chunk behind the tokenizer (on the helper thread when there is one).
        // The tokens of every form are kept in the order the second pass reads them, with what
        // it needs to know of the form's term.
        var tokenized: [TokenizedForm] = []
        let gatherer = CompoundPartsGatherer(helper: usesHelper)
        // The terms are read in place: a `Term` copied per term costs a dozen reference counts.
        let concepts = glossary.concepts
        do {
            var submitted = 0
            for conceptIndex in concepts.indices {
                let terms = concepts[conceptIndex].terms
                for termIndex in terms.indices {
                    let language = termLanguage(terms[termIndex].language)
                    let analyzer = termLanguages[language].analyzer
                    let isCaseSensitive = terms[termIndex].isCaseSensitive, mode = terms[termIndex].matchMode
                    let folds = terms[termIndex].foldsAccents ?? analyzer.foldsAccentsByDefault
                    // Compounds are a spelling: not for `match: exact`, acronyms and abbreviations,
                    // nor (their words as written being fixed) case-sensitive or prefix terms.
                    let isAbbreviated = terms[termIndex].type.isAbbreviated
                    let variesAsCompound =
                        mode == .inflected && !isAbbreviated && !isCaseSensitive && languageRules[language].closedCompounds
                    // The written form, then the listed forms (no array of them per term).
                    for formIndex in 0...terms[termIndex].forms.count {
                        let form = formIndex == 0 ? terms[termIndex].text : terms[termIndex].forms[formIndex - 1]
                        let tokens = try tokenizer.tokenize(term: form)
                        if tokens.count > Self.longestTerm { throw Self.tooLong(form, words: tokens.count, at: terms[termIndex]) }
                        tokenized.append(
                            TokenizedForm(
                                tokens: tokens, language: language, foldsAccents: folds, variesAsCompound: variesAsCompound))
                    }
                    if tokenized.count - submitted >= PreparedFormQueue.chunkSize {
                        // A copy of the chunk: a slice would share `tokenized`'s storage, and
                        // the next append would copy all of it.
                        gatherer.submit(Array(tokenized[submitted...]), rules: languageRules)
                        submitted = tokenized.count
                    }
                }
            }
            gatherer.submit(Array(tokenized[submitted...]), rules: languageRules)
        } catch {
            // The helper stops once it has what was submitted.
            _ = gatherer.finish()
            throw error
        }
        // The compound parts are complete: the forms' keys and compound forms can be prepared
        // ahead of the trie, on a second core when there is one.
        let queue = PreparedFormQueue(
            forms: tokenized,
            languages: zip(languageRules, gatherer.finish()).map { .init(rules: $0, parts: $1) })
        tokenized = []
        defer { queue.cancel() }
        if usesHelper { queue.startHelper() }
        var chunk: [PreparedForm] = []
        var nextInChunk = 0
        for conceptIndex in concepts.indices {
            let terms = concepts[conceptIndex].terms
            for termIndex in terms.indices {
                let reference = TermReference(concept: conceptIndex, term: termIndex)
                let language = termLanguage(terms[termIndex].language)
                let analyzer = termLanguages[language].analyzer
                let isCaseSensitive = terms[termIndex].isCaseSensitive, type = terms[termIndex].type
                let mode = terms[termIndex].matchMode
                let folds = terms[termIndex].foldsAccents ?? analyzer.foldsAccentsByDefault
                let compounds = mode == .exact || type.isAbbreviated ? CompoundRules.none : termLanguages[language].compoundRules
                for formIndex in 0...terms[termIndex].forms.count {
                    // The written form first, then the listed ones.
                    if nextInChunk == chunk.count {
                        // The chunks hold exactly the forms of this loop, in its order. A used
                        // chunk goes back to the queue, for the helper to free.
                        queue.giveBack(chunk)
                        guard let next = queue.next() else { preconditionFailure("fewer prepared forms than forms") }
                        chunk = next
                        nextInChunk = 0
                    }
                    let prepared = chunk[nextInChunk]
                    nextInChunk += 1
                    // The next form's words are mostly in the lexicon's slots, megabytes from
                    // each other: they are fetched while this form goes in.
                    if nextInChunk < chunk.count, let upcoming = chunk[nextInChunk].insertions.first {
                        for word in upcoming.words { builder.words.prefetch(word) }
                    }
                    guard !prepared.insertions.isEmpty else { continue }
                    let listed = formIndex > 0
                    // Case-sensitive entries alone need their words as written.
                    let exact =
                        !isCaseSensitive
                        ? []
                        : prepared.tokens.map {
                            [bytes = Array((listed ? terms[termIndex].forms[formIndex - 1] : terms[termIndex].text).utf8)] in
                            ICU.nfc(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))
                        }
                    var entry = Entry(
                        reference: reference,
                        facts: EntryFacts(
                            language: builder.entryLanguage(terms[termIndex].language), status: terms[termIndex].status,
                            mode: mode, isCaseSensitive: isCaseSensitive, foldsAccents: folds, isAbbreviated: type.isAbbreviated,
                            allowsPluralInfix: terms[termIndex].allowsPluralInfix, viaBareKeys: false, isListedForm: listed,
                            allowsHyphenForSpace: compounds.hyphenAndSpaceInterchange),
                        exactWords: exact)
                    for insertion in prepared.insertions {
                        entry.facts.viaBareKeys = insertion.viaBareKeys
                        entry.facts.compoundVariant = insertion.compoundVariant
                        builder.insert(words: insertion.words, gaps: insertion.gaps, entry: entry)
                    }
                }
                if !terms[termIndex].exceptions.isEmpty {
                    try builder.insertExceptions(
                        of: terms[termIndex], reference: reference, foldsAccents: folds, tokenizer: tokenizer)
                }
            }
        }
        precondition(queue.next() == nil, "more prepared forms than forms")
        self.init(
            glossary: glossary,
            tables: Tables(
                languages: languages, analyzerLanguages: builder.analyzerLanguages,
                detectorLanguages: builder.detectorLanguages, words: builder.words, gapLexicon: builder.gaps,
                flags: PinnedArray(builder.finish()), rootChildren: PinnedArray(builder.finishRootChildren()),
                edges: EdgeTable(builder.edges),
                terminals: TerminalTable(
                    nodes: builder.terminalNodes, entries: builder.terminalEntries, nodeCount: Int(builder.nodeCount)),
                prefixes: KeyOrderedDictionary(builder.prefixes.mapValues { KeyOrderedDictionary($0) }),
                entries: EntryTable(builder.entries, languages: builder.entryLanguages),
                maximumLength: builder.maximumLength),
            registry: registry)
    }

    /// What compiling reads of a language of the glossary's terms.
    private struct TermLanguage {
        let tag: LanguageTag
        let analyzer: any LanguageAnalyzer
        /// `analyzer.compoundRules`, which an analyzer may make on every call.
        let compoundRules: CompoundRules

        init(tag: LanguageTag, analyzer: any LanguageAnalyzer) {
            self.tag = tag
            self.analyzer = analyzer
            compoundRules = analyzer.compoundRules
        }
    }

    /// A compiled glossary of `glossary` made of `tables`, compiled or read from the cache.
    init(glossary: Glossary, tables: Tables, registry: AnalyzerRegistry) {
        self.glossary = glossary
        self.tables = tables
        self.registry = registry
        // (An id no scanned gap has, should a table lack them.)
        hyphenGap = tables.gapLexicon.find("-") ?? Int32.min
        lineBreakHyphenGap = tables.gapLexicon.find(Gap.lineBreakHyphen) ?? Int32.min
        entryCompoundRules = tables.entries.languages.map { registry.analyzer(for: $0).compoundRules }
        analyzers = tables.analyzerLanguages.compactMap { registry.analyzer(for: $0) as? any WordFormAnalyzer }
        pluralPositions = PluralPositions(languages: tables.entries.languages, registry: registry, words: tables.words)
    }

    /// Accumulates the lexicon and the trie while compiling.
    private struct Builder {
        let registry: AnalyzerRegistry
        let words = ByteLexicon()
        let gaps = ByteLexicon()
        var analyzerLanguages: [LanguageTag] = []
        var detectorLanguages: [LanguageTag] = []
        var generators: [any WordFormAnalyzer] = []
        /// Per word id: its bits of `Tables.flags` (the lexicon's ids count up from 0).
        var flagTable: [UInt32] = []
        var edges = EdgeTable.Building()
        /// Per word id: the root's child along it, 0 for none.
        var rootTable: [Int32] = []
        /// The entries that end at a node, as two columns in the order they were added: the
        /// node, and the entry (`TerminalTable.init(nodes:entries:nodeCount:)`).
        var terminalNodes: [Int32] = []
        var terminalEntries: [Int32] = []
        var prefixes: [Int32: [String: [PrefixEntry]]] = [:]
        var entries: [Entry] = []
        /// The distinct languages of the entries, in first-seen order (`EntryFacts.language`).
        var entryLanguages: [LanguageTag] = []
        var nodeCount: Int32 = 1
        var maximumLength = 0

        init(registry: AnalyzerRegistry, glossaryLanguages: [LanguageTag]) {
            self.registry = registry
            gaps.insert(" ")
            gaps.insert("-")
            gaps.insert(Gap.lineBreakHyphen)
            // Analyzers that generate forms, for every language of the glossary.
            for language in glossaryLanguages {
                guard let generator = registry.analyzer(for: language) as? any WordFormAnalyzer,
                    !analyzerLanguages.contains(generator.language)
                else { continue }
                analyzerLanguages.append(generator.language)
                generators.append(generator)
            }
            // Stopwords of the glossary's languages, for language detection.
            for language in glossaryLanguages {
                let stopwords = registry.analyzer(for: language).stopwords
                guard !stopwords.isEmpty, detectorLanguages.count < CompiledGlossary.maximumDetectorLanguages else { continue }
                let bit = UInt32(1) << (16 + UInt32(detectorLanguages.count))
                detectorLanguages.append(language)
                // In a fixed order, so that a compiled glossary (and its cache entry) is the same in
                // every run: a set's order changes with the process's hash seed.
                for word in stopwords.sorted() { setFlag(bit, of: words.insert(word)) }
            }
        }

        /// The index of `language` among the entries' languages, adding it when new.
        mutating func entryLanguage(_ language: LanguageTag) -> Int {
            // A glossary has a handful of languages: a list beats hashing each tag.
            if let index = entryLanguages.firstIndex(of: language) { return index }
            entryLanguages.append(language)
            return entryLanguages.count - 1
        }

        mutating func id(ofWord word: String, flag: UInt32 = CompiledGlossary.baseFlag) -> Int32 {
            let id = words.insert(word)
            setFlag(flag, of: id)
            return id
        }

        /// Sets `flag` in the flags of word `id`.
        private mutating func setFlag(_ flag: UInt32, of id: Int32) {
            if Int(id) >= flagTable.count { flagTable += repeatElement(0, count: Int(id) + 1 - flagTable.count) }
            flagTable[Int(id)] |= flag
        }

        /// Adds the entry and its path through the trie. A hyphen between two words is stored as
        /// a space (the entry keeps where its hyphens are), so that one path serves the term
        /// written with either; the matcher compares the text's hyphens with the entry's.
        mutating func insert(words termWords: [String], gaps wordGaps: [String], entry: Entry) {
            var entry = entry
            entry.hyphens = 0
            for index in 1..<min(wordGaps.count, 32) where wordGaps[index] == "-" { entry.hyphens |= 1 << UInt32(index) }
            entry.facts.isHyphenated = entry.hyphens != 0
            entries.append(entry)
            let entryIndex = Int32(entries.count - 1)
            maximumLength = max(maximumLength, termWords.count)
            let isPrefix = entry.facts.mode == .prefix && termWords.last.map { $0.count >= 3 } == true
            var node: Int32 = 0
            let walked = isPrefix ? termWords.count - 1 : termWords.count
            func edgeGap(_ index: Int) -> Int32 {
                index == 0 || wordGaps[index] == "-" ? CompiledGlossary.spaceGap : gaps.insert(wordGaps[index])
            }
            for index in 0..<walked {
                let gap = edgeGap(index)
                let flag = entry.facts.isException && index > 0 ? CompiledGlossary.phraseWordFlag : CompiledGlossary.baseFlag
                let key = EdgeKey(node: node, gap: gap, word: id(ofWord: termWords[index], flag: flag))
                if let child = edges[key] {
                    node = child
                } else {
                    edges.insert(nodeCount, for: key)
                    if node == 0 {
                        if Int(key.word) >= rootTable.count {
                            rootTable += repeatElement(0, count: Int(key.word) + 1 - rootTable.count)
                        }
                        rootTable[Int(key.word)] = nodeCount
                    }
                    node = nodeCount
                    nodeCount += 1
                }
            }
            if isPrefix, let stem = termWords.last {
                let gap = edgeGap(walked)
                prefixes[node, default: [:]][String(stem.prefix(3)), default: []]
                    .append(PrefixEntry(gap: gap, stem: stem, entry: entryIndex))
            } else {
                terminalNodes.append(node)
                terminalEntries.append(entryIndex)
            }
        }

        /// Adds the exception phrases of `term` as entries of their own, in the same trie as the
        /// terms, so that one walk finds both: a phrase matches as a term would (case ignored,
        /// accents folded where the term folds them, inflected), and the matcher reports no match
        /// of it but exempts the matches of the term's concept inside it.
        mutating func insertExceptions(
            of term: Term, reference: TermReference, foldsAccents folds: Bool, tokenizer: Tokenizer
        ) throws {
            for (phrase, exception) in term.exceptions.enumerated() {
                let tokens = try tokenizer.tokenize(term: exception.text)
                // A phrase without words can never match (`glossary lint` reports it).
                guard !tokens.isEmpty else { continue }
                // A phrase is walked as a term is: the same bound on its length.
                if tokens.count > CompiledGlossary.longestTerm {
                    throw CompiledGlossary.tooLong(exception.text, words: tokens.count, at: term, what: "exception phrase")
                }
                var entry = Entry(
                    reference: reference,
                    facts: EntryFacts(
                        language: entryLanguage(term.language), status: term.status, mode: .inflected,
                        isCaseSensitive: false, foldsAccents: folds, isAbbreviated: false,
                        allowsPluralInfix: term.allowsPluralInfix, viaBareKeys: false, isListedForm: false, isException: true),
                    exactWords: [], exceptionPhrase: Int32(phrase))
                insert(words: tokens.map(\.folded), gaps: tokens.map(\.gapBefore), entry: entry)
                if folds, tokens.contains(where: { $0.bare != $0.folded }) {
                    entry.facts.viaBareKeys = true
                    insert(words: tokens.map(\.bare), gaps: tokens.map(\.gapBefore), entry: entry)
                }
            }
        }

        /// The flags as an array indexed by word id.
        func finish() -> [UInt32] {
            flagTable + repeatElement(0, count: words.count - flagTable.count)
        }

        /// The root's children as an array indexed by word id (0: none).
        func finishRootChildren() -> [Int32] {
            rootTable + repeatElement(0, count: words.count - rootTable.count)
        }
    }

    /// The number of distinct words in the lexicon (term words, clitics, stopwords).
    package var vocabularySize: Int { tables.words.count }

    /// The analyzers of analyzer group `group`: its language's one, or all of them for the
    /// last group ("language unknown"); a slice, so asking costs no copy.
    func analyzers(inGroup group: Int) -> ArraySlice<any WordFormAnalyzer> {
        group < analyzers.count ? analyzers[group...group] : analyzers[...]
    }

    /// The child of trie node `node` across `gap` along word `word`, or nil.
    ///
    /// - Complexity: O(1) expected; a root edge is one array access.
    @inline(__always)
    func child(of node: Int32, gap: Int32, word: Int32) -> Int32? {
        guard node == 0 else { return tables.edges[EdgeKey(node: node, gap: gap, word: word)] }
        // A term's first word has no gap before it: the root's edges all have gap 0.
        guard gap == 0, word >= 0, Int(word) < tables.rootChildren.count else { return nil }
        let child = tables.rootChildren[Int(word)]
        return child != 0 ? child : nil
    }

    /// Whether word `id` is a word of the trie: a term's word or an exception phrase's.
    @inline(__always)
    func isTermWord(_ id: Int32) -> Bool { id >= 0 && tables.flags[Int(id)] & (Self.baseFlag | Self.phraseWordFlag) != 0 }

    /// Whether a match may start at word `id` as written: it is a term's word or the first word
    /// of an exception phrase (what the scanner copies into `ScannedWord.lexiconFlags`).
    @inline(__always)
    func mayStartMatch(_ id: Int32) -> Bool { id >= 0 && tables.flags[Int(id)] & Self.baseFlag != 0 }
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
        let index: UInt16 =
            switch phenomenon {
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
            case .markup: 14
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
