import Foundation
import TestScratch
import Testing

@testable import GlossaryKit

/// The compiled-glossary cache: a glossary read back from the cache must check texts exactly as
/// the freshly compiled one does, and a damaged cache must be refused, never crash or be used.
@Suite("Glossary cache")
struct GlossaryCacheTests {
    /// A glossary that sets every field the model has, so that the round trip covers them all.
    static let detailedGlossary: Glossary = {
        let file = "/glossaries/a rather long folder name/terms.yml"
        let sundanese = LanguageTag("su")!
        var concept = Concept(
            id: "cafe", definition: "A place serving coffee.", subject: "food", note: "Loanword.",
            properties: [Property(name: "source", value: "a dictionary", language: .english)],
            location: SourceLocation(file: file, line: 3, column: 5))
        concept.terms = [
            Term(
                text: "café", language: .english, status: .preferred, type: .fullForm, isCaseSensitive: false,
                foldsAccents: true, matchMode: .inflected, forms: ["cafés", "caffè"], allowsPluralInfix: false,
                exceptions: [
                    TermException("café au lait", location: SourceLocation(file: file, line: 8, column: 24)), "internet café",
                ],
                note: "With the accent.", partOfSpeech: "noun", context: "We met at the café.",
                properties: [Property(name: "usage", value: "common")],
                location: SourceLocation(file: file, line: 6, column: 9)),
            Term(text: "kopi héjo", language: sundanese, status: .admitted, foldsAccents: false, allowsPluralInfix: true),
            Term(text: "CAFE", language: .english, status: .deprecated, type: .acronym, matchMode: .exact),
            Term(
                text: "warkop", language: .indonesian, status: .forbidden, type: .shortForm, matchMode: .prefix,
                location: SourceLocation(file: "other.yml", line: 1, column: 1)),
        ]
        return Glossary(
            name: "Detailed", requiredLanguages: [.english, .indonesian], concepts: [concept, Concept(id: "empty")],
            properties: [Property(name: "title", value: "Test", language: .indonesian)])
    }()

    static func encoded(_ compiled: CompiledGlossary) -> [UInt8] {
        var writer = BinaryWriter()
        compiled.encode(into: &writer)
        return writer.bytes
    }

    static func decoded(_ bytes: [UInt8]) throws -> CompiledGlossary {
        var reader = BinaryReader(bytes)
        return try CompiledGlossary(decoding: &reader)
    }

    /// Every rule example's text, markers removed, with its language: texts that the rules'
    /// glossary has terms in, in every language and spelling the examples exercise.
    static let exampleTexts: [(String, LanguageTag)] = Rules.all.flatMap { rule in
        let description = type(of: rule).description
        return (description.triggeringExamples + description.nonTriggeringExamples).map {
            ($0.text.replacingOccurrences(of: "↓", with: ""), $0.language)
        }
    }

    @Test func decodedGlossaryModelEqualsTheOriginal() throws {
        let original = Self.detailedGlossary
        let compiled = try CompiledGlossary(original)
        let decoded = try Self.decoded(Self.encoded(compiled))
        // The matcher's per-entry facts are read straight from the cache, not derived again.
        #expect(Array(decoded.tables.entries.facts) == Array(compiled.tables.entries.facts))
        #expect(decoded.tables.entries.languages == compiled.tables.entries.languages)
        #expect(Array(decoded.tables.rootChildren) == Array(compiled.tables.rootChildren))
        #expect(decoded.tables.entries.exactWords == compiled.tables.entries.exactWords)
        let statuses = (0..<Int32(compiled.tables.entries.count)).map { compiled.tables.entries.facts($0).status }
        #expect(Set(statuses) == Set(TermStatus.allCases))
        #expect((0..<Int32(decoded.tables.entries.count)).map { decoded.tables.entries.facts($0).status } == statuses)
        #expect(decoded.glossary.name == original.name)
        #expect(decoded.glossary.requiredLanguages == original.requiredLanguages)
        #expect(decoded.glossary.properties == original.properties)
        #expect(decoded.glossary.concepts == original.concepts)
        #expect(decoded.languages == original.languages)
    }

