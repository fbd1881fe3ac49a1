@_spi(Fuzzing) import GlossaryKit

/// What the targets of the bilingual readers (XLIFF, PO, TMX, String Catalog, i18n JSON) do
/// with an input.
public enum BilingualChecks {
    /// Reads `files` as the tool reads bilingual files, and checks the corpora they make with
    /// the fuzzing glossary.
    ///
    /// The reader refuses the input with an error inside it, or returns corpora whose segments
    /// lie inside their extracted texts, whose extracted bytes map to bytes of the file, and
    /// whose sets name existing segments; the check's findings (monolingual and cross-language)
    /// are positioned in the files consistently.
    public static func run(_ files: [(path: String, bytes: [UInt8])], what: String) {
        var positions: [String: TextPositions] = [:]
        for file in files { positions[file.path] = TextPositions(file.bytes) }
        let corpora: [TranslationCorpus]
        do {
            corpora = try FuzzingEntryPoints.readBilingual(files)
        } catch {
            Expect.inside(error, files: positions, what: what)
            return
        }
        let checker = CrossLanguageChecker(compiled: FuzzGlossary.checker.compiled)
        for corpus in corpora {
            for text in corpus.texts {
                guard let file = positions[text.path] else {
                    Invariant.fail("\(what): a text of a file that was not read: \(text.path)")
                }
                Invariant.require(text.file.bytes == file.bytes, "\(what): the text's file is not the bytes read")
                let count = text.text.bytes.count
                if let offsets = text.fileOffsets {
                    Invariant.require(offsets.count == count + 1, "\(what): \(offsets.count) file offsets for \(count) bytes")
                    for offset in offsets where offset < 0 || offset > file.bytes.count {
                        Invariant.fail("\(what): an extracted byte maps to offset \(offset) of a \(file.bytes.count)-byte file")
                    }
                }
                for segment in text.segments where segment.bytes.lowerBound < 0 || segment.bytes.upperBound > count {
                    Invariant.fail("\(what): segment '\(segment.id)' at \(segment.bytes) of a \(count)-byte text")
                }
            }
            for set in corpus.sets {
                for member in set.members {
                    Invariant.require(
                        corpus.texts.indices.contains(member.text)
                            && corpus.texts[member.text].segments.indices.contains(member.segment),
                        "\(what): set '\(set.id)' names segment \(member.segment) of text \(member.text), which does not exist")
                }
            }
            let findings: [Finding]
            do {
                findings = try checker.check(corpus)
            } catch {
                // The texts were validated when read: nothing in them may fail to scan.
                Invariant.fail("\(what): checking a corpus that was read failed: \(error)")
            }
            Expect.consistent(findings, files: positions, what: what)
        }
    }
}
