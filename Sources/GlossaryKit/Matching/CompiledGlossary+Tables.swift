extension CompiledGlossary {
    /// Everything compiling makes of a glossary: the one description of a compiled glossary.
    ///
    /// Compiling fills it (the memberwise initialiser asks for every table), `CompiledGlossary`
    /// stores it (`compiled.tables.flags`), and the cache writes and reads it through its
    /// synthesised `Codable` conformance, the large tables where they lie in the cache file.
    /// Adding a table is adding a stored property here, and, if it refers into another table,
    /// a line in `isConsistent`, which every table read from the cache must pass before it is
    /// used.
    ///
    /// The matcher reads these tables for every word: stored in place in the class, a table is
    /// one load away, as a stored property of the class would be.
    struct Tables: Sendable, Codable {
        /// `glossary.languages`.
        let languages: [LanguageTag]
        /// Languages of the glossary with a word analyzer, in a fixed order (the reading cache's
        /// slots).
        let analyzerLanguages: [LanguageTag]
        /// Languages of the stopword bits in `flags`, for paragraph language detection.
        let detectorLanguages: [LanguageTag]
        /// Every term word and stopword.
        let words: ByteLexicon
        /// Gap signatures found inside terms; `" "` is 0.
        let gapLexicon: ByteLexicon
        /// Per word id: bit 0 = the word is a term's word or an exception phrase's first word
        /// (a trie edge label a match may start with); bit 1 = a word only of exception phrases,
        /// after their first word (an edge label no match starts with); bits 16–30 = a stopword
        /// of detector language *n* (at most 15). The scanner copies bit 0 and bits 16–30 into 16
        /// bits of each word, `ScannedWord.lexiconFlags`.
        let flags: PinnedArray<UInt32>
        /// Per word id: the root's child along that word (a term's first word), or 0 for none.
        ///
        /// Every match starts with a root edge, and a large glossary's edge table is tens of
        /// megabytes that no cache holds: read here, a term's first step costs one access to an
        /// array the size of `flags` instead of a probe at a random place of the edge table.
        let rootChildren: PinnedArray<Int32>
        /// (node, gap, word) → child node. The root is node 0.
        let edges: EdgeTable
        /// Entries that end at each node.
        let terminals: TerminalTable
        /// For `match: prefix` terms: node → first three letters of the last word → (gap, last
        /// word, entry).
        let prefixes: KeyOrderedDictionary<Int32, KeyOrderedDictionary<String, [PrefixEntry]>>
        /// The ways of writing each term that paths through the trie end at.
        let entries: EntryTable
        /// The longest term, in words.
        let maximumLength: Int

        /// Whether the tables agree with each other and with a glossary whose concepts have
        /// `termCounts` terms: every index into another table is in range, so that tables read
        /// from a damaged cache are refused instead of crashing the matcher or misleading it.
        ///
        /// `release` is given each large table's memory once it has been checked (the cache lets
        /// the pages of its mapped file go, so that they are not all resident at once).
        ///
        /// - Complexity: O(*n*) in the tables' size.
        func isConsistent(termCounts: [Int32], release: (UnsafeRawBufferPointer) -> Void = { _ in }) -> Bool {
            func released<Element>(_ table: PinnedArray<Element>) {
                table.withUnsafeBufferPointer { release(UnsafeRawBufferPointer($0)) }
            }
            guard detectorLanguages.count <= CompiledGlossary.maximumDetectorLanguages,
                flags.count == words.count, rootChildren.count == words.count,
                maximumLength >= 0,
                edges.isConsistent(release: release),
                terminals.isConsistent(entryCount: entries.count)
            else { return false }
            released(terminals.starts)
            released(terminals.entries)
            guard entries.isConsistent(termCounts: termCounts) else { return false }
            released(entries.concepts)
            released(entries.terms)
            released(entries.facts)
            let entryCount = entries.count
            let prefixesValid = prefixes.values.allSatisfy { byStem in
                byStem.values.allSatisfy { list in list.allSatisfy { $0.entry >= 0 && Int($0.entry) < entryCount } }
            }
            // A root child is a node (0: none) of a term's first word.
            let nodeCount = Int32(terminals.nodeCount)
            let childrenValid = rootChildren.withUnsafeBufferPointer { children in
                flags.withUnsafeBufferPointer { flags in
                    zip(children, flags).allSatisfy { child, flag in
                        child == 0 || (child > 0 && child < nodeCount && flag & CompiledGlossary.baseFlag != 0)
                    }
                }
            }
            released(rootChildren)
            released(flags)
            return prefixesValid && childrenValid
        }
    }
}
