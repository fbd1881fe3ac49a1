/// Carries the capitalisation of written text over to a replacement: `LABOR` → `LABOUR`,
/// `Labor trafficking` → `Labour trafficking`, `Labor Trafficking` → `Labour Trafficking`.
enum CasePattern {
    /// `replacement` written in the case pattern of `original`.
    ///
    /// - Complexity: O(*n*) in the two lengths; ASCII text is handled byte by byte, which gives
    ///   the same result as the character-by-character rules below at a fraction of the cost.
    static func apply(of original: String, to replacement: String) -> String {
        applyASCII(of: original, to: replacement) ?? applyByCharacter(of: original, to: replacement)
    }

    /// `apply` by Unicode's letter, case and white-space properties of each character.
    static func applyByCharacter(of original: String, to replacement: String) -> String {
        let letters = original.filter(\.isLetter)
        guard !letters.isEmpty else { return replacement }
        if letters.count > 1, letters.allSatisfy({ !$0.isLowercase }) {
            return replacement.uppercased()
        }
        let originalWords = original.split(whereSeparator: \.isWhitespace)
        let titled = originalWords.count > 1 && originalWords.allSatisfy { $0.first?.isUppercase == true }
        // A replacement that has capitals of its own (a name, an acronym) keeps them.
        if replacement.contains(where: \.isUppercase) { return replacement }
        if titled {
            return replacement.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
        if original.first?.isUppercase == true {
            return replacement.prefix(1).uppercased() + replacement.dropFirst()
        }
        return replacement
    }

    /// `apply` for ASCII text, where a letter is `A`–`Z` or `a`–`z` and white space is the
    /// space, tab and line-break bytes; nil when either text has other characters.
    static func applyASCII(of original: String, to replacement: String) -> String? {
        let written = Array(original.utf8)
        var result = Array(replacement.utf8)
        guard written.allSatisfy({ $0 < 0x80 }), result.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        func upper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 0x20 : byte }
        var letters = 0
        var hasLower = false
        for byte in written where isUpper(byte) || isLower(byte) {
            letters += 1
            if isLower(byte) { hasLower = true }
        }
        guard letters > 0 else { return replacement }
        if letters > 1, !hasLower { return String(decoding: result.map(upper), as: UTF8.self) }
        // Words as split at white space: are there several, each starting with a capital?
        var words = 0
        var everyWordTitled = true
        var atWordStart = true
        for byte in written {
            if isSpace(byte) {
                atWordStart = true
            } else {
                if atWordStart {
                    words += 1
                    if !isUpper(byte) { everyWordTitled = false }
                }
                atWordStart = false
            }
        }
        if result.contains(where: isUpper) { return replacement }
        if words > 1 && everyWordTitled {
            // Every word of the replacement, as split at single spaces, gets a capital.
            for index in result.indices where index == 0 || result[index - 1] == 0x20 {
                result[index] = upper(result[index])
            }
            return String(decoding: result, as: UTF8.self)
        }
        if let first = written.first, isUpper(first), !result.isEmpty {
            result[0] = upper(result[0])
            return String(decoding: result, as: UTF8.self)
        }
        return replacement
    }
}
