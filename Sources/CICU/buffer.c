// How the tokenizer's buffers grow. State: none; each buffer belongs to the struct that holds its
// pointer and capacity, which only these functions change together.
#include "buffer.h"

int gk_grow(void **buffer, int32_t *capacity, int32_t needed, size_t elementSize) {
    if (needed <= *capacity) return 1;
    int32_t newCapacity = *capacity > 0 ? *capacity : 256;
    while (newCapacity < needed) newCapacity *= 2;
    void *grown = gk_realloc(*buffer, (size_t)newCapacity * elementSize);
    if (!grown) return 0;
    *buffer = grown;
    *capacity = newCapacity;
    return 1;
}
