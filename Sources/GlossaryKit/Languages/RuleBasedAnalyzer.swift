import Foundation

/// The analysis machinery every language shares, driven entirely by `LanguageData`.
///
/// Per language it may strip enclitics and particles from a word's end, read `X-X` as `X`,
/// accept a clitic after a hyphen, undo a plural infix, a plural ending or a possessive, and swap
/// spellings within a family. Which of these apply, and with which affixes, is the data's choice.
struct RuleBasedAnalyzer: Sendable {
    let data: LanguageData
    private let enclitics: [String]
    private let particles: [String]
    private let hyphenatedClitics: Set<String>
    private let notClitic: Set<String>
    private let spellingFamilies: [String: [String]]
    private let spellingEndings: [(from: String, to: String, minimum: Int)]
    private let pluralExceptions: [NSRegularExpression]

    init(data: LanguageData) {
        self.data = data
        enclitics = data.enclitics.sorted { $0.count > $1.count }
        particles = data.particles.sorted { $0.count > $1.count }
        hyphenatedClitics = Set(data.enclitics + data.particles)
        notClitic = Set(data.notClitic)
        var families: [String: [String]] = [:]
        for family in data.spellingWords {
            for word in family { families[word, default: []] += family.filter { $0 != word } }
        }
        spellingFamilies = families
        var endings: [(String, String, Int)] = []
        for rule in data.spellingEndings where rule.count >= 2 {
            let minimum = rule.count > 2 ? Int(rule[2]) ?? 0 : 0
            endings.append((rule[0], rule[1], minimum))
            endings.append((rule[1], rule[0], minimum))
        }
        spellingEndings = endings
        pluralExceptions = data.pluralExceptions.compactMap { try? NSRegularExpression(pattern: "^(?:\($0))$") }
    }

    /// All readings of the word at `index`, except the word itself.
    func analyses(of tokens: [Token], at index: Int) -> [WordAnalysis] {
        var result: [WordAnalysis] = []
        let token = tokens[index]
        let spellings: [(String, [Phenomenon])] = token.bare == token.folded
            ? [(token.folded, [])]
            : [(token.folded, []), (token.bare, [.accent])]
        for (word, base) in spellings {
            // Readings within the word.
            for reading in wordReadings(word) {
                result.append(WordAnalysis(
                    key: reading.key, tokenCount: 1, phenomena: base + reading.phenomena,
                    explanation: "'\(reading.key)'" + reading.explanation, suffix: reading.suffix))
            }
            // Readings across a hyphen: X-X, X-Xnya, ILO-nya.
            if index + 1 < tokens.count, tokens[index + 1].gapBefore == "-" {
                let next = tokens[index + 1]
                if hyphenatedClitics.contains(next.folded) {
                    result.append(WordAnalysis(
                        key: word, tokenCount: 2, phenomena: base + [.hyphenatedClitic],
                        explanation: "'\(word)' + -\(next.folded)", suffix: "-" + next.folded))
                }
                if data.reduplication, next.folded == token.folded || next.bare == token.bare {
                    result.append(WordAnalysis(
                        key: word, tokenCount: 2, phenomena: base + [.reduplication],
                        explanation: "'\(word)' reduplicated"))
                    for spelling in spellingVariants(of: word) {
                        result.append(WordAnalysis(
                            key: spelling, tokenCount: 2, phenomena: base + [.reduplication, .spelling],
                            explanation: "'\(spelling)' reduplicated, spelt '\(word)'"))
                    }
                } else if data.reduplication {
                    for (stem, clitic) in cliticStems(next.folded) where stem == word {
                        result.append(WordAnalysis(
                            key: word, tokenCount: 2, phenomena: base + [.reduplication, .clitic],
                            explanation: "'\(word)' reduplicated + -\(clitic)", suffix: clitic))
                    }
                }
            }
        }
        return result
    }

    /// Stems of `word` with a clitic (and particle) removed, each with what was removed.
    func cliticStems(_ word: String) -> [(stem: String, clitic: String)] {
        guard !notClitic.contains(word) else { return [] }
        var result: [(String, String)] = []
        var bases: [(String, String)] = [(word, "")]
        for particle in particles where word.hasSuffix(particle) {
            let stem = String(word.dropLast(particle.count))
            if stem.count >= data.minimumStem && !notClitic.contains(stem) {
                result.append((stem, particle))
                bases.append((stem, particle))
            }
            break
        }
        for (base, removed) in bases {
            for enclitic in enclitics where base.hasSuffix(enclitic) {
                let stem = String(base.dropLast(enclitic.count))
                if stem.count >= data.minimumStem && !notClitic.contains(stem) {
                    result.append((stem, enclitic + removed))
                }
                break
            }
        }
        return result
    }

