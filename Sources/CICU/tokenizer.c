// Word tokenising and folding over system ICU. The only file that includes ICU's headers
//, so that no Swift module ever sees them.
#include "CICU.h"
#include "blocks.h"
#include "buffer.h"
#include "fold.h"
#include "icubreak.h"
#include "segments.h"
#include "swar.h"
#include "wordbreak.h"
#include "lexicon_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

struct gk_tokenizer {
    gk_icu_splitter *icu;           // ICU's break iterator and its UTF-16 copy of a line
    gk_folder *folder;              // ICU's normalisers and their buffers

    gk_segment_list segments;   // the words of the current run
    gk_line_scratch lines;      // the state machine's classes and byte offsets of a line

    int64_t fastLines;      // lines split by the fast path and by ICU, for tests and benchmarks
    int64_t icuLines;

    gk_token *tokens;
    int32_t tokenCapacity;

    struct gk_memo_slot_s *memoSlots;   // distinct words of the texts scanned (see gk_tokenizer_scan_words)
    int32_t memoSlotCount;
    const gk_lexicon *memoWords;
    const gk_lexicon *memoTypes;
    const uint32_t *memoFlags;
    struct gk_memo_entry_s *memoEntries;
    int32_t memoCount;
    int32_t memoEntryCapacity;
    uint8_t *memoKeys;
    int64_t memoKeysLength;
    int32_t memoKeysCapacity;
    uint8_t *memoFolded;
    int32_t memoFoldedLength;
    int32_t memoFoldedCapacity;


    gk_bytes folded;        // the folded forms of the words of the current run
};

gk_tokenizer *gk_tokenizer_create(int32_t *error) {
    gk_blocks_prepare();
    gk_tokenizer *t = gk_calloc(1, sizeof(gk_tokenizer));
    if (!t) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    t->icu = gk_icu_splitter_create(error);
    if (!t->icu) {
        gk_tokenizer_destroy(t);
        return NULL;
    }
    t->folder = gk_folder_create(error);
    if (!t->folder) {
        gk_tokenizer_destroy(t);
        return NULL;
    }
    return t;
}

void gk_tokenizer_destroy(gk_tokenizer *t) {
    if (!t) return;
    gk_icu_splitter_destroy(t->icu);
    gk_free(t->memoSlots);
    gk_free(t->memoKeys);
    gk_free(t->memoEntries);
    gk_free(t->memoFolded);
    gk_free(t->segments.items);
    gk_line_scratch_free(&t->lines);
    gk_free(t->tokens);
    gk_free(t->folded.bytes);
    gk_folder_destroy(t->folder);
    gk_free(t);
}

// Splits the text into word segments (t->segments), line by line: runs of lines of ASCII and
// letters 64 bytes at a time, other lines with the fast path where it applies, ICU's break
// iterator elsewhere (or everywhere, with GK_SEGMENT_ICU_ONLY). Returns 0 or a negative ICU
// error code.
static int32_t segment(gk_tokenizer *t, const uint8_t *s, int32_t length, int32_t options) {
    t->segments.count = 0;
    t->folded.length = 0;
    if (options & GK_SEGMENT_ICU_ONLY) {
        t->icuLines++;
        return length > 0 ? gk_icu_split(t->icu, &t->segments, s, 0, length) : 0;
    }
    int32_t from = 0;
    while (from < length) {
        from = gk_masked_lines(&t->segments, s, from, length, &t->fastLines);
        if (from < 0) return -U_MEMORY_ALLOCATION_ERROR;
        if (from == length) break;
        // A line the mask path cannot take (or any line, if it is off).
        const uint8_t *newline = memchr(s + from, '\n', (size_t)(length - from));
        int32_t to = newline ? (int32_t)(newline - s) + 1 : length;
        int fast = gk_fast_line(&t->lines, &t->segments, s, from, to);
        if (fast < 0) return -U_MEMORY_ALLOCATION_ERROR;
        if (fast) t->fastLines++;
        else {
            t->icuLines++;
            int32_t error = gk_icu_split(t->icu, &t->segments, s, from, to);
            if (error) return error;
        }
        from = to;
    }
    return 0;
}

