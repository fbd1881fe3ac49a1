// A byte-string → dense id hash table (open addressing, FNV-1a). The scanner looks every word
// up here, so a text's words are classified without creating a single Swift string.
#include "CICU.h"

#include <stdlib.h>
#include <string.h>

struct gk_lexicon {
    uint8_t *bytes;         // all keys, back to back
    int64_t bytesLength;
    int64_t bytesCapacity;
    int64_t *offsets;       // offset of key i in bytes (count + 1 entries)
    int32_t count;
    int32_t countCapacity;
    int32_t *slots;         // id + 1, or 0 for empty
    uint32_t *hashes;       // hash of each slot's key, to skip most comparisons
    int32_t slotCount;      // a power of two
};

static uint32_t hashBytes(const uint8_t *bytes, int32_t length) {
    uint32_t hash = 2166136261u;
    for (int32_t i = 0; i < length; i++) {
        hash ^= bytes[i];
        hash *= 16777619u;
    }
    return hash;
}

gk_lexicon *gk_lexicon_create(void) {
    gk_lexicon *lexicon = calloc(1, sizeof(gk_lexicon));
    if (!lexicon) return NULL;
    lexicon->slotCount = 1024;
    lexicon->slots = calloc((size_t)lexicon->slotCount, sizeof(int32_t));
    lexicon->hashes = calloc((size_t)lexicon->slotCount, sizeof(uint32_t));
    lexicon->countCapacity = 256;
    lexicon->offsets = malloc(sizeof(int64_t) * (size_t)(lexicon->countCapacity + 1));
    lexicon->bytesCapacity = 4096;
    lexicon->bytes = malloc((size_t)lexicon->bytesCapacity);
    if (!lexicon->slots || !lexicon->hashes || !lexicon->offsets || !lexicon->bytes) {
        gk_lexicon_destroy(lexicon);
        return NULL;
    }
    lexicon->offsets[0] = 0;
    return lexicon;
}

void gk_lexicon_destroy(gk_lexicon *lexicon) {
    if (!lexicon) return;
    free(lexicon->bytes);
    free(lexicon->offsets);
    free(lexicon->slots);
    free(lexicon->hashes);
    free(lexicon);
}

static int32_t findSlot(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length, uint32_t hash) {
    uint32_t mask = (uint32_t)lexicon->slotCount - 1;
    uint32_t slot = hash & mask;
    while (1) {
        int32_t entry = lexicon->slots[slot];
        if (entry == 0) return (int32_t)slot;
        if (lexicon->hashes[slot] == hash) {
            int32_t id = entry - 1;
            int64_t start = lexicon->offsets[id];
            int64_t keyLength = lexicon->offsets[id + 1] - start;
            if (keyLength == length && memcmp(lexicon->bytes + start, bytes, (size_t)length) == 0) return (int32_t)slot;
        }
        slot = (slot + 1) & mask;
    }
}

int32_t gk_lexicon_find(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length) {
    int32_t slot = findSlot(lexicon, bytes, length, hashBytes(bytes, length));
    return lexicon->slots[slot] - 1;
}

static int rehash(gk_lexicon *lexicon) {
    int32_t newCount = lexicon->slotCount * 2;
    int32_t *slots = calloc((size_t)newCount, sizeof(int32_t));
    uint32_t *hashes = calloc((size_t)newCount, sizeof(uint32_t));
    if (!slots || !hashes) { free(slots); free(hashes); return 0; }
    uint32_t mask = (uint32_t)newCount - 1;
    for (int32_t i = 0; i < lexicon->slotCount; i++) {
        if (lexicon->slots[i] == 0) continue;
        uint32_t slot = lexicon->hashes[i] & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = lexicon->slots[i];
        hashes[slot] = lexicon->hashes[i];
    }
    free(lexicon->slots);
    free(lexicon->hashes);
    lexicon->slots = slots;
    lexicon->hashes = hashes;
    lexicon->slotCount = newCount;
    return 1;
}

int32_t gk_lexicon_insert(gk_lexicon *lexicon, const uint8_t *bytes, int32_t length) {
    uint32_t hash = hashBytes(bytes, length);
    int32_t slot = findSlot(lexicon, bytes, length, hash);
    if (lexicon->slots[slot] != 0) return lexicon->slots[slot] - 1;
    // Keep the table at most half full so probes stay short.
    if ((lexicon->count + 1) * 2 > lexicon->slotCount) {
        if (!rehash(lexicon)) return -1;
        slot = findSlot(lexicon, bytes, length, hash);
    }
    if (lexicon->count + 1 >= lexicon->countCapacity) {
        int32_t capacity = lexicon->countCapacity * 2;
        int64_t *offsets = realloc(lexicon->offsets, sizeof(int64_t) * (size_t)(capacity + 1));
        if (!offsets) return -1;
        lexicon->offsets = offsets;
        lexicon->countCapacity = capacity;
    }
    if (lexicon->bytesLength + length > lexicon->bytesCapacity) {
        int64_t capacity = lexicon->bytesCapacity * 2;
        while (capacity < lexicon->bytesLength + length) capacity *= 2;
        uint8_t *grown = realloc(lexicon->bytes, (size_t)capacity);
        if (!grown) return -1;
        lexicon->bytes = grown;
        lexicon->bytesCapacity = capacity;
    }
    memcpy(lexicon->bytes + lexicon->bytesLength, bytes, (size_t)length);
    lexicon->bytesLength += length;
    int32_t id = lexicon->count++;
    lexicon->offsets[id + 1] = lexicon->bytesLength;
    lexicon->slots[slot] = id + 1;
    lexicon->hashes[slot] = hash;
    return id;
}

int32_t gk_lexicon_count(const gk_lexicon *lexicon) { return lexicon->count; }

const uint8_t *gk_lexicon_bytes(const gk_lexicon *lexicon, int32_t id, int32_t *length) {
    if (id < 0 || id >= lexicon->count) { *length = 0; return NULL; }
    int64_t start = lexicon->offsets[id];
    *length = (int32_t)(lexicon->offsets[id + 1] - start);
    return lexicon->bytes + start;
}
