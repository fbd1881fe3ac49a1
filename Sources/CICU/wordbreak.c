// The word-break state machine: UAX #29's word rules as ICU's default rules apply them, code
// point by code point, for the lines of Latin, Greek and Cyrillic text that the mask path cannot
// take. Lines with anything else go to ICU's break iterator.
//
// State: the class tables, filled once from ICU's Word_Break property (so that the fast path
// and ICU classify alike) and read-only afterwards, so shared by all threads; and a tokenizer's
// gk_line_scratch, the classes and offsets of the line being split, which only gk_fast_line
// touches. Invariants: a line it splits gets exactly the segments ICU's break iterator would
// give it; a line it cannot split exactly, or cannot split for want of memory, gets none (the
// list is left as it was found, and the outcome says which).
#include "wordbreak.h"
#include "CICU.h"

#include <pthread.h>
#include <unicode/uchar.h>

// Other scripts (Hebrew with its quote rules, Thai and CJK with dictionaries, emoji with ZWJ
// sequences…) stay with ICU.
uint8_t gk_fast_classes[GK_FAST_LIMIT];
uint8_t gk_punctuation_classes[GK_PUNCTUATION_END - GK_PUNCTUATION_START];
static pthread_once_t classesOnce = PTHREAD_ONCE_INIT;

static uint8_t classFromProperty(UChar32 c) {
    // ICU's word rules count '@' as a letter ("@user" and "user@host" are one word each).
    if (c == '@') return WB_LETTER;
    // A zero-width space breaks a word for ICU, but inside a Latin word (text pasted from the web)
    // it is invisible and the word is one: gk_icu_split joins the halves, so its lines go to ICU.
    if (c == GK_ZERO_WIDTH_SPACE) return WB_UNHANDLED;
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER: return WB_LETTER;
    case U_WB_NUMERIC: return WB_NUMBER;
    // ICU's word rules take ':' (and its full-width forms) out of MidLetter: "a:b" is three segments.
    case U_WB_MIDLETTER: return c == ':' ? WB_OTHER : WB_MID_LETTER;
    case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return WB_MID_NUM_LETTER;
    case U_WB_MIDNUM: return WB_MID_NUM;
    case U_WB_EXTENDNUMLET: return WB_EXTEND_NUM_LETTER;
    case U_WB_WSEGSPACE: return WB_SPACE;
    case U_WB_CR: return WB_CR;
    case U_WB_LF: return WB_LF;
    case U_WB_NEWLINE: return WB_NEWLINE;
    case U_WB_EXTEND: case U_WB_FORMAT: return WB_EXTEND;
    // '"' only joins Hebrew letters (WB7b, WB7c), which the fast path never sees.
    case U_WB_OTHER: case U_WB_DOUBLE_QUOTE: return WB_OTHER;
    default: return WB_UNHANDLED;   // ZWJ, Hebrew_Letter, Katakana, Regional_Indicator, …
    }
}

static void fillClasses(void) {
    for (UChar32 c = 0; c < GK_FAST_LIMIT; c++) gk_fast_classes[c] = classFromProperty(c);
    for (UChar32 c = GK_PUNCTUATION_START; c < GK_PUNCTUATION_END; c++) {
        gk_punctuation_classes[c - GK_PUNCTUATION_START] = classFromProperty(c);
    }
}

void gk_word_break_prepare(void) {
    pthread_once(&classesOnce, fillClasses);
}

void gk_line_scratch_free(gk_line_scratch *scratch) {
    gk_free(scratch->classes);
    gk_free(scratch->offsets);
    *scratch = (gk_line_scratch){ 0 };
}

