/// A glossary compiled for matching: every term of every language in one trie over word ids, and
/// one lexicon of every written form a term's words can take.
///
/// Compiling tokenizes and folds each term once, and asks each language's analyzer for the forms
/// its words take in running text (`kerja` → `kerjanya`, `kerjalah`; `worker` → `workers`;
/// `labour` → `labor`), keeping only forms the analyzer itself reads back as that word. Scanning a
/// text is then one hash look-up per word plus a walk of the trie that is only as long as the
/// longest term, whatever the glossary's size.
///
/// The trie's edges live in one hash table keyed by (node, gap, word), so a large glossary costs
/// one table instead of a dictionary per node.
public final class CompiledGlossary: Sendable {
    public let glossary: Glossary
    let registry: AnalyzerRegistry
    /// Every written form: terms' words, their generated forms, clitics and stopwords.
    let words: ByteLexicon
    /// Gap signatures found inside terms; `" "` is 0 and `"-"` is 1.
    let gapLexicon: ByteLexicon
    /// Languages with an analyzer that generated forms; `SurfaceReading.language` indexes it.
    let analyzerLanguages: [LanguageTag]
    /// Per word id: bit 0 = the word is a term's word (a trie edge label); bits 8–15 = a hyphenated
    /// clitic in analyzer language *n*; bits 16–31 = a stopword of detector language *n*.
    let flags: [UInt32]
    /// `readings[readingStarts[id]..<readingStarts[id + 1]]` are the readings of word `id`.
    let readingStarts: [Int32]
    let readings: [SurfaceReading]
    /// Interned explanation and suffix texts of readings.
    let texts: [String]
    /// (node, gap, word) → child node. The root is node 0.
    let edges: [EdgeKey: Int32]
    /// Entries that end at each node.
    let terminals: [Int32: [Int32]]
    /// For `match: prefix` terms: node → first three letters of the last word → (gap, last word, entry).
    let prefixes: [Int32: [String: [PrefixEntry]]]
    let entries: [Entry]
    /// The longest term, in words.
    let maximumLength: Int
    /// Languages of the stopword bits in `flags`, for paragraph language detection.
    let detectorLanguages: [LanguageTag]

    static let spaceGap: Int32 = 0
    static let hyphenGap: Int32 = 1
    static let baseFlag: UInt32 = 1

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

    /// A way a written form reads as a term's word.
    struct SurfaceReading: Sendable {
        /// The word id of the base form.
        var base: Int32
        /// Index into `analyzerLanguages`: the reading holds only in paragraphs of that language.
        var language: Int16
        var phenomena: PhenomenonSet
        /// Index into `texts`.
        var explanation: Int32
        var suffix: Int32
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
    /// - Complexity: O(*t* · *f*) for *t* term words and *f* candidate forms per word (a few dozen
    ///   for Indonesian, fewer for English).
    public init(_ glossary: Glossary, registry: AnalyzerRegistry = .standard) throws {
        self.glossary = glossary
        self.registry = registry
        var builder = Builder(registry: registry, glossaryLanguages: glossary.languages)
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
                        reference: reference, language: term.language, isCaseSensitive: term.isCaseSensitive,
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
        let built = builder.finish()
        words = builder.words
        gapLexicon = builder.gaps
        analyzerLanguages = builder.analyzerLanguages
        detectorLanguages = builder.detectorLanguages
        flags = built.flags
        readingStarts = built.starts
        readings = built.readings
        texts = builder.texts
        edges = builder.edges
        terminals = builder.terminals
        prefixes = builder.prefixes
        entries = builder.entries
        maximumLength = builder.maximumLength
    }

    /// Accumulates the lexicon and the trie while compiling.
    private struct Builder {
        let registry: AnalyzerRegistry
        let words = ByteLexicon()
        let gaps = ByteLexicon()
        var analyzerLanguages: [LanguageTag] = []
        var detectorLanguages: [LanguageTag] = []
        var generators: [any GeneratingAnalyzer] = []
        var flagTable: [Int32: UInt32] = [:]
        /// Word id → readings, collected as forms are generated.
        var readingTable: [Int32: [SurfaceReading]] = [:]
        /// Base words already expanded, per analyzer language.
        var expanded: Set<[Int32]> = []
        var texts: [String] = [""]
        var textIDs: [String: Int32] = ["": 0]
        var edges: [EdgeKey: Int32] = [:]
        var terminals: [Int32: [Int32]] = [:]
        var prefixes: [Int32: [String: [PrefixEntry]]] = [:]
        var entries: [Entry] = []
        var nodeCount: Int32 = 1
        var maximumLength = 0

