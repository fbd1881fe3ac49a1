// Functions shared by the C files of this target only: look-ups with a precomputed hash, so the
// scanner hashes each word once for both of its tables.
#ifndef CICU_LEXICON_INTERNAL_H
#define CICU_LEXICON_INTERNAL_H

#include "CICU.h"

uint32_t gk_lexicon_hash(const uint8_t *bytes, int32_t length);
int32_t gk_lexicon_find_hashed(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length, uint32_t hash);
int32_t gk_lexicon_insert_hashed(gk_lexicon *lexicon, const uint8_t *bytes, int32_t length, uint32_t hash);

// The steps of gk_lexicon_hash, here so that the scanner can hash a short word it already holds
// in registers (gk_hash_short) to exactly the same value. Serialised lexicons store these hashes
// (checked by lexicon.c's hashProbe): changing a step invalidates every compiled-glossary cache.
static inline uint64_t gk_hash_start(int32_t length) { return 0x9E3779B97F4A7C15ull ^ (uint64_t)length; }

// Mixes in one whole word of eight bytes (loaded as with memcpy).
static inline uint64_t gk_hash_word(uint64_t hash, uint64_t chunk) {
    hash = (hash ^ chunk) * 0xBF58476D1CE4E5B9ull;
    return hash ^ hash >> 31;
}

// Mixes in the last one to seven bytes, zero-padded to a word.
static inline uint64_t gk_hash_tail(uint64_t hash, uint64_t chunk) {
    hash = (hash ^ chunk) * 0x94D049BB133111EBull;
    return hash ^ hash >> 29;
}

static inline uint32_t gk_hash_finish(uint64_t hash) { return (uint32_t)((hash * 0xBF58476D1CE4E5B9ull) >> 32); }

// gk_lexicon_hash of a key of 1 to 16 bytes: its first eight bytes in `first` and the rest in
// `second`, each loaded as with memcpy and zero-padded.
static inline uint32_t gk_hash_short(uint64_t first, uint64_t second, int32_t length) {
    uint64_t hash = gk_hash_start(length);
    if (length < 8) return gk_hash_finish(gk_hash_tail(hash, first));
    hash = gk_hash_word(hash, first);
    if (length == 16) hash = gk_hash_word(hash, second);
    else if (length > 8) hash = gk_hash_tail(hash, second);
    return gk_hash_finish(hash);
}

#endif
