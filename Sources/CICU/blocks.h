// The mask path: lines of mostly ASCII text split 64 bytes at a time (see blocks.c).
#ifndef CICU_BLOCKS_H
#define CICU_BLOCKS_H

#include "segments.h"

// Fills the mask path's tables (and the word-break classes they come from) the first time it is
// called, from any thread; call it before gk_masked_lines.
void gk_blocks_prepare(void);

// Splits the lines from s[from] (a line start) on, appending their words to `segments` and the
// number of lines split to *lineCount. Returns where it stopped: at the start of the first line
// the masks cannot take, or at `length`; at `from` when the mask path is off (an ASCII byte of
// a class it does not know). Returns -1 when memory runs out.
int32_t gk_masked_lines(gk_segment_list *segments, const uint8_t *s, int32_t from, int32_t length, int64_t *lineCount);

#endif
