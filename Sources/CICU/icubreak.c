// ICU's break iterator as a splitter: the reference that the fast paths must agree with, and
// the splitter of every line they cannot take (Hebrew, CJK, emoji, marks after non-letters, zero-
// width spaces…). ICU breaks a word at a zero-width space; inside a Latin word it is invisible,
// so the halves are joined again here, after ICU, which the fast paths leave every such line to.
//
// State: a gk_icu_splitter, owned by one tokenizer: the break iterator, and the line being split
// as UTF-16 (text16) with the byte offset each unit came from (byteOffsets, one more entry than
// units, for the end). Only this file touches them. Invariant: text16 has room for
// text16Capacity units and byteOffsets for offsetCapacity entries, each grown on its own, so
// that a buffer that cannot grow stays as it was (and is freed with the splitter).
#include "icubreak.h"
#include "CICU.h"
#include "wordbreak.h"

#include <unicode/ubrk.h>

struct gk_icu_splitter {
    UBreakIterator *breaker;
    UChar *text16;          // a line given to ICU, as UTF-16
    int32_t text16Capacity;
    int32_t *byteOffsets;   // byte offset of each UTF-16 unit, plus one past the end
    int32_t offsetCapacity;
};

gk_icu_splitter *gk_icu_splitter_create(int32_t *error) {
    gk_icu_splitter *icu = gk_calloc(1, sizeof(gk_icu_splitter));
    if (!icu) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    UErrorCode status = U_ZERO_ERROR;
    icu->breaker = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    if (U_FAILURE(status)) {
        *error = status;
        gk_icu_splitter_destroy(icu);
        return NULL;
    }
    *error = 0;
    return icu;
}

void gk_icu_splitter_destroy(gk_icu_splitter *icu) {
    if (!icu) return;
    if (icu->breaker) ubrk_close(icu->breaker);
    gk_free(icu->text16);
    gk_free(icu->byteOffsets);
    gk_free(icu);
}

// Decodes well-formed UTF-8 into UTF-16, remembering where each unit came from. The input was
// validated by the caller; a malformed sequence is still decoded defensively as U+FFFD.
static int32_t decode(gk_icu_splitter *icu, const uint8_t *s, int32_t length) {
    // A line of n bytes has at most n UTF-16 units (a unit per byte at most, two for the four
    // bytes of a supplementary code point), and the offsets one more, for the end.
    if (!gk_reserve((void **)&icu->text16, &icu->text16Capacity, (int64_t)length + 1, sizeof(UChar))) return -1;
    if (!gk_reserve((void **)&icu->byteOffsets, &icu->offsetCapacity, (int64_t)length + 1, sizeof(int32_t))) return -1;
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
            icu->byteOffsets[n] = i; icu->text16[n++] = (UChar)(0xD800 + (c >> 10));
            icu->byteOffsets[n] = i; icu->text16[n++] = (UChar)(0xDC00 + (c & 0x3FF));
        } else {
            icu->byteOffsets[n] = i; icu->text16[n++] = (UChar)c;
        }
        i += size;
    }
    icu->byteOffsets[n] = length;
    return n;
}

static int32_t kindOf(int32_t ruleStatus) {
    if (ruleStatus >= UBRK_WORD_IDEO && ruleStatus < UBRK_WORD_IDEO_LIMIT) return GK_TOKEN_IDEO;
    if (ruleStatus >= UBRK_WORD_KANA && ruleStatus < UBRK_WORD_KANA_LIMIT) return GK_TOKEN_KANA;
    if (ruleStatus >= UBRK_WORD_LETTER && ruleStatus < UBRK_WORD_LETTER_LIMIT) return GK_TOKEN_LETTER;
    if (ruleStatus >= UBRK_WORD_NUMBER && ruleStatus < UBRK_WORD_NUMBER_LIMIT) return GK_TOKEN_NUMBER;
    return 0;
}

// The word-break class (wordbreak.h) of the code point of one to three bytes at s[i] (i < to),
// or WB_UNHANDLED for any other (four bytes, malformed).
static uint8_t classAt(const uint8_t *s, int32_t i, int32_t to) {
    uint8_t b = s[i];
    if (b < 0x80) return gk_word_break_class(b);
    if ((b & 0xE0) == 0xC0 && to - i >= 2) return gk_word_break_class(((b & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu));
    if ((b & 0xF0) == 0xE0 && to - i >= 3) {
        return gk_word_break_class(((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu));
    }
    return WB_UNHANDLED;
}

// Whether the word segments `left` and `right` of s[from..to) are one word split by zero-width
// spaces: only U+200B lies between them, the code point before it is a letter, digit or mark and
// the one after it a letter or digit, all of the scripts the fast path knows (Latin, Greek,
// Cyrillic). Scripts written without spaces (Thai, Khmer, CJK) use U+200B between words, and
// keep it there.
static int splitByZeroWidthSpace(const uint8_t *s, int32_t from, int32_t to, const gk_segment *left, const gk_segment *right) {
    if (left->kind != GK_TOKEN_LETTER && left->kind != GK_TOKEN_NUMBER) return 0;
    if (right->kind != GK_TOKEN_LETTER && right->kind != GK_TOKEN_NUMBER) return 0;
    int32_t i = left->end;
    if (i == right->start) return 0;
    for (; i < right->start; i += 3) {
        if (right->start - i < 3 || s[i] != 0xE2 || s[i + 1] != 0x80 || s[i + 2] != 0x8B) return 0;
    }
    int32_t last = left->end - 1;
    while (last > from && (s[last] & 0xC0) == 0x80) last--;
    uint8_t before = classAt(s, last, to), after = classAt(s, right->start, to);
    return (before == WB_LETTER || before == WB_NUMBER || before == WB_EXTEND) && (after == WB_LETTER || after == WB_NUMBER);
}

// Joins the segments from `first` on that zero-width spaces split (see splitByZeroWidthSpace):
// the word takes the kind of its last part, as a word of letters then digits does.
static void joinAcrossZeroWidthSpaces(gk_segment_list *segments, int32_t first, const uint8_t *s, int32_t from, int32_t to) {
    int32_t kept = first;
    for (int32_t k = first; k < segments->count; k++) {
        gk_segment segment = segments->items[k];
        if (kept > first && splitByZeroWidthSpace(s, from, to, &segments->items[kept - 1], &segment)) {
            segments->items[kept - 1].end = segment.end;
            segments->items[kept - 1].kind = segment.kind;
            continue;
        }
        segments->items[kept++] = segment;
    }
    segments->count = kept;
}

int32_t gk_icu_split(gk_icu_splitter *icu, gk_segment_list *segments, const uint8_t *s, int32_t from, int32_t to) {
    int32_t first = segments->count;
    int32_t n16 = decode(icu, s + from, to - from);
    if (n16 < 0) return -U_MEMORY_ALLOCATION_ERROR;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(icu->breaker, icu->text16, n16, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    int32_t previous = ubrk_first(icu->breaker);
    for (int32_t next = ubrk_next(icu->breaker); next != UBRK_DONE; next = ubrk_next(icu->breaker)) {
        int32_t kind = kindOf(ubrk_getRuleStatus(icu->breaker));
        if (kind && !gk_segments_append(segments, from + icu->byteOffsets[previous], from + icu->byteOffsets[next], kind)) {
            return -U_MEMORY_ALLOCATION_ERROR;
        }
        previous = next;
    }
    joinAcrossZeroWidthSpaces(segments, first, s, from, to);
    return 0;
}
