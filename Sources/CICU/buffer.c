// How the tokenizer's buffers grow, and the allocation hooks of debug builds.
//
// State: none of a tokenizer's (each buffer belongs to the struct that holds its pointer and
// capacity); in debug builds, the hooks' settings and counts, one set per thread, so that tests
// running in parallel do not see each other's. Invariant: a buffer that cannot grow is left as
// it was, pointer and capacity.
#include "buffer.h"
#include "CICU.h"

int gk_grow(void **buffer, int32_t *capacity, int64_t needed, size_t elementSize) {
    if (needed <= *capacity) return 1;
    if (needed > INT32_MAX || (uint64_t)needed > SIZE_MAX / elementSize) return 0;
    // Doubled in 64 bits (it stays below 2^32), then cut to the largest capacity there is.
    int64_t newCapacity = *capacity > 0 ? *capacity : 256;
    while (newCapacity < needed) newCapacity *= 2;
    if (newCapacity > INT32_MAX) newCapacity = INT32_MAX;
    if ((uint64_t)newCapacity > SIZE_MAX / elementSize) newCapacity = needed;
    void *grown = gk_realloc(*buffer, (size_t)newCapacity * elementSize);
    if (!grown) return 0;
    *buffer = grown;
    *capacity = (int32_t)newCapacity;
    return 1;
}

#if defined(DEBUG)
static _Thread_local int32_t failAfter = -1;    // successful allocations before one fails; -1: none
static _Thread_local int64_t sizeLimit;         // larger allocations fail; 0: no limit
static _Thread_local int64_t liveBlocks;        // allocated and not yet freed
static _Thread_local int64_t largestRefused;

// Whether the hooks make an allocation of `size` bytes fail.
static int refused(size_t size) {
    int refuse = failAfter == 0 || (sizeLimit > 0 && size > (uint64_t)sizeLimit);
    if (failAfter >= 0) failAfter--;
    if (refuse && (int64_t)size > largestRefused) largestRefused = (int64_t)size;
    return refuse;
}

void *gk_malloc(size_t size) {
    void *block = refused(size) ? NULL : malloc(size);
    if (block) liveBlocks++;
    return block;
}

void *gk_calloc(size_t count, size_t size) {
    void *block = refused(count * size) ? NULL : calloc(count, size);
    if (block) liveBlocks++;
    return block;
}

void *gk_realloc(void *block, size_t size) {
    void *grown = refused(size) ? NULL : realloc(block, size);
    if (grown && !block) liveBlocks++;
    return grown;
}

void gk_free(void *block) {
    if (block) liveBlocks--;
    free(block);
}

int32_t gk_debug_fail_allocations(int32_t after, int64_t limit) {
    failAfter = after;
    sizeLimit = limit;
    largestRefused = 0;
    return 1;
}

void gk_debug_allocations(int64_t *live, int64_t *largest) {
    *live = liveBlocks;
    *largest = largestRefused;
}
#else
int32_t gk_debug_fail_allocations(int32_t after, int64_t limit) {
    (void)after;
    (void)limit;
    return 0;
}

void gk_debug_allocations(int64_t *live, int64_t *largest) {
    *live = 0;
    *largest = 0;
}
#endif