    @Test func decodedGlossaryFindsExactlyWhatTheFreshOneFinds() throws {
        for glossary in [
            RuleExamples.glossary, Self.detailedGlossary, try YAMLGlossaryReader.read(TermMatcherTests.yaml, path: "t.yml"),
        ] {
            let fresh = try CompiledGlossary(glossary)
            let decoded = try Self.decoded(Self.encoded(fresh))
            #expect(decoded.vocabularySize == fresh.vocabularySize)
            let freshChecker = GlossaryChecker(compiled: fresh), decodedChecker = GlossaryChecker(compiled: decoded)
            var texts = Self.exampleTexts
            texts.append(("We met at the Cafés and the CAFE, then at warkopnya; kopi hejo, paragawé.", .english))
            // Exception phrases exempt the same matches.
            texts.append(("An internet café sold café au lait; the café next door did not.", .english))
            var compared = 0
            for (text, language) in texts {
                let source = SourceText(path: "test.txt", string: text)
                for options in [CheckOptions(language: language), CheckOptions()] {
                    let expected = try freshChecker.analyze(source, options: options).matches
                    #expect(try decodedChecker.analyze(source, options: options).matches == expected, "\(text)")
                    #expect(
                        try decodedChecker.check(source, options: options) == freshChecker.check(source, options: options),
                        "\(text)")
                    compared += expected.count
                }
            }
            // The texts must actually contain terms, or the comparison proves nothing.
            #expect(compared > 0)
        }
    }

    /// A large glossary's concepts, left in the entry and decoded when read, must come back
    /// whole and in order; an entry cut anywhere is refused.
    @Test func aLargeGlossaryDecodesWholeAndInOrder() throws {
        var glossary = Glossary(name: "parts")
        for index in 0..<5_000 {
            var concept = Concept(id: "c\(index)", note: index % 7 == 0 ? "note \(index)" : nil)
            concept.terms = [
                Term(text: "istilah\(index)", language: .indonesian),
                Term(text: "term \(index) word", language: .english, status: index % 3 == 0 ? .deprecated : .preferred),
            ]
            glossary.concepts.append(concept)
        }
        let compiled = try CompiledGlossary(glossary)
        let bytes = Self.encoded(compiled)
        let decoded = try Self.decoded(bytes)
        #expect(decoded.glossary.concepts.isStored)
        #expect(decoded.glossary.concepts == glossary.concepts)
        #expect(Self.encoded(decoded) == bytes)
        let source = SourceText(path: "t.en.txt", string: "We saw term 4998 word and term 3 word here.")
        #expect(try GlossaryChecker(compiled: decoded).check(source) == GlossaryChecker(compiled: compiled).check(source))
        for cut in stride(from: 0, to: bytes.count, by: bytes.count / 50) {
            #expect(throws: BinaryReader.Corrupt.self) { try Self.decoded(Array(bytes[..<cut])) }
        }
    }

    @Test func encodingIsDeterministicAcrossARoundTrip() throws {
        let bytes = Self.encoded(try CompiledGlossary(RuleExamples.glossary))
        #expect(Self.encoded(try Self.decoded(bytes)) == bytes)
    }

    @Test func truncatedCacheIsRejected() throws {
        let bytes = Self.encoded(try CompiledGlossary(RuleExamples.glossary))
        #expect((try? Self.decoded(bytes)) != nil)
        let step = max(1, bytes.count / 400)
        for length in Array(stride(from: 0, to: bytes.count, by: step)) + [bytes.count - 1] {
            #expect(throws: BinaryReader.Corrupt.self, "length \(length)") { try Self.decoded(Array(bytes[..<length])) }
        }
        #expect(throws: BinaryReader.Corrupt.self) { try Self.decoded(bytes + [0]) }
    }

    /// A damaged byte anywhere is either refused or decodes to something that checks a text
    /// without crashing: every index read from the cache is checked before use.
    @Test func damagedBytesNeverCrash() throws {
        let bytes = Self.encoded(try CompiledGlossary(RuleExamples.glossary))
        let source = SourceText(path: "test.txt", string: Self.exampleTexts.map(\.0).joined(separator: "\n\n"))
        var refused = 0
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            for mask: UInt8 in [0xFF, 0x01] {
                var damaged = bytes
                damaged[position] ^= mask
                guard let compiled = try? Self.decoded(damaged) else {
                    refused += 1
                    continue
                }
                _ = try GlossaryChecker(compiled: compiled).check(source)
            }
        }
        #expect(refused > 0)
    }

    /// The root's children are the trie's first steps: each is a node of a term's word, and the
    /// same as the edge table's root edges; a cache that says otherwise is refused.
    @Test func rootChildrenAreTheRootEdgesAndAreChecked() throws {
        let compiled = try CompiledGlossary(RuleExamples.glossary)
        var rootEdges = 0
        for word in 0..<Int32(compiled.vocabularySize) {
            let viaTable = compiled.tables.edges[CompiledGlossary.EdgeKey(node: 0, gap: 0, word: word)]
            #expect(compiled.child(of: 0, gap: 0, word: word) == viaTable)
            if viaTable != nil { rootEdges += 1 }
        }
        #expect(rootEdges > 0)
        #expect(compiled.child(of: 0, gap: 1, word: 0) == nil)
        #expect(compiled.child(of: 0, gap: 0, word: -1) == nil)
        // A child beyond the last node, and one along a word that is no term's word.
        let nodeCount = Int32(compiled.tables.terminals.nodeCount)
        let notBase = (0..<compiled.vocabularySize).first { !compiled.isTermWord(Int32($0)) }
        for (word, child) in [(0, nodeCount), (notBase ?? 0, Int32(1))] {
            var children = Array(compiled.tables.rootChildren)
            children[word] = child
            let tables = compiled.tables
            let damaged = CompiledGlossary(
                glossary: compiled.glossary,
                tables: CompiledGlossary.Tables(
                    languages: tables.languages, analyzerLanguages: tables.analyzerLanguages,
                    detectorLanguages: tables.detectorLanguages, words: tables.words, gapLexicon: tables.gapLexicon,
                    flags: tables.flags, rootChildren: PinnedArray(children), edges: tables.edges, terminals: tables.terminals,
                    prefixes: tables.prefixes, entries: tables.entries, maximumLength: tables.maximumLength),
                registry: compiled.registry)
            #expect(throws: BinaryReader.Corrupt.self) { try Self.decoded(Self.encoded(damaged)) }
        }
        #expect(notBase != nil)
    }

    @Test func storeThenLoadThroughTheFileSystem() throws {
        let folder = TestScratch.url("cache-test")
        defer { try? FileManager.default.removeItem(at: folder) }
        let glossaryFile = folder.appendingPathComponent("g.yml")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try RuleExamples.yaml.write(to: glossaryFile, atomically: true, encoding: .utf8)
        let cache = GlossaryCache(path: folder.appendingPathComponent("cache").path)

        let (first, firstFromCache) = try GlossaryLoader.loadCompiled(paths: [glossaryFile.path], cache: cache)
        let (second, secondFromCache) = try GlossaryLoader.loadCompiled(paths: [glossaryFile.path], cache: cache)
        #expect(!firstFromCache && secondFromCache)
        #expect(second.glossary.concepts == first.glossary.concepts)

        // A damaged entry is ignored and rewritten.
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".glossary-cache") }
        #expect(entries.count == 1)
        let entry = URL(fileURLWithPath: cache.path).appendingPathComponent(entries[0])
        let stored = try Data(contentsOf: entry)
        try stored.prefix(stored.count / 2).write(to: entry)
        #expect(cache.load(key: String(entries[0].prefix(16))) == nil)
        let (_, afterDamage) = try GlossaryLoader.loadCompiled(paths: [glossaryFile.path], cache: cache)
        #expect(!afterDamage)
        #expect(try Data(contentsOf: entry) == stored)

        // An empty entry is no entry.
        try Data().write(to: entry)
        #expect(cache.load(key: String(entries[0].prefix(16))) == nil)
    }

    @Test func keyChangesWithAnyByteAndNotOtherwise() {
        let bytes = Array("concepts:\n  - id: a\n    terms:\n      en: [alpha]\n".utf8)
        let key = GlossaryCache.key(files: [("/g.yml", bytes)])
        #expect(GlossaryCache.key(files: [("/g.yml", bytes)]) == key)
        #expect(key.count == 16)
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x20
            #expect(GlossaryCache.key(files: [("/g.yml", changed)]) != key, "byte \(index)")
        }
        #expect(GlossaryCache.key(files: [("/h.yml", bytes)]) != key)
        #expect(GlossaryCache.key(files: [("/g.yml", bytes + [0])]) != key)
        #expect(GlossaryCache.key(files: [("/g.yml", Array(bytes.dropLast()))]) != key)
    }
}

