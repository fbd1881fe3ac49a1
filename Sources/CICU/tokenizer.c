// Word tokenising and folding over system ICU. The only file that includes ICU's headers
//, so that no Swift module ever sees them.
#include "CICU.h"
#include "lexicon_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

struct gk_tokenizer {
    UBreakIterator *breaker;
    const UNormalizer2 *casefold;   // NFKC_Casefold
    const UNormalizer2 *nfd;
    const UNormalizer2 *nfc;

    UChar *text16;          // the input as UTF-16
    int32_t cursor;         // UTF-16 offset of the current break
    int32_t *byteOffsets;   // byte offset of each UTF-16 unit, plus one past the end
    int32_t text16Capacity;

    gk_token *tokens;
    int32_t tokenCapacity;

    gk_scanned *scanned;
    int32_t scannedCapacity;

    uint8_t *folded;
    int32_t foldedLength;
    int32_t foldedCapacity;

    UChar *scratch;         // per-word normalisation buffers
    int32_t scratchCapacity;
    UChar *scratch2;
    int32_t scratch2Capacity;
};

static int grow(void **buffer, int32_t *capacity, int32_t needed, size_t elementSize) {
    if (needed <= *capacity) return 1;
    int32_t newCapacity = *capacity > 0 ? *capacity : 256;
    while (newCapacity < needed) newCapacity *= 2;
    void *grown = realloc(*buffer, (size_t)newCapacity * elementSize);
    if (!grown) return 0;
    *buffer = grown;
    *capacity = newCapacity;
    return 1;
}

gk_tokenizer *gk_tokenizer_create(int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    gk_tokenizer *t = calloc(1, sizeof(gk_tokenizer));
    if (!t) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    t->breaker = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    t->casefold = unorm2_getNFKCCasefoldInstance(&status);
    t->nfd = unorm2_getNFDInstance(&status);
    t->nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) {
        *error = status;
        gk_tokenizer_destroy(t);
        return NULL;
    }
    *error = 0;
    return t;
}

void gk_tokenizer_destroy(gk_tokenizer *t) {
    if (!t) return;
    if (t->breaker) ubrk_close(t->breaker);
    free(t->text16);
    free(t->byteOffsets);
    free(t->tokens);
    free(t->scanned);
    free(t->folded);
    free(t->scratch);
    free(t->scratch2);
    free(t);
}

// Decodes well-formed UTF-8 into UTF-16, remembering where each unit came from. The input was
// validated by the caller; a malformed sequence is still decoded defensively as U+FFFD.
static int32_t decode(gk_tokenizer *t, const uint8_t *s, int32_t length) {
    if (!grow((void **)&t->text16, &t->text16Capacity, length + 1, sizeof(UChar))) return -1;
    int32_t offsetsCapacity = t->text16Capacity;
    t->byteOffsets = realloc(t->byteOffsets, (size_t)offsetsCapacity * sizeof(int32_t));
    if (!t->byteOffsets) return -1;
    int32_t i = 0, n = 0;
    while (i < length) {
        uint8_t b = s[i];
        uint32_t c;
        int32_t size;
        if (b < 0x80) { c = b; size = 1; }
        else if ((b & 0xE0) == 0xC0 && i + 1 < length) { c = ((b & 0x1F) << 6) | (s[i+1] & 0x3F); size = 2; }
        else if ((b & 0xF0) == 0xE0 && i + 2 < length) { c = ((b & 0x0F) << 12) | ((s[i+1] & 0x3F) << 6) | (s[i+2] & 0x3F); size = 3; }
        else if ((b & 0xF8) == 0xF0 && i + 3 < length) { c = ((b & 0x07) << 18) | ((s[i+1] & 0x3F) << 12) | ((s[i+2] & 0x3F) << 6) | (s[i+3] & 0x3F); size = 4; }
        else { c = 0xFFFD; size = 1; }
        if (c >= 0x10000) {
            c -= 0x10000;
            t->byteOffsets[n] = i; t->text16[n++] = (UChar)(0xD800 + (c >> 10));
            t->byteOffsets[n] = i; t->text16[n++] = (UChar)(0xDC00 + (c & 0x3FF));
        } else {
            t->byteOffsets[n] = i; t->text16[n++] = (UChar)c;
        }
        i += size;
    }
    t->byteOffsets[n] = length;
    return n;
}

