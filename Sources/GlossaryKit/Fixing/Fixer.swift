import Foundation

/// Applies the fixes findings carry (`Finding.fix`) to a file's bytes, and writes the result
/// safely.
///
/// Only the byte ranges of fixable findings change; every other byte (BOM, line endings, other
/// encodings' look-alikes) is kept. Each byte range is replaced once: when several findings
/// share it (`deprecated-term` and `inconsistent-term` on one word) the deprecated-term fix wins,
/// and a finding overlapping an already replaced range is skipped.
///
/// A fix never replaces words the glossary approves: an edit that touches the words of a
/// preferred or admitted term (`approvedRanges(in:)`), or words that could also be read as one,
/// is dropped. So the replacements, which are preferred terms, are never replaced in turn, and
/// applying the fixes again to the result changes nothing.
package enum Fixer {
    /// One replacement.
    package struct Edit: Sendable, Equatable {
        package var range: Range<Int>
        package var replacement: [UInt8]
        package var rule: String
    }

    /// The result of fixing one file.
    package struct FileFix: Sendable {
        package var path: String
        package var original: [UInt8]
        package var fixed: [UInt8]
        package var edits: [Edit]
    }

    /// Rules whose fix wins when two findings share a range, most trusted first: the order in
    /// which the built-in rules list their findings at one place (`Rules.all`), so that the
    /// fixer knows no rule by name.
    static let priority = Rules.all.map(\.id)

    /// The byte ranges of the matches in `document` that are a term the glossary approves
    /// (preferred or admitted), or could also be read as an approved term of another concept,
    /// sorted: the words no fix may touch.
    ///
    /// Readings of the match's own concept do not count: `labor` also reads as a spelling of
    /// the preferred `labour`, which is what the fix writes.
    ///
    /// - Complexity: O(*m*) in the document's matches and their alternatives.
    package static func approvedRanges(in document: AnalyzedDocument) -> [Range<Int>] {
        let glossary = document.glossary
        return document.matches.filter { match in
            glossary[term: match.term].status.isAcceptable
                || match.alternatives.contains {
                    $0.concept != match.term.concept && glossary[term: $0].status.isAcceptable
                }
        }.map(\.bytes).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The edits for `findings` in `source`: one per byte range, non-overlapping, in text order,
    /// none touching a range in `protected` (sorted by lower bound).
    package static func edits(for findings: [Finding], in source: SourceText, protecting protected: [Range<Int>] = []) -> [Edit] {
        var candidates: [(edit: Edit, rank: Int)] = []
        for finding in findings {
            // The fixes of the findings folded into this one compete as if they were reported apart.
            let fixes = [(finding.rule, finding.fix)] + finding.folded.map { ($0.rule, $0.fix) }
            guard fixes.contains(where: { $0.1 != nil }), finding.byteRange.upperBound <= source.bytes.count,
                finding.byteRange.lowerBound >= source.contentStart
            else { continue }
            let written = source.text(finding.byteRange)
            // The finding must describe these very bytes; a stale finding is never applied.
            guard written == finding.text, !overlaps(finding.byteRange, protected) else { continue }
            for case let (rule, fix?) in fixes {
                let replacement = keepingSeparators(of: written, in: fix)
                guard replacement != written else { continue }
                let rank = priority.firstIndex(of: rule) ?? priority.count
                candidates.append((Edit(range: finding.byteRange, replacement: Array(replacement.utf8), rule: rule), rank))
            }
        }
        candidates.sort {
            ($0.edit.range.lowerBound, $0.rank, -$0.edit.range.count) < ($1.edit.range.lowerBound, $1.rank, -$1.edit.range.count)
        }
        var edits: [Edit] = []
        for candidate in candidates {
            if let last = edits.last, candidate.edit.range.lowerBound < last.range.upperBound { continue }
            edits.append(candidate.edit)
        }
        return edits
    }

    /// Whether `range` shares a byte with a range of `sorted` (sorted by lower bound).
    ///
    /// - Complexity: O(log *n* + overlapping ranges).
    static func overlaps(_ range: Range<Int>, _ sorted: [Range<Int>]) -> Bool {
        // The first range that ends after `range` starts; ranges before it end too early.
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        // Ranges may nest (a longer match and an alternative), so look on while they start in time.
        for candidate in sorted[low...] {
            if candidate.lowerBound >= range.upperBound { break }
            if candidate.overlaps(range) { return true }
        }
        return false
    }

    /// `fix` with the white space between its words taken from `written` when both have the same
    /// number of words, so a term broken over two lines stays broken there.
    static func keepingSeparators(of written: String, in fix: String) -> String {
        let writtenWords = written.split(whereSeparator: \.isWhitespace)
        let fixWords = fix.split(separator: " ", omittingEmptySubsequences: true)
        guard writtenWords.count == fixWords.count, writtenWords.count > 1 else { return fix }
        var result = ""
        for (index, word) in fixWords.enumerated() {
            result += word
            if index + 1 < writtenWords.count {
                result += written[writtenWords[index].endIndex..<writtenWords[index + 1].startIndex]
            }
        }
        return result
    }

    /// `bytes` with `edits` (sorted, non-overlapping) applied.
    package static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var position = 0
        for edit in edits {
            result += bytes[position..<edit.range.lowerBound]
            result += edit.replacement
            position = edit.range.upperBound
        }
        result += bytes[position...]
        return result
    }

    /// The fix of `source` for `findings`, touching no range in `protected` (sorted by lower
    /// bound); nil when nothing would change.
    package static func fix(_ source: SourceText, findings: [Finding], protecting protected: [Range<Int>] = []) -> FileFix? {
        let edits = edits(for: findings, in: source, protecting: protected)
        guard !edits.isEmpty else { return nil }
        let fixed = apply(edits, to: source.bytes)
        guard fixed != source.bytes else { return nil }
        return FileFix(path: source.path, original: source.bytes, fixed: fixed, edits: edits)
    }

    /// Writes `fix.fixed` over `fix.path` when the file still holds `fix.original`, losing
    /// nothing another program writes meanwhile and keeping the file's owner, group and mode
    /// (see `FileReplacement`). A symbolic link is followed, so the link stays and its target
    /// is replaced.
    ///
    /// - Parameters:
    ///   - fix: the file's path, the bytes it must still hold and the bytes to write.
    ///   - force: fix a read-only file too.
    /// - Throws: `InputError` naming the file when it changed, is locked or held open for
    ///   writing by another program, has other hard links, is read-only, or cannot be replaced;
    ///   the file then holds what it held, with whatever other programs wrote. Also when another
    ///   program wrote to the old file just as the fix replaced it in a way that cannot be carried
    ///   over; the message then says the fix was written, and where what was written is kept.
    package static func write(_ fix: FileFix, force: Bool = false) throws(InputError) {
        let target = URL(fileURLWithPath: fix.path).resolvingSymlinksInPath().path
        try FileReplacement.replace(target, reportingAs: fix.path, expecting: fix.original, with: fix.fixed, force: force)
    }
}
