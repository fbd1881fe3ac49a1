import TestRandom
import Testing

@testable import GlossaryKit

/// The band that keeps the length aligner linear on long inputs (`GaleChurch.search`).
@Suite("Gale–Church: the band around the diagonal")
struct GaleChurchBandTests {
    /// Whether `beads` cover both sequences, in order and without gaps, each with a shape of
    /// the model.
    static func coversBoth(_ beads: [GaleChurch.Bead], _ n: Int, _ m: Int) -> Bool {
        var i = 0, j = 0
        for bead in beads {
            guard bead.first.lowerBound == i, bead.second.lowerBound == j,
                GaleChurch.shapes.contains(where: { $0.first == bead.first.count && $0.second == bead.second.count })
            else { return false }
            i = bead.first.upperBound
            j = bead.second.upperBound
        }
        return i == n && j == m
    }

    /// A text's segment lengths and a translation of them: each length scaled by `ratio`, with
    /// at most `merges` pairs of neighbours merged into one segment.
    static func translation(count: Int, ratio: Double, merges: Int, using generator: inout SeededGenerator)
        -> (first: [Int], second: [Int])
    {
        let first = (0..<count).map { _ in Int.random(in: 10...300, using: &generator) }
        var second = first.map { Int((Double($0) * ratio).rounded()) }
        for _ in 0..<merges where second.count >= 2 {
            let index = Int.random(in: 0..<(second.count - 1), using: &generator)
            second[index] += second.remove(at: index + 1)
        }
        return (first, second)
    }

    @Test func aBandFindsTheWholeSearchsBeadsWhenThePathStaysInIt() {
        var generator = SeededGenerator(seed: 0x6A1E)
        for _ in 0..<60 {
            let count = Int.random(in: 1...80, using: &generator)
            let ratio = Double.random(in: 0.8...1.3, using: &generator)
            let merges = Int.random(in: 0...min(6, count / 4), using: &generator)
            let (first, second) = Self.translation(count: count, ratio: ratio, merges: merges, using: &generator)
            let whole = GaleChurch.search(first, second, halfWidth: second.count)
            let banded = GaleChurch.search(first, second, halfWidth: 12)
            #expect(banded.beads == whole.beads, "\(first) \(second)")
            #expect(whole.cells == (first.count + 1) * (second.count + 1), "a full width searches every cell")
            #expect(banded.cells <= whole.cells)
        }
    }

    /// Whatever the counts, even far from proportional, a narrow band still reaches the corner
    /// with a valid sequence of beads.
    @Test func aNarrowBandAlwaysReachesTheCorner() {
        var generator = SeededGenerator(seed: 0xC0FE)
        var shapes: [(Int, Int)] = [(0, 0), (0, 7), (7, 0), (1, 400), (400, 1), (3, 90), (90, 3)]
        for _ in 0..<40 {
            shapes.append((Int.random(in: 0...150, using: &generator), Int.random(in: 0...150, using: &generator)))
        }
        for (n, m) in shapes {
            let first = (0..<n).map { _ in Int.random(in: 0...200, using: &generator) }
            let second = (0..<m).map { _ in Int.random(in: 0...200, using: &generator) }
            for halfWidth in [0, 1, 2, 5] {
                let (beads, cells) = GaleChurch.search(first, second, halfWidth: halfWidth)
                #expect(Self.coversBoth(beads, n, m), "\(n)×\(m), half width \(halfWidth): \(beads)")
                // Each row spans its share of the diagonal plus the band on both sides.
                #expect(cells <= (n + 1) * (2 * halfWidth + 3) + m + 1, "\(n)×\(m): \(cells) cells")
            }
        }
    }

    /// Long inputs are searched in the band, whose cells grow with the counts, not their product.
    @Test func longInputsAreSearchedInTheBand() {
        var generator = SeededGenerator(seed: 0xBA4D)
        let (first, second) = Self.translation(count: 1_100, ratio: 1.1, merges: 20, using: &generator)
        #expect((first.count + 1) * (second.count + 1) > GaleChurch.wholeSearchCells)
        let banded = GaleChurch.search(first, second, halfWidth: GaleChurch.bandHalfWidth)
        #expect(GaleChurch.align(first, second) == banded.beads)
        #expect(banded.cells <= (first.count + 1) * (2 * GaleChurch.bandHalfWidth + 3) + second.count + 1)
        #expect(Self.coversBoth(banded.beads, first.count, second.count))
        // Short inputs are searched whole.
        let short = Array(first.prefix(300)), shortSecond = Array(second.prefix(280))
        #expect(GaleChurch.align(short, shortSecond) == GaleChurch.search(short, shortSecond, halfWidth: 280).beads)
    }
}
