// Folding: a word's NFKC_Casefold form (with U+2019 as '), and that form without combining marks
// (the accent-free key), as ICU's normalisers give them; ASCII words lower-cased directly, which
// is exactly what NFKC_Casefold does to them.
//
// State: a gk_folder, owned by one tokenizer: the three normalisers (ICU's shared instances)
// and the UTF-16 buffers a word passes through (word16, then scratch and scratch2 in turn), which
// only this file touches and which hold nothing between calls. The output goes to the caller's
// gk_bytes. Invariant: each folded form is appended whole, and a word's accent-free form, when it
// differs, right after its folded form.
#include "fold.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

struct gk_folder {
    const UNormalizer2 *casefold;   // NFKC_Casefold
    const UNormalizer2 *nfd;
    const UNormalizer2 *nfc;
    UChar *word16;                  // a non-ASCII word as UTF-16, for ICU's normalisers
    int32_t word16Capacity;
    UChar *scratch;                 // per-word normalisation buffers
    int32_t scratchCapacity;
    UChar *scratch2;
    int32_t scratch2Capacity;
};

gk_folder *gk_folder_create(int32_t *error) {
    gk_folder *folder = gk_calloc(1, sizeof(gk_folder));
    if (!folder) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    UErrorCode status = U_ZERO_ERROR;
    folder->casefold = unorm2_getNFKCCasefoldInstance(&status);
    folder->nfd = unorm2_getNFDInstance(&status);
    folder->nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) {
        *error = status;
        gk_folder_destroy(folder);
        return NULL;
    }
    *error = 0;
    return folder;
}

void gk_folder_destroy(gk_folder *folder) {
    if (!folder) return;
    gk_free(folder->word16);
    gk_free(folder->scratch);
    gk_free(folder->scratch2);
    gk_free(folder);
}

// Appends UTF-16 `u` of length `len` to `folded` as UTF-8.
static int appendUTF8(gk_bytes *folded, const UChar *u, int32_t len) {
    if (!gk_reserve((void **)&folded->bytes, &folded->capacity, (int64_t)folded->length + (int64_t)len * 3 + 1, 1)) return 0;
    uint8_t *out = folded->bytes + folded->length;
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
    folded->length += o;
    return 1;
}

// Normalises `in` into scratch buffer `which` (0 or 1), growing only that buffer, so that an
// input living in the other buffer stays valid.
static int32_t normalize(const UNormalizer2 *form, const UChar *in, int32_t len, UChar **out, gk_folder *folder, int which) {
    UChar **buffer = which == 0 ? &folder->scratch : &folder->scratch2;
    int32_t *capacity = which == 0 ? &folder->scratchCapacity : &folder->scratch2Capacity;
    if (!gk_reserve((void **)buffer, capacity, (int64_t)len * 3 + 16, sizeof(UChar))) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(form, in, len, *buffer, *capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (!gk_reserve((void **)buffer, capacity, (int64_t)n + 1, sizeof(UChar))) return -1;
        status = U_ZERO_ERROR;
        n = unorm2_normalize(form, in, len, *buffer, *capacity, &status);
    }
    if (U_FAILURE(status)) return -1;
    *out = *buffer;
    return n;
}

int gk_fold_word(gk_folder *folder, const uint8_t *bytes, int32_t byteLength, int32_t options, gk_bytes *folded, gk_token *token) {
    int ascii = !(options & GK_FOLD_ICU_ONLY);
    for (int32_t k = 0; ascii && k < byteLength; k++) if (bytes[k] >= 0x80) { ascii = 0; break; }
    token->foldedStart = folded->length;
    if (ascii) {
        // NFKC_Casefold of ASCII is ASCII lowercasing; skipping ICU here is exact, not approximate.
        if (!gk_reserve((void **)&folded->bytes, &folded->capacity, (int64_t)folded->length + byteLength + 1, 1)) return 0;
        uint8_t *out = folded->bytes + folded->length;
        for (int32_t k = 0; k < byteLength; k++) {
            uint8_t c = bytes[k];
            out[k] = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        folded->length += byteLength;
        token->foldedLength = byteLength;
        token->bareStart = token->foldedStart;
        token->bareLength = byteLength;
        return 1;
    }
    if (!gk_reserve((void **)&folder->word16, &folder->word16Capacity, (int64_t)byteLength + 1, sizeof(UChar))) return 0;
    int32_t len = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(folder->word16, folder->word16Capacity, &len, (const char *)bytes, byteLength, &status);
    if (U_FAILURE(status)) return 0;
    const UChar *word = folder->word16;
    UChar *casefolded;
    int32_t foldedLen = normalize(folder->casefold, word, len, &casefolded, folder, 0);
    if (foldedLen < 0) return 0;
    for (int32_t k = 0; k < foldedLen; k++) if (casefolded[k] == 0x2019) casefolded[k] = '\'';
    if (!appendUTF8(folded, casefolded, foldedLen)) return 0;
    token->foldedLength = folded->length - token->foldedStart;
    token->bareStart = token->foldedStart;
    token->bareLength = token->foldedLength;
    if (!(options & GK_FOLD_ACCENTS)) return 1;

    UChar *decomposed;
    int32_t decomposedLen = normalize(folder->nfd, casefolded, foldedLen, &decomposed, folder, 1);
    if (decomposedLen < 0) return 0;
    int32_t kept = 0, removed = 0;
    for (int32_t k = 0; k < decomposedLen; k++) {
        if (u_charType(decomposed[k]) == U_NON_SPACING_MARK) { removed++; continue; }
        decomposed[kept++] = decomposed[k];
    }
    if (removed == 0) return 1;
    // Recompose what is left (a base letter may still carry a spacing mark) into scratch 0.
    UChar *recomposed;
    int32_t recomposedLen = normalize(folder->nfc, decomposed, kept, &recomposed, folder, 0);
    if (recomposedLen < 0) return 0;
    token->bareStart = folded->length;
    if (!appendUTF8(folded, recomposed, recomposedLen)) return 0;
    token->bareLength = folded->length - token->bareStart;
    return 1;
}

int32_t gk_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -(int32_t)status;
    int32_t len16 = 0;
    u_strFromUTF8(NULL, 0, &len16, (const char *)utf8, length, &status);
    status = U_ZERO_ERROR;
    // NFC makes at most three units of one (Unicode's bound), and ICU's capacities are int32_t.
    int64_t normalizedCapacity = (int64_t)len16 * 3 + 4;
    if (normalizedCapacity > INT32_MAX) return -U_MEMORY_ALLOCATION_ERROR;
    UChar *in = gk_malloc(((size_t)len16 + 1) * sizeof(UChar));
    UChar *normalized = gk_malloc((size_t)normalizedCapacity * sizeof(UChar));
    if (!in || !normalized) { gk_free(in); gk_free(normalized); return -U_MEMORY_ALLOCATION_ERROR; }
    u_strFromUTF8(in, len16 + 1, NULL, (const char *)utf8, length, &status);
    int32_t n = unorm2_normalize(nfc, in, len16, normalized, (int32_t)normalizedCapacity, &status);
    int32_t needed = 0;
    if (U_SUCCESS(status)) {
        u_strToUTF8((char *)out, capacity, &needed, normalized, n, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    }
    gk_free(in);
    gk_free(normalized);
    if (U_FAILURE(status)) return -(int32_t)status;
    return needed;
}
