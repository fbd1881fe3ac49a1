// The memo of distinct words: a text of a million words has a few tens of thousands of distinct
// ones, so each is folded and looked up once and every later occurrence costs one probe in a
// small table. An ASCII word is keyed by its folded form (lower-casing it is cheap and merges
// "The" with "the"); any other word by its bytes as written, which spares ICU's normalisers on
// every repeat. The two key sets cannot collide: only the second has bytes of 0x80 and above.
//
// A slot (32 bytes, two to a cache line) holds the key's first sixteen bytes, its length and the
// look-up results, so a repeated word of up to sixteen bytes is found with one memory access;
// longer keys compare the rest in the key store. The scan probes in batches whose slots are
// prefetched first, so that the table's cache misses overlap instead of following one another.
// The table fills to three quarters before it doubles: a repeated word is found within the
// first probed slot's cache line or the next nearly always even then (slots are two to a line),
// and a table kept at most half full would cost 64 to 128 bytes per distinct word, 16 MB for
// the 130,000 distinct words of 100 MB of realistic text.
//
// State: a gk_memo, owned by one tokenizer and changed only by this file and the inline
// functions of memo.h (the per-word ones, kept inline for the scan's sake). Invariants:
// - the results hold for the lexicons and flags the memo was reset with: a scan with others
//   starts a new memo, and so does one that would outgrow GK_MEMO_LIMIT words;
// - slots is NULL (nothing remembered) or an open-addressing table of slotCount slots, a power
//   of two and at least 4/3 of count; every remembered key is in exactly one slot, reached from
//   hash & (slotCount - 1) before any empty slot;
// - a slot's entry index (21 bits) indexes entries; an entry's keyStart indexes keys, and its
//   foldedStart (when not -1) the folded store;
// - remembering is all or nothing: the slot is written last, so a word is either found whole
//   or not at all, also when memory runs out halfway.
#include "memo.h"

int gk_memo_reset(gk_memo *memo, const gk_lexicon *words, const gk_lexicon *types, const uint32_t *flags) {
    gk_free(memo->slots);
    // Small to start: a text of one paragraph (a pre-commit hook's) touches every page of the
    // table it probes at random, and 4,096 slots were 32 first-touch page faults for it; a large
    // text doubles its way up at the cost of a few early rehashes of a few hundred words.
    memo->slotCount = GK_MEMO_INITIAL_SLOTS;
    memo->slots = gk_calloc((size_t)memo->slotCount, sizeof(gk_memo_slot));
    memo->count = 0;
    memo->keysLength = 0;
    memo->folded.length = 0;
    memo->words = words;
    memo->types = types;
    memo->flags = flags;
    return memo->slots != NULL;
}

void gk_memo_forget(gk_memo *memo) {
    gk_free(memo->slots);
    memo->slots = NULL;
    memo->count = 0;
}

void gk_memo_free(gk_memo *memo) {
    gk_free(memo->slots);
    gk_free(memo->entries);
    gk_free(memo->keys);
    gk_free(memo->folded.bytes);
    *memo = (gk_memo){ 0 };
}

int gk_memo_grow(gk_memo *memo) {
    int32_t count = memo->slotCount * 2;
    gk_memo_slot *slots = gk_calloc((size_t)count, sizeof(gk_memo_slot));
    if (!slots) return 0;
    uint32_t mask = (uint32_t)count - 1;
    for (int32_t i = 0; i < memo->slotCount; i++) {
        if (memo->slots[i].entry == 0) continue;
        uint32_t index = memo->slots[i].hash & mask;
        while (slots[index].entry != 0) index = (index + 1) & mask;
        slots[index] = memo->slots[i];
    }
    gk_free(memo->slots);
    memo->slots = slots;
    memo->slotCount = count;
    return 1;
}
