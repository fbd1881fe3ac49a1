/// Whether an analyzer group reads across a gap that the glossary's gap lexicon does not list
/// (a comma, a full stop, a dash between spaces), remembered by the gap's bytes.
///
/// The scanner gives a gap the glossary never writes no id (`ByteLexicon.unknownGap`), so the
/// matcher cannot remember its answer by id as it does for the listed gaps. Building the gap's
/// signature (`Gap.signature`) and asking the analyzers about it for every such gap after a
/// word that starts a term cost about 5% of the scan's instructions on a term base made of the
/// text's words (`BENCHMARKS.md`). The answer depends on the gap's bytes and the group alone, and a text has few distinct
/// gaps, so it is kept in a small direct-mapped table keyed by the bytes themselves: a gap of
/// up to 16 bytes is two 64-bit words and its length, compared with no string made. A longer
/// gap is asked afresh each time, and a slot taken by another gap is overwritten: the table
/// forgets, it never answers wrongly.
struct UnlistedGapAnswers {
    /// One slot: the gap's first and second eight bytes (zero-padded), its length, its group
    /// and the answer. A length of 0 marks an empty slot: an empty gap is never asked here.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length: UInt8 = 0
        var group: UInt8 = 0
        var answer = false
    }

    /// The slots, a power of two of them.
    private var slots = [Slot](repeating: Slot(), count: 64)

    /// The longest gap that is remembered, in bytes.
    static let longestRemembered = 16

    /// The answer for the gap `bytes` in `group`: remembered, or `ask()`ed and remembered.
    ///
    /// `ask` must depend only on the bytes and the group.
    ///
    /// - Complexity: O(*n*) in the gap's length, plus `ask` when it is not remembered.
    mutating func answer(for bytes: ArraySlice<UInt8>, group: Int, ask: () -> Bool) -> Bool {
        guard !bytes.isEmpty, bytes.count <= Self.longestRemembered, group >= 0, group <= Int(UInt8.max) else {
            return ask()
        }
        var low: UInt64 = 0, high: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 {
                low |= UInt64(byte) &<< UInt64(offset &* 8)
            } else {
                high |= UInt64(byte) &<< UInt64((offset &- 8) &* 8)
            }
        }
        let length = UInt8(bytes.count), groupByte = UInt8(group)
        var hash = low &* 0x9E37_79B9_7F4A_7C15
        hash ^= (high ^ UInt64(length) ^ UInt64(groupByte) &<< 8) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash &>> 31
        let index = Int(truncatingIfNeeded: hash &>> 32) & (slots.count - 1)
        let slot = slots[index]
        if slot.length == length, slot.group == groupByte, slot.low == low, slot.high == high { return slot.answer }
        let answer = ask()
        slots[index] = Slot(low: low, high: high, length: length, group: groupByte, answer: answer)
        return answer
    }
}
