import TestRandom
import Testing

@testable import GlossaryKit

/// The matcher's inner loop reads the trie through raw memory (`TrieView`) and a word's readings
/// from the per-distinct-word table of `WordReadingCache`. These tests hold both to their
/// references on glossaries whose words are the text's own words, as in real term bases (and in
/// `../shared/bench/termbase_corpus.py`), where most words start some term:
///
/// - every match equals what a brute-force scan of every term at every word finds;
/// - the matches with the cache equal those with a cache that analyses every occurrence afresh;
/// - the matches with readings kept from one start to the next and gap answers remembered by
///   gap equal those that compute both afresh (`TermMatcher.Session.recomputesContext`);
/// - the raw view answers as the tables do, for every edge and for edges that are not there.
@Suite("Matcher fast paths against their references")
struct MatcherFastPathTests {
    /// Words of three languages, some with accents, some inflected forms of others (`pekerjanya`,
    /// `workers`, `pagawéna`), so that a term's words are often the text's words and its readings.
    static let vocabulary: [LanguageTag: [String]] = [
        .indonesian: [
            "pekerja", "migran", "tenaga", "kerja", "perlindungan", "sosial", "upah", "minimum", "hak", "anak", "buruh",
            "perdagangan", "orang", "agen", "penempatan", "majikan", "dan", "yang", "di", "kontrak", "rumah", "tangga",
        ],
        .english: [
            "worker", "migrant", "labour", "social", "protection", "minimum", "wage", "child", "rights", "agency",
            "recruitment", "employer", "domestic", "of", "and", "the", "trafficking", "forced", "contract", "house",
        ],
        .sundanese: [
            "pagawé", "migran", "tanaga", "gawé", "panyalindungan", "sosial", "upah", "minimal", "hak", "budak", "buruh",
            "padagangan", "jalma", "agén", "jeung", "nu", "kontrak", "imah", "tangga",
        ],
    ]

    /// Endings the text puts on the words, some of which the analyzers read (`-nya`, `-s`, `-na`).
    static let endings = ["", "", "", "", "nya", "s", "na", "ku", "'s"]

    /// A glossary of `concepts` concepts, one term per language, each of one to four words drawn
    /// from the vocabulary, many sharing their first words; some exact, some case-sensitive.
    static func glossary(concepts: Int, using generator: inout SeededGenerator) -> Glossary {
        var glossary = Glossary()
        for index in 0..<concepts {
            var terms: [Term] = []
            for language in [LanguageTag.indonesian, .english, .sundanese] {
                let words = vocabulary[language]!
                let length = Int.random(in: 1...4, using: &generator)
                // Early words of the list more often: long shared prefixes, as in a term base.
                let text = (0..<length).map { _ -> String in
                    let first = Int.random(in: 0..<words.count, using: &generator)
                    let second = Int.random(in: 0..<words.count, using: &generator)
                    return words[min(first, second)]
                }.joined(separator: Int.random(in: 0..<8, using: &generator) == 0 ? "-" : " ")
                let mode: MatchMode = Int.random(in: 0..<6, using: &generator) == 0 ? .exact : .inflected
                terms.append(Term(text: text, language: language, matchMode: mode))
            }
            glossary.concepts.append(Concept(id: "c\(index)", terms: terms))
        }
        return glossary
    }

    /// Paragraphs of the vocabulary's words with endings, commas, hyphens, repeated words and
    /// capitals, in one language each or mixed.
    static func text(paragraphs: Int, using generator: inout SeededGenerator) -> String {
        let languages = Array(vocabulary.keys).sorted { $0.description < $1.description }
        return (0..<paragraphs).map { _ in
            let mixed = Int.random(in: 0..<4, using: &generator) == 0
            let main = languages[Int.random(in: 0..<languages.count, using: &generator)]
            var text = ""
            for index in 0..<Int.random(in: 1...60, using: &generator) {
                let language = mixed ? languages[Int.random(in: 0..<languages.count, using: &generator)] : main
                let words = vocabulary[language]!
                var word = words[Int.random(in: 0..<words.count, using: &generator)]
                word += endings[Int.random(in: 0..<endings.count, using: &generator)]
                if Int.random(in: 0..<10, using: &generator) == 0 { word = word.capitalized }
                if index > 0 {
                    let gap = Int.random(in: 0..<20, using: &generator)
                    text += gap == 0 ? ", " : gap == 1 ? "-" : gap == 2 ? ". " : " "
                }
                text += word
                if Int.random(in: 0..<25, using: &generator) == 0 { text += "-" + word }
            }
            return text
        }.joined(separator: "\n\n")
    }

