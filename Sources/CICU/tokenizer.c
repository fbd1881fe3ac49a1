// The scan driver: gk_tokenizer, which splits a text into words with the splitters of the other
// files, then completes each word (folds it, looks it up, remembers it) for the Swift layer.
//
// The tokenizer's files, by concern:
//   buffer.c     how buffers grow; the allocation calls all of them go through
//   segments.h   the list of word segments every splitter appends to
//   blocks.c     the mask path: mostly ASCII lines, 64 bytes at a time as bit masks
//   wordbreak.c  the UAX #29 state machine, for the lines the masks cannot take
//   icubreak.c   ICU's break iterator: the reference, and the lines the state machine cannot take
//   fold.c       folding with ICU's normalisers (NFKC_Casefold, the accent-free form); gk_nfc
//   memo.c       the memo of distinct words
// Only .c files include ICU's headers (so no Swift module ever sees them): the concerns that hold
// ICU objects (gk_icu_splitter, gk_folder) are opaque to the others.
//
// State: a tokenizer owns one of each concern's state, composed below, and touches it only
// through that concern's functions; of its own it keeps the tokens of the last run, the folded
// forms of the last split's words, and the line counters. Invariants:
// - after a split, `segments` holds the text's words in text order and `folded` is empty; a scan
//   or a run appends the words' folded forms to it, and each record or token points into it;
// - `tokens` has room for the words of the last run;
// - the memo only answers for the lexicons and flags it was last reset with (see memo.c).
#include "CICU.h"
#include "blocks.h"
#include "buffer.h"
#include "fold.h"
#include "icubreak.h"
#include "memo.h"
#include "segments.h"
#include "swar.h"
#include "wordbreak.h"
#include "lexicon_internal.h"

#include <string.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

struct gk_tokenizer {
    gk_segment_list segments;   // the words of the last split
    gk_bytes folded;            // the folded forms of the last scan's or run's words
    gk_memo memo;               // the distinct words of the texts scanned (see gk_tokenizer_scan_words)
    gk_line_scratch lines;      // the state machine's classes and byte offsets of a line
    gk_icu_splitter *icu;       // ICU's break iterator and its UTF-16 copy of a line
    gk_folder *folder;          // ICU's normalisers and their buffers

    gk_token *tokens;           // the words of the last gk_tokenizer_run
    int32_t tokenCapacity;

    int64_t fastLines;          // lines split by the fast paths and by ICU, for tests and benchmarks
    int64_t icuLines;
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
    gk_memo_free(&t->memo);
    gk_free(t->segments.items);
    gk_line_scratch_free(&t->lines);
    gk_free(t->tokens);
    gk_free(t->folded.bytes);
    gk_folder_destroy(t->folder);
    gk_free(t);
}

// Splits the text into word segments (t->segments), line by line: runs of lines of ASCII and
// letters 64 bytes at a time, other lines with the state machine where it applies, ICU's break
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
        switch (gk_fast_line(&t->lines, &t->segments, s, from, to)) {
        case GK_LINE_SPLIT:
            t->fastLines++;
            break;
        case GK_LINE_FOR_ICU: {
            t->icuLines++;
            int32_t error = gk_icu_split(t->icu, &t->segments, s, from, to);
            if (error) return error;
            break;
        }
        case GK_LINE_NO_MEMORY:
            return -U_MEMORY_ALLOCATION_ERROR;
        }
        from = to;
    }
    return 0;
}

int32_t gk_tokenizer_run(gk_tokenizer *t, const uint8_t *utf8, int32_t length, int32_t options) {
    int32_t error = segment(t, utf8, length, options);
    if (error) return error;
    if (!gk_reserve((void **)&t->tokens, &t->tokenCapacity, (int64_t)t->segments.count + 1, sizeof(gk_token))) return -U_MEMORY_ALLOCATION_ERROR;
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
// their signature in `gaps` (white-space runs as one space, U+2019 as ', invisible characters
// and transparent markup (0x1E) left out, a hyphen that ends a line as "-\n", other bytes
// kept). Must agree with Gap.signature in the Swift text layer.
// Not inlined: the caller calls it only for a gap that is not one space, and inlined its
// branches for Unicode spaces and invisible characters cost the per-word loops of the caller
// registers (callgrind counted ~4 more instructions per word of a text).
__attribute__((noinline))
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
        // Transparent Markdown markup (MarkdownMasker.ignored): nothing, like an invisible character.
        if (b == 0x1E) continue;
        if (b >= 0xC2) {
            if (b == 0xC2 && i + 1 < to && s[i + 1] == 0xA0) { inSpace = 1; i += 1; continue; }
            // Soft hyphen, word joiner, zero-width no-break space: invisible, so nothing.
            if (b == 0xC2 && i + 1 < to && s[i + 1] == 0xAD) { i += 1; continue; }
            if (b == 0xE2 && i + 2 < to && s[i + 1] == 0x81 && s[i + 2] == 0xA0) { i += 2; continue; }
            if (b == 0xEF && i + 2 < to && s[i + 1] == 0xBB && s[i + 2] == 0xBF) { i += 2; continue; }
            if (b == 0xE2 && i + 2 < to && s[i + 1] == 0x80) {
                uint8_t third = s[i + 2];
                // Zero-width space, non-joiner and joiner: invisible too.
                if (third >= 0x8B && third <= 0x8D) { i += 2; continue; }
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
        }
        if (inSpace) { if (length < 64) signature[length++] = ' '; else tooLong = 1; inSpace = 0; }
        if (length < 64) signature[length++] = b; else tooLong = 1;
        newlines = 0;
    }
    if (hard) return GK_GAP_HARD;
    // A hyphen at the end of a line: a word hyphenated across the line break, or a hyphenated
    // compound broken there; the matcher tells which.
    if (inSpace && newlines == 1 && length == 1 && signature[0] == '-') signature[length++] = '\n';
    else if (inSpace) { if (length < 64) signature[length++] = ' '; else tooLong = 1; }
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
            int64_t keyLength = (int64_t)token->foldedLength + token->bareLength + 1;
            if (keyLength > INT32_MAX) return 0;
            uint8_t *key = gk_malloc((size_t)keyLength);
            if (!key) return 0;
            memcpy(key, folded, (size_t)token->foldedLength);
            key[token->foldedLength] = 0;
            memcpy(key + token->foldedLength + 1, t->folded.bytes + token->bareStart, (size_t)token->bareLength);
            word->type = gk_lexicon_insert(types, key, (int32_t)keyLength);
            gk_free(key);
        }
        if (word->type < 0) return 0;
    }
    return 1;
}

