/// One unit of a text that has versions in other languages: a paragraph, a sentence or a
/// translation unit's source or target.
///
/// A segment is a byte range of its `SegmentedText`'s `text`; the text maps those bytes back to
/// the file the segment was read from, so findings point at the file's own lines and columns.
public struct Segment: Sendable, Hashable {
    /// What the segment is in its file: `unit 104`, `paragraph 3`, `key auth.login`.
    public var id: String
    /// The language of the segment's text; nil when unknown.
    public var language: LanguageTag?
    /// The segment's part in a bilingual pair, when its file says.
    public var role: SegmentRole
    /// The segment's bytes in `SegmentedText.text`.
    public var bytes: Range<Int>

    /// A segment called `id`, in `language`, over `bytes` of its text.
    public init(id: String, language: LanguageTag?, role: SegmentRole = .version, bytes: Range<Int>) {
        self.id = id
        self.language = language
        self.role = role
        self.bytes = bytes
    }
}

/// The part a segment plays in its translation set.
public enum SegmentRole: String, Sendable, Hashable {
    /// The text translated from (XLIFF `<source>`, PO `msgid`).
    case source
    /// A translation (XLIFF `<target>`, PO `msgstr`).
    case target
    /// One of several versions with no declared direction (parallel files, language sections).
    case version
}

/// Points at one segment of one text of a `TranslationCorpus`.
public struct SegmentReference: Sendable, Hashable, Comparable {
    /// Index into `TranslationCorpus.texts`.
    public var text: Int
    /// Index into that text's `segments`.
    public var segment: Int

    /// The segment at index `segment` of text number `text`.
    public init(text: Int, segment: Int) {
        self.text = text
        self.segment = segment
    }

    /// Orders by text, then by segment within a text.
    public static func < (lhs: SegmentReference, rhs: SegmentReference) -> Bool {
        (lhs.text, lhs.segment) < (rhs.text, rhs.segment)
    }
}
