/// Segments that are versions of each other: a translation unit's source and targets, one
/// paragraph of parallel files, one paragraph of each language section of a document.
public struct TranslationSet: Sendable, Hashable {
    /// What the set is: `unit 104`, `paragraph 3`, `article 4`.
    public var id: String
    /// The segments that are versions of each other, one per language or more.
    public var members: [SegmentReference]
    /// How sure the alignment is that the members say the same thing, from 0 to 1. Sets read
    /// from a bilingual format are certain (1).
    public var confidence: Double
    /// How the set was formed, for messages: `translation unit`, `paragraph 3 of 3`,
    /// `sentences aligned by length (Gale–Church)`.
    public var method: String

    /// A set of `members` found by `method`, with the aligner's `confidence` (1 when declared).
    public init(id: String, members: [SegmentReference], confidence: Double = 1, method: String) {
        self.id = id
        self.members = members
        self.confidence = confidence
        self.method = method
    }

    /// Below this confidence a set is not used to report missing or miscounted terms: a wrong
    /// pairing would make every difference look like a missing translation.
    public static let reliableConfidence = 0.2

    /// Whether the set is aligned well enough for rules that compare its versions.
    public var isReliable: Bool { confidence >= Self.reliableConfidence }
}

/// Texts and the translation sets that link their segments: everything the cross-language rules
/// and `glossary coverage` work on.
public struct TranslationCorpus: Sendable {
    /// The texts the sets refer to; a ``SegmentReference`` indexes them.
    public var texts: [SegmentedText]
    /// The translation sets over the texts.
    public var sets: [TranslationSet]
    /// The language translated from, when the input declares one (XLIFF `source-language`, a PO
    /// file's msgid). Nil for undirected versions: then the first language of each set leads.
    public var sourceLanguage: LanguageTag?
    /// What the alignment did, for the user: `3 files aligned paragraph by paragraph`,
    /// `paragraph counts differ (12, 14): sentences aligned by length (Gale–Church)`.
    public var notes: [String]

    /// A corpus of `texts` with the translation `sets` over their segments.
    ///
    /// Every member of a set must refer to one of `texts` and one of its segments: checking a
    /// corpus with a set that does not stops the program with a message naming the set
    /// (`AnalyzedCorpus.init`).
    public init(texts: [SegmentedText], sets: [TranslationSet], sourceLanguage: LanguageTag? = nil, notes: [String] = []) {
        self.texts = texts
        self.sets = sets
        self.sourceLanguage = sourceLanguage
        self.notes = notes
    }

    /// The segment `reference` points to.
    public subscript(reference: SegmentReference) -> Segment {
        texts[reference.text].segments[reference.segment]
    }

    /// The corpus with `source` as its source language, when it declares none: its segments in
    /// `source` become sources and the others targets, so that the cross-language rules compare
    /// each target with the source instead of every version with every other.
    ///
    /// A corpus whose input declares a source (XLIFF `source-language`, a PO file's msgid) keeps
    /// it: which text is the source is a fact of such a file, not a setting. A corpus with no
    /// version in `source` stays undirected. A note says which happened.
    public func directed(by source: LanguageTag?) -> TranslationCorpus {
        guard let source, sourceLanguage == nil else { return self }
        var corpus = self
        guard languages.contains(source) else {
            corpus.notes.append("no \(source) version, the declared source: the versions are compared with each other")
            return corpus
        }
        corpus.sourceLanguage = source
        corpus.notes.append("\(source) is the declared source: the other versions are compared with it")
        for text in corpus.texts.indices {
            for index in corpus.texts[text].segments.indices where corpus.texts[text].segments[index].role == .version {
                corpus.texts[text].segments[index].role =
                    corpus.texts[text].segments[index].language == source ? .source : .target
            }
        }
        return corpus
    }

    /// The languages of the corpus, in order of first appearance.
    public var languages: [LanguageTag] {
        var result: [LanguageTag] = []
        for set in sets {
            for member in set.members {
                if let language = self[member].language, !result.contains(language) { result.append(language) }
            }
        }
        return result
    }
}
