// Memory for the tokenizer's C files: how its buffers grow, and the allocation calls they all
// go through (so that debug builds can make one fail, for the tests; see buffer.c).
#ifndef CICU_BUFFER_H
#define CICU_BUFFER_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

// Every allocation of the tokenizer's files goes through these: libc's own calls, except in
// debug builds (what `swift test` builds), where they count blocks and fail on request.
#if defined(DEBUG)
void *gk_malloc(size_t size);
void *gk_calloc(size_t count, size_t size);
void *gk_realloc(void *block, size_t size);
void gk_free(void *block);
#else
static inline void *gk_malloc(size_t size) { return malloc(size); }
static inline void *gk_calloc(size_t count, size_t size) { return calloc(count, size); }
static inline void *gk_realloc(void *block, size_t size) { return realloc(block, size); }
static inline void gk_free(void *block) { free(block); }
#endif

// Grows `*buffer` (an array of `*capacity` elements of `elementSize` bytes) to hold at least
// `needed` elements. Returns 1, or 0 when memory runs out or `needed` exceeds INT32_MAX (the
// limit of every capacity and offset); the buffer and its capacity are then unchanged. `needed`
// is 64 bits wide so that callers add lengths without overflowing: a sum of int32_t lengths
// must be cast to int64_t before it is formed.
int gk_grow(void **buffer, int32_t *capacity, int64_t needed, size_t elementSize);

// gk_grow with its common case, room enough already, inline.
static inline int gk_reserve(void **buffer, int32_t *capacity, int64_t needed, size_t elementSize) {
    if (needed <= *capacity) return 1;
    return gk_grow(buffer, capacity, needed, elementSize);
}

// A growing run of bytes: the folded forms of a scan's words, and the memo's copies of them.
typedef struct {
    uint8_t *bytes;
    int32_t length;         // bytes in use; length <= capacity
    int32_t capacity;
} gk_bytes;

#endif
