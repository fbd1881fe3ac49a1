import Foundation

@testable import GlossaryKit

/// The compiler as it was before issue 18 made it faster (`CompiledGlossary.init` at commit
/// 56e4d23): a dictionary of every form's tokens keyed by its text, a set of strings per
/// language for the compound parts, dictionaries by word id and a dictionary of lists for the
/// terminals. Kept as it was (names qualified) as the reference that the fast compiler must
/// equal byte for byte (`CompilerDifferentialTests`), on glossaries without two canonically
/// equivalent forms, which it mixed up.
enum ReferenceCompiler {
    /// `glossary` compiled the way the reference did it.
    static func compile(_ glossary: Glossary, registry: AnalyzerRegistry = .standard) throws -> CompiledGlossary {
        let languages = glossary.languages
        var builder = Builder(registry: registry, glossaryLanguages: languages)
        let tokenizer = try Tokenizer()
        // Every term's words first, by language: the parts a closed compound may split into.
        var tokenized: [String: [Token]] = [:]
        var knownWords: [LanguageTag: Set<String>] = [:]
        for concept in glossary.concepts {
            for term in concept.terms {
                for form in [term.text] + term.forms {
                    let tokens = try tokenized[form] ?? tokenizer.tokenize(term: form)
                    tokenized[form] = tokens
                    knownWords[term.language, default: []].formUnion(tokens.flatMap { [$0.folded, $0.bare] })
                }
            }
        }
        for (conceptIndex, concept) in glossary.concepts.enumerated() {
            for (termIndex, term) in concept.terms.enumerated() {
                let reference = TermReference(concept: conceptIndex, term: termIndex)
                let analyzer = registry.analyzer(for: term.language)
                let folds = term.foldsAccents ?? analyzer.foldsAccentsByDefault
                // Compounds are a spelling: not for `match: exact`, acronyms and abbreviations,
                // nor (their words as written being fixed) case-sensitive or prefix terms.
                let compounds = term.matchMode == .exact || term.type.isAbbreviated ? CompoundRules.none : analyzer.compoundRules
                let variesAsCompound = compounds.closedCompounds && !term.isCaseSensitive && term.matchMode == .inflected
                let forms = [(term.text, false)] + term.forms.map { ($0, true) }
                for (form, listed) in forms {
                    let tokens = tokenized[form] ?? []
                    guard !tokens.isEmpty else { continue }
                    let bytes = Array(form.utf8)
                    // Case-sensitive entries alone need their words as written.
                    let exact =
                        !term.isCaseSensitive
                        ? []
                        : tokens.map {
                            ICU.nfc(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))
                        }
                    var entry = CompiledGlossary.Entry(
                        reference: reference,
                        facts: CompiledGlossary.EntryFacts(
                            language: builder.entryLanguage(term.language), status: term.status, mode: term.matchMode,
                            isCaseSensitive: term.isCaseSensitive, foldsAccents: folds, isAbbreviated: term.type.isAbbreviated,
                            allowsPluralInfix: term.allowsPluralInfix, viaBareKeys: false, isListedForm: listed,
                            allowsHyphenForSpace: compounds.hyphenAndSpaceInterchange),
                        exactWords: exact)
                    var keys = [tokens.map(\.folded)]
                    if folds, tokens.contains(where: { $0.bare != $0.folded }) { keys.append(tokens.map(\.bare)) }
                    for (index, words) in keys.enumerated() {
                        entry.facts.viaBareKeys = index > 0
                        entry.facts.compoundVariant = nil
                        builder.insert(words: words, gaps: tokens.map(\.gapBefore), entry: entry)
                        guard variesAsCompound else { continue }
                        for variant in variants(
                            words: words, gaps: tokens.map(\.gapBefore), isLetterWord: tokens.map { $0.kind == .letter },
                            rules: compounds,
                            known: knownWords[term.language] ?? [])
                        {
                            entry.facts.compoundVariant = variant.kind
                            builder.insert(words: variant.words, gaps: variant.gaps, entry: entry)
                        }
                    }
                }
                try builder.insertExceptions(of: term, reference: reference, foldsAccents: folds, tokenizer: tokenizer)
            }
        }
        return CompiledGlossary(
            glossary: glossary,
            tables: CompiledGlossary.Tables(
                languages: languages, analyzerLanguages: builder.analyzerLanguages,
                detectorLanguages: builder.detectorLanguages, words: builder.words, gapLexicon: builder.gaps,
                flags: PinnedArray(builder.finish()), rootChildren: PinnedArray(builder.finishRootChildren()),
                edges: EdgeTable(builder.edges), terminals: terminalTable(builder.terminals, nodeCount: Int(builder.nodeCount)),
                prefixes: KeyOrderedDictionary(builder.prefixes.mapValues { KeyOrderedDictionary($0) }),
                entries: CompiledGlossary.EntryTable(builder.entries, languages: builder.entryLanguages),
                maximumLength: builder.maximumLength),
            registry: registry)
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
        var prefixes: [Int32: [String: [CompiledGlossary.PrefixEntry]]] = [:]
        var entries: [CompiledGlossary.Entry] = []
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
                for word in stopwords.sorted() { flagTable[words.insert(word), default: 0] |= bit }
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
            flagTable[id, default: 0] |= flag
            return id
        }

        /// Adds the entry and its path through the trie. A hyphen between two words is stored as
        /// a space (the entry keeps where its hyphens are), so that one path serves the term
        /// written with either; the matcher compares the text's hyphens with the entry's.
        mutating func insert(words termWords: [String], gaps wordGaps: [String], entry: CompiledGlossary.Entry) {
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
                let key = CompiledGlossary.EdgeKey(node: node, gap: gap, word: id(ofWord: termWords[index], flag: flag))
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
                let gap = edgeGap(walked)
                prefixes[node, default: [:]][String(stem.prefix(3)), default: []]
                    .append(CompiledGlossary.PrefixEntry(gap: gap, stem: stem, entry: entryIndex))
            } else {
                terminals[node, default: []].append(entryIndex)
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
                var entry = CompiledGlossary.Entry(
                    reference: reference,
                    facts: CompiledGlossary.EntryFacts(
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

    /// The terminal lists of `byNode` for nodes `0..<nodeCount`, as the reference built them.
    static func terminalTable(_ byNode: [Int32: [Int32]], nodeCount: Int) -> TerminalTable {
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for (node, list) in byNode { counts[Int(node) + 1] = Int32(list.count) }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var entries = [Int32](repeating: 0, count: Int(counts[nodeCount]))
        for (node, list) in byNode {
            let start = Int(counts[Int(node)])
            for (offset, entry) in list.enumerated() { entries[start + offset] = entry }
        }
        return TerminalTable(starts: PinnedArray(counts), entries: PinnedArray(entries))
    }

    static func variants(words: [String], gaps: [String], isLetterWord: [Bool], rules: CompoundRules, known: Set<String>)
        -> [CompoundVariant]
    {
        guard rules.closedCompounds, words.count == gaps.count, words.count == isLetterWord.count else { return [] }
        var result: [CompoundVariant] = []
        for index in 1..<max(words.count, 1) where isLetterWord[index - 1] && isLetterWord[index] {
            guard gaps[index] == "-" || (gaps[index] == " " && words.count == 2) else { continue }
            var joined = words, joinedGaps = gaps
            joined[index - 1] += joined.remove(at: index)
            joinedGaps.remove(at: index)
            result.append(CompoundVariant(words: joined, gaps: joinedGaps, kind: .closed))
        }
        func isPart(_ part: Substring) -> Bool {
            let part = String(part)
            return rules.parts.contains(part) || (part.count >= CompoundVariant.shortestPart && known.contains(part))
        }
        for (index, word) in words.enumerated() where isLetterWord[index] {
            var split = word.index(after: word.startIndex)
            while split < word.endIndex {
                if isPart(word[..<split]), isPart(word[split...]) {
                    var parts = words, partGaps = gaps
                    parts.replaceSubrange(index...index, with: [String(word[..<split]), String(word[split...])])
                    partGaps.insert(" ", at: index + 1)
                    result.append(CompoundVariant(words: parts, gaps: partGaps, kind: .open))
                }
                split = word.index(after: split)
            }
        }
        return result
    }
}