int32_t gk_tokenizer_run(gk_tokenizer *t, const uint8_t *utf8, int32_t length, int32_t options) {
    int32_t error = segment(t, utf8, length, options);
    if (error) return error;
    if (!gk_reserve((void **)&t->tokens, &t->tokenCapacity, t->segments.count + 1, sizeof(gk_token))) return -U_MEMORY_ALLOCATION_ERROR;
    for (int32_t index = 0; index < t->segments.count; index++) {
        gk_segment segment = t->segments.items[index];
        gk_token *token = &t->tokens[index];
        token->start = segment.start;
        token->end = segment.end;
        token->kind = segment.kind;
        if (!gk_fold_word(t->folder, utf8 + segment.start, segment.end - segment.start, options, &t->folded, token)) return -U_MEMORY_ALLOCATION_ERROR;
    }
    return t->segments.count;
}

// Classifies the bytes between two words: a hard break (blank line, masked text), or the id of
// their signature in `gaps` (white-space runs as one space, U+2019 as ', other bytes kept). Must
// agree with Gap.signature in the Swift text layer.
static int32_t classifyGap(const uint8_t *s, int32_t from, int32_t to, const gk_lexicon *gaps, int *paragraph) {
    *paragraph = 0;
    if (to - from == 1 && s[from] == ' ') return gaps ? gk_lexicon_find(gaps, (const uint8_t *)" ", 1) : GK_GAP_UNKNOWN;
    uint8_t signature[64];
    int32_t length = 0, newlines = 0, inSpace = 0, tooLong = 0, hard = 0;
    for (int32_t i = from; i < to; i++) {
        uint8_t b = s[i];
        if (b == ' ' || b == '\t' || b == 0x0B || b == 0x0C || b == '\r') { inSpace = 1; continue; }
        if (b == '\n') {
            newlines++;
            if (newlines >= 2) { *paragraph = 1; hard = 1; }
            inSpace = 1;
            continue;
        }
        if (b == 0x1F) { hard = 1; continue; }
        if (b == 0xC2 && i + 1 < to && s[i + 1] == 0xA0) { inSpace = 1; i += 1; continue; }
        if (b == 0xE2 && i + 2 < to && s[i + 1] == 0x80) {
            uint8_t third = s[i + 2];
            if ((third >= 0x80 && third <= 0x8A) || third == 0xAF || third == 0xA8 || third == 0xA9) {
                inSpace = 1;
                if (third == 0xA8 || third == 0xA9) newlines++;
                i += 2;
                continue;
            }
            if (third == 0x99) {
                if (inSpace) { if (length < 64) signature[length++] = ' '; else tooLong = 1; inSpace = 0; }
                if (length < 64) signature[length++] = '\''; else tooLong = 1;
                newlines = 0;
                i += 2;
                continue;
            }
        }
        if (inSpace) { if (length < 64) signature[length++] = ' '; else tooLong = 1; inSpace = 0; }
        if (length < 64) signature[length++] = b; else tooLong = 1;
        newlines = 0;
    }
    if (hard) return GK_GAP_HARD;
    if (inSpace) { if (length < 64) signature[length++] = ' '; else tooLong = 1; }
    if (tooLong || !gaps) return GK_GAP_UNKNOWN;
    int32_t id = gk_lexicon_find(gaps, signature, length);
    return id >= 0 ? id : GK_GAP_UNKNOWN;
}

