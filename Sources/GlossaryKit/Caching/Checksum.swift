/// The 64-bit checksum of a cache entry, verified when a file of an entry is first loaded
/// (`VerificationRecord`).
///
/// The bytes are read eight at a time into four lanes (every fourth eight-byte word to each),
/// and each lane steps as `lane = mix(lane ^ word)`, where `mix` (a multiplication by an odd
/// constant, then an xor-shift) is a bijection; the lanes and the length are then folded into
/// one value through the same steps. A change confined to one aligned eight-byte word (any
/// single-bit flip, any damaged byte) changes that lane's result, and so the checksum, for
/// certain; other damage goes unnoticed only by chance (about one in 2⁶⁴ for random damage).
/// It guards against damage, not against someone who forges an entry.
///
/// The four lanes do not wait on each other, so the processor runs them side by side: 74 MB in
/// about 7 ms on one core from memory. The bytes can come in pieces (`add(blocks:)`), as a
/// cache entry's do when they are read from the file into a small buffer; the result is the
/// same as for the whole at once (`of(_:)`).
struct Checksum {
    /// Four different starting values (digits of π), so that equal lanes differ.
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
        0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89
    )
    /// The number of bytes added so far.
    private var count = 0

    /// The size of the blocks `add(blocks:)` takes: one eight-byte word for each lane.
    static let blockSize = 32

    /// The checksum of `bytes`.
    ///
    /// - Complexity: O(*n*).
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum()
        let blocks = bytes.count / blockSize * blockSize
        checksum.add(blocks: UnsafeRawBufferPointer(rebasing: bytes[..<blocks]))
        return checksum.finish(tail: UnsafeRawBufferPointer(rebasing: bytes[blocks...]))
    }

    /// Adds the next bytes, a whole number of blocks.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    mutating func add(blocks bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count % Self.blockSize == 0, "whole 32-byte blocks")
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            lanes.0 = Self.mix(lanes.0 ^ Self.word(base, offset))
            lanes.1 = Self.mix(lanes.1 ^ Self.word(base, offset + 8))
            lanes.2 = Self.mix(lanes.2 ^ Self.word(base, offset + 16))
            lanes.3 = Self.mix(lanes.3 ^ Self.word(base, offset + 24))
            offset += Self.blockSize
        }
        count += bytes.count
    }

    /// The checksum of the bytes added and then `tail`, the last bytes (fewer than a block).
    ///
    /// - Complexity: O(1).
    consuming func finish(tail: UnsafeRawBufferPointer) -> UInt64 {
        precondition(tail.count < Self.blockSize, "a tail shorter than a block")
        // The last words, each to the first lane; the final part-word padded with zeros (the
        // length, folded in below, tells "a" from "a\0").
        var offset = 0
        while offset < tail.count {
            var word: UInt64 = 0
            for index in offset..<min(offset + 8, tail.count) { word |= UInt64(tail[index]) << (8 * UInt64(index - offset)) }
            lanes.0 = Self.mix(lanes.0 ^ word)
            offset += 8
        }
        var hash = Self.mix(lanes.0)
        hash = Self.mix(hash ^ lanes.1)
        hash = Self.mix(hash ^ lanes.2)
        hash = Self.mix(hash ^ lanes.3)
        return Self.mix(hash ^ UInt64(count + tail.count))
    }

    @inline(__always)
    private static func word(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// A bijection of 64-bit values that spreads every bit over the higher ones, then back down.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0x9FB2_1C65_1E98_DF25
        return product ^ (product >> 29)
    }
}