        init(registry: AnalyzerRegistry, glossaryLanguages: [LanguageTag]) {
            self.registry = registry
            gaps.insert(" ")
            gaps.insert("-")
            // Analyzers that generate forms, for every language of the glossary.
            for language in glossaryLanguages {
                guard let generator = registry.analyzer(for: language) as? any GeneratingAnalyzer,
                      !analyzerLanguages.contains(generator.language) else { continue }
                analyzerLanguages.append(generator.language)
                generators.append(generator)
            }
            for (index, generator) in generators.enumerated() where index < 8 {
                for clitic in generator.hyphenatedClitics {
                    flagTable[words.insert(clitic), default: 0] |= 1 << (8 + UInt32(index))
                }
            }
            // Stopwords of the glossary's languages, for language detection.
            for language in glossaryLanguages {
                let stopwords = registry.analyzer(for: language).stopwords
                guard !stopwords.isEmpty, detectorLanguages.count < 16 else { continue }
                let bit = UInt32(1) << (16 + UInt32(detectorLanguages.count))
                detectorLanguages.append(language)
                for word in stopwords { flagTable[words.insert(word), default: 0] |= bit }
            }
        }

        mutating func text(_ value: String) -> Int32 {
            if let id = textIDs[value] { return id }
            let id = Int32(texts.count)
            texts.append(value)
            textIDs[value] = id
            return id
        }

        /// Adds the forms that `language`'s analyzer reads back as `base` to the lexicon.
        ///
        /// A language's morphology applies to its own terms: Indonesian clitics to Indonesian
        /// terms, English plurals to English ones (a loanword listed in both gets both).
        mutating func expand(_ base: String, id baseID: Int32, language: LanguageTag) {
            for (index, generator) in generators.enumerated() where language.isWithin(generator.language) {
                guard expanded.insert([baseID, Int32(index)]).inserted else { continue }
                for form in generator.candidateForms(of: base) where form != base {
                    for analysis in generator.analyses(ofWord: form) where analysis.key == base {
                        let id = words.insert(form)
                        let reading = SurfaceReading(
                            base: baseID, language: Int16(index), phenomena: PhenomenonSet(analysis.phenomena),
                            explanation: text(analysis.explanation), suffix: text(analysis.suffix))
                        readingTable[id, default: []].append(reading)
                    }
                }
            }
        }

        mutating func id(ofWord word: String, language: LanguageTag) -> Int32 {
            let id = words.insert(word)
            flagTable[id, default: 0] |= CompiledGlossary.baseFlag
            // Forms are generated for every term word; the matcher decides per term whether an
            // inflected reading is acceptable.
            expand(word, id: id, language: language)
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
                let key = EdgeKey(node: node, gap: gap, word: id(ofWord: termWords[index], language: entry.language))
                if let child = edges[key] {
                    node = child
                } else {
                    edges[key] = nodeCount
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

        /// Flattens the per-word tables into arrays indexed by word id.
        func finish() -> (flags: [UInt32], starts: [Int32], readings: [SurfaceReading]) {
            let count = words.count
            var flags = [UInt32](repeating: 0, count: count)
            for (id, value) in flagTable { flags[Int(id)] = value }
            var starts = [Int32](repeating: 0, count: count + 1)
            var readings: [SurfaceReading] = []
            for id in 0..<count {
                starts[id] = Int32(readings.count)
                if let list = readingTable[Int32(id)] { readings += list }
            }
            starts[count] = Int32(readings.count)
            return (flags, starts, readings)
        }
    }

    /// The number of distinct written forms the matcher recognises.
    public var vocabularySize: Int { words.count }

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

    mutating func insert(_ phenomenon: Phenomenon) {
        rawValue |= 1 << UInt16(Self.order.firstIndex(of: phenomenon)!)
    }

    func contains(_ phenomenon: Phenomenon) -> Bool {
        rawValue & (1 << UInt16(Self.order.firstIndex(of: phenomenon)!)) != 0
    }

    var members: [Phenomenon] {
        Self.order.enumerated().filter { rawValue & (1 << UInt16($0.offset)) != 0 }.map(\.element)
    }
}
