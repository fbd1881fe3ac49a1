// ICU's break iterator, splitting lines into word segments (see icubreak.c).
#ifndef CICU_ICUBREAK_H
#define CICU_ICUBREAK_H

#include "segments.h"

// Opaque, so that ICU's headers stay in icubreak.c.
typedef struct gk_icu_splitter gk_icu_splitter;

// Opens ICU's word break iterator. On failure returns NULL and stores a nonzero ICU error code
// in *error.
gk_icu_splitter *gk_icu_splitter_create(int32_t *error);

void gk_icu_splitter_destroy(gk_icu_splitter *splitter);

// Splits s[from..to) with ICU's break iterator, appending its word segments (kinds from the
// rule status) to `segments`. Returns 0 or a negative ICU error code.
int32_t gk_icu_split(gk_icu_splitter *splitter, gk_segment_list *segments, const uint8_t *s, int32_t from, int32_t to);

#endif
