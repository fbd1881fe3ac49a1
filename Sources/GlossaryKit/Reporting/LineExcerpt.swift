/// The part of a finding's line that the text reporter prints under it, cut from the file's
/// bytes around the finding.
///
/// A line longer than the finding and `context` characters on each side (plus some slack) is cut
/// to a window around the finding, at spaces where it can be, with `…` where it was cut; a shorter
/// line is printed whole. This is what cutting the whole line would give
/// (`TextReporter.excerpt(of:around:width:)`), but only the window's bytes are read: the finding's
/// column says how far its line started before it, so the line's start need not be looked for,
/// and its end is looked for only as far as the window reaches. A prose paragraph written as one
/// line of a hundred megabytes costs each finding a few hundred bytes, not the line.
struct LineExcerpt: Equatable {
    /// The excerpt, with `…` where the line was cut.
    var text: String
    /// The finding's 1-based column in `text`, in Unicode scalars.
    var column: Int
    /// How many scalars of the line the finding covers (to its line's end when it goes on
    /// below).
    var width: Int

    /// Scalars of context kept on each side of the finding in a cut line.
    static let context = 50

    /// The excerpt for `finding` in `bytes`, whose first line starts at `contentStart` (after a
    /// byte order mark); nil when the finding's column does not fit its byte offset (the caller
    /// then cuts the whole line).
    ///
    /// - Complexity: O(the finding's length + `context`) for a finding within one line; one that
    ///   goes on to the next line also reads to its own line's end.
    static func cut(from bytes: UnsafeBufferPointer<UInt8>, contentStart: Int, finding: Finding) -> LineExcerpt? {
        let start = finding.byteRange.lowerBound
        let column = finding.location.column
        guard column >= 1, start >= contentStart, start <= bytes.count else { return nil }
        // A finding that starts where the content starts is on its first line: a finding of a
        // later line with such an offset has none (a glossary error known by line and column
        // only), and its line is found by number instead.
        guard start > contentStart || finding.location.line == 1 else { return nil }
        var steps = 0
        defer { WorkMeter.record(steps) }
        let onOneLine = finding.endLocation.line == finding.location.line
        let fixedWidth = max(1, finding.endLocation.column - column)
        // The longest line printed whole is `2 * context + width + 20` scalars; a window reaches
        // `width + context` scalars past the finding, and looks at one more.
        let wanted = onOneLine ? max(2 * context + fixedWidth + 20 - (column - 1), fixedWidth + context) + 1 : Int.max

        // Forward: where each scalar from the finding on starts, up to the line's end or as far
        // as the window can reach.
        var following: [Int] = []
        var cursor = start
        while cursor < bytes.count, bytes[cursor] != 0x0A, following.count < wanted {
            following.append(cursor)
            cursor += 1
            while cursor < bytes.count, bytes[cursor] & 0xC0 == 0x80 { cursor += 1 }
        }
        // Carriage returns that end the line are not part of it.
        var lineEnd: Int?
        var returns = cursor
        while returns < bytes.count, bytes[returns] == 0x0D { returns += 1 }
        if returns == bytes.count || bytes[returns] == 0x0A {
            var end = returns
            while end > contentStart, bytes[end - 1] == 0x0D { end -= 1 }
            lineEnd = end
        }
        steps += following.count + (returns - cursor)
        // The line's length in scalars, when its end was reached (a carriage return is one byte).
        let length: Int? = lineEnd.map { end in
            end >= start ? column - 1 + following.prefix { $0 < end }.count : column - 1 - (start - end)
        }
        let width = onOneLine ? fixedWidth : max(1, (length ?? column - 1) - column + 1)

        // Backward: where each scalar before the finding starts, as far as needed; the last one
        // found must start the line.
        func preceding(_ count: Int) -> [Int]? {
            var starts: [Int] = []
            var cursor = start
            while starts.count < count {
                guard cursor > contentStart, bytes[cursor - 1] != 0x0A else { return nil }
                cursor -= 1
                while cursor > contentStart, bytes[cursor] & 0xC0 == 0x80 { cursor -= 1 }
                starts.append(cursor)
            }
            steps += starts.count
            if count == column - 1, cursor > contentStart, bytes[cursor - 1] != 0x0A { return nil }
            return starts
        }

        if let length, let lineEnd, length <= 2 * context + width + 20 {
            guard let before = preceding(column - 1) else { return nil }
            let lineStart = before.last ?? start
            return LineExcerpt(
                text: String(decoding: bytes[lineStart..<max(lineStart, lineEnd)], as: UTF8.self), column: column, width: width)
        }
        guard let before = preceding(min(column - 1, context + 1)) else { return nil }
        // Scalar index → byte offset, for the indices read on both sides.
        func offset(_ index: Int) -> Int {
            if index < column - 1 { return before[column - 2 - index] }
            if let length, index >= length { return lineEnd! }
            return following[index - (column - 1)]
        }
        func isSpace(_ index: Int) -> Bool { bytes[offset(index)] == 0x20 }
        var first = max(0, column - 1 - context)
        var last = column - 1 + width + context
        if let length { last = min(length, last) }
        // Cut at spaces so that words stay whole.
        while first > 0, first < column - 1, !isSpace(first - 1) { first += 1 }
        while length.map({ last < $0 }) ?? true, last > column - 1 + width, !isSpace(last) { last -= 1 }
        var text = String(decoding: bytes[offset(first)..<max(offset(first), offset(last))], as: UTF8.self)
        var excerptColumn = column - first
        if first > 0 { text = "…" + text; excerptColumn += 1 }
        if length.map({ last < $0 }) ?? true { text += "…" }
        return LineExcerpt(text: text, column: excerptColumn, width: width)
    }
}
