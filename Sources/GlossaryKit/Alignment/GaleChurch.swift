import Foundation

/// Aligns two sequences of segments by their lengths (Gale and Church, 1993).
///
/// Translations of longer sentences are longer: the length of a segment's translation is about
/// `c` times its length, with a variance that grows with the length. The aligner finds the
/// sequence of *beads* (1–1, 1–0, 0–1, 2–1, 1–2, 2–2 segments) that is most probable under that
/// model, by dynamic programming. `c` is estimated from the two texts' total lengths (within
/// 2/3…3/2), so that a language that needs more letters (Indonesian against English) is not
/// penalised. As in the original, leaving a long sentence without a partner costs more than
/// merging it into a neighbour's bead; such a bead then gets a low confidence.
package enum GaleChurch {
    /// A group of segments of the first sequence aligned with a group of the second.
    package struct Bead: Sendable, Hashable {
        package var first: Range<Int>
        package var second: Range<Int>
        /// From 0 to 1: how well the lengths agree (the two-sided tail probability of their
        /// difference under the length model), halved for 2–1, 1–2 and 2–2 beads and 0 for a
        /// segment left without a partner.
        package var confidence: Double
    }

    /// The prior probability of each bead shape, from Gale and Church's hand-aligned data.
    static let shapes: [(first: Int, second: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.0099 / 2), (0, 1, 0.0099 / 2), (2, 1, 0.089 / 2), (1, 2, 0.089 / 2), (2, 2, 0.011),
    ]

    /// The variance of the length ratio per unit of length (Gale and Church's s²).
    static let variance = 6.8

    /// Inputs of at most this many cells ((*n* + 1) × (*m* + 1)) are searched whole; larger ones
    /// in a band around the diagonal (`bandHalfWidth`), so that two long sections cost time and
    /// memory linear in their counts rather than their product.
    static let wholeSearchCells = 1 << 20

    /// How far from the diagonal, in segments of the second sequence, a large input's search
    /// goes on each side. A bead moves at most two segments, so any two such texts have a path
    /// inside the band; an insertion or omission longer than this many segments is then paired
    /// wrongly, with the low confidence of mismatched lengths, instead of skipped.
    static let bandHalfWidth = 250

    /// The best sequence of beads for segment lengths `first` and `second` (in characters).
    ///
    /// Inputs up to `wholeSearchCells` cells are searched whole; larger ones in a band of
    /// `bandHalfWidth` segments on each side of the diagonal.
    ///
    /// - Complexity: O(*n* × *m*) time and bytes (one move per cell) up to `wholeSearchCells`
    ///   cells; beyond, O(*n* × *w* + *m*) for the band's half width *w*.
    package static func align(_ first: [Int], _ second: [Int]) -> [Bead] {
        let whole = (first.count + 1).multipliedReportingOverflow(by: second.count + 1)
        let halfWidth = !whole.overflow && whole.partialValue <= wholeSearchCells ? second.count : bandHalfWidth
        return search(first, second, halfWidth: halfWidth).beads
    }

    /// The best sequence of beads among the paths that stay within `halfWidth` segments of the
    /// second sequence of the diagonal, and how many cells were searched; a half width of at
    /// least the second count searches every cell.
    ///
    /// Row *i* (the first *i* segments of `first`) covers the columns from *w* before the
    /// diagonal at *i* to *w* after it at *i* + 1, so that consecutive rows overlap and every
    /// row can be crossed by 0–1 beads: the corner (*n*, *m*) is always reached.
    ///
    /// - Complexity: O(*n* × *w* + *m*) time and bytes (one move per cell), and three rows of
    ///   costs.
    static func search(_ first: [Int], _ second: [Int], halfWidth: Int) -> (beads: [Bead], cells: Int) {
        let n = first.count, m = second.count
        let ratio = ratio(first.reduce(0, +), second.reduce(0, +))
        // The diagonal at row i, rounded down and up; n = 0 has the one row 0, which spans all.
        func diagonal(_ i: Int, roundingUp: Bool) -> Int {
            guard n > 0 else { return roundingUp ? m : 0 }
            let product = i.multipliedFullWidth(by: m)
            let (quotient, remainder) = n.dividingFullWidth(product)
            return roundingUp && remainder > 0 ? quotient + 1 : quotient
        }
        let columns: [ClosedRange<Int>] = (0...n).map { i in
            let low = i == 0 ? 0 : max(0, diagonal(i, roundingUp: false) - halfWidth)
            let high = i == n ? m : min(m, diagonal(i + 1, roundingUp: true) + halfWidth)
            return low...high
        }
        var rowStarts = [Int](repeating: 0, count: n + 2)
        for i in 0...n { rowStarts[i + 1] = rowStarts[i] + columns[i].count }
        // A bead reaches back at most two rows: the costs of rows i − 2 … i, in turn; a cell
        // outside its row's columns is unreachable. The best move into every cell is kept, a
        // byte each, for the way back.
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: 3)
        var back = [Int8](repeating: -1, count: rowStarts[n + 1])
        for i in 0...n {
            let row = i % 3
            for j in columns[i] {
                guard !(i == 0 && j == 0) else { cost[0][0] = 0; continue }
                var best = Double.infinity, bestShape = -1
                for (index, shape) in shapes.enumerated() where shape.first <= i && shape.second <= j {
                    guard columns[i - shape.first].contains(j - shape.second) else { continue }
                    let previous = cost[(i - shape.first) % 3][j - shape.second]
                    guard previous.isFinite else { continue }
                    let a = first[(i - shape.first)..<i].reduce(0, +)
                    let b = second[(j - shape.second)..<j].reduce(0, +)
                    let total = previous - log(shape.prior) - log(max(match(a, b, ratio: ratio), 1e-300))
                    if total < best { best = total; bestShape = index }
                }
                cost[row][j] = best
                back[rowStarts[i] + j - columns[i].lowerBound] = Int8(bestShape)
            }
        }
        var beads: [Bead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let shape = shapes[Int(back[rowStarts[i] + j - columns[i].lowerBound])]
            let a = first[(i - shape.first)..<i].reduce(0, +)
            let b = second[(j - shape.second)..<j].reduce(0, +)
            var confidence = match(a, b, ratio: ratio)
            if shape.first == 0 || shape.second == 0 { confidence = 0 } else if shape.first + shape.second > 2 { confidence /= 2 }
            beads.append(Bead(first: (i - shape.first)..<i, second: (j - shape.second)..<j, confidence: confidence))
            i -= shape.first
            j -= shape.second
        }
        return (beads.reversed(), rowStarts[n + 1])
    }

    /// The expected length ratio of two texts: their total lengths' ratio, kept within 2/3…3/2 so
    /// that content present in one text only cannot make every pair look proportional.
    package static func ratio(_ first: Int, _ second: Int) -> Double {
        min(1.5, max(2.0 / 3.0, Double(max(1, second)) / Double(max(1, first))))
    }

    /// The probability of a length difference at least as large as between lengths `a` and `b`
    /// for a true translation pair: 2(1 − Φ(|δ|)). One for two empty segments.
    package static func match(_ a: Int, _ b: Int, ratio: Double) -> Double {
        if a == 0 && b == 0 { return 1 }
        let mean = (Double(a) + Double(b) / ratio) / 2
        let delta = (Double(b) - Double(a) * ratio) / (max(mean, 1) * variance).squareRoot()
        return erfc(abs(delta) / 2.squareRoot())
    }
}
