// The word segments of a split: the one list that every splitter (the mask path, the word-break
// state machine, ICU's break iterator) appends to.
//
// Invariants: segments are in text order and do not overlap; each has start < end and a kind
// (GK_TOKEN_*) other than 0; count <= capacity.
#ifndef CICU_SEGMENTS_H
#define CICU_SEGMENTS_H

#include "buffer.h"

// A word segment: byte range and GK_TOKEN_* kind.
typedef struct {
    int32_t start;
    int32_t end;
    int32_t kind;
} gk_segment;

typedef struct {
    gk_segment *items;
    int32_t count;
    int32_t capacity;
} gk_segment_list;

// Appends a segment; returns 0 when memory runs out.
static inline int gk_segments_append(gk_segment_list *list, int32_t start, int32_t end, int32_t kind) {
    if (!gk_reserve((void **)&list->items, &list->capacity, (int64_t)list->count + 1, sizeof(gk_segment))) return 0;
    list->items[list->count++] = (gk_segment){ start, end, kind };
    return 1;
}

#endif
