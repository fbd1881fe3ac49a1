/// The compiled glossary in the cache's binary layout: the glossary model, the lexicons in id
/// order, and the trie as flat arrays, so that loading is reading, not compiling.
extension CompiledGlossary {
    /// Format version; a cache written by another version is ignored.
    static let cacheFormat: UInt32 = 1

    func encode(into writer: inout BinaryWriter) {
        writer.write(Self.cacheFormat)
        writer.write(glossary)
        for lexicon in [words, gapLexicon] {
            writer.write(lexicon.count)
            for id in 0..<Int32(lexicon.count) { writer.write(lexicon.string(id)) }
        }
        for tags in [analyzerLanguages, detectorLanguages] {
            writer.write(tags.count)
            for tag in tags { writer.write(tag) }
        }
        writer.write(flags)
        let edgeList = Array(edges)
        writer.write(edgeList.map(\.key.node))
        writer.write(edgeList.map(\.key.gap))
        writer.write(edgeList.map(\.key.word))
        writer.write(edgeList.map(\.value))
        writer.write(terminals.count)
        for (node, list) in terminals {
            writer.write(node)
            writer.write(list)
        }
        writer.write(prefixes.count)
        for (node, byStem) in prefixes {
            writer.write(node)
            writer.write(byStem.count)
            for (key, list) in byStem {
                writer.write(key)
                writer.write(list.count)
                for prefix in list {
                    writer.write(prefix.gap)
                    writer.write(prefix.stem)
                    writer.write(prefix.entry)
                }
            }
        }
        writer.write(entries.count)
        for entry in entries {
            writer.write(entry.reference.concept)
            writer.write(entry.reference.term)
            writer.write(UInt8((entry.viaBareKeys ? 1 : 0) | (entry.isListedForm ? 2 : 0) | (entry.foldsAccents ? 4 : 0)))
            writer.write(entry.exactWords.count)
            for word in entry.exactWords { writer.write(word) }
        }
        writer.write(maximumLength)
    }

    /// Reads a compiled glossary written by `encode(into:)`.
    convenience init(decoding reader: inout BinaryReader, registry: AnalyzerRegistry = .standard) throws(BinaryReader.Corrupt) {
        guard try reader.readUInt32() == Self.cacheFormat else { throw BinaryReader.Corrupt() }
        let glossary = try reader.readGlossary()
        var lexicons: [ByteLexicon] = []
        for _ in 0..<2 {
            let lexicon = ByteLexicon()
            let count = try reader.readInt()
            for expected in 0..<count {
                guard lexicon.insert(try reader.readString()) == Int32(expected) else { throw BinaryReader.Corrupt() }
            }
            lexicons.append(lexicon)
        }
        var known: [String: LanguageTag] = [:]
        var tagLists: [[LanguageTag]] = []
        for _ in 0..<2 {
            let count = try reader.readInt()
            var tags: [LanguageTag] = []
            for _ in 0..<count { tags.append(try reader.readTag(&known)) }
            tagLists.append(tags)
        }
        let flags = try reader.readUInt32Array()
        guard flags.count == lexicons[0].count else { throw BinaryReader.Corrupt() }
        let nodes = try reader.readInt32Array(), gaps = try reader.readInt32Array()
        let wordIDs = try reader.readInt32Array(), children = try reader.readInt32Array()
        guard gaps.count == nodes.count, wordIDs.count == nodes.count, children.count == nodes.count else {
            throw BinaryReader.Corrupt()
        }
        var edges: [EdgeKey: Int32] = [:]
        edges.reserveCapacity(nodes.count)
        for index in nodes.indices {
            edges[EdgeKey(node: nodes[index], gap: gaps[index], word: wordIDs[index])] = children[index]
        }
        var terminals: [Int32: [Int32]] = [:]
        let terminalCount = try reader.readInt()
        terminals.reserveCapacity(terminalCount)
        for _ in 0..<terminalCount {
            let node = try reader.readInt32()
            terminals[node] = try reader.readInt32Array()
        }
        var prefixes: [Int32: [String: [PrefixEntry]]] = [:]
        for _ in 0..<(try reader.readInt()) {
            let node = try reader.readInt32()
            for _ in 0..<(try reader.readInt()) {
                let key = try reader.readString()
                for _ in 0..<(try reader.readInt()) {
                    prefixes[node, default: [:]][key, default: []].append(
                        PrefixEntry(gap: try reader.readInt32(), stem: try reader.readString(), entry: try reader.readInt32()))
                }
            }
        }
        var entries: [Entry] = []
        let entryCount = try reader.readInt()
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let concept = try reader.readInt(), termIndex = try reader.readInt()
            guard concept < glossary.concepts.count, termIndex < glossary.concepts[concept].terms.count else {
                throw BinaryReader.Corrupt()
            }
            let term = glossary.concepts[concept].terms[termIndex]
            let bits = try reader.readByte()
            var exact: [String] = []
            for _ in 0..<(try reader.readInt()) { exact.append(try reader.readString()) }
            entries.append(Entry(
                reference: TermReference(concept: concept, term: termIndex), language: term.language,
                isCaseSensitive: term.isCaseSensitive, foldsAccents: bits & 4 != 0, mode: term.matchMode,
                isAbbreviated: term.type.isAbbreviated, allowsPluralInfix: term.allowsPluralInfix,
                exactWords: exact, viaBareKeys: bits & 1 != 0, isListedForm: bits & 2 != 0))
        }
        let maximumLength = try reader.readInt()
        guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
        self.init(parts: Parts(
            glossary: glossary, registry: registry, words: lexicons[0], gapLexicon: lexicons[1],
            analyzerLanguages: tagLists[0], detectorLanguages: tagLists[1], flags: flags, edges: edges,
            terminals: terminals, prefixes: prefixes, entries: entries, maximumLength: maximumLength))
    }
}
