/// The compiled glossary in the cache's binary layout: the glossary model and the match entries,
/// then the matcher's tables as they are in memory (word flags, the root's children, the
/// lexicons' C hash tables, the edge table, the terminal lists), aligned, so that loading uses
/// them where they lie in the mapped file instead of inserting every word and edge again.
extension CompiledGlossary {
    /// Format version; a cache written by another version is ignored.
    static let cacheFormat: UInt32 = 6

    func encode(into writer: inout BinaryWriter) {
        writer.write(Self.cacheFormat)
        writer.write(glossary)
        // The compiled part's own few tags, each parsed once when reading.
        var tags = BinaryWriter.Interner<LanguageTag>()
        for tag in languages + analyzerLanguages + detectorLanguages { _ = tags.index(of: tag) }
        for entry in entries { _ = tags.index(of: entry.language) }
        writer.write(tags.values.count)
        for tag in tags.values { writer.write(tag.rawValue) }
        for list in [languages, analyzerLanguages, detectorLanguages] {
            writer.write(list.count)
            for tag in list { writer.write(tags.index(of: tag)) }
        }
        writer.writeCases(of: MatchMode.self)
        writer.writeCases(of: TermStatus.self)
        writer.write(entries.count)
        for entry in entries {
            writer.write(entry.reference.concept)
            writer.write(entry.reference.term)
            var bits: UInt8 = 0
            if entry.viaBareKeys { bits |= 1 }
            if entry.isListedForm { bits |= 2 }
            if entry.foldsAccents { bits |= 4 }
            if entry.isCaseSensitive { bits |= 8 }
            if entry.isAbbreviated { bits |= 16 }
            if entry.allowsPluralInfix { bits |= 32 }
            writer.write(bits)
            writer.writeCase(entry.mode)
            writer.writeCase(entry.status)
            writer.write(tags.index(of: entry.language))
            writer.write(entry.exactWords.count)
            for word in entry.exactWords { writer.write(word) }
        }
        writer.write(prefixes.count)
        for (node, byStem) in prefixes {
            writer.write(Int(node))
            writer.write(byStem.count)
            for (key, list) in byStem {
                writer.write(key)
                writer.write(list.count)
                for prefix in list {
                    writer.write(Int(prefix.gap))
                    writer.write(prefix.stem)
                    writer.write(Int(prefix.entry))
                }
            }
        }
        writer.write(maximumLength)
        // From here on, the tables used in place, aligned.
        writer.write(flags)
        writer.write(rootChildren)
        words.write(to: &writer)
        gapLexicon.write(to: &writer)
        writer.write(EdgeTable.hashProbe)
        writer.write(edges.count)
        writer.write(edges.storage)
        writer.write(terminals.starts)
        writer.write(terminals.entries)
    }

