/// The byte offset where each line of a UTF-8 text starts, kept up to date through edits.
///
/// Lines end as LSP says they do: at LF, at CR LF, or at a CR not followed by LF. The first line
/// starts at 0; a text that ends with a line ending has an empty last line after it.
///
/// Whether an offset starts a line depends only on the byte before it and the byte at it, so an
/// edit can change only the line starts it touches: those from the edit's start up to one past
/// its end. ``replace(_:count:in:)`` recomputes those and shifts the ones after.
package struct LineIndex: Equatable, Sendable {
    /// The start of every line, ascending; the first is 0.
    package private(set) var starts: [Int]

    /// The index of `bytes`.
    ///
    /// - Complexity: O(*n*).
    package init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                index += 1
                if byte == 0x0A {
                    starts.append(index)
                } else if byte == 0x0D, index == count || buffer[index] != 0x0A {
                    starts.append(index)
                }
            }
        }
        self.starts = starts
    }

    package var lineCount: Int { starts.count }

    /// Whether `offset` starts a line of `bytes`.
    static func isLineStart(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if offset == 0 { return true }
        guard offset <= bytes.count else { return false }
        switch bytes[offset - 1] {
        case 0x0A: return true
        case 0x0D: return offset == bytes.count || bytes[offset] != 0x0A
        default: return false
        }
    }

    /// Updates the index after the bytes in `range` of the old text were replaced by `count`
    /// bytes; `bytes` is the new text.
    ///
    /// - Complexity: O(`count` + log *l*) to find and recompute, plus O(*l*) to shift the line
    ///   starts after the edit, for *l* lines.
    package mutating func replace(_ range: Range<Int>, count: Int, in bytes: [UInt8]) {
        let delta = count - range.count
        // Line starts in [lower, upper] may change; those before stay, those after shift.
        let first = Self.firstIndex(in: starts) { $0 >= range.lowerBound }
        let afterLast = Self.firstIndex(in: starts) { $0 > range.upperBound }
        var fresh: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            for offset in range.lowerBound...(range.lowerBound + count) where Self.isLineStart(offset, in: buffer) {
                fresh.append(offset)
            }
        }
        let tail = starts[afterLast...].map { $0 + delta }
        starts.replaceSubrange(first..., with: fresh + tail)
    }

    /// The line that holds `offset`: the last line starting at or before it.
    ///
    /// - Complexity: O(log *l*).
    package func line(containing offset: Int) -> Int {
        Self.firstIndex(in: starts) { $0 > offset } - 1
    }

    /// The first index of the sorted `values` where `isAbove` holds (it must hold for a suffix).
    static func firstIndex(in values: [Int], where isAbove: (Int) -> Bool) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if isAbove(values[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
