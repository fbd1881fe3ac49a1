/// Splits segments into sentences, for aligning texts whose paragraphs do not correspond.
package enum SentenceSplitter {
    /// Words after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "prof", "no", "nr", "st", "vs", "etc", "e.g", "i.e", "dll", "dsb", "dst",
        "hlm", "jl", "tn", "ny", "sdr", "art", "pasal", "ayat", "pp", "uu",
    ]

    /// The sentences of `range` of `text`: a sentence ends at `.`, `!`, `?` or `…` (and any
    /// closing quotes or brackets after it) followed by white space and a letter that is not
    /// lower case, a digit or an opening quote; or at a line break inside the segment.
    /// A full stop after a one-letter word or a known abbreviation does not end a sentence.
    ///
    /// - Complexity: O(*n*) in the range's length.
    package static func sentences(in text: SourceText, range: Range<Int>) -> [Range<Int>] {
        let bytes = text.bytes
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        func close(at end: Int, next: Int) {
            var trimmedEnd = end
            while trimmedEnd > start && isSpace(bytes[trimmedEnd - 1]) { trimmedEnd -= 1 }
            if trimmedEnd > start { result.append(start..<trimmedEnd) }
            start = next
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x0A {
                close(at: index, next: index + 1)
                index += 1
                while index < range.upperBound && isSpace(bytes[index]) { index += 1; start = index }
                continue
            }
            let isEnd =
                byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                || (byte == 0xE2 && index + 2 < range.upperBound && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6)
            guard isEnd else { index += 1; continue }
            var end = index + (byte == 0xE2 ? 3 : 1)
            while end < range.upperBound,
                [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "_")].contains(
                    bytes[end]) || isClosingQuote(bytes, end)
            {
                end += bytes[end] >= 0x80 ? 3 : 1
            }
            var next = end
            while next < range.upperBound && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
            if next > end, next < range.upperBound, startsSentence(bytes, next),
                byte != UInt8(ascii: ".") || !isAbbreviation(bytes, before: index, from: start)
            {
                close(at: end, next: next)
                index = next
                continue
            }
            index = end
        }
        close(at: range.upperBound, next: range.upperBound)
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func isClosingQuote(_ bytes: [UInt8], _ index: Int) -> Bool {
        // ” and ’ (E2 80 9D, E2 80 99).
        index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99)
    }

    private static func startsSentence(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
        return byte >= 0x80 || byte.isASCIIAlphanumeric || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "(")
            || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
    }

    private static func isAbbreviation(_ bytes: [UInt8], before index: Int, from start: Int) -> Bool {
        var wordStart = index
        while wordStart > start && !isSpace(bytes[wordStart - 1]) && bytes[wordStart - 1] != UInt8(ascii: "(") { wordStart -= 1 }
        let word = String(decoding: bytes[wordStart..<index], as: UTF8.self).lowercased()
        return word.count == 1 || abbreviations.contains(word)
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}
