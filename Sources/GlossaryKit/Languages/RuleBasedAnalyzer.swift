import Foundation

/// The analysis machinery every language shares, driven entirely by `LanguageData`.
///
/// Per language it may respell older letter sequences, strip enclitics and particles from a
/// word's end, read `X-X` as `X`, accept a clitic after a hyphen, undo a plural infix, a plural
/// ending or a possessive, and swap spellings within a family. Which of these apply, and with which
/// affixes, is the data's choice.
///
/// Every reading is a hypothesis: the matcher keeps it only when the glossary has the proposed
/// key and the term allows the phenomena the reading needed. The analyzer therefore may propose
/// freely, but never derivations: it has no rule that removes a prefix or a derivational suffix.
struct RuleBasedAnalyzer: Sendable {
    let data: LanguageData
    // The ending lists are indexed by their last byte (`EndingIndex`): the analyzers compare
    // every distinct word of a text with them, and nearly every word ends in none.
    private let enclitics: EndingIndex<String>
    private let particles: EndingIndex<String>
    private let hyphenatedClitics: Set<String>
    private let notClitic: Set<String>
    private let spellingFamilies: [String: [String]]
    /// Rules out most words before a look-up in `spellingFamilies`.
    private let spellingFamilyFilter: WordSetFilter
    private let spellingEndings: EndingIndex<(from: String, to: String, minimum: Int)>
    private let pluralEndings: EndingIndex<(ending: String, replacement: String)>
    private let pluralExceptions: [NSRegularExpression]
    /// The exceptions of the form `.*suffix` (a literal suffix), checked without a regex.
    private let pluralExceptionSuffixes: EndingIndex<String>
    private let letterSpellings: [(from: String, to: String)]
    /// Rules out most words before a look-up in the data's irregular plurals.
    private let irregularPluralFilter: WordSetFilter
    private let irregularPluralEndings: EndingIndex<(plural: String, singular: String)>
    private let possessives: EndingIndex<String>
    private let reduplicationMarks: EndingIndex<String>
    /// Every affix whose ending starts a reading of a word as written (`startsReadings`).
    private let readingEndings: EndingIndex<String>
    private let irregularPluralExceptions: Set<String>
    private let reduplicationJoins: Set<String>
    /// The UTF-8 bytes of each plural infix.
    private let pluralInfixBytes: [[UInt8]]
    /// The listed words that only look infixed, as listed and without accents.
    private let pluralInfixExceptions: Set<String>

    /// A reading of one word inside `wordReadings`.
    private struct Stem {
        var key: String
        var phenomena: [Phenomenon]
        var explanation: String
        var suffix: String
    }

    init(data: LanguageData) {
        self.data = data
        enclitics = EndingIndex(data.enclitics.sorted { $0.count > $1.count })
        particles = EndingIndex(data.particles.sorted { $0.count > $1.count })
        hyphenatedClitics = Set(data.enclitics + data.particles)
        notClitic = Set(data.notClitic)
        var families: [String: [String]] = [:]
        for family in data.spellingWords {
            for word in family { families[word, default: []] += family.filter { $0 != word } }
        }
        spellingFamilies = families
        spellingFamilyFilter = WordSetFilter(families.keys)
        var endings: [(String, String, Int)] = []
        for rule in data.spellingEndings where rule.count >= 2 {
            let minimum = rule.count > 2 ? Int(rule[2]) ?? 0 : 0
            endings.append((rule[0], rule[1], minimum))
            endings.append((rule[1], rule[0], minimum))
        }
        spellingEndings = EndingIndex<(from: String, to: String, minimum: Int)>(endings) { $0.from }
        pluralEndings = EndingIndex<(ending: String, replacement: String)>(
            data.pluralEndings.filter { $0.count == 2 }.map { ($0[0], $0[1]) }
        ) { $0.ending }
        possessives = EndingIndex(data.possessives)
        reduplicationMarks = EndingIndex(data.reduplicationMarks)
        // `.*s` is by far the most common form of exception: a suffix test, without a regex.
        let isSuffixPattern = LanguageData.isSuffixPattern
        pluralExceptionSuffixes = EndingIndex(data.pluralExceptions.filter(isSuffixPattern).map { String($0.dropFirst(2)) })
        pluralExceptions = data.pluralExceptions.filter { !isSuffixPattern($0) }
            .compactMap { try? NSRegularExpression(pattern: "^(?:\($0))$") }
        irregularPluralEndings = EndingIndex<(plural: String, singular: String)>(
            data.irregularPluralEndings.filter { $0.count == 2 && !$0[0].isEmpty }.map { ($0[0], $0[1]) }
        ) { $0.plural }
        irregularPluralFilter = WordSetFilter(data.irregularPlurals.keys)
        readingEndings = EndingIndex(
            particles.elements + enclitics.elements + reduplicationMarks.elements + possessives.elements
                + irregularPluralEndings.elements.map(\.plural) + pluralEndings.elements.map(\.ending)
                + spellingEndings.elements.map(\.from))
        irregularPluralExceptions = Set(data.irregularPluralExceptions)
        letterSpellings = data.letterSpellings.filter { $0.count == 2 && !$0[0].isEmpty }.map { ($0[0], $0[1]) }
        reduplicationJoins = Set(data.reduplicationJoins)
        pluralInfixBytes = data.pluralInfixes.map { Array($0.utf8) }
        pluralInfixExceptions = Set(
            data.pluralInfixExceptions.flatMap {
                [$0, $0.folding(options: .diacriticInsensitive, locale: nil)]
            })
    }

