/// Where and how a suppression directive is written into a document, for the code actions that
/// silence a finding: the directives of `glossary check` (`docs/workflows.md`, *Suppressions*),
/// written the way that disturbs the text least.
///
/// - In Markdown, a directive is an HTML comment. One for a line goes at the end of that line
///   (`… TKI berangkat. <!-- glossary-ignore deprecated-term -->`), not on a line of its own
///   above: an HTML comment line would interrupt the paragraph, and the paragraph's language is
///   read from all of it. One for the file goes on a line of its own at the top, after any
///   front matter.
/// - In plain text, a directive for a line goes on a line of its own above it, indented as it is
///   (`# glossary-ignore deprecated-term`), so the sentence itself is untouched; one for the
///   file goes on the first line.
///
/// New lines end as the document's lines do (CRLF or LF).
enum SuppressionEdits {
    /// The text to insert and the byte offset to insert it at, to silence `directive` (for
    /// example `glossary-ignore deprecated-term`) on the line holding `offset`.
    static func ignoring(_ directive: String, lineOf offset: Int, in text: DocumentText, markdown: Bool) -> (
        at: Int, insert: String
    ) {
        let line = text.lines.line(containing: offset)
        let start = text.lines.starts[line]
        if markdown {
            // Before a hard line break (two spaces or a backslash at the end), which must stay last.
            var end = text.contentEnd(ofLine: line)
            let contentEnd = end
            while end > start, text.bytes[end - 1] == 0x20 || text.bytes[end - 1] == 0x09 { end -= 1 }
            let trailing = contentEnd - end
            if trailing < 2 { end = contentEnd }
            if end == contentEnd, end > start, text.bytes[end - 1] == 0x5C { end -= 1 }
            let separator = end > start && text.bytes[end - 1] != 0x20 ? " " : ""
            return (end, separator + "<!-- \(directive) -->")
        }
        var indentEnd = start
        while indentEnd < text.bytes.count, text.bytes[indentEnd] == 0x20 || text.bytes[indentEnd] == 0x09 { indentEnd += 1 }
        let indent = String(decoding: text.bytes[start..<indentEnd], as: UTF8.self)
        return (start, indent + "# \(directive)" + lineEnding(of: text))
    }

    /// The text to insert and the byte offset to insert it at, to silence `directive` (for
    /// example `glossary-disable deprecated-term`) from the top of the document on.
    static func disabling(_ directive: String, in text: DocumentText, markdown: Bool) -> (at: Int, insert: String) {
        let newline = lineEnding(of: text)
        guard markdown else { return (text.contentStart, "# \(directive)" + newline) }
        let at = frontMatterEnd(of: text) ?? text.contentStart
        // After front matter that ends the text without a line ending, one is needed first.
        let before = at == text.bytes.count && at > text.contentStart && text.bytes[at - 1] != 0x0A ? newline : ""
        return (at, before + "<!-- \(directive) -->" + newline)
    }

    /// The line ending of the document's first line, else LF.
    static func lineEnding(of text: DocumentText) -> String {
        guard let newline = text.bytes.firstIndex(of: 0x0A) else { return "\n" }
        return newline > 0 && text.bytes[newline - 1] == 0x0D ? "\r\n" : "\n"
    }

    /// The byte offset just after the YAML front matter (a first line `---`, up to a line `---`
    /// or `...`), nil when the document has none.
    static func frontMatterEnd(of text: DocumentText) -> Int? {
        func content(_ line: Int) -> [UInt8] {
            let start = line == 0 ? text.contentStart : text.lines.starts[line]
            return Array(text.bytes[start..<text.contentEnd(ofLine: line)])
        }
        guard text.lines.lineCount > 1, content(0) == Array("---".utf8) else { return nil }
        for line in 1..<text.lines.lineCount where content(line) == Array("---".utf8) || content(line) == Array("...".utf8) {
            return line + 1 < text.lines.lineCount ? text.lines.starts[line + 1] : text.bytes.count
        }
        return nil
    }
}