// Looks a folded word up: its id in `words` (and its accent-free form's), or its id among the
// text's unknown words in `types`. Fills everything of `word` but its position, gap and flags.
static int lookUp(gk_tokenizer *t, const gk_token *token, const gk_lexicon *words, gk_lexicon *types, gk_scanned *word) {
    const uint8_t *folded = t->folded.bytes + token->foldedStart;
    uint32_t hash = gk_lexicon_hash(folded, token->foldedLength);
    word->folded = words ? gk_lexicon_find_hashed(words, folded, token->foldedLength, hash) : -1;
    word->bare = token->bareStart == token->foldedStart
        ? word->folded
        : (words ? gk_lexicon_find(words, t->folded.bytes + token->bareStart, token->bareLength) : -1);
    word->type = -1;
    if (types && word->folded < 0) {
        if (token->bareStart == token->foldedStart) {
            word->type = gk_lexicon_insert_hashed(types, folded, token->foldedLength, hash);
        } else {
            // The bare form follows the folded one in the buffer; join them with a 0 byte.
            uint8_t *key = gk_malloc((size_t)(token->foldedLength + token->bareLength + 1));
            if (!key) return 0;
            memcpy(key, folded, (size_t)token->foldedLength);
            key[token->foldedLength] = 0;
            memcpy(key + token->foldedLength + 1, t->folded.bytes + token->bareStart, (size_t)token->bareLength);
            word->type = gk_lexicon_insert(types, key, token->foldedLength + token->bareLength + 1);
            gk_free(key);
        }
        if (word->type < 0) return 0;
    }
    return 1;
}

// The memo of distinct words: a text of a million words has a few tens of thousands of distinct
// ones, so each is folded and looked up once and every later occurrence costs one probe in a
// small table. An ASCII word is keyed by its folded form (lower-casing it is cheap and merges
// "The" with "the"); any other word by its bytes as written, which spares ICU's normalisers on
// every repeat. The two key sets cannot collide: only the second has bytes of 0x80 and above.
//
// A slot (32 bytes, two to a cache line) holds the key's first sixteen bytes, its length and the
// look-up results, so a repeated word of up to sixteen bytes is found with one memory access;
// longer keys compare the rest in the key store. Probes are made in batches whose slots are
// prefetched first, so that the table's cache misses overlap instead of following one another.
// The results depend on the lexicons the memo was filled with: a scan with other lexicons starts
// a new memo, and so does one that would outgrow MEMO_LIMIT words.
#define MEMO_LIMIT (1 << 18)
#define MEMO_LONG 2047
#define MEMO_INLINE 16
#define MEMO_BATCH 16

typedef struct gk_memo_slot_s {
    uint64_t head[2];       // the key's first sixteen bytes, zero-padded (keys never contain 0)
    uint32_t hash;
    uint32_t entry;         // entry index + 1 (0: empty) in the low 21 bits; min(length, MEMO_LONG) above
    int32_t id;             // the folded word's id (>= 0), or -2 - its type id, or -1 (neither)
    uint32_t lexiconFlags;  // the record's lexiconFlags
} gk_memo_slot;

// A word is in `words` or among the types, never both: one field holds either id.
static inline int32_t slotID(const gk_scanned *word) {
    return word->folded >= 0 ? word->folded : (word->type >= 0 ? -2 - word->type : -1);
}

static inline void fromSlotID(int32_t id, gk_scanned *word) {
    word->folded = id >= 0 ? id : -1;
    word->type = id <= -2 ? -2 - id : -1;
}

// The record's summary of the word table's values for its folded and accent-free ids (see
// gk_scanned.lexiconFlags).
static inline uint16_t lexiconFlags(const gk_scanned *word, const uint32_t *flags, int32_t count) {
    if (!flags) return 0;
    uint32_t folded = word->folded >= 0 && word->folded < count ? flags[word->folded] : 0;
    uint32_t bare = word->bare >= 0 && word->bare < count ? flags[word->bare] : 0;
    return (uint16_t)(((folded | bare) & 1u) | ((folded >> 15) & 0xFFFEu));
}

typedef struct gk_memo_entry_s {
    int64_t keyStart;       // in memoKeys
    int32_t bare;
    int32_t foldedStart;    // in memoFolded, for words not keyed by their folded form; else -1
    int32_t foldedLength;
} gk_memo_entry;

static int resetMemo(gk_tokenizer *t, const gk_lexicon *words, const gk_lexicon *types, const uint32_t *flags) {
    gk_free(t->memoSlots);
    t->memoSlotCount = 1 << 12;
    t->memoSlots = gk_calloc((size_t)t->memoSlotCount, sizeof(gk_memo_slot));
    t->memoCount = 0;
    t->memoKeysLength = 0;
    t->memoFoldedLength = 0;
    t->memoWords = words;
    t->memoTypes = types;
    t->memoFlags = flags;
    return t->memoSlots != NULL;
}