    /// Reads a compiled glossary written by `encode(into:)`.
    ///
    /// - Throws: `BinaryReader.Corrupt` for another format, truncated or inconsistent bytes:
    ///   every index into another table is checked, so a damaged cache is never used.
    /// - Complexity: O(*n*) in the cache's size.
    convenience init(decoding reader: inout BinaryReader, registry: AnalyzerRegistry = .standard) throws(BinaryReader.Corrupt) {
        guard try reader.readUInt32() == Self.cacheFormat else { throw BinaryReader.Corrupt() }
        let (glossary, termCounts) = try reader.readGlossary()
        var known: [String: LanguageTag] = [:]
        var tags: [LanguageTag] = []
        for _ in 0..<(try reader.readElementCount()) { tags.append(try reader.readTag(&known)) }
        var tagLists: [[LanguageTag]] = []
        for _ in 0..<3 {
            var list: [LanguageTag] = []
            for _ in 0..<(try reader.readElementCount()) { list.append(tags[try reader.readIndex(below: tags.count)]) }
            tagLists.append(list)
        }
        // Stopword bits 16–30 of `flags` stand for the detector languages.
        guard tagLists[2].count <= CompiledGlossary.maximumDetectorLanguages else { throw BinaryReader.Corrupt() }

        let modes = try reader.readCases(of: MatchMode.self)
        let statuses = try reader.readCases(of: TermStatus.self)
        let entryCount = try reader.readElementCount()
        var entries: [Entry] = []
        entries.reserveCapacity(entryCount)
        // The entries' languages are indices into `tags` here: their facts cost no comparison
        // of tags.
        var entryFacts: [EntryFacts] = []
        entryFacts.reserveCapacity(entryCount)
        var entryLanguages: [LanguageTag] = []
        var entryLanguageOfTag = [Int](repeating: -1, count: tags.count)
        for _ in 0..<entryCount {
            let concept = try reader.readIndex(below: termCounts.count)
            let term = try reader.readIndex(below: Int(termCounts[concept]))
            let bits = try reader.readByte()
            let mode = modes[try reader.readIndex(below: modes.count)]
            let status = statuses[try reader.readIndex(below: statuses.count)]
            let tag = try reader.readIndex(below: tags.count)
            let language = tags[tag]
            if entryLanguageOfTag[tag] < 0 {
                entryLanguageOfTag[tag] = entryLanguages.count
                entryLanguages.append(language)
            }
            var exact: [String] = []
            let exactCount = try reader.readElementCount()
            if exactCount > 0 {
                exact.reserveCapacity(exactCount)
                for _ in 0..<exactCount { exact.append(try reader.readString()) }
            }
            entries.append(Entry(
                reference: TermReference(concept: concept, term: term), language: language, status: status,
                isCaseSensitive: bits & 8 != 0, foldsAccents: bits & 4 != 0, mode: mode, isAbbreviated: bits & 16 != 0,
                allowsPluralInfix: bits & 32 != 0, exactWords: exact, viaBareKeys: bits & 1 != 0, isListedForm: bits & 2 != 0))
            entryFacts.append(EntryFacts(
                language: entryLanguageOfTag[tag], isCaseSensitive: bits & 8 != 0, foldsAccents: bits & 4 != 0,
                isAbbreviated: bits & 16 != 0, allowsPluralInfix: bits & 32 != 0, viaBareKeys: bits & 1 != 0,
                isExact: mode == .exact))
        }

        var prefixes: [Int32: [String: [PrefixEntry]]] = [:]
        for _ in 0..<(try reader.readElementCount()) {
            let node = Int32(try reader.readInt())
            for _ in 0..<(try reader.readElementCount()) {
                let key = try reader.readString()
                for _ in 0..<(try reader.readElementCount()) {
                    let gap = Int32(try reader.readInt())
                    let stem = try reader.readString()
                    let entry = Int32(try reader.readIndex(below: entries.count))
                    prefixes[node, default: [:]][key, default: []].append(PrefixEntry(gap: gap, stem: stem, entry: entry))
                }
            }
        }
        let maximumLength = try reader.readInt()
        // The model is decoded: its pages can go. The tables below stay in the mapping.
        reader.releaseReadPages()

        let flags = try reader.readPinned(UInt32.self)
        let rootChildren = try reader.readPinned(Int32.self)
        let words = try ByteLexicon(reading: &reader)
        let gaps = try ByteLexicon(reading: &reader)
        guard flags.count == words.count, rootChildren.count == words.count else { throw BinaryReader.Corrupt() }
        guard try reader.readUInt64() == EdgeTable.hashProbe else { throw BinaryReader.Corrupt() }
        let edgeCount = try reader.readInt()
        let edges = try EdgeTable(storage: try reader.readPinned(Int32.self), count: edgeCount)
        let starts = try reader.readPinned(Int32.self)
        let terminals = try TerminalTable(starts: starts, entries: try reader.readPinned(Int32.self), entryCount: entries.count)
        // A root child is a node (0: none) of a term's first word.
        let nodeCount = Int32(terminals.nodeCount)
        let childrenValid = rootChildren.withUnsafeBufferPointer { children in
            flags.withUnsafeBufferPointer { flags in
                zip(children, flags).allSatisfy { child, flag in
                    child == 0 || (child > 0 && child < nodeCount && flag & CompiledGlossary.baseFlag != 0)
                }
            }
        }
        guard childrenValid, reader.isAtEnd else { throw BinaryReader.Corrupt() }
        self.init(parts: Parts(
            glossary: glossary, languages: tagLists[0], registry: registry, words: words, gapLexicon: gaps,
            analyzerLanguages: tagLists[1], detectorLanguages: tagLists[2], flags: flags, edges: edges,
            rootChildren: rootChildren, terminals: terminals, prefixes: prefixes, entries: entries, maximumLength: maximumLength,
            entryFacts: (entryFacts, entryLanguages)))
    }
}
