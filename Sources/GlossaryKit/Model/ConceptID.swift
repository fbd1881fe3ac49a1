import Foundation

extension Concept {
    /// The characters a concept id may hold, in words, for messages.
    public static let idCharacters = "letters, digits, '-', '_', '.', ':'"

    /// Whether `id` may name a concept: not empty, and only letters, digits, `-`, `_`, `.` and
    /// `:`.
    ///
    /// Ids are written bare in suppression comments and baselines. Every reader applies this
    /// one rule, so that a glossary read from TBX or CSV can be written as YAML and read back.
    ///
    /// - Complexity: O(*n*) in the id's length.
    public static func isValidID(_ id: String) -> Bool {
        // The ASCII letters and digits are the ASCII characters `CharacterSet.alphanumerics`
        // holds: an ASCII id (the usual one) is checked byte by byte, without Foundation, which
        // a large glossary file asks for on every row.
        if id.utf8.allSatisfy({ $0 < 0x80 }) {
            return !id.isEmpty && id.utf8.allSatisfy { isASCIIIDByte($0) }
        }
        return id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0) }
    }

    /// Whether an ASCII byte may be part of a concept id.
    private static func isASCIIIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
            true
        default: false
        }
    }
}
