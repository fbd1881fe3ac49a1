// The memo of distinct words: what a scan found for each word it has seen, so that a repeated
// word costs one probe (see memo.c). The probe and the reads of what it finds are inline here,
// as the scan makes one per word.
#ifndef CICU_MEMO_H
#define CICU_MEMO_H

#include "CICU.h"
#include "buffer.h"

#include <string.h>

// A new memo's slot count (a power of two: two pages of slots).
#define GK_MEMO_INITIAL_SLOTS (1 << 8)
// A memo starts afresh rather than grow past this many words.
#define GK_MEMO_LIMIT (1 << 18)
// Keys of this length or more store their length with them.
#define GK_MEMO_LONG 2047
// A slot holds this many bytes of its key.
#define GK_MEMO_INLINE 16

typedef struct {
    uint64_t head[2];       // the key's first sixteen bytes, zero-padded (keys never contain 0)
    uint32_t hash;
    uint32_t entry;         // entry index + 1 (0: empty) in the low 21 bits; min(length, GK_MEMO_LONG) above
    int32_t id;             // the folded word's id (>= 0), or -2 - its type id, or -1 (neither)
    uint32_t lexiconFlags;  // the record's lexiconFlags
} gk_memo_slot;

typedef struct {
    int64_t keyStart;       // in keys
    int32_t bare;
    int32_t foldedStart;    // in folded, for words not keyed by their folded form; else -1
    int32_t foldedLength;
} gk_memo_entry;

typedef struct {
    gk_memo_slot *slots;    // open addressing; NULL until the first scan and after gk_memo_forget
    int32_t slotCount;      // a power of two, at least 4/3 of count (see memo.c)
    // The lexicons and flags the results come from.
    const gk_lexicon *words;
    const gk_lexicon *types;
    const uint32_t *flags;
    gk_memo_entry *entries; // one per word remembered
    int32_t count;
    int32_t entryCapacity;
    uint8_t *keys;          // the keys, back to back (a long key after its length)
    int64_t keysLength;
    int32_t keysCapacity;
    gk_bytes folded;        // the folded forms of the words not keyed by them
} gk_memo;

// Whether the memo holds results from these lexicons and flags, with room for more words;
// else the scan calls gk_memo_reset first.
static inline int gk_memo_serves(const gk_memo *memo, const gk_lexicon *words, const gk_lexicon *types,
                                 const uint32_t *flags) {
    return memo->slots && memo->words == words && memo->types == types && memo->flags == flags
        && memo->count < GK_MEMO_LIMIT;
}

// Empties the memo for results from these lexicons and flags. Returns 0 when memory runs out.
int gk_memo_reset(gk_memo *memo, const gk_lexicon *words, const gk_lexicon *types, const uint32_t *flags);

// Forgets every word (the next scan resets the memo).
void gk_memo_forget(gk_memo *memo);

void gk_memo_free(gk_memo *memo);

// The first sixteen bytes of a key, zero-padded, as a slot holds them.
static inline void gk_memo_key_head(const uint8_t *key, int32_t length, uint64_t head[2]) {
    head[0] = head[1] = 0;
    memcpy(head, key, (size_t)(length < GK_MEMO_INLINE ? length : GK_MEMO_INLINE));
}

// Where a batch's first look prefetches its slots: the table as it is before the batch's probes,
// read once rather than at every word (a probe may then grow the table, which wastes the
// prefetches, never misleads them).
typedef struct {
    const gk_memo_slot *slots;
    uint32_t mask;
} gk_memo_prefetcher;

static inline gk_memo_prefetcher gk_memo_prefetcher_of(const gk_memo *memo) {
    return (gk_memo_prefetcher){ memo->slots, (uint32_t)memo->slotCount - 1 };
}

// Starts fetching the slot a key of this hash is probed at first.
static inline void gk_memo_prefetch(gk_memo_prefetcher prefetcher, uint32_t hash) {
    __builtin_prefetch(&prefetcher.slots[hash & prefetcher.mask]);
}

// The slot of `key`: where it is, or the empty slot where it would go.
static inline gk_memo_slot *gk_memo_probe(const gk_memo *memo, const uint8_t *key, int32_t length, uint32_t hash,
                                          const uint64_t head[2]) {
    uint32_t mask = (uint32_t)memo->slotCount - 1;
    uint32_t lengthTag = (uint32_t)(length < GK_MEMO_LONG ? length : GK_MEMO_LONG) << 21;
    for (uint32_t index = hash & mask;; index = (index + 1) & mask) {
        gk_memo_slot *slot = &memo->slots[index];
        if (slot->entry == 0) return slot;
        if (slot->hash != hash || slot->head[0] != head[0] || slot->head[1] != head[1]
            || (slot->entry & ~0x1FFFFFu) != lengthTag) continue;
        if (length <= GK_MEMO_INLINE) return slot;
        const gk_memo_entry *entry = &memo->entries[(slot->entry & 0x1FFFFFu) - 1];
        const uint8_t *stored = memo->keys + entry->keyStart;
        if (length >= GK_MEMO_LONG) {
            int32_t storedLength;
            memcpy(&storedLength, stored, sizeof storedLength);
            if (storedLength != length) continue;
            stored += sizeof storedLength;
        }
        if (memcmp(stored + GK_MEMO_INLINE, key + GK_MEMO_INLINE, (size_t)(length - GK_MEMO_INLINE)) == 0) return slot;
    }
}

