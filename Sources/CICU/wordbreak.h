// The word-break state machine: UAX #29's word rules as ICU implements them, for lines of Latin,
// Greek and Cyrillic text (see wordbreak.c).
#ifndef CICU_WORDBREAK_H
#define CICU_WORDBREAK_H

#include "segments.h"

// Word-break classes of the fast path: the Unicode word-break property (UAX #29) of the code
// points it handles, as ICU's default word rules use them.
enum {
    WB_OTHER, WB_LETTER, WB_NUMBER, WB_MID_LETTER, WB_MID_NUM_LETTER, WB_MID_NUM, WB_EXTEND_NUM_LETTER,
    WB_SPACE, WB_CR, WB_LF, WB_NEWLINE, WB_EXTEND,
    // A code point the fast path leaves to ICU (its line is segmented by the break iterator).
    WB_UNHANDLED
};

// U+200B ZERO WIDTH SPACE, which the splitters join words across (see icubreak.c).
#define GK_ZERO_WIDTH_SPACE 0x200B

// The fast path's classes of code points below GK_FAST_LIMIT and of General Punctuation, filled
// once by gk_word_break_prepare and only read afterwards.
#define GK_FAST_LIMIT 0x0590
#define GK_PUNCTUATION_START 0x2000
#define GK_PUNCTUATION_END 0x2070
extern uint8_t gk_fast_classes[GK_FAST_LIMIT];
extern uint8_t gk_punctuation_classes[GK_PUNCTUATION_END - GK_PUNCTUATION_START];

// Fills the class tables from ICU's Word_Break property, the first time it is called (from any
// thread); call it before anything below.
void gk_word_break_prepare(void);

// The class of code point `c`: WB_UNHANDLED for every code point the fast path leaves to ICU.
static inline uint8_t gk_word_break_class(uint32_t c) {
    if (c < GK_FAST_LIMIT) return gk_fast_classes[c];
    if (c >= GK_PUNCTUATION_START && c < GK_PUNCTUATION_END) return gk_punctuation_classes[c - GK_PUNCTUATION_START];
    return WB_UNHANDLED;
}

// The state machine's scratch: the classes and byte offsets of the code points of one line.
typedef struct {
    uint8_t *classes;
    int32_t classCapacity;
    int32_t *offsets;
    int32_t offsetCapacity;
} gk_line_scratch;

void gk_line_scratch_free(gk_line_scratch *scratch);

// What gk_fast_line did with a line. Three outcomes, named, so that no caller can take running
// out of memory for a line split (as a test of "nonzero" would).
typedef enum {
    GK_LINE_SPLIT,          // its words are appended
    GK_LINE_FOR_ICU,        // it holds something only ICU splits exactly: nothing appended
    GK_LINE_NO_MEMORY       // memory ran out: nothing appended
} gk_line_outcome;

// Splits the line s[from..to) into `segments` (see wordbreak.c).
gk_line_outcome gk_fast_line(gk_line_scratch *scratch, gk_segment_list *segments, const uint8_t *s, int32_t from,
                             int32_t to);

#endif