    /// The matches of every paragraph of `text` in each language, certain and uncertain, and
    /// unknown, with one session (and one cache) for the whole text, as the pipeline matches.
    static func matches(
        _ text: String, compiled: CompiledGlossary, remembers: Bool
    ) throws -> [TermMatch] {
        var matching = try MatchingSession(text, compiled: compiled, remembers: remembers)
        let scanned = matching.scanned
        var result: [TermMatch] = []
        for paragraph in scanned.paragraphs {
            for (language, isUncertain) in [
                (LanguageTag.indonesian, false), (.english, false), (.sundanese, false), (.indonesian, true), (nil, false),
            ] {
                matching.session.forEachMatch(in: paragraph, language: language, isUncertain: isUncertain) { match, _ in
                    result.append(match)
                }
            }
        }
        return result
    }

    @Test(arguments: [1, 2, 3])
    func theCacheFindsWhatAnalysingEveryOccurrenceFinds(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let compiled = try CompiledGlossary(Self.glossary(concepts: 300, using: &generator))
        var found = 0, inflected = 0
        for _ in 0..<4 {
            let text = Self.text(paragraphs: 30, using: &generator)
            let fast = try Self.matches(text, compiled: compiled, remembers: true)
            let reference = try Self.matches(text, compiled: compiled, remembers: false)
            #expect(fast == reference)
            found += fast.count
            inflected += fast.filter { !$0.phenomena.isEmpty }.count
        }
        // The texts exercise what the cache holds: many matches, many of them inflected.
        #expect(found > 1_000 && inflected > 100, "\(found) matches, \(inflected) inflected")
    }

    /// The leftmost-longest terms written exactly as the glossary writes them (folded), words
    /// one space apart, found by trying every term at every word: what the trie finds of the
    /// glossary's exact terms in a paragraph of unknown language.
    static func bruteForce(
        _ scanned: ScannedText, paragraph: Range<Int>, terms: [(words: [String], reference: TermReference)]
    ) -> [(tokens: Range<Int>, terms: Set<TermReference>, first: TermReference)] {
        var result: [(tokens: Range<Int>, terms: Set<TermReference>, first: TermReference)] = []
        var start = paragraph.lowerBound
        while start < paragraph.upperBound {
            var longest = 0
            var found: [TermReference] = []
            for term in terms where start + term.words.count <= paragraph.upperBound {
                let fits = term.words.indices.allSatisfy { offset in
                    scanned.foldedText(start + offset) == term.words[offset]
                        && (offset == 0 || scanned.words[start + offset].gap == CompiledGlossary.spaceGap)
                }
                guard fits, term.words.count >= longest else { continue }
                if term.words.count > longest { found = [] }
                longest = term.words.count
                found.append(term.reference)
            }
            if longest > 0 {
                let first = found.min { ($0.concept, $0.term) < ($1.concept, $1.term) }!
                result.append((start..<(start + longest), Set(found), first))
                start += longest
            } else {
                start += 1
            }
        }
        return result
    }

