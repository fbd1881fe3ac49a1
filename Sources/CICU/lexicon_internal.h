// Functions shared by the C files of this target only: look-ups with a precomputed hash, so the
// scanner hashes each word once for both of its tables.
#ifndef CICU_LEXICON_INTERNAL_H
#define CICU_LEXICON_INTERNAL_H

#include "CICU.h"

uint32_t gk_lexicon_hash(const uint8_t *bytes, int32_t length);
int32_t gk_lexicon_find_hashed(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length, uint32_t hash);
int32_t gk_lexicon_insert_hashed(gk_lexicon *lexicon, const uint8_t *bytes, int32_t length, uint32_t hash);

#endif