// Appends UTF-16 `u` of length `len` to the folded buffer as UTF-8.
static int appendUTF8(gk_tokenizer *t, const UChar *u, int32_t len) {
    if (!grow((void **)&t->folded, &t->foldedCapacity, t->foldedLength + len * 3 + 1, 1)) return 0;
    uint8_t *out = t->folded + t->foldedLength;
    int32_t o = 0;
    for (int32_t k = 0; k < len; k++) {
        uint32_t c = u[k];
        if (c >= 0xD800 && c < 0xDC00 && k + 1 < len && u[k+1] >= 0xDC00 && u[k+1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (u[k+1] - 0xDC00);
            k++;
        }
        if (c < 0x80) out[o++] = (uint8_t)c;
        else if (c < 0x800) { out[o++] = 0xC0 | (c >> 6); out[o++] = 0x80 | (c & 0x3F); }
        else if (c < 0x10000) { out[o++] = 0xE0 | (c >> 12); out[o++] = 0x80 | ((c >> 6) & 0x3F); out[o++] = 0x80 | (c & 0x3F); }
        else { out[o++] = 0xF0 | (c >> 18); out[o++] = 0x80 | ((c >> 12) & 0x3F); out[o++] = 0x80 | ((c >> 6) & 0x3F); out[o++] = 0x80 | (c & 0x3F); }
    }
    t->foldedLength += o;
    return 1;
}

// Normalises `in` into scratch buffer `which` (0 or 1), growing only that buffer, so that an
// input living in the other buffer stays valid.
static int32_t normalize(const UNormalizer2 *form, const UChar *in, int32_t len, UChar **out, gk_tokenizer *t, int which) {
    UChar **buffer = which == 0 ? &t->scratch : &t->scratch2;
    int32_t *capacity = which == 0 ? &t->scratchCapacity : &t->scratch2Capacity;
    if (*capacity < len * 3 + 16) {
        if (!grow((void **)buffer, capacity, len * 3 + 16, sizeof(UChar))) return -1;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(form, in, len, *buffer, *capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (!grow((void **)buffer, capacity, n + 1, sizeof(UChar))) return -1;
        status = U_ZERO_ERROR;
        n = unorm2_normalize(form, in, len, *buffer, *capacity, &status);
    }
    if (U_FAILURE(status)) return -1;
    *out = *buffer;
    return n;
}

static int32_t kindOf(int32_t ruleStatus) {
    if (ruleStatus >= UBRK_WORD_IDEO && ruleStatus < UBRK_WORD_IDEO_LIMIT) return GK_TOKEN_IDEO;
    if (ruleStatus >= UBRK_WORD_KANA && ruleStatus < UBRK_WORD_KANA_LIMIT) return GK_TOKEN_KANA;
    if (ruleStatus >= UBRK_WORD_LETTER && ruleStatus < UBRK_WORD_LETTER_LIMIT) return GK_TOKEN_LETTER;
    if (ruleStatus >= UBRK_WORD_NUMBER && ruleStatus < UBRK_WORD_NUMBER_LIMIT) return GK_TOKEN_NUMBER;
    return 0;
}

// Folds one word (UTF-16) into the folded buffer, filling the token's folded and bare ranges.
static int foldWord(gk_tokenizer *t, const UChar *word, int32_t len, int32_t options, gk_token *token) {
    int ascii = !(options & GK_FOLD_ICU_ONLY);
    for (int32_t k = 0; ascii && k < len; k++) if (word[k] >= 0x80) { ascii = 0; break; }
    token->foldedStart = t->foldedLength;
    if (ascii) {
        // NFKC_Casefold of ASCII is ASCII lowercasing; skipping ICU here is exact, not approximate.
        if (!grow((void **)&t->folded, &t->foldedCapacity, t->foldedLength + len + 1, 1)) return 0;
        for (int32_t k = 0; k < len; k++) {
            UChar c = word[k];
            t->folded[t->foldedLength++] = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        token->foldedLength = len;
        token->bareStart = token->foldedStart;
        token->bareLength = len;
        return 1;
    }
    UChar *folded;
    int32_t foldedLen = normalize(t->casefold, word, len, &folded, t, 0);
    if (foldedLen < 0) return 0;
    for (int32_t k = 0; k < foldedLen; k++) if (folded[k] == 0x2019) folded[k] = '\'';
    if (!appendUTF8(t, folded, foldedLen)) return 0;
    token->foldedLength = t->foldedLength - token->foldedStart;
    token->bareStart = token->foldedStart;
    token->bareLength = token->foldedLength;
    if (!(options & GK_FOLD_ACCENTS)) return 1;

    UChar *decomposed;
    int32_t decomposedLen = normalize(t->nfd, folded, foldedLen, &decomposed, t, 1);
    if (decomposedLen < 0) return 0;
    int32_t kept = 0, removed = 0;
    for (int32_t k = 0; k < decomposedLen; k++) {
        if (u_charType(decomposed[k]) == U_NON_SPACING_MARK) { removed++; continue; }
        decomposed[kept++] = decomposed[k];
    }
    if (removed == 0) return 1;
    // Recompose what is left (a base letter may still carry a spacing mark) into scratch 0.
    UChar *recomposed;
    int32_t recomposedLen = normalize(t->nfc, decomposed, kept, &recomposed, t, 0);
    if (recomposedLen < 0) return 0;
    token->bareStart = t->foldedLength;
    if (!appendUTF8(t, recomposed, recomposedLen)) return 0;
    token->bareLength = t->foldedLength - token->bareStart;
    return 1;
}

// Starts a run: decodes the text and hands it to the break iterator. Returns 0 or a negative
// ICU error code.
static int32_t beginRun(gk_tokenizer *t, const uint8_t *utf8, int32_t length) {
    t->foldedLength = 0;
    int32_t n16 = decode(t, utf8, length);
    if (n16 < 0) return -U_MEMORY_ALLOCATION_ERROR;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(t->breaker, t->text16, n16, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    t->cursor = ubrk_first(t->breaker);
    return 0;
}

// The next word of the run (skipping spaces and punctuation): its UTF-16 range and kind.
// Returns 0 at the end.
static int nextWord(gk_tokenizer *t, int32_t *start, int32_t *end, int32_t *kind) {
    for (int32_t next = ubrk_next(t->breaker); next != UBRK_DONE; next = ubrk_next(t->breaker)) {
        int32_t segmentKind = kindOf(ubrk_getRuleStatus(t->breaker));
        int32_t from = t->cursor;
        t->cursor = next;
        if (segmentKind == 0) continue;
        *start = from;
        *end = next;
        *kind = segmentKind;
        return 1;
    }
    return 0;
}

int32_t gk_tokenizer_run(gk_tokenizer *t, const uint8_t *utf8, int32_t length, int32_t options) {
    int32_t error = beginRun(t, utf8, length);
    if (error) return error;
    int32_t count = 0, start, end, kind;
    while (nextWord(t, &start, &end, &kind)) {
        if (!grow((void **)&t->tokens, &t->tokenCapacity, count + 1, sizeof(gk_token))) return -U_MEMORY_ALLOCATION_ERROR;
        gk_token *token = &t->tokens[count];
        token->start = t->byteOffsets[start];
        token->end = t->byteOffsets[end];
        token->kind = kind;
        if (!foldWord(t, t->text16 + start, end - start, options, token)) return -U_MEMORY_ALLOCATION_ERROR;
        count++;
    }
    return count;
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

int32_t gk_tokenizer_scan(gk_tokenizer *t, const uint8_t *utf8, int32_t length, const gk_lexicon *words, const gk_lexicon *gaps, gk_lexicon *types) {
    int32_t error = beginRun(t, utf8, length);
    if (error) return error;
    int32_t count = 0, previousEnd = 0, start, end, kind;
    gk_token token;
    while (nextWord(t, &start, &end, &kind)) {
        if (!grow((void **)&t->scanned, &t->scannedCapacity, count + 1, sizeof(gk_scanned))) return -U_MEMORY_ALLOCATION_ERROR;
        gk_scanned *word = &t->scanned[count];
        word->start = t->byteOffsets[start];
        word->end = t->byteOffsets[end];
        word->kind = (uint8_t)kind;
        if (!foldWord(t, t->text16 + start, end - start, GK_FOLD_ACCENTS, &token)) return -U_MEMORY_ALLOCATION_ERROR;
        word->foldedStart = token.foldedStart;
        word->foldedLength = token.foldedLength;
        uint32_t hash = gk_lexicon_hash(t->folded + token.foldedStart, token.foldedLength);
        word->folded = words ? gk_lexicon_find_hashed(words, t->folded + token.foldedStart, token.foldedLength, hash) : -1;
        word->bare = token.bareStart == token.foldedStart
            ? word->folded
            : (words ? gk_lexicon_find(words, t->folded + token.bareStart, token.bareLength) : -1);
        word->type = -1;
        if (types && word->folded < 0) {
            if (token.bareStart == token.foldedStart) {
                word->type = gk_lexicon_insert_hashed(types, t->folded + token.foldedStart, token.foldedLength, hash);
            } else {
                // The bare form follows the folded one in the buffer; join them with a 0 byte.
                uint8_t *key = malloc((size_t)(token.foldedLength + token.bareLength + 1));
                if (!key) return -U_MEMORY_ALLOCATION_ERROR;
                memcpy(key, t->folded + token.foldedStart, (size_t)token.foldedLength);
                key[token.foldedLength] = 0;
                memcpy(key + token.foldedLength + 1, t->folded + token.bareStart, (size_t)token.bareLength);
                word->type = gk_lexicon_insert(types, key, token.foldedLength + token.bareLength + 1);
                free(key);
            }
            if (word->type < 0) return -U_MEMORY_ALLOCATION_ERROR;
        }
        int paragraph = 0;
        if (count == 0) {
            word->gap = GK_GAP_HARD;
            word->flags = GK_FLAG_PARAGRAPH;
        } else {
            word->gap = classifyGap(utf8, previousEnd, word->start, gaps, &paragraph);
            word->flags = paragraph ? GK_FLAG_PARAGRAPH : 0;
        }
        previousEnd = word->end;
        count++;
    }
    return count;
}

const gk_scanned *gk_tokenizer_scanned(const gk_tokenizer *t) { return t->scanned; }

const gk_token *gk_tokenizer_tokens(const gk_tokenizer *t) { return t->tokens; }

const uint8_t *gk_tokenizer_folded(const gk_tokenizer *t) { return t->folded; }

int32_t gk_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -(int32_t)status;
    int32_t len16 = 0;
    u_strFromUTF8(NULL, 0, &len16, (const char *)utf8, length, &status);
    status = U_ZERO_ERROR;
    UChar *in = malloc((size_t)(len16 + 1) * sizeof(UChar));
    UChar *normalized = malloc((size_t)(len16 * 3 + 4) * sizeof(UChar));
    if (!in || !normalized) { free(in); free(normalized); return -U_MEMORY_ALLOCATION_ERROR; }
    u_strFromUTF8(in, len16 + 1, NULL, (const char *)utf8, length, &status);
    int32_t n = unorm2_normalize(nfc, in, len16, normalized, len16 * 3 + 4, &status);
    int32_t needed = 0;
    if (U_SUCCESS(status)) {
        u_strToUTF8((char *)out, capacity, &needed, normalized, n, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    }
    free(in);
    free(normalized);
    if (U_FAILURE(status)) return -(int32_t)status;
    return needed;
}

void gk_icu_version(char *out, int32_t capacity) {
    UVersionInfo version;
    u_getVersion(version);
    char buffer[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, buffer);
    strncpy(out, buffer, (size_t)capacity);
    if (capacity > 0) out[capacity - 1] = 0;
}
