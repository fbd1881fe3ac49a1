// Folding words with ICU's normalisers (see fold.c).
#ifndef CICU_FOLD_H
#define CICU_FOLD_H

#include "CICU.h"
#include "buffer.h"

// Opaque, so that ICU's headers stay in fold.c.
typedef struct gk_folder gk_folder;

// Gets ICU's normalisers. On failure returns NULL and stores a nonzero ICU error code in *error.
gk_folder *gk_folder_create(int32_t *error);

void gk_folder_destroy(gk_folder *folder);

// Folds one word (`byteLength` bytes of UTF-8) onto the end of `folded`, filling the token's
// folded and bare ranges (offsets in `folded`). `options` takes GK_FOLD_ACCENTS (also make the
// accent-free form) and GK_FOLD_ICU_ONLY (fold ASCII with ICU too). Returns 1, or 0 when memory
// runs out or ICU fails.
int gk_fold_word(gk_folder *folder, const uint8_t *bytes, int32_t byteLength, int32_t options, gk_bytes *folded, gk_token *token);

#endif