// Words per batch of a scan: their slots are prefetched together before any is probed.
#define MEMO_BATCH 16

// The record's summary of the word table's values for its folded and accent-free ids (see
// gk_scanned.lexiconFlags).
static inline uint16_t lexiconFlags(const gk_scanned *word, const uint32_t *flags, int32_t count) {
    if (!flags) return 0;
    uint32_t folded = word->folded >= 0 && word->folded < count ? flags[word->folded] : 0;
    uint32_t bare = word->bare >= 0 && word->bare < count ? flags[word->bare] : 0;
    return (uint16_t)(((folded | bare) & 1u) | ((folded >> 15) & 0xFFFEu));
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
// elsewhere in memory: its index goes to *later, for gk_memo_complete, and is -1 otherwise.
static int resolveWord(gk_tokenizer *t, gk_scanned *word, const uint8_t *written, int32_t writtenLength,
                       const gk_pending *pending, const gk_lexicon *words, gk_lexicon *types,
                       const uint32_t *flags, int32_t flagCount, int32_t *later) {
    *later = -1;
    const uint8_t *key = pending->ascii ? t->folded.bytes + pending->keyOffset : written;
    gk_memo_slot *slot = gk_memo_probe(&t->memo, key, writtenLength, pending->hash, pending->head);
    if (gk_memo_found(slot)) {
        gk_memo_recall(slot, word);
        if (pending->ascii) {
            word->bare = word->folded;
            word->foldedStart = pending->keyOffset;
            word->foldedLength = writtenLength;
        } else {
            *later = gk_memo_entry_index(slot);
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
    return gk_memo_remember(&t->memo, key, writtenLength, pending->hash, pending->head, word,
                            pending->ascii ? NULL : t->folded.bytes + token.foldedStart, token.foldedLength);
}

int32_t gk_tokenizer_split(gk_tokenizer *t, const uint8_t *utf8, int32_t length, int32_t options) {
    int32_t error = segment(t, utf8, length, options);
    return error ? error : t->segments.count;
}

int32_t gk_tokenizer_scan_words(gk_tokenizer *t, const uint8_t *utf8, int32_t length, int32_t base, const gk_lexicon *words,
                                const gk_lexicon *gaps, gk_lexicon *types, const uint32_t *flags, int32_t flagCount,
                                int32_t options, gk_scanned *scanned) {
    int useMemo = !(options & GK_FOLD_ICU_ONLY);
    if (useMemo && !gk_memo_serves(&t->memo, words, types, flags)) {
        if (!gk_memo_reset(&t->memo, words, types, flags)) return -U_MEMORY_ALLOCATION_ERROR;
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
        if (!gk_reserve((void **)&t->folded.bytes, &t->folded.capacity, (int64_t)t->folded.length + batchBytes + 16, 1)) return -U_MEMORY_ALLOCATION_ERROR;
        gk_memo_prefetcher prefetcher = gk_memo_prefetcher_of(&t->memo);
        for (int32_t index = batch; index < batchEnd; index++) {
            gk_segment segment = t->segments.items[index];
            const uint8_t *written = utf8 + segment.start;
            int32_t writtenLength = segment.end - segment.start;
            gk_pending *p = &pending[index - batch];
            uint8_t *out = t->folded.bytes + t->folded.length;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            if (writtenLength <= GK_MEMO_INLINE && length - segment.start >= 16) {
                // Most words: up to sixteen bytes, with sixteen bytes of text from their start.
                // Two 64-bit words, cut to the word, are its key's head (zero-padded like
                // gk_memo_key_head's), its folded form once lower-cased, and its hash, with no loop over
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
                gk_memo_prefetch(prefetcher, p->hash);
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
            gk_memo_key_head(key, writtenLength, p->head);
            gk_memo_prefetch(prefetcher, p->hash);
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
                gk_memo_prefetch_entry(&t->memo, later);
                laterWords[laterCount] = index;
                laterEntries[laterCount++] = later;
            }
        }
        for (int32_t k = 0; k < laterCount; k++) {
            gk_memo_prefetch_folded(&t->memo, laterEntries[k]);
        }
        for (int32_t k = 0; k < laterCount; k++) {
            if (!gk_memo_complete(&t->memo, laterEntries[k], &scanned[laterWords[k]], &t->folded)) return -U_MEMORY_ALLOCATION_ERROR;
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
    gk_memo_forget(&t->memo);
}

void gk_icu_version(char *out, int32_t capacity) {
    UVersionInfo version;
    u_getVersion(version);
    char buffer[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, buffer);
    strncpy(out, buffer, (size_t)capacity);
    if (capacity > 0) out[capacity - 1] = 0;
}
