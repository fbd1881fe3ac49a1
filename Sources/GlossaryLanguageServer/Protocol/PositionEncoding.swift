/// What the `character` of a ``Position`` counts: UTF-8 bytes, UTF-16 code units (LSP's
/// default, JavaScript's string length) or UTF-32 code units (Unicode scalars, the CLI's columns).
package enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The encodings this server would rather use, best first: UTF-8 is the documents' own form
    /// (a byte offset needs no counting), UTF-32 counts scalars like the CLI, UTF-16 is the
    /// fallback every client understands.
    package static let preference: [PositionEncoding] = [.utf8, .utf32, .utf16]

    /// The encoding for a client that offers `offered` (`general.positionEncodings` of its
    /// capabilities, in its order of preference): the first of ``preference`` it offers;
    /// UTF-16 when it offers none of them or says nothing, as the specification requires.
    package static func negotiate(offered: [String]?) -> PositionEncoding {
        guard let offered else { return .utf16 }
        return preference.first { offered.contains($0.rawValue) } ?? .utf16
    }

    /// How many code units of this encoding the scalar whose UTF-8 form is `byteCount` long takes.
    @inline(__always)
    func units(forScalarOf byteCount: Int) -> Int {
        switch self {
        case .utf8: byteCount
        case .utf16: byteCount == 4 ? 2 : 1
        case .utf32: 1
        }
    }
}