@Suite("Lexicon serialisation")
struct LexiconSerialisationTests {
    static func roundTrip(_ lexicon: ByteLexicon) throws -> ByteLexicon {
        var writer = BinaryWriter()
        lexicon.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        let restored = try ByteLexicon(reading: &reader)
        #expect(reader.isAtEnd)
        return restored
    }

    @Test func restoredLexiconHasTheSameIDsAndStillGrows() throws {
        let lexicon = ByteLexicon()
        // Enough words to grow the table several times; some longer than eight bytes, some not ASCII.
        let words = (0..<5000).map { "word\($0)" } + ["", "pagawé", "perdagangan tenaga kerja", "ß"]
        for word in words { lexicon.insert(word) }
        let restored = try Self.roundTrip(lexicon)
        #expect(restored.count == lexicon.count)
        for word in words {
            #expect(restored.find(word) == lexicon.find(word), "\(word)")
            #expect(restored.find(word).map(restored.string) == word)
        }
        #expect(restored.find("absent") == nil)
        let added = restored.insert("absent")
        #expect(added == Int32(words.count))
        #expect(restored.find("absent") == added)
        #expect(restored.find("word17") == lexicon.find("word17"))
    }

    @Test func emptyLexiconRoundTrips() throws {
        let restored = try Self.roundTrip(ByteLexicon())
        #expect(restored.count == 0)
        #expect(restored.find("a") == nil)
        #expect(restored.insert("a") == 0)
    }

