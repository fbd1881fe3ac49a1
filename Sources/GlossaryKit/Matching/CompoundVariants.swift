/// The other ways of writing a term as a compound, which compiling adds to the trie beside the
/// term as the glossary writes it (`CompoundRules.closedCompounds`).
///
/// - A **closed** form joins two words that the term separates with a hyphen, or the two words of
///   a two-word term: *guestworker* for *guest worker*, *nongovernmental organization* for
///   *non-governmental organization*, *kupukupu malam* for *kupu-kupu malam*.
/// - An **open** form splits a closed word of the term where both parts are known words: words of
///   the glossary's terms in the term's language, or the language's `compound-parts`:
///   *house maid* (and, since a hyphen reads as a space, *house-maid*) for *housemaid*, *middle
///   man* for *middleman*, *non pemerintah* for *nonpemerintah*.
///
/// Only plausible forms are made, so that each costs an entry and a word or two, not a search per
/// word of a text: the matcher meets them as it meets any term.
struct CompoundVariant: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// Two words of the term written as one.
        case closed
        /// One word of the term written as two.
        case open
    }

    var words: [String]
    var gaps: [String]
    var kind: Kind

    /// Parts shorter than this many letters are known only when listed (`compound-parts`), so
    /// that a term's short words (*of*, *in*) split no closed word.
    static let shortestPart = 3

    /// The closed and open forms of the term of `words` (folded) separated by `gaps` (as
    /// `Token.gapBefore` gives them), under `rules`; `isLetterWord` says which words are made of
    /// letters (numbers and symbols are never joined or split), `parts` which words may be a
    /// closed word's part (`CompoundParts`: `rules.parts`, and the known words of at least
    /// `shortestPart` characters).
    ///
    /// - Complexity: O(*n* · *m*) for *n* words of at most *m* letters, each split point one
    ///   look-up in `parts` per side.
    static func variants(words: [String], gaps: [String], isLetterWord: [Bool], rules: CompoundRules, parts: CompoundParts)
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
        for (index, word) in words.enumerated() where isLetterWord[index] {
            for cut in parts.splits(of: word) {
                var split = words, partGaps = gaps
                split.replaceSubrange(index...index, with: [String(word[..<cut]), String(word[cut...])])
                partGaps.insert(" ", at: index + 1)
                result.append(CompoundVariant(words: split, gaps: partGaps, kind: .open))
            }
        }
        return result
    }
}
