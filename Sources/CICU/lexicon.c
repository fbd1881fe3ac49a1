// A byte-string → dense id hash table (open addressing, FNV-1a). The scanner looks every word
// up here, so a text's words are classified without creating a single Swift string.
#include "CICU.h"
#include "lexicon_internal.h"

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
    int borrowed;           // the arrays belong to the caller of gk_lexicon_borrow: never freed
};

// Hashes eight bytes at a time (multiply and fold, in the spirit of wyhash); words are short,
// so one or two rounds usually suffice. The steps are in lexicon_internal.h.
uint32_t gk_lexicon_hash(const uint8_t *bytes, int32_t length) {
    uint64_t hash = gk_hash_start(length);
    int32_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t chunk;
        memcpy(&chunk, bytes + i, 8);
        hash = gk_hash_word(hash, chunk);
    }
    int32_t rest = length - i;
    if (rest > 0) {
        uint64_t chunk = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        // The tail without a memcpy of variable length (a call into libc): the last eight bytes
        // of the key shifted down when there are eight, else two overlapping four-byte loads, or
        // the first, middle and last byte; each gives the tail zero-padded, as the memcpy would.
        if (length >= 8) {
            memcpy(&chunk, bytes + length - 8, 8);
            chunk >>= 8 * (8 - rest);
        } else if (rest >= 4) {
            uint32_t low, high;
            memcpy(&low, bytes, 4);
            memcpy(&high, bytes + rest - 4, 4);
            chunk = (uint64_t)low | (uint64_t)high << (8 * (rest - 4));
        } else {
            chunk = (uint64_t)bytes[0] | (uint64_t)bytes[rest >> 1] << (8 * (rest >> 1)) | (uint64_t)bytes[rest - 1] << (8 * (rest - 1));
        }
#else
        memcpy(&chunk, bytes + i, (size_t)rest);
#endif
        hash = gk_hash_tail(hash, chunk);
    }
    return gk_hash_finish(hash);
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
    if (lexicon->borrowed) { free(lexicon); return; }
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

int32_t gk_lexicon_find_hashed(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length, uint32_t hash) {
    int32_t slot = findSlot(lexicon, bytes, length, hash);
    return lexicon->slots[slot] - 1;
}

int32_t gk_lexicon_find(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length) {
    return gk_lexicon_find_hashed(lexicon, bytes, length, gk_lexicon_hash(bytes, length));
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
    return gk_lexicon_insert_hashed(lexicon, bytes, length, gk_lexicon_hash(bytes, length));
}

// Copies a borrowed table into memory of the lexicon's own, so that it can grow.
static int own(gk_lexicon *lexicon) {
    size_t offsetsSize = sizeof(int64_t) * (size_t)(lexicon->count + 1);
    size_t slotsSize = sizeof(int32_t) * (size_t)lexicon->slotCount;
    int64_t bytesCapacity = lexicon->bytesLength > 16 ? lexicon->bytesLength : 16;
    int64_t *offsets = malloc(offsetsSize + sizeof(int64_t));
    int32_t *slots = malloc(slotsSize);
    uint32_t *hashes = malloc(slotsSize);
    uint8_t *bytes = malloc((size_t)bytesCapacity);
    if (!offsets || !slots || !hashes || !bytes) {
        free(offsets); free(slots); free(hashes); free(bytes);
        return 0;
    }
    memcpy(offsets, lexicon->offsets, offsetsSize);
    memcpy(slots, lexicon->slots, slotsSize);
    memcpy(hashes, lexicon->hashes, slotsSize);
    if (lexicon->bytesLength > 0) memcpy(bytes, lexicon->bytes, (size_t)lexicon->bytesLength);
    lexicon->offsets = offsets;
    lexicon->slots = slots;
    lexicon->hashes = hashes;
    lexicon->bytes = bytes;
    // Room for one more key, so the insert that called for the copy need not grow anything.
    lexicon->countCapacity = lexicon->count + 1;
    lexicon->bytesCapacity = bytesCapacity;
    lexicon->borrowed = 0;
    return 1;
}