    /// All readings of the word at `index`, except the word itself.
    func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] {
        var result: [WordAnalysis] = []
        let token = tokens[index]
        var spellings: [(word: String, base: [Phenomenon], note: String)] = [(token.folded, [], "")]
        if token.bare != token.folded { spellings.append((token.bare, [.accent], "")) }
        if let modern = respelled(token.folded) {
            spellings.append((modern, [.spelling], " (older spelling '\(token.folded)')"))
            result.append(
                WordAnalysis(
                    key: modern, tokenCount: 1, phenomena: [.spelling],
                    explanation: "'\(modern)' spelt '\(token.folded)' (older spelling)"))
        }
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        // An apostrophe right after a plural is the English plural possessive: workers' rights.
        let apostropheFollows = !data.possessives.isEmpty && next.map { $0.gapBefore.hasPrefix("'") } == true
        for (word, base, note) in spellings {
            // Readings within the word.
            for reading in wordReadings(word) {
                var phenomena = base + reading.phenomena
                var explanation = "'\(reading.key)'" + reading.explanation + note
                var suffix = reading.suffix
                if apostropheFollows, reading.phenomena.contains(.plural), !reading.phenomena.contains(.possessive) {
                    // The apostrophe belongs to the word: the reading covers it, and a fix keeps it.
                    phenomena.append(.possessive)
                    explanation += " + possessive '"
                    suffix += "'"
                }
                result.append(
                    WordAnalysis(
                        key: reading.key, tokenCount: 1, phenomena: phenomena,
                        explanation: explanation, suffix: suffix))
            }
            guard let next else { continue }
            // A clitic after a hyphen: ILO-nya, TKI-na, 2017-nya.
            if next.gapBefore == "-", hyphenatedClitics.contains(next.folded) {
                result.append(
                    WordAnalysis(
                        key: word, tokenCount: 2, phenomena: base + [.hyphenatedClitic],
                        explanation: "'\(word)' + -\(next.folded)" + note, suffix: "-" + next.folded))
            }
            // Full reduplication: pekerja-pekerja, hak-haknya, hak - hak.
            guard data.reduplication, reduplicationJoins.contains(next.gapBefore) else { continue }
            let secondHalves = [next.folded, next.bare] + (respelled(next.folded).map { [$0] } ?? [])
            if secondHalves.contains(word) {
                result.append(
                    WordAnalysis(
                        key: word, tokenCount: 2, phenomena: base + [.reduplication],
                        explanation: "'\(word)' reduplicated" + note))
                for spelling in spellingVariants(of: word) {
                    result.append(
                        WordAnalysis(
                            key: spelling, tokenCount: 2, phenomena: base + [.reduplication, .spelling],
                            explanation: "'\(spelling)' reduplicated, spelt '\(word)'" + note))
                }
            } else {
                for half in Set(secondHalves) {
                    for (stem, clitic) in cliticStems(half) where stem == word {
                        result.append(
                            WordAnalysis(
                                key: word, tokenCount: 2, phenomena: base + [.reduplication, .clitic],
                                explanation: "'\(word)' reduplicated + -\(clitic)" + note, suffix: clitic))
                    }
                }
            }
        }
        var seen: Set<WordAnalysis> = []
        return result.filter { seen.insert($0).inserted }
    }

    /// Whether `analyses(of:at:)` looks at the next word after `gap`: a hyphen (a hyphenated
    /// clitic, a reduplication), another reduplication join, or an apostrophe (a plural
    /// possessive). After any other gap a word reads as on its own.
    func readsAcross(gap: String) -> Bool {
        gap == "-" || gap.hasPrefix("'") || (data.reduplication && reduplicationJoins.contains(gap))
    }

    /// Whether the word at `index` and the next make one derived word: a reduplication whose
    /// second half adds an ending that is no clitic (*kapal-kapalan*, *orang-orangan*,
    /// *LSM-LSMan*, *pekerja-pekerjaan*). Such a word is a derivation, and its first half is not
    /// the word on its own.
    func bindsToNext(_ tokens: [Token], at index: Int) -> Bool {
        guard data.reduplication, index + 1 < tokens.count else { return false }
        let word = tokens[index].folded, next = tokens[index + 1]
        // Two words a space apart are two words, whatever their letters.
        guard next.gapBefore != " ", reduplicationJoins.contains(next.gapBefore), next.folded.count > word.count,
            next.folded.hasPrefix(word), next.folded.allSatisfy(\.isLetter)
        else { return false }
        return !cliticStems(next.folded).contains { $0.stem == word }
    }

    /// Readings of one word on its own (no hyphenated group, no following apostrophe), other than
    /// the word itself: what `analyses(of:at:)` proposes for a single token, without accent folding.
    func analyses(ofWord word: String) -> [WordAnalysis] {
        let modern = respelled(word)
        // Nearly every word: in the standard spelling, and no rule applies to it.
        if modern == nil && !startsReadings(word) { return [] }
        var result: [WordAnalysis] = []
        var spellings: [(String, [Phenomenon], String)] = [(word, [], "")]
        if let modern {
            spellings.append((modern, [.spelling], " (older spelling '\(word)')"))
            result.append(
                WordAnalysis(
                    key: modern, phenomena: [.spelling], explanation: "'\(modern)' spelt '\(word)' (older spelling)"))
        }
        for (spelling, base, note) in spellings {
            for reading in wordReadings(spelling) {
                result.append(
                    WordAnalysis(
                        key: reading.key, phenomena: base + reading.phenomena,
                        explanation: "'\(reading.key)'" + reading.explanation + note, suffix: reading.suffix))
            }
        }
        var seen: Set<WordAnalysis> = []
        return result.filter { seen.insert($0).inserted }
    }

    /// `word` in the standard spelling when it contains an older letter sequence, else nil.
    func respelled(_ word: String) -> String? {
        guard !letterSpellings.isEmpty else { return nil }
        var result = word
        // Folded words are NFC, so comparing UTF-8 bytes finds the letter sequences exactly; it
        // also spares Foundation's locale-aware search for the many words that contain none.
        for (from, to) in letterSpellings where Self.containsBytes(result, from) {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return result == word ? nil : result
    }

    /// Whether the UTF-8 bytes of `needle` occur in those of `text`.
    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        guard !needle.isEmpty else { return true }
        let found = text.utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in
                // A word and a letter sequence are a few bytes each: a plain scan, without a
                // library search's setup.
                guard pattern.count <= haystack.count else { return false }
                for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
                    var offset = 1
                    while offset < pattern.count && haystack[start + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                return false
            }
        }
        if let found, let found { return found }
        var text = text, needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { ByteSearch.find($0, in: haystack) != nil } }
    }

    /// Stems of `word` with a clitic (and particle) removed, each with what was removed.
    ///
    /// Every enclitic that ends the word is tried (Sundanese `-nana` and `-na` both), so a stem that
    /// itself ends like a clitic is not lost; words listed as `not-clitic` are never split, and a
    /// stem must keep `minimum-stem` letters.
    func cliticStems(_ word: String) -> [(stem: String, clitic: String)] {
        // Most words end in no clitic: say so before looking them up in `notClitic`.
        let endingParticles = particles.matches(endingAt: word)
        guard !endingParticles.isEmpty || enclitics.anyEnds(word), !notClitic.contains(word) else { return [] }
        var result: [(String, String)] = []
        var bases: [(String, String)] = [(word, "")]
        for particle in endingParticles {
            let stem = word.droppingBytes(of: particle)
            if stem.count >= data.minimumStem && !notClitic.contains(stem) {
                result.append((stem, particle))
                bases.append((stem, particle))
            }
        }
        for (base, removed) in bases {
            for enclitic in enclitics.matches(endingAt: base) {
                let stem = base.droppingBytes(of: enclitic)
                if let context = data.encliticContexts[enclitic], !context.contains(where: { stem.endsWithBytes($0) }) {
                    continue
                }
                if stem.count >= data.minimumStem && !notClitic.contains(stem) {
                    result.append((stem, enclitic + removed))
                }
            }
        }
        return result
    }

    /// Whether any rule of `wordReadings` applies to `word` as written: an affix that ends it, a
    /// listed spelling family or irregular plural it may be in, an infix where one can be.
    ///
    /// Every reading starts with such a rule (the others apply to the stems it gives), so a word
    /// for which this is false has none; that is nearly every word of a text, and this answers
    /// for it without building a stem.
    private func startsReadings(_ word: String) -> Bool {
        readingEndings.anyEnds(word) || spellingFamilyFilter.mayContain(word) || irregularPluralFilter.mayContain(word)
            || (!data.pluralInfixes.isEmpty && mayHaveInfix(word))
    }

    /// Readings of a single word: clitics, possessives, plurals, infixes, spellings.
    private func wordReadings(_ word: String) -> [Stem] {
        guard startsReadings(word) else { return [] }
        var stems: [Stem] = [Stem(key: word, phenomena: [], explanation: "", suffix: "")]
        for (stem, clitic) in cliticStems(word) {
            stems.append(Stem(key: stem, phenomena: [.clitic], explanation: " + -\(clitic)", suffix: clitic))
        }
        // Informal reduplication with a digit: pekerja2 = pekerja-pekerja.
        for mark in reduplicationMarks.matches(endingAt: word) {
            let stem = word.droppingBytes(of: mark)
            if stem.count >= data.minimumStem, stem.allSatisfy(\.isLetter) {
                stems.append(
                    Stem(key: stem, phenomena: [.reduplication], explanation: " reduplicated (written with \(mark))", suffix: ""))
            }
        }
        for possessive in possessives.matches(endingAt: word) where word.count > possessive.count + 1 {
            let stem = word.droppingBytes(of: possessive)
            stems.append(Stem(key: stem, phenomena: [.possessive], explanation: " + \(possessive)", suffix: possessive))
        }
        // Plurals apply to the word and to a possessive's stem (workers's is not English, but
        // women's is): irregular forms, then every plural ending that fits.
        for stem in stems where !stem.phenomena.contains(.clitic) {
            if irregularPluralFilter.mayContain(stem.key), let singular = data.irregularPlurals[stem.key] {
                stems.append(
                    Stem(
                        key: singular, phenomena: stem.phenomena + [.plural],
                        explanation: " (plural '\(stem.key)')" + stem.explanation, suffix: stem.suffix))
            }
            for singular in irregularSingulars(of: stem.key) where singular != data.irregularPlurals[stem.key] {
                stems.append(
                    Stem(
                        key: singular, phenomena: stem.phenomena + [.plural],
                        explanation: " (plural '\(stem.key)')" + stem.explanation, suffix: stem.suffix))
            }
            for rule in pluralEndings.matches(endingAt: stem.key) {
                let root = stem.key.droppingBytes(of: rule.ending)
                guard root.count >= 2, !isPluralException(root) else { continue }
                stems.append(
                    Stem(
                        key: root + rule.replacement, phenomena: stem.phenomena + [.plural],
                        explanation: " + plural -\(rule.ending)" + stem.explanation, suffix: rule.ending + stem.suffix))
            }
        }
        if !data.pluralInfixes.isEmpty {
            for stem in stems {
                for (root, infix) in infixStems(stem.key) {
                    stems.append(
                        Stem(
                            key: root, phenomena: stem.phenomena + [.pluralInfix],
                            explanation: " with plural infix -\(infix)-" + stem.explanation, suffix: stem.suffix))
                }
            }
        }
        var readings: [Stem] = []
        for (index, stem) in stems.enumerated() {
            if index > 0 { readings.append(stem) }
            for variant in spellingVariants(of: stem.key) {
                readings.append(
                    Stem(
                        key: variant, phenomena: stem.phenomena + [.spelling],
                        explanation: " spelt '\(stem.key)'" + stem.explanation, suffix: stem.suffix))
            }
        }
        return readings
    }

    /// The singulars that the irregular plural endings give for `word`: *fisherman* for
    /// *fishermen*, *housewife* for *housewives*; none for a listed exception (*omen*).
    private func irregularSingulars(of word: String) -> [String] {
        var result: [String] = []
        for rule in irregularPluralEndings.matches(endingAt: word) where word.utf8.count > rule.plural.utf8.count {
            guard !irregularPluralExceptions.contains(word) else { return [] }
            result.append(word.droppingBytes(of: rule.plural) + rule.singular)
        }
        return result
    }

    private func isPluralException(_ root: String) -> Bool {
        if pluralExceptionSuffixes.anyEnds(root) { return true }
        guard !pluralExceptions.isEmpty else { return false }
        let range = NSRange(root.startIndex..., in: root)
        return pluralExceptions.contains { $0.firstMatch(in: root, range: range) != nil }
    }

    /// Words with the plural infix removed, with the infix: `barudak` → `budak`, `arindit` → `indit`.
    ///
    /// The infix follows the first consonant of a word that starts with one (*b-ar-udak*,
    /// *p-ar-agawé*, *l-al-eutik*) and is a prefix of a word that starts with a vowel
    /// (*ar-indit*). The stem must keep at least three letters. Words listed as
    /// `plural-infix-exceptions` (*barang*) have none.
    private func infixStems(_ word: String) -> [(String, String)] {
        // Most words have no infix where one can be: say so before splitting them into characters.
        guard mayHaveInfix(word), !pluralInfixExceptions.contains(word) else { return [] }
        let letters = Array(word)
        let vowels: Set<Character> = ["a", "e", "é", "i", "o", "u"]
        var result: [(String, String)] = []
        for infix in data.pluralInfixes {
            let infixLetters = Array(infix)
            guard letters.count >= infixLetters.count + 4 else { continue }
            if !vowels.contains(letters[0]), Array(letters[1...infixLetters.count]) == infixLetters,
                vowels.contains(letters[1 + infixLetters.count])
            {
                result.append((String(letters[0]) + String(letters[(1 + infixLetters.count)...]), infix))
            } else if Array(letters[0..<infixLetters.count]) == infixLetters, vowels.contains(letters[infixLetters.count]) {
                result.append((String(letters[infixLetters.count...]), infix))
            }
        }
        return result
    }

    /// Whether a plural infix's bytes start `word` or follow its first letter: where `infixStems`
    /// looks for one.
    ///
    /// - Complexity: O(*k*) for infixes of *k* bytes in all; a word that starts with two ASCII
    ///   bytes (nearly every one) needs no grapheme breaking.
    private func mayHaveInfix(_ word: String) -> Bool {
        let found = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first else { return false }
            // An ASCII letter is a character of its own unless a non-ASCII mark follows it
            // (CR LF aside): then the first character is its first byte.
            let firstLength =
                first < 0x80 && first != 13 && (bytes.count == 1 || bytes[1] < 0x80)
                ? 1 : word.utf8.distance(from: word.startIndex, to: word.index(after: word.startIndex))
            return pluralInfixBytes.contains { infix in
                Self.has(infix, in: bytes, at: 0) || Self.has(infix, in: bytes, at: firstLength)
            }
        }
        if let found { return found }
        guard !word.isEmpty else { return false }
        let afterFirst = word[word.index(after: word.startIndex)...]
        return data.pluralInfixes.contains { word.utf8.starts(with: $0.utf8) || afterFirst.utf8.starts(with: $0.utf8) }
    }

    /// Whether `part` occurs in `bytes` at `offset`.
    private static func has(_ part: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset + part.count <= bytes.count else { return false }
        for index in part.indices where bytes[offset + index] != part[index] { return false }
        return true
    }

    /// Other spellings of `word` in its families.
    func spellingVariants(of word: String) -> [String] {
        var result = spellingFamilyFilter.mayContain(word) ? spellingFamilies[word] ?? [] : []
        for rule in spellingEndings.matches(endingAt: word) where word.count - rule.from.count >= rule.minimum {
            let variant = word.droppingBytes(of: rule.from) + rule.to
            if variant != word && !result.contains(variant) { result.append(variant) }
        }
        return result
    }
}

