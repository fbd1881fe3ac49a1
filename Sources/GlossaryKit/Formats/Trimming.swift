extension StringProtocol {
    /// The text without leading or trailing white space or line breaks: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without Foundation.
    ///
    /// The set is the Unicode `White_Space` characters and, as Foundation on Linux still counts
    /// it among them, the zero width space (U+200B), checked scalar by scalar. Foundation's
    /// trimming bridges every string through `NSString`: reading a 100,000-concept CSV file
    /// trims every field (an eighth of its reading time), and the language server trims every
    /// finding's note on every keystroke (a tenth of a re-check).
    ///
    /// - Complexity: O(1) when nothing is trimmed; else O(*n*).
    package func trimmedOfWhiteSpace() -> String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            // The ASCII white space is tab to carriage return and the space; asking the scalar's
            // properties costs a table look-up, for every field of a large glossary file.
            guard scalar.isASCII else { return scalar.properties.isWhitespace || scalar == "\u{200B}" }
            return scalar == " " || ("\t"..."\r").contains(scalar)
        }
        guard let first = scalars.first, let last = scalars.last else { return "" }
        guard isSpace(first) || isSpace(last) else { return String(self) }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[start...end])
        return String(kept)
    }
}