int32_t gk_lexicon_insert_hashed(gk_lexicon *lexicon, const uint8_t *bytes, int32_t length, uint32_t hash) {
    int32_t slot = findSlot(lexicon, bytes, length, hash);
    if (lexicon->slots[slot] != 0) return lexicon->slots[slot] - 1;
    if (lexicon->borrowed && !own(lexicon)) return -1;
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

// A large lexicon's slots are megabytes: a look-up waits for memory twice (the slot, then its
// hash), once the key's bytes. Fetching the slot and its hash for the next few keys while
// the current ones are inserted overlaps those waits.
void gk_lexicon_prefetch(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length) {
    uint32_t slot = gk_lexicon_hash(bytes, length) & ((uint32_t)lexicon->slotCount - 1);
    __builtin_prefetch(lexicon->slots + slot);
    __builtin_prefetch(lexicon->hashes + slot);
}

int32_t gk_lexicon_count(const gk_lexicon *lexicon) { return lexicon->count; }

const uint8_t *gk_lexicon_bytes(const gk_lexicon *lexicon, int32_t id, int32_t *length) {
    if (id < 0 || id >= lexicon->count) { *length = 0; return NULL; }
    int64_t start = lexicon->offsets[id];
    *length = (int32_t)(lexicon->offsets[id + 1] - start);
    return lexicon->bytes + start;
}

// Serialised layout: a header, then the arrays exactly as in memory, so that restoring a lexicon
// is four copies instead of hashing and inserting every key again.
enum { serialMagic = 0x584C4B47 }; // "GKLX"

typedef struct {
    uint32_t magic;
    uint32_t hashProbe;     // the hash function's fingerprint: stored hashes are only valid with it
    int32_t count;
    int32_t slotCount;
    int64_t bytesLength;
} serialHeader;

// Hashes of two fixed keys (one shorter than a word of eight bytes, one longer): if the hash
// function ever changes, a lexicon serialised with the old one is refused instead of silently
// missing every look-up.
static uint32_t hashProbe(void) {
    static const uint8_t shortKey[] = "kerja";
    static const uint8_t longKey[] = "perdagangan tenaga kerja";
    uint32_t a = gk_lexicon_hash(shortKey, (int32_t)sizeof(shortKey) - 1);
    uint32_t b = gk_lexicon_hash(longKey, (int32_t)sizeof(longKey) - 1);
    return a ^ (b << 7 | b >> 25);
}

int64_t gk_lexicon_serialized_size(const gk_lexicon *lexicon) {
    return (int64_t)sizeof(serialHeader)
        + (int64_t)sizeof(int64_t) * (lexicon->count + 1)
        + (int64_t)(sizeof(int32_t) + sizeof(uint32_t)) * lexicon->slotCount
        + lexicon->bytesLength;
}

void gk_lexicon_serialize(const gk_lexicon *lexicon, uint8_t *out) {
    serialHeader header = {
        serialMagic, hashProbe(), lexicon->count, lexicon->slotCount, lexicon->bytesLength
    };
    memcpy(out, &header, sizeof header);
    out += sizeof header;
    size_t size = sizeof(int64_t) * (size_t)(lexicon->count + 1);
    memcpy(out, lexicon->offsets, size);
    out += size;
    size = sizeof(int32_t) * (size_t)lexicon->slotCount;
    memcpy(out, lexicon->slots, size);
    out += size;
    size = sizeof(uint32_t) * (size_t)lexicon->slotCount;
    memcpy(out, lexicon->hashes, size);
    out += size;
    if (lexicon->bytesLength > 0) memcpy(out, lexicon->bytes, (size_t)lexicon->bytesLength);
}

gk_lexicon *gk_lexicon_borrow(const uint8_t *data, int64_t length, int checkContents, int64_t *consumed) {
    serialHeader header;
    if (!data || ((uintptr_t)data & 7) != 0 || length < (int64_t)sizeof header) return NULL;
    memcpy(&header, data, sizeof header);
    // Shape checks first, so that no size below can overflow. The table must keep the insert
    // path's invariant (at most half full), which also guarantees the empty slot that ends
    // every probe.
    if (header.magic != serialMagic || header.hashProbe != hashProbe()) return NULL;
    if (header.count < 0 || header.count >= INT32_MAX - 1 || header.bytesLength < 0) return NULL;
    if (header.slotCount < 2 || (header.slotCount & (header.slotCount - 1)) != 0) return NULL;
    if ((int64_t)header.count * 2 > header.slotCount) return NULL;
    int64_t offsetsSize = (int64_t)sizeof(int64_t) * (header.count + 1);
    int64_t slotsSize = (int64_t)sizeof(int32_t) * header.slotCount;
    int64_t total = (int64_t)sizeof header + offsetsSize + 2 * slotsSize;
    if (total > length || header.bytesLength > length - total) return NULL;
    total += header.bytesLength;

    // The header is 24 bytes and the slot arrays a multiple of 8, so every array is aligned.
    const int64_t *offsets = (const int64_t *)(const void *)(data + sizeof header);
    const int32_t *slots = (const int32_t *)(const void *)((const uint8_t *)offsets + offsetsSize);
    const uint32_t *hashes = (const uint32_t *)(const void *)((const uint8_t *)slots + slotsSize);
    const uint8_t *bytes = (const uint8_t *)hashes + slotsSize;

    // Offsets must run from 0 to the key bytes' end without going back, and each key must fit
    // the int32 lengths of the look-up API; every slot must name a key or be empty. The hashes
    // and keys are not read here: a page of them is only touched when a look-up needs it.
    // Without checkContents (bytes that passed these checks before and have not changed since),
    // none of the arrays is read here.
    if (checkContents) {
        if (offsets[0] != 0 || offsets[header.count] != header.bytesLength) return NULL;
        for (int32_t i = 0; i < header.count; i++) {
            int64_t keyLength = offsets[i + 1] - offsets[i];
            if (keyLength < 0 || keyLength > INT32_MAX) return NULL;
        }
        int32_t used = 0;
        for (int32_t i = 0; i < header.slotCount; i++) {
            int32_t entry = slots[i];
            if (entry < 0 || entry > header.count) return NULL;
            used += entry != 0;
        }
        if (used != header.count) return NULL;
    }

    gk_lexicon *lexicon = calloc(1, sizeof(gk_lexicon));
    if (!lexicon) return NULL;
    // The casts drop const: a borrowed table is never written, `own` copies it first.
    lexicon->offsets = (int64_t *)(uintptr_t)offsets;
    lexicon->slots = (int32_t *)(uintptr_t)slots;
    lexicon->hashes = (uint32_t *)(uintptr_t)hashes;
    lexicon->bytes = (uint8_t *)(uintptr_t)bytes;
    lexicon->count = header.count;
    lexicon->countCapacity = header.count;
    lexicon->slotCount = header.slotCount;
    lexicon->bytesLength = header.bytesLength;
    lexicon->bytesCapacity = header.bytesLength;
    lexicon->borrowed = 1;
    if (consumed) *consumed = total;
    return lexicon;
}
