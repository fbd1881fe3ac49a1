import Foundation

/// A labelled corpus of sentences for measuring how well terms are found: which words of each
/// sentence are an occurrence of which concept, how each is inflected, and which words must not
/// be taken for a term.
///
/// The corpus is plain text, one file per language (`id.txt`, `en.txt`, `su.txt`, or any file whose
/// first line is `# language: TAG`), one sentence per line. Markup in a sentence:
///
/// - `[[concept-id|words as written|phenomena]]`: an occurrence of the concept. Phenomena are
///   `Phenomenon` names joined with `+` (`reduplication+clitic`); omitted, they are `identity`.
/// - `[[!|words as written|category]]`: a trap, words that must not be (part of) any occurrence,
///   with a free category such as `derivation` or `not-clitic`.
///
/// Two escapes, inside and outside the markup, write what a one-line sentence cannot show:
///
/// - `⏎` (U+23CE) stands for a line break, so a sentence can hold text as it comes from a PDF
///   (`traf-⏎ficking`);
/// - `\u{XXXX}` (one to six hex digits) stands for that Unicode scalar, so zero-width characters and
///   soft hyphens are visible in the file (`mig\u{200B}rant`).
///
/// Blank lines and lines starting with `#` are ignored. The markup is removed and the escapes are
/// expanded before matching, so the checker sees only the sentence, and byte ranges point into it;
/// an occurrence is found when a match covers exactly its words and names its concept.
package struct EvaluationCorpus: Sendable {
    /// One labelled sentence.
    package struct Sentence: Sendable {
        package var language: LanguageTag
        /// The sentence without markup.
        package var text: String
        package var file: String
        package var line: Int
        package var occurrences: [Occurrence]
        package var traps: [Trap]
    }

    /// An expected occurrence of a concept.
    package struct Occurrence: Sendable, Hashable {
        package var concept: String
        /// UTF-8 byte range in `Sentence.text`.
        package var bytes: Range<Int>
        package var text: String
        /// The phenomena the occurrence shows; empty for a verbatim occurrence.
        package var phenomena: [Phenomenon]
    }

    /// Words that must not be matched.
    package struct Trap: Sendable, Hashable {
        package var bytes: Range<Int>
        package var text: String
        package var category: String
    }

    package var sentences: [Sentence]

    package init(sentences: [Sentence]) {
        self.sentences = sentences
    }

    /// Reads a corpus file, or every `*.txt` file of a folder (sorted by name).
    ///
    /// - Throws: `InputError` with the file, line and column of malformed markup.
    package static func load(path: String) throws -> EvaluationCorpus {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputError("no evaluation corpus at '\(path)'")
        }
        var files = [path]
        if isFolder.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
            files = names.filter { $0.hasSuffix(".txt") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        var sentences: [Sentence] = []
        for file in files {
            guard let text = FileManager.default.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw InputError("cannot read the corpus file as UTF-8", file: file)
            }
            sentences += try parse(text, file: file)
        }
        return EvaluationCorpus(sentences: sentences)
    }

    /// Parses one corpus file. The language comes from a `# language: TAG` line, else from the
    /// file name (`id.txt`, `corpus.su.txt`, `jv.txt`: a two- or three-letter first part).
    package static func parse(_ text: String, file: String) throws -> [Sentence] {
        var language =
            LanguageDetector.language(
                fromPath: file, known: [.indonesian, .english, .sundanese])
            ?? ((file as NSString).lastPathComponent.split(separator: ".").first
                .flatMap { (2...3).contains($0.count) ? LanguageTag(String($0)) : nil })
        var sentences: [Sentence] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if line.hasPrefix("#") {
                let comment = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if comment.lowercased().hasPrefix("language:") {
                    let tag = comment.dropFirst("language:".count).trimmingCharacters(in: .whitespaces)
                    guard let parsed = LanguageTag(tag) else {
                        throw InputError("invalid language tag '\(tag)'", file: file, line: number, column: 1, in: text)
                    }
                    language = parsed
                }
                continue
            }
            if line.isEmpty { continue }
            guard let language else {
                throw InputError(
                    "the corpus file names no language: add '# language: TAG'", file: file, line: number, column: 1, in: text)
            }
            var sentence = try parseSentence(line, file: file, line: number, source: text)
            sentence.language = language
            sentences.append(sentence)
        }
        return sentences
    }

    /// Parses one marked-up sentence.
    static func parseSentence(_ line: String, file: String, line number: Int, source: String) throws -> Sentence {
        var plain: [UInt8] = []
        var occurrences: [Occurrence] = []
        var traps: [Trap] = []
        let bytes = Array(line.utf8)
        var index = 0
        func fail(_ message: String, at byte: Int) -> InputError {
            let column = String(decoding: bytes[..<min(byte, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
            return InputError(message, file: file, line: number, column: column, in: source)
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                guard let close = find([UInt8]("]]".utf8), in: bytes, from: index + 2) else {
                    throw fail("unclosed '[['", at: index)
                }
                let inner = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                let parts = inner.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw fail("expected [[concept|words]] or [[concept|words|phenomena]]", at: index)
                }
                // The words start after "[[", the concept and "|"; escapes in them are expanded too.
                let wordsStart = index + 2 + parts[0].utf8.count + 1
                let words = try expandEscapes(bytes[wordsStart..<(wordsStart + parts[1].utf8.count)], fail: fail)
                let start = plain.count
                plain += words
                let range = start..<plain.count
                let written = String(decoding: words, as: UTF8.self)
                let label = parts.count == 3 ? parts[2].trimmingCharacters(in: .whitespaces) : ""
                if parts[0] == "!" {
                    traps.append(Trap(bytes: range, text: written, category: label.isEmpty ? "trap" : label))
                } else {
                    var phenomena: [Phenomenon] = []
                    for name in label.split(separator: "+") where name != "identity" {
                        guard let phenomenon = Phenomenon(rawValue: String(name)) else {
                            throw fail(
                                "unknown phenomenon '\(name)'; use one of \(Phenomenon.allCases.map(\.rawValue).joined(separator: ", "))",
                                at: index)
                        }
                        phenomena.append(phenomenon)
                    }
                    occurrences.append(
                        Occurrence(
                            concept: parts[0], bytes: range, text: written,
                            phenomena: Array(Set(phenomena)).sorted { $0.rawValue < $1.rawValue }))
                }
                index = close + 2
            } else {
                // Plain text up to the next "[[", escapes expanded.
                var end = index + 1
                while end < bytes.count,
                    !(bytes[end] == UInt8(ascii: "[") && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "["))
                {
                    end += 1
                }
                plain += try expandEscapes(bytes[index..<end], fail: fail)
                index = end
            }
        }
        return Sentence(
            language: .english, text: String(decoding: plain, as: UTF8.self), file: file, line: number,
            occurrences: occurrences, traps: traps)
    }

    /// The bytes with the corpus escapes expanded: `⏎` becomes a line break, `\u{XXXX}` the scalar
    /// U+XXXX. A backslash that does not start `\u{` is kept as written.
    ///
    /// - Parameter fail: makes the error for a message at a byte offset of the line.
    /// - Throws: the error `fail` makes for an unclosed `\u{`, or for digits that are not hex or
    ///   name no Unicode scalar (a surrogate, or beyond U+10FFFF).
    static func expandEscapes(_ bytes: ArraySlice<UInt8>, fail: (String, Int) -> InputError) throws -> [UInt8] {
        let lineBreakSymbol: [UInt8] = Array("\u{23CE}".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == lineBreakSymbol[0], bytes[index...].starts(with: lineBreakSymbol) {
                result.append(UInt8(ascii: "\n"))
                index += lineBreakSymbol.count
            } else if bytes[index] == UInt8(ascii: "\\"), bytes[(index + 1)...].starts(with: Array("u{".utf8)) {
                let digitsStart = index + 3
                guard let close = bytes[digitsStart...].firstIndex(of: UInt8(ascii: "}")) else {
                    throw fail("unclosed '\\u{': write '\\u{XXXX}' with one to six hex digits", index)
                }
                let digits = String(decoding: bytes[digitsStart..<close], as: UTF8.self)
                guard (1...6).contains(digits.count), digits.allSatisfy(\.isHexDigit),
                    let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value)
                else {
                    throw fail(
                        "'\\u{\(digits)}' is not a Unicode scalar (one to six hex digits, not a surrogate, at most 10FFFF)", index
                    )
                }
                result += Array(String(Character(scalar)).utf8)
                index = close + 1
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// The number of labelled occurrences per language.
    package var occurrenceCounts: [LanguageTag: Int] {
        sentences.reduce(into: [:]) { $0[$1.language, default: 0] += $1.occurrences.count }
    }
}
