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
        !id.isEmpty
            && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0) }
    }
}