static inline void keyHead(const uint8_t *key, int32_t length, uint64_t head[2]) {
    head[0] = head[1] = 0;
    memcpy(head, key, (size_t)(length < MEMO_INLINE ? length : MEMO_INLINE));
}

// The slot of `key`: where it is, or the empty slot where it would go.
static gk_memo_slot *memoSlot(gk_tokenizer *t, const uint8_t *key, int32_t length, uint32_t hash, const uint64_t head[2]) {
    uint32_t mask = (uint32_t)t->memoSlotCount - 1;
    uint32_t lengthTag = (uint32_t)(length < MEMO_LONG ? length : MEMO_LONG) << 21;
    for (uint32_t index = hash & mask;; index = (index + 1) & mask) {
        gk_memo_slot *slot = &t->memoSlots[index];
        if (slot->entry == 0) return slot;
        if (slot->hash != hash || slot->head[0] != head[0] || slot->head[1] != head[1]
            || (slot->entry & ~0x1FFFFFu) != lengthTag) continue;
        if (length <= MEMO_INLINE) return slot;
        const gk_memo_entry *entry = &t->memoEntries[(slot->entry & 0x1FFFFFu) - 1];
        const uint8_t *stored = t->memoKeys + entry->keyStart;
        if (length >= MEMO_LONG) {
            int32_t storedLength;
            memcpy(&storedLength, stored, sizeof storedLength);
            if (storedLength != length) continue;
            stored += sizeof storedLength;
        }
        if (memcmp(stored + MEMO_INLINE, key + MEMO_INLINE, (size_t)(length - MEMO_INLINE)) == 0) return slot;
    }
}

static int growMemo(gk_tokenizer *t) {
    int32_t count = t->memoSlotCount * 2;
    gk_memo_slot *slots = gk_calloc((size_t)count, sizeof(gk_memo_slot));
    if (!slots) return 0;
    uint32_t mask = (uint32_t)count - 1;
    for (int32_t i = 0; i < t->memoSlotCount; i++) {
        if (t->memoSlots[i].entry == 0) continue;
        uint32_t index = t->memoSlots[i].hash & mask;
        while (slots[index].entry != 0) index = (index + 1) & mask;
        slots[index] = t->memoSlots[i];
    }
    gk_free(t->memoSlots);
    t->memoSlots = slots;
    t->memoSlotCount = count;
    return 1;
}

// Remembers `key` (not present) with the results in `word` and, when `foldedStart` >= 0, the
// folded form at that offset of the folded buffer. Returns 0 when memory runs out.
static int memoize(gk_tokenizer *t, const uint8_t *key, int32_t length, uint32_t hash, const uint64_t head[2],
                   const gk_scanned *word, int32_t foldedStart, int32_t foldedLength) {
    if ((t->memoCount + 1) * 2 > t->memoSlotCount && !growMemo(t)) return 0;
    int32_t storedLength = length >= MEMO_LONG ? length + (int32_t)sizeof(int32_t) : length;
    // A full memo (entry indices have 21 bits) remembers nothing more; the scan stays correct.
    if (t->memoKeysLength + storedLength > INT32_MAX / 2 || t->memoCount + 1 >= 0x1FFFFF) return 1;
    gk_memo_slot *slot = memoSlot(t, key, length, hash, head);
    if (!gk_reserve((void **)&t->memoEntries, &t->memoEntryCapacity, t->memoCount + 1, sizeof(gk_memo_entry))) return 0;
    if (!gk_reserve((void **)&t->memoKeys, &t->memoKeysCapacity, (int32_t)t->memoKeysLength + storedLength + 1, 1)) return 0;
    uint8_t *stored = t->memoKeys + t->memoKeysLength;
    if (length >= MEMO_LONG) { memcpy(stored, &length, sizeof length); stored += sizeof length; }
    memcpy(stored, key, (size_t)length);
    int32_t memoFolded = -1;
    if (foldedStart >= 0) {
        if (!gk_reserve((void **)&t->memoFolded, &t->memoFoldedCapacity, t->memoFoldedLength + foldedLength + 1, 1)) return 0;
        memcpy(t->memoFolded + t->memoFoldedLength, t->folded.bytes + foldedStart, (size_t)foldedLength);
        memoFolded = t->memoFoldedLength;
        t->memoFoldedLength += foldedLength;
    }
    t->memoEntries[t->memoCount] = (gk_memo_entry){ t->memoKeysLength, word->bare, memoFolded, foldedLength };
    t->memoKeysLength += storedLength;
    t->memoCount++;
    *slot = (gk_memo_slot){
        { head[0], head[1] }, hash,
        (uint32_t)t->memoCount | ((uint32_t)(length < MEMO_LONG ? length : MEMO_LONG) << 21),
        slotID(word), word->lexiconFlags };
    return 1;
}

