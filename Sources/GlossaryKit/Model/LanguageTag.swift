/// A BCP 47 language tag such as `id`, `en`, `en-GB` or `su`.
///
/// Tags are stored in their canonical case (language lowercase, script title case, region
/// uppercase) so that `EN-gb` and `en-GB` compare equal. Only the syntax of RFC 5646 is
/// checked: the primary subtag is 2–3 letters (or 4–8 for registered languages), further subtags
/// are 1–8 alphanumerics. Whether a subtag is registered with IANA is not checked.
public struct LanguageTag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The canonical spelling, e.g. `en-GB`.
    public let rawValue: String

    /// Parses and canonicalises `text`, or returns `nil` when it is not a well-formed tag.
    public init?(_ text: String) {
        let normalized = text.replacingOccurrences(of: "_", with: "-")
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first,
            (2...8).contains(first.count), first.count != 4,
            first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        var canonical = [first.lowercased()]
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return nil }
            if part.count == 4, part.allSatisfy(\.isLetter) {
                canonical.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else if part.count == 2, part.allSatisfy(\.isLetter) {
                canonical.append(part.uppercased())
            } else {
                canonical.append(part.lowercased())
            }
        }
        rawValue = canonical.joined(separator: "-")
    }

    /// The primary language subtag: `en` for `en-GB`.
    public var language: String {
        String(rawValue.prefix { $0 != "-" })
    }

    /// Whether `self` is `other` or a more specific form of it (`en-GB` is within `en`).
    public func isWithin(_ other: LanguageTag) -> Bool {
        if rawValue == other.rawValue { return true }
        // A prefix followed by '-', compared in place (the matcher asks for every candidate term).
        let mine = rawValue.utf8, theirs = other.rawValue.utf8
        guard mine.count > theirs.count, mine.starts(with: theirs) else { return false }
        return mine[mine.index(mine.startIndex, offsetBy: theirs.count)] == UInt8(ascii: "-")
    }

    /// Whether one of the two tags is within the other: `en`, `en-GB` and `en` again, but not
    /// `en-GB` and `en-US`. A term and a paragraph of overlapping languages are of one language.
    func overlaps(_ other: LanguageTag) -> Bool {
        isWithin(other) || other.isWithin(self)
    }

    /// The tag as written, e.g. `id` or `en-GB`.
    public var description: String { rawValue }

    /// Orders by the tag's text.
    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Indonesian (`id`).
    public static let indonesian = LanguageTag("id")!
    /// English (`en`).
    public static let english = LanguageTag("en")!
    /// Sundanese (`su`).
    public static let sundanese = LanguageTag("su")!
}

extension LanguageTag: Codable {
    /// Decodes a tag from its text, which must be a well-formed tag.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let tag = LanguageTag(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a language tag")
        }
        self = tag
    }

    /// Encodes the tag as its canonical text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