// Segments one line (s[from..to), ending after its '\n' or at the end of the text) by the word
// rules of UAX #29 as ICU implements them: WB3 (CR × LF), WB3d (spaces stay together), WB4
// (marks and format characters join the letter before them), WB5–WB13b (letters, digits and
// connectors joined across '.', '\'', ’, '·', ',', ';', '_'). Appends the word segments (kind
// from ICU's rule status: 200 letter, 100 number) and returns GK_LINE_SPLIT; or returns
// GK_LINE_FOR_ICU when the line holds something the fast path leaves to ICU (an unhandled code
// point, a mark after anything but a letter, a word ending in a lone connector after a connector
// run's start), or GK_LINE_NO_MEMORY, in both cases with the list as it was.
//
// Lines are independent: WB3a/WB3b break after every line feed whatever follows, and no rule
// looks across one.
gk_line_outcome gk_fast_line(gk_line_scratch *scratch, gk_segment_list *segments, const uint8_t *s, int32_t from,
                             int32_t to) {
    int64_t capacity = (int64_t)to - from + 2;
    if (!gk_reserve((void **)&scratch->classes, &scratch->classCapacity, capacity, 1)) return GK_LINE_NO_MEMORY;
    if (!gk_reserve((void **)&scratch->offsets, &scratch->offsetCapacity, capacity, sizeof(int32_t))) {
        return GK_LINE_NO_MEMORY;
    }
    uint8_t *cls = scratch->classes;
    int32_t *off = scratch->offsets;
    int32_t n = 0;
    for (int32_t i = from; i < to;) {
        uint8_t b = s[i];
        uint32_t c;
        int32_t size;
        if (b < 0x80) { c = b; size = 1; }
        else if ((b & 0xE0) == 0xC0 && i + 1 < to) { c = ((b & 0x1Fu) << 6) | (s[i+1] & 0x3Fu); size = 2; }
        else if ((b & 0xF0) == 0xE0 && i + 2 < to) { c = ((b & 0x0Fu) << 12) | ((s[i+1] & 0x3Fu) << 6) | (s[i+2] & 0x3Fu); size = 3; }
        else return GK_LINE_FOR_ICU;
        uint8_t k = gk_word_break_class(c);
        if (k == WB_UNHANDLED) return GK_LINE_FOR_ICU;
        cls[n] = k;
        off[n] = i;
        n++;
        i += size;
    }
    cls[n] = WB_OTHER;      // a sentinel: no rule joins across it
    cls[n + 1] = WB_OTHER;
    off[n] = to;
    int32_t first = segments->count;
    int32_t i = 0;
    while (i < n) {
        uint8_t c = cls[i];
        if (c == WB_LETTER || c == WB_NUMBER || c == WB_EXTEND_NUM_LETTER) {
            int32_t start = i;
            uint8_t last = c;
            i++;
            for (;;) {
                uint8_t d = cls[i];
                if (d == WB_EXTEND) {
                    if (last != WB_LETTER) goto unhandled;
                    i++;
                } else if (d == WB_LETTER || d == WB_NUMBER || d == WB_EXTEND_NUM_LETTER) {
                    last = d;
                    i++;
                } else if ((d == WB_MID_LETTER || d == WB_MID_NUM_LETTER) && last == WB_LETTER && cls[i + 1] == WB_LETTER) {
                    i += 2;
                } else if ((d == WB_MID_NUM || d == WB_MID_NUM_LETTER) && last == WB_NUMBER && cls[i + 1] == WB_NUMBER) {
                    i += 2;
                } else {
                    if (cls[i + 1] == WB_EXTEND && (d == WB_MID_LETTER || d == WB_MID_NUM_LETTER || d == WB_MID_NUM)) goto unhandled;
                    break;
                }
            }
            // ICU's status is the last rule's: a word ending in a letter is a letter word, one
            // ending in a digit a number; trailing connectors keep the status of what they
            // follow when there is one ("1_" number), two or more make a letter word ("1__").
            int32_t kind;
            if (last == WB_LETTER) kind = GK_TOKEN_LETTER;
            else if (last == WB_NUMBER) kind = GK_TOKEN_NUMBER;
            else {
                int32_t run = 0, k = i - 1;
                while (k >= start && cls[k] == WB_EXTEND_NUM_LETTER) { run++; k--; }
                if (run >= 2) kind = GK_TOKEN_LETTER;
                else if (k < start) kind = 0;                       // a lone '_'
                else if (cls[k] == WB_NUMBER) kind = GK_TOKEN_NUMBER;
                else if (cls[k] == WB_LETTER || cls[k] == WB_EXTEND) kind = GK_TOKEN_LETTER;
                else goto unhandled;
            }
            if (kind && !gk_segments_append(segments, off[start], off[i], kind)) {
                segments->count = first;
                return GK_LINE_NO_MEMORY;
            }
            continue;
        }
        if (c == WB_EXTEND) goto unhandled;
        if (c == WB_SPACE) {
            while (cls[i] == WB_SPACE) i++;
            if (cls[i] == WB_EXTEND) goto unhandled;
            continue;
        }
        if (c == WB_CR) {
            i += cls[i + 1] == WB_LF ? 2 : 1;
            continue;
        }
        if (cls[i + 1] == WB_EXTEND && c != WB_LF && c != WB_NEWLINE) goto unhandled;
        i++;
    }
    return GK_LINE_SPLIT;
unhandled:
    segments->count = first;
    return GK_LINE_FOR_ICU;
}