// A word of a batch between its first look (fold if ASCII, hash, prefetch) and its probe.
typedef struct {
    int32_t keyOffset;      // ASCII: the key is the folded form, at this offset of the folded buffer
    int32_t ascii;
    uint32_t hash;
    uint64_t head[2];
} gk_pending;

// Finds (or folds, looks up and remembers) one word whose key was prepared in `pending`. A
// repeated non-ASCII word also needs its memo entry (accent-free id, folded form), which is
// elsewhere in memory: its index goes to *later, for finishRepeated, and is -1 otherwise.
static int resolveWord(gk_tokenizer *t, gk_scanned *word, const uint8_t *written, int32_t writtenLength,
                       const gk_pending *pending, const gk_lexicon *words, gk_lexicon *types,
                       const uint32_t *flags, int32_t flagCount, int32_t *later) {
    *later = -1;
    const uint8_t *key = pending->ascii ? t->folded.bytes + pending->keyOffset : written;
    gk_memo_slot *slot = memoSlot(t, key, writtenLength, pending->hash, pending->head);
    if (slot->entry != 0) {
        fromSlotID(slot->id, word);
        word->lexiconFlags = (uint16_t)slot->lexiconFlags;
        if (pending->ascii) {
            word->bare = word->folded;
            word->foldedStart = pending->keyOffset;
            word->foldedLength = writtenLength;
        } else {
            *later = (int32_t)(slot->entry & 0x1FFFFFu) - 1;
        }
        return 1;
    }
    // A new word: fold it (ICU for non-ASCII) and look it up, then remember the outcome.
    gk_token token;
    if (pending->ascii) {
        token.foldedStart = token.bareStart = pending->keyOffset;
        token.foldedLength = token.bareLength = writtenLength;
    } else {
        if (!gk_fold_word(t->folder, written, writtenLength, GK_FOLD_ACCENTS, &t->folded, &token)) return 0;
    }
    if (!lookUp(t, &token, words, types, word)) return 0;
    word->lexiconFlags = lexiconFlags(word, flags, flagCount);
    // Keep only the folded form in the buffer (the accent-free one was for the look-up).
    if (!pending->ascii) t->folded.length = token.foldedStart + token.foldedLength;
    word->foldedStart = token.foldedStart;
    word->foldedLength = token.foldedLength;
    key = pending->ascii ? t->folded.bytes + pending->keyOffset : written;
    return memoize(t, key, writtenLength, pending->hash, pending->head, word,
                   pending->ascii ? -1 : token.foldedStart, token.foldedLength);
}

// Completes a repeated non-ASCII word from its memo entry: its accent-free id, and its folded
// form copied to the folded buffer.
static int finishRepeated(gk_tokenizer *t, gk_scanned *word, int32_t entryIndex) {
    const gk_memo_entry *entry = &t->memoEntries[entryIndex];
    if (!gk_reserve((void **)&t->folded.bytes, &t->folded.capacity, t->folded.length + entry->foldedLength + 1, 1)) return 0;
    memcpy(t->folded.bytes + t->folded.length, t->memoFolded + entry->foldedStart, (size_t)entry->foldedLength);
    word->bare = entry->bare;
    word->foldedStart = t->folded.length;
    word->foldedLength = entry->foldedLength;
    t->folded.length += entry->foldedLength;
    return 1;
}

