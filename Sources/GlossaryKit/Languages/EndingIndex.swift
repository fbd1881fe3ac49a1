/// A list of affixes that can end a word (plural endings, clitics, spelling endings), indexed by
/// their last byte, so that a word is compared only with the affixes that can end it.
///
/// The analyzers test every distinct word of a text against each of their ending lists, and
/// nearly every word ends in none of the affixes: comparing them one by one made the ending
/// comparisons the analyzers' largest cost. An affix can end a word only if its last byte is the
/// word's last byte; the index keeps, per last byte, the positions of the affixes that end in it
/// (and of an empty affix, which ends every word), in list order.
///
/// Like `String.endsWithBytes`, it compares UTF-8 bytes: the analyzers' words are folded (NFC),
/// and their affixes are plain letters.
struct EndingIndex<Element>: Sendable where Element: Sendable {
    /// The affixes with what each stands for, in list order.
    let elements: [Element]
    /// The affix of each element.
    private let endings: [String]
    /// Per bucket (a last byte, then 256 for the empty word), where its positions start in
    /// `positions`; one more entry marks the end of the last bucket.
    private let bucketStarts: [Int32]
    /// The positions in `elements` of each bucket's affixes, bucket after bucket, each in list order.
    private let positions: [Int32]

    /// Indexes `elements` by the last byte of the affix that `ending` gives for each.
    ///
    /// - Complexity: O(*n*) for *n* elements, plus 257 buckets.
    init(_ elements: [Element], ending: (Element) -> String) {
        self.elements = elements
        endings = elements.map(ending)
        var buckets = [[Int32]](repeating: [], count: 257)
        for (position, affix) in endings.enumerated() {
            if let last = affix.utf8.last {
                buckets[Int(last)].append(Int32(position))
            } else {
                // An empty affix ends every word: it belongs to every bucket.
                for bucket in buckets.indices { buckets[bucket].append(Int32(position)) }
            }
        }
        var starts: [Int32] = [0]
        for bucket in buckets { starts.append(starts.last! + Int32(bucket.count)) }
        bucketStarts = starts
        positions = buckets.flatMap { $0 }
    }

    var isEmpty: Bool { elements.isEmpty }

    /// The elements whose affix ends `word`, in list order.
    ///
    /// - Complexity: O(*k*) byte comparisons for the *k* affixes that end in the word's last byte;
    ///   no allocation when none ends the word.
    func matches(endingAt word: String) -> [Element] {
        guard !elements.isEmpty else { return [] }
        let bucket = Self.bucket(of: word)
        var result: [Element] = []
        for slot in Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1]) {
            let position = Int(positions[slot])
            if word.endsWithBytes(endings[position]) { result.append(elements[position]) }
        }
        return result
    }

    /// Whether any affix ends `word`.
    ///
    /// - Complexity: as `matches(endingAt:)`, without an allocation.
    func anyEnds(_ word: String) -> Bool {
        guard !elements.isEmpty else { return false }
        let bucket = Self.bucket(of: word)
        for slot in Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1])
        where word.endsWithBytes(endings[Int(positions[slot])]) {
            return true
        }
        return false
    }
}

extension EndingIndex {
    /// The bucket of `word`: its last byte, or 256 for the empty word.
    private static func bucket(of word: String) -> Int {
        let utf8 = word.utf8
        return utf8.isEmpty ? 256 : Int(utf8[utf8.index(before: utf8.endIndex)])
    }
}

extension EndingIndex where Element == String {
    /// Indexes a list of affixes.
    init(_ affixes: [String]) {
        self.init(affixes) { $0 }
    }
}
