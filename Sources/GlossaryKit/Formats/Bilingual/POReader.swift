import Foundation

/// Reads gettext PO files as translation sets: one set per entry, with `msgid` (and
/// `msgid_plural`) as source segments and `msgstr` (or each `msgstr[n]`) as target segments.
///
/// Strings may continue over several lines; C escapes (`\n`, `\"`, `\\`, `\t`, octal, `\x`) are
/// decoded and each decoded character maps to its escape in the file. `msgctxt` is kept in the
/// set's id. Obsolete entries (`#~`) and the header are not segments; the header's `Language:`
/// gives the target language, else the file name does (`id.po`, `django.id.po`). The source
/// language is English, gettext's convention for msgids.
package enum POReader {
    private struct Entry {
        var line = 0
        var context: String?
        /// Each string's decoded bytes (UTF-8 once checked), with a file offset per byte.
        var strings: [(keyword: String, bytes: [UInt8], offsets: [Int])] = []
    }

    /// Reads one PO file.
    ///
    /// - Throws: `InputError` with the line and column of a syntax error (an unknown keyword,
    ///   an unterminated string, a bad escape, text after a string).
    package static func read(_ source: SourceText, sourceLanguage: LanguageTag = .english) throws(InputError) -> TranslationCorpus
    {
        let bytes = source.bytes
        let whole = source.text(0..<bytes.count)
        func fail(_ message: String, _ offset: Int) -> InputError {
            let position = source.position(of: offset)
            return InputError("PO: \(message)", file: source.path, line: position.line, column: position.column, in: whole)
        }
        var entries: [Entry] = []
        var current = Entry()
        var sawMsgstr = false
        func finish() {
            if !current.strings.isEmpty { entries.append(current) }
            current = Entry()
            sawMsgstr = false
        }
        var lineStart = source.contentStart
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var index = lineStart
            while index < lineEnd && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            defer { lineStart = lineEnd + 1 }
            var end = lineEnd
            if end > index && bytes[end - 1] == 0x0D { end -= 1 }
            if index == end { if sawMsgstr { finish() }; continue }
            if bytes[index] == UInt8(ascii: "#") { continue }
            if bytes[index] == UInt8(ascii: "\"") {
                guard !current.strings.isEmpty else { throw fail("a string continuation before any keyword", index) }
                let (text, offsets, after) = try decodeString(bytes, from: index, end: end, fail: fail)
                try expectLineEnd(bytes, after, end, fail)
                current.strings[current.strings.count - 1].bytes += text
                current.strings[current.strings.count - 1].offsets += offsets
                continue
            }
            var keywordEnd = index
            while keywordEnd < end && bytes[keywordEnd] != 0x20 && bytes[keywordEnd] != 0x09
                && bytes[keywordEnd] != UInt8(ascii: "\"")
            { keywordEnd += 1 }
            let keyword = String(decoding: bytes[index..<keywordEnd], as: UTF8.self)
            let isMsgstr =
                keyword == "msgstr"
                || (keyword.hasPrefix("msgstr[") && keyword.hasSuffix("]") && Int(keyword.dropFirst(7).dropLast()) != nil)
            guard ["msgctxt", "msgid", "msgid_plural"].contains(keyword) || isMsgstr else {
                throw fail("unknown keyword '\(keyword)' (expected msgctxt, msgid, msgid_plural, msgstr or msgstr[n])", index)
            }
            if (keyword == "msgctxt" || keyword == "msgid") && sawMsgstr { finish() }
            if keyword == "msgctxt" || (keyword == "msgid" && current.strings.isEmpty) {
                current.line = source.position(of: index).line
            }
            var quote = keywordEnd
            while quote < end && (bytes[quote] == 0x20 || bytes[quote] == 0x09) { quote += 1 }
            guard quote < end && bytes[quote] == UInt8(ascii: "\"") else {
                throw fail("expected a quoted string after \(keyword)", quote)
            }
            let (text, offsets, after) = try decodeString(bytes, from: quote, end: end, fail: fail)
            try expectLineEnd(bytes, after, end, fail)
            if keyword == "msgctxt" { current.context = String(decoding: text, as: UTF8.self); continue }
            if isMsgstr { sawMsgstr = true }
            current.strings.append((keyword, text, offsets))
        }
        finish()

        var target: LanguageTag?
        var builder = SegmentedTextBuilder(file: source, format: "PO")
        var sets: [TranslationSet] = []
        // Escapes (`\xC3`, `\303`) give bytes, and the bytes of a string and its continuation
        // lines make its text: they must be UTF-8 as a whole, like the file.
        var decodedEntries: [(line: Int, context: String?, strings: [(keyword: String, text: String, offsets: [Int])])] = []
        for entry in entries {
            var strings: [(keyword: String, text: String, offsets: [Int])] = []
            for string in entry.strings {
                let bad = string.bytes.withUnsafeBufferPointer { ByteSearch.firstInvalidUTF8(in: $0) }
                if let bad {
                    throw fail(
                        "escape sequences make bytes that are not UTF-8 (byte 0x\(String(string.bytes[bad], radix: 16, uppercase: true)))",
                        string.offsets[bad])
                }
                strings.append((string.keyword, String(decoding: string.bytes, as: UTF8.self), string.offsets))
            }
            decodedEntries.append((entry.line, entry.context, strings))
        }
        for entry in decodedEntries {
            if entry.context == nil, entry.strings.first?.keyword == "msgid", entry.strings.first?.text.isEmpty == true {
                // The header: "Language: id\n".
                for line in (entry.strings.first { $0.keyword.hasPrefix("msgstr") }?.text ?? "").split(separator: "\n") {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].trimmingSpaces.lowercased() == "language" {
                        target = LanguageTag(parts[1].trimmingSpaces.replacingOccurrences(of: "_", with: "-"))
                    }
                }
            }
        }
        if target == nil {
            target = I18nJSONReader.language(
                ofPath: source.path.hasSuffix(".po") ? String(source.path.dropLast(3)) + ".json" : source.path)
        }
        guard let target else {
            throw InputError(
                "PO: cannot tell the target language: add a \"Language: xx\" header or name the file xx.po", file: source.path)
        }
        for entry in decodedEntries {
            if entry.context == nil, entry.strings.first?.keyword == "msgid", entry.strings.first?.text.isEmpty == true {
                continue
            }
            let msgid = entry.strings.first { $0.keyword == "msgid" }?.text ?? ""
            let id =
                "entry at line \(entry.line)" + (entry.context.map { " (msgctxt '\($0)')" } ?? "") + " '"
                + String(msgid.prefix(40)) + (msgid.count > 40 ? "…" : "") + "'"
            var members: [SegmentReference] = []
            for string in entry.strings {
                append(string.text, offsets: string.offsets, bytes: bytes, to: &builder)
                let isSource = string.keyword.hasPrefix("msgid")
                if let index = builder.endSegment(
                    id: id + " " + string.keyword, language: isSource ? sourceLanguage : target,
                    role: isSource ? .source : .target)
                {
                    members.append(SegmentReference(text: 0, segment: index))
                }
            }
            if !members.isEmpty { sets.append(TranslationSet(id: id, members: members, method: "PO entry")) }
        }
        return TranslationCorpus(
            texts: [builder.build()], sets: sets, sourceLanguage: sourceLanguage,
            notes: ["PO: \(English.counted(sets.count, "entry", plural: "entries")), \(sourceLanguage) → \(target)"])
    }

    /// Appends decoded text whose bytes map to `offsets` (verbatim where the file has the same bytes).
    private static func append(_ text: String, offsets: [Int], bytes: [UInt8], to builder: inout SegmentedTextBuilder) {
        var index = 0
        for scalar in text.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            let offset = offsets[index]
            if offset + encoded.count <= bytes.count && bytes[offset..<offset + encoded.count].elementsEqual(encoded) {
                builder.append(String(scalar), at: offset)
            } else {
                builder.append(decoded: String(scalar), at: offset)
            }
            index += encoded.count
        }
    }

    private static func expectLineEnd(_ bytes: [UInt8], _ index: Int, _ end: Int, _ fail: (String, Int) -> InputError)
        throws(InputError)
    {
        var index = index
        while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        guard index == end else { throw fail("unexpected text after the closing quote", index) }
    }

    /// Decodes the quoted string at `start`; returns its bytes, a file offset per byte and
    /// the offset after the closing quote.
    private static func decodeString(_ bytes: [UInt8], from start: Int, end: Int, fail: (String, Int) -> InputError)
        throws(InputError) -> ([UInt8], [Int], Int)
    {
        var value: [UInt8] = []
        var offsets: [Int] = []
        var index = start + 1
        while true {
            guard index < end else { throw fail("unterminated string (a string must close on its line)", start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return (value, offsets, index + 1) }
            if byte != UInt8(ascii: "\\") { value.append(byte); offsets.append(index); index += 1; continue }
            guard index + 1 < end else { throw fail("unterminated escape", index) }
            let next = bytes[index + 1]
            var decoded: [UInt8]
            var length = 2
            switch next {
            case UInt8(ascii: "n"): decoded = [0x0A]
            case UInt8(ascii: "t"): decoded = [0x09]
            case UInt8(ascii: "r"): decoded = [0x0D]
            case UInt8(ascii: "a"): decoded = [0x07]
            case UInt8(ascii: "b"): decoded = [0x08]
            case UInt8(ascii: "f"): decoded = [0x0C]
            case UInt8(ascii: "v"): decoded = [0x0B]
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "?"): decoded = [next]
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var code = 0
                // Up to three octal digits, as in C (`\303`).
                while length < 5 && index + length - 1 < end
                    && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index + length - 1])
                {
                    code = code * 8 + Int(bytes[index + length - 1] - UInt8(ascii: "0"))
                    length += 1
                }
                length -= 1
                decoded = [UInt8(truncatingIfNeeded: code)]
            case UInt8(ascii: "x"):
                var code = 0
                var digits = 0
                while index + 2 + digits < end,
                    let digit = Int(String(decoding: [bytes[index + 2 + digits]], as: UTF8.self), radix: 16), digits < 2
                {
                    code = code * 16 + digit
                    digits += 1
                }
                guard digits > 0 else { throw fail("\\x escape without hexadecimal digits", index) }
                length = 2 + digits
                decoded = [UInt8(truncatingIfNeeded: code)]
            default:
                throw fail("unknown escape '\\\(String(decoding: [next], as: UTF8.self))'", index)
            }
            for byte in decoded { value.append(byte); offsets.append(index) }
            index += length
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\\" }.reversed())
    }
}
