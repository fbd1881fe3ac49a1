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

    /// The best sequence of beads for segment lengths `first` and `second` (in characters).
    ///
    /// - Complexity: O(*n* × *m*) time in the two counts; O(*n* × *m*) bytes of space (one move
    ///   per cell) and three rows of costs.
    package static func align(_ first: [Int], _ second: [Int]) -> [Bead] {
        let n = first.count, m = second.count
        let ratio = ratio(first.reduce(0, +), second.reduce(0, +))
        // A bead reaches back at most two rows: the costs of rows i − 2 … i, in turn. The best
        // move into every cell is kept, a byte each, for the way back.
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: 3)
        var back = [Int8](repeating: -1, count: (n + 1) * (m + 1))
        for i in 0...n {
            let row = i % 3
            for j in 0...m { cost[row][j] = .infinity }
            if i == 0 { cost[0][0] = 0 }
            for j in 0...m where !(i == 0 && j == 0) {
                var best = Double.infinity, bestShape = -1
                for (index, shape) in shapes.enumerated() where shape.first <= i && shape.second <= j {
                    let previous = cost[(i - shape.first) % 3][j - shape.second]
                    guard previous.isFinite else { continue }
                    let a = first[(i - shape.first)..<i].reduce(0, +)
                    let b = second[(j - shape.second)..<j].reduce(0, +)
                    let total = previous - log(shape.prior) - log(max(match(a, b, ratio: ratio), 1e-300))
                    if total < best { best = total; bestShape = index }
                }
                cost[row][j] = best
                back[i * (m + 1) + j] = Int8(bestShape)
            }
        }
        var beads: [Bead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let shape = shapes[Int(back[i * (m + 1) + j])]
            let a = first[(i - shape.first)..<i].reduce(0, +)
            let b = second[(j - shape.second)..<j].reduce(0, +)
            var confidence = match(a, b, ratio: ratio)
            if shape.first == 0 || shape.second == 0 { confidence = 0 } else if shape.first + shape.second > 2 { confidence /= 2 }
            beads.append(Bead(first: (i - shape.first)..<i, second: (j - shape.second)..<j, confidence: confidence))
            i -= shape.first
            j -= shape.second
        }
        return beads.reversed()
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