    @Test(arguments: [4, 5, 6])
    func theTrieFindsWhatTryingEveryTermFinds(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        // Exact terms without hyphens or accents, in texts without either: their matches are
        // the words as written, nothing else (no reduplication, no hyphenated prefix, no word
        // read without its accents).
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "é", with: "e")
        }
        var glossary = Self.glossary(concepts: 400, using: &generator)
        for concept in glossary.concepts.indices {
            for term in glossary.concepts[concept].terms.indices {
                glossary.concepts[concept].terms[term].matchMode = .exact
                glossary.concepts[concept].terms[term].text = plain(glossary.concepts[concept].terms[term].text)
            }
        }
        let compiled = try CompiledGlossary(glossary)
        let tokenizer = try Tokenizer()
        var terms: [(words: [String], reference: TermReference)] = []
        for (conceptIndex, concept) in glossary.concepts.enumerated() {
            for (termIndex, term) in concept.terms.enumerated() {
                let words = try tokenizer.tokenize(term: term.text).map(\.folded)
                terms.append((words, TermReference(concept: conceptIndex, term: termIndex)))
            }
        }
        var compared = 0
        for _ in 0..<4 {
            let text = plain(Self.text(paragraphs: 30, using: &generator))
            let unknownWords = ByteLexicon()
            let scanned = try tokenizer.scan(
                SourceText(path: "t.txt", string: text), markup: .plain, words: compiled.tables.words,
                gaps: compiled.tables.gapLexicon, unknownWords: unknownWords, wordFlags: compiled.tables.flags)
            let cache = WordReadingCache(compiled: compiled, unknownWords: unknownWords)
            for paragraph in scanned.paragraphs {
                let found = TermMatcher(compiled).matches(in: scanned, range: paragraph, language: nil, cache: cache)
                let expected = Self.bruteForce(scanned, paragraph: paragraph, terms: terms)
                #expect(found.map(\.tokens) == expected.map(\.tokens), "\(text)")
                #expect(found.map { Set($0.alternatives) } == expected.map(\.terms))
                #expect(found.map(\.term) == expected.map(\.first))
                compared += found.count
            }
        }
        #expect(compared > 500, "\(compared) matches compared")
    }

    /// Gaps of every kind the analyzers may or may not read across: listed in a glossary's gap
    /// lexicon or not, apostrophes and quotation marks, line breaks (with a hyphen that ends the
    /// line), invisible characters, and gaps longer than `UnlistedGapAnswers` remembers.
    static let gaps = [
        " ", " ", " ", " ", ", ", ". ", "-", " - ", "'", "' ", "\u{2019}", "\u{2019}s ", " '", "; ", ": ", " (", ") ",
        "/", "\n", "-\n", "  ", "\u{00A0}", "\u{200B}", " \u{2014} ", "?! ", ",\n", " ... ... ... ... ... ", "\" ", " \"",
    ]

    /// Paragraphs like `text(paragraphs:using:)`'s, with every kind of gap in `gaps` and words
    /// repeated after a space (*pekerja pekerja*).
    static func textWithEveryGap(paragraphs: Int, using generator: inout SeededGenerator) -> String {
        let languages = Array(vocabulary.keys).sorted { $0.description < $1.description }
        return (0..<paragraphs).map { _ in
            var text = ""
            var previous = ""
            for index in 0..<Int.random(in: 1...50, using: &generator) {
                let language = languages[Int.random(in: 0..<languages.count, using: &generator)]
                let words = vocabulary[language]!
                var word = words[Int.random(in: 0..<words.count, using: &generator)]
                word += endings[Int.random(in: 0..<endings.count, using: &generator)]
                if Int.random(in: 0..<10, using: &generator) == 0 { word = word.capitalized }
                if Int.random(in: 0..<12, using: &generator) == 0 { word = previous }
                if index > 0 { text += gaps[Int.random(in: 0..<gaps.count, using: &generator)] }
                text += word
                previous = word
            }
            return text
        }.joined(separator: "\n\n")
    }

    /// The matches of `matches(_:compiled:remembers:)`, the readings of each word and the answer
    /// for each gap kept (`recomputesContext` false) or computed afresh where needed.
    static func matches(_ text: String, compiled: CompiledGlossary, recomputesContext: Bool) throws -> [TermMatch] {
        var matching = try MatchingSession(text, compiled: compiled)
        let scanned = matching.scanned
        matching.session.recomputesContext = recomputesContext
        var result: [TermMatch] = []
        for paragraph in scanned.paragraphs {
            for (language, isUncertain) in [
                (LanguageTag.indonesian, false), (.english, false), (.sundanese, false), (.english, true), (nil, false),
            ] {
                matching.session.forEachMatch(in: paragraph, language: language, isUncertain: isUncertain) { match, _ in
                    result.append(match)
                }
            }
        }
        return result
    }

    @Test(arguments: [8, 9, 10])
    func keptReadingsAndGapAnswersFindWhatRecomputingFinds(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var glossary = Self.glossary(concepts: 300, using: &generator)
        // Some prefix terms (whose readings are made in the walk and never kept) and some terms
        // written with the gaps of the text, which the gap lexicon then lists.
        for concept in glossary.concepts.indices {
            for term in glossary.concepts[concept].terms.indices where Int.random(in: 0..<8, using: &generator) == 0 {
                glossary.concepts[concept].terms[term].matchMode = .prefix
            }
            if concept % 50 == 0 {
                let text = glossary.concepts[concept].terms[0].text
                glossary.concepts[concept].terms[0].text = text.replacingOccurrences(
                    of: " ", with: concept % 100 == 0 ? ", " : "/")
            }
        }
        let compiled = try CompiledGlossary(glossary)
        var found = 0, inContext = 0
        for _ in 0..<4 {
            let text = Self.textWithEveryGap(paragraphs: 30, using: &generator)
            let kept = try Self.matches(text, compiled: compiled, recomputesContext: false)
            let reference = try Self.matches(text, compiled: compiled, recomputesContext: true)
            #expect(kept == reference)
            found += kept.count
            inContext += kept.filter { $0.tokens.count > 1 && !$0.phenomena.isEmpty }.count
        }
        // Many matches, and many of more than one word with a reading: the kept readings are used.
        #expect(found > 1_000 && inContext > 100, "\(found) matches, \(inContext) of several words with readings")
    }

    @Test func unlistedGapAnswersAreTheAnswersAsked() {
        var generator = SeededGenerator(seed: 11)
        var answers = UnlistedGapAnswers()
        // An answer that differs from gap to gap and group to group, as no analyzer's would:
        // a gap mistaken for another (a key packed wrong, a slot not compared) shows.
        func ask(_ gap: [UInt8], group: Int) -> Bool {
            var hasher = Hasher()
            hasher.combine(gap)
            hasher.combine(group)
            return hasher.finalize() & 1 == 0
        }
        // A text's few distinct gaps (some of them longer than the table remembers, some that
        // differ in a zero byte only), met again and again in a few groups; sometimes more
        // than the table's slots, which then overwrite one another.
        let pieces = Self.gaps.map { Array($0.utf8) } + [[0], [0, 0], [0x2C, 0]]
        let pool = (0..<40).map { _ in
            (0..<Int.random(in: 1...3, using: &generator)).flatMap { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
        }
        var asked = 0, total = 0
        for round in 0..<20_000 {
            let gap = pool[Int.random(in: 0..<(round < 10_000 ? 20 : pool.count), using: &generator)]
            let group = Int.random(in: 0...2, using: &generator)
            let answer = answers.answer(for: gap[...], group: group) {
                asked += 1
                return ask(gap, group: group)
            }
            #expect(answer == ask(gap, group: group), "\(gap) in group \(group)")
            total += 1
        }
        // Gaps repeat: most answers are remembered (and the test above compared them).
        #expect(asked < total / 2, "asked \(asked) of \(total)")
    }

    @Test func theRawViewAnswersAsTheTables() throws {
        var generator = SeededGenerator(seed: 7)
        let compiled = try CompiledGlossary(Self.glossary(concepts: 500, using: &generator))
        let tables = compiled.tables
        let view = TrieView(tables)
        var edges = 0
        tables.edges.storage.withUnsafeBufferPointer { slots in
            for base in stride(from: 0, to: slots.count, by: 4) where slots[base + 3] != 0 {
                let (node, gap, word, child) = (slots[base], slots[base + 1], slots[base + 2], slots[base + 3])
                #expect(view.child(of: node, gap: gap, word: word) == child)
                #expect(compiled.child(of: node, gap: gap, word: word) == child)
                // The same node along another word, or across another gap, is another edge.
                for (otherGap, otherWord) in [(gap, word &+ 1), (gap &+ 1, word), (gap, -1)] {
                    #expect(
                        view.child(of: node, gap: otherGap, word: otherWord)
                            == compiled.child(of: node, gap: otherGap, word: otherWord))
                }
                edges += 1
            }
        }
        for word in 0..<Int32(tables.words.count) {
            #expect(view.child(of: 0, gap: 0, word: word) == compiled.child(of: 0, gap: 0, word: word))
            #expect(view.isTermWord(word) == compiled.isTermWord(word))
        }
        for node in Int32(-1)...Int32(tables.terminals.nodeCount) {
            let listed = view.terminals(of: node).map { view.entry(at: $0) }
            #expect(listed == (tables.terminals[node].map { Array($0) } ?? []))
            for entry in listed { #expect(view.facts(entry) == tables.entries.facts(entry)) }
        }
        #expect(edges > 1_000)
    }
}