    @Test func truncatedOrInconsistentLexiconIsRejected() throws {
        let lexicon = ByteLexicon()
        for word in ["alpha", "beta", "gamma"] { lexicon.insert(word) }
        var writer = BinaryWriter()
        lexicon.write(to: &writer)
        let bytes = writer.bytes
        for length in 0..<bytes.count {
            var reader = BinaryReader(Array(bytes[..<length]))
            #expect(throws: BinaryReader.Corrupt.self, "length \(length)") { try ByteLexicon(reading: &reader) }
        }
        // The recorded size covers the table exactly: one byte more is an inconsistency.
        var inner = BinaryReader(bytes)
        let size = try inner.readInt()
        var longer = BinaryWriter()
        longer.write(size + 1)
        longer.append(count: size + 1) { target in
            bytes.withUnsafeBufferPointer { target.update(from: $0.baseAddress! + inner.offset, count: size) }
            target[size] = 0
        }
        var reader = BinaryReader(longer.bytes)
        #expect(throws: BinaryReader.Corrupt.self) { try ByteLexicon(reading: &reader) }
    }
}

@Suite("Trie tables")
struct TrieTableTests {
    @Test func edgeTableFindsEveryInsertedEdgeAndNothingElse() throws {
        var table = EdgeTable.Building()
        var expected: [CompiledGlossary.EdgeKey: Int32] = [:]
        for child in Int32(1)...5000 {
            let key = CompiledGlossary.EdgeKey(node: child / 3, gap: child % 4, word: child &* 7919 % 1013)
            guard expected[key] == nil else { continue }
            expected[key] = child
            table.insert(child, for: key)
        }
        #expect(table.count == expected.count)
        for (key, child) in expected { #expect(table[key] == child) }
        #expect(table[CompiledGlossary.EdgeKey(node: 99_999, gap: 0, word: 0)] == nil)
        #expect(table[CompiledGlossary.EdgeKey(node: 0, gap: 9, word: 0)] == nil)

        let finished = EdgeTable(table)
        for (key, child) in expected { #expect(finished[key] == child) }
        #expect(finished.isConsistent())
        let probe = EdgeTable.hashProbe
        let restored = EdgeTable(storage: PinnedArray(table.storage), count: table.count, placedWith: probe)
        #expect(restored.isConsistent())
        for (key, child) in expected { #expect(restored[key] == child) }
        #expect(!EdgeTable(storage: PinnedArray(table.storage), count: table.count + 1, placedWith: probe).isConsistent())
        #expect(!EdgeTable(storage: PinnedArray(table.storage), count: table.count, placedWith: probe ^ 1).isConsistent())
        #expect(
            !EdgeTable(storage: PinnedArray(Array(table.storage.dropLast(4))), count: table.count, placedWith: probe)
                .isConsistent()
        )
        #expect(!EdgeTable(storage: PinnedArray([]), count: 0, placedWith: probe).isConsistent())
        var negative = table.storage
        negative[negative.firstIndex { $0 != 0 }! / 4 * 4 + 3] = -1
        #expect(!EdgeTable(storage: PinnedArray(negative), count: table.count, placedWith: probe).isConsistent())
    }

    @Test func emptyEdgeTableFindsNothing() {
        #expect(EdgeTable.Building()[CompiledGlossary.EdgeKey(node: 0, gap: 0, word: 0)] == nil)
        #expect(EdgeTable(EdgeTable.Building())[CompiledGlossary.EdgeKey(node: 0, gap: 0, word: 0)] == nil)
    }

    @Test func terminalTableKeepsEachNodesListInOrder() throws {
        let byNode: [Int32: [Int32]] = [0: [4], 2: [0, 3, 1], 5: [2]]
        // Added interleaved: each node's entries keep the order they were added in.
        let table = TerminalTable(nodes: [2, 0, 2, 5, 2], entries: [0, 4, 3, 2, 1], nodeCount: 6)
        #expect(table.nodeCount == 6)
        for node in Int32(0)..<6 { #expect(table[node].map(Array.init) == byNode[node], "node \(node)") }
        #expect(table[-1] == nil && table[6] == nil)
        #expect(table.isConsistent(entryCount: 5))
        #expect(!table.isConsistent(entryCount: 4))
        #expect(!TerminalTable(starts: PinnedArray([0, 2, 1]), entries: PinnedArray([0, 1])).isConsistent(entryCount: 5))
        #expect(!TerminalTable(starts: PinnedArray([]), entries: PinnedArray([])).isConsistent(entryCount: 0))
    }
}