extension String {
    /// Whether the UTF-8 bytes of `suffix` end those of the string.
    ///
    /// The analyzers compare folded words, which are NFC, with affixes of plain letters; for
    /// them this is `hasSuffix` without grapheme breaking (a Character comparison could differ
    /// only for an affix that starts with a combining mark).
    func endsWithBytes(_ suffix: String) -> Bool {
        let count = utf8.count, tailCount = suffix.utf8.count
        guard tailCount <= count else { return false }
        guard tailCount > 0 else { return true }
        // Both are nearly always native strings: compare their bytes in place. (The analyzers
        // call this for every affix and every distinct word of a text.)
        let compared = utf8.withContiguousStorageIfAvailable { bytes in
            suffix.utf8.withContiguousStorageIfAvailable { tail in
                memcmp(bytes.baseAddress! + (count - tailCount), tail.baseAddress!, tailCount) == 0
            }
        }
        if let compared, let compared { return compared }
        return utf8.suffix(tailCount).elementsEqual(suffix.utf8)
    }

    /// The string without the trailing bytes of `suffix`, which must end it (`endsWithBytes`).
    func droppingBytes(of suffix: String) -> String {
        let kept = utf8.count - suffix.utf8.count
        return utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[..<kept]), as: UTF8.self)
        }
            ?? String(decoding: utf8.dropLast(suffix.utf8.count), as: UTF8.self)
    }
}
