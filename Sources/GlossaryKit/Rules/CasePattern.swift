/// Carries the capitalisation of written text over to a replacement: `LABOR` → `LABOUR`,
/// `Labor trafficking` → `Labour trafficking`, `Labor Trafficking` → `Labour Trafficking`.
enum CasePattern {
    /// `replacement` written in the case pattern of `original`.
    static func apply(of original: String, to replacement: String) -> String {
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
}