int32_t gk_tokenizer_split(gk_tokenizer *t, const uint8_t *utf8, int32_t length, int32_t options) {
    int32_t error = segment(t, utf8, length, options);
    return error ? error : t->segments.count;
}

int32_t gk_tokenizer_scan_words(gk_tokenizer *t, const uint8_t *utf8, int32_t length, int32_t base, const gk_lexicon *words,
                                const gk_lexicon *gaps, gk_lexicon *types, const uint32_t *flags, int32_t flagCount,
                                int32_t options, gk_scanned *scanned) {
    int useMemo = !(options & GK_FOLD_ICU_ONLY);
    if (useMemo && (!t->memoSlots || t->memoWords != words || t->memoTypes != types || t->memoFlags != flags
                    || t->memoCount >= MEMO_LIMIT)) {
        if (!resetMemo(t, words, types, flags)) return -U_MEMORY_ALLOCATION_ERROR;
    }
    gk_pending pending[MEMO_BATCH];
    for (int32_t batch = 0; batch < t->segments.count; batch += MEMO_BATCH) {
        int32_t batchEnd = batch + MEMO_BATCH < t->segments.count ? batch + MEMO_BATCH : t->segments.count;
        if (!useMemo) {
            for (int32_t index = batch; index < batchEnd; index++) {
                gk_segment segment = t->segments.items[index];
                gk_scanned *word = &scanned[index];
                gk_token token;
                if (!gk_fold_word(t->folder, utf8 + segment.start, segment.end - segment.start, GK_FOLD_ACCENTS | GK_FOLD_ICU_ONLY, &t->folded, &token)) {
                    return -U_MEMORY_ALLOCATION_ERROR;
                }
                if (!lookUp(t, &token, words, types, word)) return -U_MEMORY_ALLOCATION_ERROR;
                word->lexiconFlags = lexiconFlags(word, flags, flagCount);
                word->foldedStart = token.foldedStart;
                word->foldedLength = token.foldedLength;
            }
            continue;
        }
        // First look: lower-case ASCII words straight into the folded buffer (they are then their
        // own keys), hash every key and prefetch its slot. (Sixteen bytes to spare in the buffer:
        // a short word is stored as two whole 64-bit words.)
        // The batch's words lie in text order, so its span is at least their total length.
        int32_t batchBytes = t->segments.items[batchEnd - 1].end - t->segments.items[batch].start;
        if (!gk_reserve((void **)&t->folded.bytes, &t->folded.capacity, t->folded.length + batchBytes + 16, 1)) return -U_MEMORY_ALLOCATION_ERROR;
        uint32_t mask = (uint32_t)t->memoSlotCount - 1;
        for (int32_t index = batch; index < batchEnd; index++) {
            gk_segment segment = t->segments.items[index];
            const uint8_t *written = utf8 + segment.start;
            int32_t writtenLength = segment.end - segment.start;
            gk_pending *p = &pending[index - batch];
            uint8_t *out = t->folded.bytes + t->folded.length;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            if (writtenLength <= MEMO_INLINE && length - segment.start >= 16) {
                // Most words: up to sixteen bytes, with sixteen bytes of text from their start.
                // Two 64-bit words, cut to the word, are its key's head (zero-padded like
                // keyHead's), its folded form once lower-cased, and its hash, with no loop over
                // its bytes and no call.
                uint64_t first, second;
                memcpy(&first, written, 8);
                memcpy(&second, written + 8, 8);
                first &= writtenLength >= 8 ? ~0ull : ~(~0ull << (8 * writtenLength));
                second &= writtenLength <= 8 ? 0 : writtenLength == 16 ? ~0ull : ~(~0ull << (8 * (writtenLength - 8)));
                p->ascii = ((first | second) & BYTES(0x80)) == 0;
                p->keyOffset = t->folded.length;
                if (p->ascii) {
                    // An upper-case letter's test bit (0x80), shifted down twice, is its case bit.
                    first |= byteIn(first, 'A', 'Z') >> 2;
                    second |= byteIn(second, 'A', 'Z') >> 2;
                    memcpy(out, &first, 8);
                    memcpy(out + 8, &second, 8);
                    t->folded.length += writtenLength;
                }
                p->head[0] = first;
                p->head[1] = second;
                p->hash = gk_hash_short(first, second, writtenLength);
                __builtin_prefetch(&t->memoSlots[p->hash & mask]);
                continue;
            }
#endif
            uint8_t high = 0;
            for (int32_t k = 0; k < writtenLength; k++) {
                uint8_t c = written[k];
                high |= c;
                out[k] = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            p->ascii = high < 0x80;
            p->keyOffset = t->folded.length;
            const uint8_t *key = p->ascii ? out : written;
            if (p->ascii) t->folded.length += writtenLength;
            p->hash = gk_lexicon_hash(key, writtenLength);
            keyHead(key, writtenLength, p->head);
            __builtin_prefetch(&t->memoSlots[p->hash & mask]);
        }
        // Then the probes, whose slots are on their way to the cache. The memo entries of the
        // repeated non-ASCII words are fetched after them (and their folded forms after those),
        // so that these cache misses overlap too.
        int32_t laterWords[MEMO_BATCH], laterEntries[MEMO_BATCH], laterCount = 0;
        for (int32_t index = batch; index < batchEnd; index++) {
            gk_segment segment = t->segments.items[index];
            int32_t later;
            if (!resolveWord(t, &scanned[index], utf8 + segment.start, segment.end - segment.start,
                             &pending[index - batch], words, types, flags, flagCount, &later)) {
                return -U_MEMORY_ALLOCATION_ERROR;
            }
            if (later >= 0) {
                __builtin_prefetch(&t->memoEntries[later]);
                laterWords[laterCount] = index;
                laterEntries[laterCount++] = later;
            }
        }
        for (int32_t k = 0; k < laterCount; k++) {
            __builtin_prefetch(t->memoFolded + t->memoEntries[laterEntries[k]].foldedStart);
        }
        for (int32_t k = 0; k < laterCount; k++) {
            if (!finishRepeated(t, &scanned[laterWords[k]], laterEntries[k])) return -U_MEMORY_ALLOCATION_ERROR;
        }
    }
    int32_t spaceGap = gaps ? gk_lexicon_find(gaps, (const uint8_t *)" ", 1) : GK_GAP_UNKNOWN;
    int32_t previousEnd = 0;
    for (int32_t index = 0; index < t->segments.count; index++) {
        gk_segment segment = t->segments.items[index];
        gk_scanned *word = &scanned[index];
        word->start = segment.start + base;
        word->end = segment.end + base;
        word->kind = (uint8_t)segment.kind;
        int paragraph = 0;
        if (index == 0) {
            word->gap = GK_GAP_HARD;
            word->flags = GK_FLAG_PARAGRAPH;
        } else if (segment.start - previousEnd == 1 && utf8[previousEnd] == ' ') {
            word->gap = spaceGap;
            word->flags = 0;
        } else {
            word->gap = classifyGap(utf8, previousEnd, segment.start, gaps, &paragraph);
            word->flags = paragraph ? GK_FLAG_PARAGRAPH : 0;
        }
        previousEnd = segment.end;
    }
    return 0;
}

void gk_tokenizer_line_counts(const gk_tokenizer *t, int64_t *fast, int64_t *icu) {
    *fast = t->fastLines;
    *icu = t->icuLines;
}

const gk_token *gk_tokenizer_tokens(const gk_tokenizer *t) { return t->tokens; }

const uint8_t *gk_tokenizer_folded(const gk_tokenizer *t) { return t->folded.bytes; }

int32_t gk_tokenizer_folded_length(const gk_tokenizer *t) { return t->folded.length; }

void gk_tokenizer_forget(gk_tokenizer *t) {
    gk_free(t->memoSlots);
    t->memoSlots = NULL;
    t->memoCount = 0;
}

void gk_icu_version(char *out, int32_t capacity) {
    UVersionInfo version;
    u_getVersion(version);
    char buffer[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, buffer);
    strncpy(out, buffer, (size_t)capacity);
    if (capacity > 0) out[capacity - 1] = 0;
}
