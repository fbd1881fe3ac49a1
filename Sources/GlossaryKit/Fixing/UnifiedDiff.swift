/// Unified diffs (`diff -u` style) of a file before and after fixes, for `--fix --dry-run`.
///
/// The diff is built from the edits themselves, not by comparing whole files: the lines an edit
/// touches are the changed lines, with `context` unchanged lines around them; hunks whose context
/// overlaps are merged. Lines are printed as they are in the file (a CRLF line keeps its `\r`).
package enum UnifiedDiff {
    /// The diff for `fix`, with headers `--- a/PATH` and `+++ b/PATH`; empty when nothing changes.
    package static func render(_ fix: Fixer.FileFix, context: Int = 3) -> String {
        let oldLines = lines(of: fix.original)
        guard !fix.edits.isEmpty else { return "" }
        // Blocks of original lines (0-based, inclusive) touched by edits, with their new text.
        struct Block { var first: Int; var last: Int; var edits: [Fixer.Edit] }
        var blocks: [Block] = []
        for edit in fix.edits {
            let first = lineIndex(containing: edit.range.lowerBound, in: oldLines)
            let last = lineIndex(containing: max(edit.range.lowerBound, edit.range.upperBound - 1), in: oldLines)
            if var previous = blocks.last, first <= previous.last {
                previous.last = max(previous.last, last)
                previous.edits.append(edit)
                blocks[blocks.count - 1] = previous
            } else {
                blocks.append(Block(first: first, last: last, edits: [edit]))
            }
        }
        var output = "--- a/\(fix.path)\n+++ b/\(fix.path)\n"
        var delta = 0  // new line number minus old line number before the current position
        var index = 0
        while index < blocks.count {
            // Gather the blocks of one hunk.
            var end = index
            while end + 1 < blocks.count, blocks[end + 1].first - blocks[end].last - 1 <= 2 * context { end += 1 }
            let hunkFirst = max(0, blocks[index].first - context)
            let hunkLast = min(oldLines.count - 1, blocks[end].last + context)
            var body = ""
            var oldCount = 0, newCount = 0
            var line = hunkFirst
            var hunkDelta = 0
            for block in blocks[index...end] {
                while line < block.first {
                    body += " " + text(oldLines[line], fix.original) + "\n"
                    oldCount += 1; newCount += 1; line += 1
                }
                let start = oldLines[block.first].lowerBound
                let stop = oldLines[block.last].upperBound
                var replaced: [UInt8] = []
                var position = start
                for edit in block.edits {
                    replaced += fix.original[position..<edit.range.lowerBound]
                    replaced += edit.replacement
                    position = edit.range.upperBound
                }
                replaced += fix.original[position..<stop]
                for old in block.first...block.last {
                    body += "-" + text(oldLines[old], fix.original) + "\n"
                    if old == oldLines.count - 1, !ends(with: oldLines[old], fix.original) {
                        body += "\\ No newline at end of file\n"
                    }
                    oldCount += 1
                }
                let newLines = lines(of: replaced)
                for new in newLines {
                    body += "+" + text(new, replaced) + "\n"
                    if new.upperBound == replaced.count, !ends(with: new, replaced) { body += "\\ No newline at end of file\n" }
                    newCount += 1
                }
                hunkDelta += newLines.count - (block.last - block.first + 1)
                line = block.last + 1
            }
            while line <= hunkLast {
                body += " " + text(oldLines[line], fix.original) + "\n"
                if line == oldLines.count - 1, !ends(with: oldLines[line], fix.original) {
                    body += "\\ No newline at end of file\n"
                }
                oldCount += 1; newCount += 1; line += 1
            }
            let oldStart = oldCount == 0 ? hunkFirst : hunkFirst + 1
            let newStart = newCount == 0 ? hunkFirst + delta : hunkFirst + 1 + delta
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
            delta += hunkDelta
            index = end + 1
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// Byte ranges of the lines of `bytes`, each including its `\n`; no empty last line.
    static func lines(of bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    private static func lineIndex(containing offset: Int, in lines: [Range<Int>]) -> Int {
        var low = 0, high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private static func ends(with line: Range<Int>, _ bytes: [UInt8]) -> Bool {
        line.upperBound > line.lowerBound && bytes[line.upperBound - 1] == 0x0A
    }

    /// The line's text without its `\n`.
    private static func text(_ line: Range<Int>, _ bytes: [UInt8]) -> String {
        let end = ends(with: line, bytes) ? line.upperBound - 1 : line.upperBound
        return String(decoding: bytes[line.lowerBound..<end], as: UTF8.self)
    }
}
