import Foundation

/// Labelled documents for measuring paragraph-language detection: mixed Indonesian, English and
/// Sundanese texts whose every paragraph starts with its gold language (`Evaluation/paragraph-languages/`).
///
/// Each file is one document, Markdown (`.md`) or plain text (`.txt`). Paragraphs are separated
/// by blank lines, and every paragraph starts with its tag in square brackets and one space:
///
/// ```
/// [en] ## Keywords
///
/// [id] Kata kunci: calo, pekerja migran
///
/// [zxx] 0800-1-888-999
/// ```
///
/// The loader removes each tag (the regular expression `^\[([a-z]{2,3})\] `); what remains is the
/// document as the checker sees it, Markdown included. `zxx` marks a paragraph without
/// linguistic content (names, numbers, handles), which the evaluation skips. A paragraph without
/// a tag is an error with file, line and column.
package struct ParagraphLanguageSet: Sendable {
    /// One labelled document.
    package struct Document: Sendable {
        /// The file the document was read from; its name's extension chooses the markup.
        package var file: String
        /// The document without the tags.
        package var text: String
        package var paragraphs: [Paragraph]
    }

    /// One paragraph and its gold language.
    package struct Paragraph: Sendable, Hashable {
        /// The language the author wrote it in; `zxx` for no linguistic content.
        package var gold: LanguageTag
        /// Its UTF-8 bytes in `Document.text`, from its first character to the end of its last line.
        package var bytes: Range<Int>
        /// Its first line in the file (1-based).
        package var line: Int

        /// Whether the paragraph has linguistic content to detect (its tag is not `zxx`).
        package var isLinguistic: Bool { gold != Self.noLinguisticContent }

        /// The tag of a paragraph of names, numbers, handles or addresses only.
        package static let noLinguisticContent = LanguageTag("zxx")!
    }

    package var documents: [Document]

    package init(documents: [Document]) {
        self.documents = documents
    }

    /// Reads a labelled file, or every `*.md` and `*.txt` file of a folder (sorted by name).
    ///
    /// - Throws: `InputError` when the path does not exist or a file is not UTF-8, and with the
    ///   file, line and column of a paragraph without a tag.
    package static func load(path: String) throws -> ParagraphLanguageSet {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputError("no paragraph-language set at '\(path)'")
        }
        var files = [path]
        if isFolder.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
            files = names.filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
        var documents: [Document] = []
        for file in files {
            guard let text = FileManager.default.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw InputError("cannot read the file as UTF-8", file: file)
            }
            documents.append(try parse(text, file: file))
        }
        return ParagraphLanguageSet(documents: documents)
    }

    /// Parses one labelled document: removes the tag at the start of each paragraph and records
    /// where the paragraph lies in what remains.
    ///
    /// - Throws: `InputError` at a paragraph that does not start with `[tag] `.
    /// - Complexity: O(*n*) in the text's length.
    package static func parse(_ text: String, file: String) throws -> Document {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var paragraphs: [Paragraph] = []
        var inParagraph = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            var bytes = Array(line.utf8)
            if isBlank {
                inParagraph = false
            } else if !inParagraph {
                let (tag, length) = try Self.tag(of: bytes, file: file, line: offset + 1, text: text)
                bytes.removeFirst(length)
                paragraphs.append(Paragraph(gold: tag, bytes: output.count..<output.count, line: offset + 1))
                inParagraph = true
            }
            output += bytes
            if inParagraph {
                paragraphs[paragraphs.count - 1].bytes = paragraphs[paragraphs.count - 1].bytes.lowerBound..<output.count
            }
            if offset < lines.count - 1 { output.append(UInt8(ascii: "\n")) }
        }
        return Document(file: file, text: String(decoding: output, as: UTF8.self), paragraphs: paragraphs)
    }

    /// The tag at the start of a paragraph's first line `bytes` and the number of bytes it takes
    /// with its space: `[en] ` is (`en`, 5).
    private static func tag(of bytes: [UInt8], file: String, line: Int, text: String) throws -> (LanguageTag, Int) {
        var end = 1
        while end < bytes.count, end <= 4, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) { end += 1 }
        guard bytes.first == UInt8(ascii: "["), (3...4).contains(end), end + 1 < bytes.count,
            bytes[end] == UInt8(ascii: "]"), bytes[end + 1] == UInt8(ascii: " "),
            let tag = LanguageTag(String(decoding: bytes[1..<end], as: UTF8.self))
        else {
            throw InputError(
                "a paragraph must start with its language in square brackets and a space: '[id] ', '[en] ', '[su] ' or '[zxx] '",
                file: file, line: line, column: 1, in: text)
        }
        return (tag, end + 2)
    }
}