// Whether a probed slot holds its word.
static inline int gk_memo_found(const gk_memo_slot *slot) { return slot->entry != 0; }

// A word is in `words` or among the types, never both: a slot's one id field holds either.
static inline int32_t gk_memo_slot_id(const gk_scanned *word) {
    return word->folded >= 0 ? word->folded : (word->type >= 0 ? -2 - word->type : -1);
}

// Copies what a found slot holds into the record: the folded word's id or its type id, and the
// flags.
static inline void gk_memo_recall(const gk_memo_slot *slot, gk_scanned *word) {
    int32_t id = slot->id;
    word->folded = id >= 0 ? id : -1;
    word->type = id <= -2 ? -2 - id : -1;
    word->lexiconFlags = (uint16_t)slot->lexiconFlags;
}

// The index of a found slot's entry (accent-free id, folded form).
static inline int32_t gk_memo_entry_index(const gk_memo_slot *slot) { return (int32_t)(slot->entry & 0x1FFFFFu) - 1; }

// Starts fetching an entry, and then (once it is there) its folded form.
static inline void gk_memo_prefetch_entry(const gk_memo *memo, int32_t index) {
    __builtin_prefetch(&memo->entries[index]);
}

static inline void gk_memo_prefetch_folded(const gk_memo *memo, int32_t index) {
    __builtin_prefetch(memo->folded.bytes + memo->entries[index].foldedStart);
}

// Completes a repeated word not keyed by its folded form from its entry: its accent-free id, and
// its folded form appended to `folded`. Returns 0 when memory runs out.
static inline int gk_memo_complete(const gk_memo *memo, int32_t index, gk_scanned *word, gk_bytes *folded) {
    const gk_memo_entry *entry = &memo->entries[index];
    if (!gk_reserve((void **)&folded->bytes, &folded->capacity, (int64_t)folded->length + entry->foldedLength + 1, 1)) return 0;
    memcpy(folded->bytes + folded->length, memo->folded.bytes + entry->foldedStart, (size_t)entry->foldedLength);
    word->bare = entry->bare;
    word->foldedStart = folded->length;
    word->foldedLength = entry->foldedLength;
    folded->length += entry->foldedLength;
    return 1;
}

// Doubles the slot table. Returns 0 when memory runs out (the table is then as it was).
int gk_memo_grow(gk_memo *memo);

// Remembers `key` (not present) with the results in `word` and, for a word not keyed by its
// folded form, that form (`folded`, else NULL). Returns 0 when memory runs out. Inline, like the
// probe: a call for every new word costs the scan about one percent.
static inline int gk_memo_remember(gk_memo *memo, const uint8_t *key, int32_t length, uint32_t hash,
                                   const uint64_t head[2], const gk_scanned *word, const uint8_t *folded,
                                   int32_t foldedLength) {
    if ((memo->count + 1) * 4 > memo->slotCount * 3 && !gk_memo_grow(memo)) return 0;
    int32_t storedLength = length >= GK_MEMO_LONG ? length + (int32_t)sizeof(int32_t) : length;
    // A full memo (entry indices have 21 bits) remembers nothing more; the scan stays correct.
    if (memo->keysLength + storedLength > INT32_MAX / 2 || memo->count + 1 >= 0x1FFFFF) return 1;
    gk_memo_slot *slot = gk_memo_probe(memo, key, length, hash, head);
    if (!gk_reserve((void **)&memo->entries, &memo->entryCapacity, (int64_t)memo->count + 1, sizeof(gk_memo_entry))) return 0;
    if (!gk_reserve((void **)&memo->keys, &memo->keysCapacity, memo->keysLength + storedLength + 1, 1)) return 0;
    uint8_t *stored = memo->keys + memo->keysLength;
    if (length >= GK_MEMO_LONG) { memcpy(stored, &length, sizeof length); stored += sizeof length; }
    memcpy(stored, key, (size_t)length);
    int32_t foldedStart = -1;
    if (folded) {
        gk_bytes *store = &memo->folded;
        if (!gk_reserve((void **)&store->bytes, &store->capacity, (int64_t)store->length + foldedLength + 1, 1)) return 0;
        memcpy(store->bytes + store->length, folded, (size_t)foldedLength);
        foldedStart = store->length;
        store->length += foldedLength;
    }
    memo->entries[memo->count] = (gk_memo_entry){ memo->keysLength, word->bare, foldedStart, foldedLength };
    memo->keysLength += storedLength;
    memo->count++;
    *slot = (gk_memo_slot){
        { head[0], head[1] }, hash,
        (uint32_t)memo->count | ((uint32_t)(length < GK_MEMO_LONG ? length : GK_MEMO_LONG) << 21),
        gk_memo_slot_id(word), word->lexiconFlags };
    return 1;
}

#endif
