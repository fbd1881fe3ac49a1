/// Escaping of untrusted text for HTML: every character that could end a text node or an
/// attribute value, or start a tag or an entity, is written as a character reference.
///
/// The review page shows drafts as they are, and a draft may contain `<script>` or `"`: written
/// through `escaped`, it stays text in both element content and quoted attribute values.
extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in
    /// element content and in attribute values quoted with either quote.
    ///
    /// - Complexity: O(*n*) in the string's UTF-8 length.
    package var htmlEscaped: String {
        var needsEscaping = false
        for byte in utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        for character in unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