    /// Readings of one word as `WordAnalysis` values (token count 1).
    func analyses(ofWord word: String) -> [WordAnalysis] {
        wordReadings(word).map {
            WordAnalysis(key: $0.key, tokenCount: 1, phenomena: $0.phenomena, explanation: "'\($0.key)'" + $0.explanation, suffix: $0.suffix)
        }
    }

    /// Clitics accepted after a hyphen.
    var hyphenatedCliticSet: Set<String> { hyphenatedClitics }

    /// Readings of a single word: clitics, infixes, plurals, possessives, spellings.
    private func wordReadings(_ word: String) -> [(key: String, phenomena: [Phenomenon], explanation: String, suffix: String)] {
        var readings: [(String, [Phenomenon], String, String)] = []
        var stems: [(String, [Phenomenon], String, String)] = [(word, [], "", "")]
        for (stem, clitic) in cliticStems(word) {
            stems.append((stem, [.clitic], " + -\(clitic)", clitic))
        }
        for possessive in data.possessives where word.hasSuffix(possessive) && word.count > possessive.count + 1 {
            let stem = String(word.dropLast(possessive.count))
            stems.append((stem, [.possessive], " + \(possessive)", possessive))
        }
        // Plurals apply to the word and to a possessive's stem (workers's is not English, but
        // women's is): plural endings first, then irregular forms.
        for (base, phenomena, explanation, suffix) in stems where !phenomena.contains(.clitic) {
            if let singular = data.irregularPlurals[base] {
                stems.append((singular, phenomena + [.plural], " (plural '\(base)')" + explanation, suffix))
            }
            for rule in data.pluralEndings where rule.count == 2 && base.hasSuffix(rule[0]) {
                let root = String(base.dropLast(rule[0].count))
                guard root.count >= 2 else { continue }
                if pluralExceptions.contains(where: { $0.firstMatch(in: root, range: NSRange(root.startIndex..., in: root)) != nil }) {
                    continue
                }
                let singular = root + rule[1]
                stems.append((singular, phenomena + [.plural], " + plural -\(rule[0])" + explanation, rule[0] + suffix))
                break
            }
        }
        if !data.pluralInfixes.isEmpty {
            for (base, phenomena, explanation, suffix) in stems {
                for stem in infixStems(base) {
                    stems.append((stem, phenomena + [.pluralInfix], " with plural infix" + explanation, suffix))
                }
            }
        }
        for (index, stem) in stems.enumerated() {
            if index > 0 { readings.append(stem) }
            for variant in spellingVariants(of: stem.0) {
                readings.append((variant, stem.1 + [.spelling], " spelt '\(stem.0)'" + stem.2, stem.3))
            }
        }
        return readings
    }

    /// Words with the plural infix removed: `barudak` → `budak`, `arindit` → `indit`.
    private func infixStems(_ word: String) -> [String] {
        let letters = Array(word)
        guard letters.count >= 5 else { return [] }
        let vowels: Set<Character> = ["a", "e", "é", "i", "o", "u"]
        var result: [String] = []
        for infix in data.pluralInfixes {
            let infixLetters = Array(infix)
            if !vowels.contains(letters[0]), Array(letters[1...infixLetters.count]) == infixLetters {
                result.append(String(letters[0]) + String(letters[(1 + infixLetters.count)...]))
            } else if Array(letters[0..<infixLetters.count]) == infixLetters, vowels.contains(letters[infixLetters.count]) {
                result.append(String(letters[infixLetters.count...]))
            }
        }
        return result
    }

    /// Other spellings of `word` in its families.
    func spellingVariants(of word: String) -> [String] {
        var result = spellingFamilies[word] ?? []
        for rule in spellingEndings where word.hasSuffix(rule.from) && word.count - rule.from.count >= rule.minimum {
            let variant = String(word.dropLast(rule.from.count)) + rule.to
            if variant != word && !result.contains(variant) { result.append(variant) }
        }
        return result
    }
}
