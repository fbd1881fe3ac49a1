// The mask path: lines of ASCII, and of the letters of two or three bytes among it, split 64
// bytes at a time with bit masks instead of code point by code point.
//
// State: the byte flags (asciiFlags), whether the mask path can run at all (maskPath) and which
// classifier runs, all filled once by gk_blocks_prepare from the word-break classes and only
// read afterwards, so shared by all threads; what one block passes to the next (gk_carry,
// gk_spill) lives on gk_masked_lines' stack. Invariants: a classifier runs only if it gives the
// reference classifier's masks for all 256 byte values; the words appended for a line are the
// ones the state machine (and so ICU) gives it; a line the masks cannot take gets none, and is
// where gk_masked_lines stops.
#include "blocks.h"
#include "CICU.h"
#include "swar.h"
#include "wordbreak.h"

#include <pthread.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// For ASCII the word rules (see wordbreak.c) come down to this: a word is a run of letters,
// digits and connectors ('_'), where a MidLetter or MidNumLet between two letters (WB6, WB7) and
// a MidNum or MidNumLet between two digits (WB11, WB12) joins too; nothing else joins or breaks
// anything (ASCII has no marks). Whether a joiner joins depends on its two neighbours only, so 64
// bytes at a time become bit masks, and words are found with shifts and bit scans instead of a
// branch at every character, which the state machine mispredicts at nearly every word boundary.
// The few letters of two or three bytes in a mostly ASCII text (é, ß, ж) are given the masks of
// an ASCII letter, every byte alike, so the same rules apply to them. A line with anything else
// beyond ASCII (a mark, a joiner like ’, a code point left to ICU) goes to the state machine.

// What an ASCII byte is for the mask path (bits of asciiFlags), derived from gk_fast_classes.
enum {
    AF_LETTER = 1,              // ALetter, and '@' (see classFromProperty in wordbreak.c)
    AF_DIGIT = 2,               // Numeric
    AF_CONNECTOR = 4,           // ExtendNumLet
    AF_JOINS_LETTERS = 8,       // MidLetter or MidNumLet
    AF_JOINS_DIGITS = 16,       // MidNum or MidNumLet
    AF_NEWLINE = 32,            // '\n', where a line ends
    AF_HIGH = 64                // a byte of a multi-byte sequence (see patchBlock)
};
static uint8_t asciiFlags[256];
static int maskPath;            // every ASCII byte has a class the mask path knows

// One block of 64 bytes: bit i of each mask is about byte i.
typedef struct {
    uint64_t letter, digit, connector, joinsLetters, joinsDigits, newline, high;
} gk_block;

// The reference classifier: a table look-up per byte.
static void classifyBytes(const uint8_t *p, gk_block *b) {
    uint64_t letter = 0, digit = 0, connector = 0, joinsLetters = 0, joinsDigits = 0, newline = 0, high = 0;
    for (int i = 0; i < 64; i++) {
        uint64_t f = asciiFlags[p[i]];
        letter |= (f & 1) << i;
        digit |= (f >> 1 & 1) << i;
        connector |= (f >> 2 & 1) << i;
        joinsLetters |= (f >> 3 & 1) << i;
        joinsDigits |= (f >> 4 & 1) << i;
        newline |= (f >> 5 & 1) << i;
        high |= (f >> 6 & 1) << i;
    }
    *b = (gk_block){ letter, digit, connector, joinsLetters, joinsDigits, newline, high };
}

// The faster classifiers spell the classes out as byte comparisons. Each is used only when it
// agrees with the reference on every byte value (so with the classes ICU gives), else the next.
enum { CLASSIFY_BYTES, CLASSIFY_WORDS, CLASSIFY_SSE2 };
static int asciiClassifier;

static void classifyWords(const uint8_t *p, gk_block *b) {
    uint64_t letter = 0, digit = 0, connector = 0, joinsLetters = 0, joinsDigits = 0, newline = 0, high = 0;
    for (int k = 0; k < 8; k++) {
        uint64_t x;
        memcpy(&x, p + 8 * k, 8);
        uint64_t ascii = ~x & BYTES(0x80), low = x & BYTES(0x7F);
        uint64_t isLetter = (byteIn(low | BYTES(0x20), 'a', 'z') | byteIs(low, '@')) & ascii;
        uint64_t joinsBoth = (byteIs(low, '.') | byteIs(low, '\'')) & ascii;
        int shift = 8 * k;
        letter |= highBits(isLetter) << shift;
        digit |= highBits(byteIn(low, '0', '9') & ascii) << shift;
        connector |= highBits(byteIs(low, '_') & ascii) << shift;
        joinsLetters |= highBits(joinsBoth) << shift;
        joinsDigits |= highBits(joinsBoth | ((byteIs(low, ',') | byteIs(low, ';')) & ascii)) << shift;
        newline |= highBits(byteIs(low, '\n') & ascii) << shift;
        high |= highBits(x & BYTES(0x80)) << shift;
    }
    *b = (gk_block){ letter, digit, connector, joinsLetters, joinsDigits, newline, high };
}

#if defined(__SSE2__)
static void classifySSE2(const uint8_t *p, gk_block *b) {
    uint64_t letter = 0, digit = 0, connector = 0, joinsLetters = 0, joinsDigits = 0, newline = 0, high = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        // Ranges as one signed comparison: x + 0x80 - first (wrapping) is below -128 + size
        // exactly when first <= x < first + size. Letters are a–z once the case bit is set.
        __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i isLetter = _mm_or_si128(
            _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8((char)(0x80 - 'a'))), _mm_set1_epi8((char)(-128 + 26))),
            _mm_cmpeq_epi8(v, _mm_set1_epi8('@')));
        __m128i isDigit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(-128 + 10)));
        __m128i joinsBoth = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
        __m128i isMidNum = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8(';')));
        int shift = 16 * k;
        letter |= (uint64_t)(uint32_t)_mm_movemask_epi8(isLetter) << shift;
        digit |= (uint64_t)(uint32_t)_mm_movemask_epi8(isDigit) << shift;
        connector |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('_'))) << shift;
        joinsLetters |= (uint64_t)(uint32_t)_mm_movemask_epi8(joinsBoth) << shift;
        joinsDigits |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_or_si128(joinsBoth, isMidNum)) << shift;
        newline |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))) << shift;
        high |= (uint64_t)(uint32_t)_mm_movemask_epi8(v) << shift;
    }
    *b = (gk_block){ letter, digit, connector, joinsLetters, joinsDigits, newline, high };
}
#endif

static inline void classifyBlock(const uint8_t *p, gk_block *b) {
    switch (asciiClassifier) {
#if defined(__SSE2__)
    case CLASSIFY_SSE2: classifySSE2(p, b); return;
#endif
    case CLASSIFY_WORDS: classifyWords(p, b); return;
    default: classifyBytes(p, b); return;
    }
}

// Whether `classify` agrees with the reference on all 256 byte values.
static int classifierAgrees(void (*classify)(const uint8_t *, gk_block *)) {
    uint8_t bytes[256];
    for (int c = 0; c < 256; c++) bytes[c] = (uint8_t)c;
    for (int quarter = 0; quarter < 4; quarter++) {
        gk_block fast, reference;
        classify(bytes + 64 * quarter, &fast);
        classifyBytes(bytes + 64 * quarter, &reference);
        if (memcmp(&fast, &reference, sizeof fast) != 0) return 0;
    }
    return 1;
}

static void fillAsciiFlags(void) {
    maskPath = 1;
    for (int c = 0; c < 256; c++) {
        uint8_t f = 0;
        if (c >= 0x80) f = AF_HIGH;
        else switch (gk_fast_classes[c]) {
        case WB_LETTER: f = AF_LETTER; break;
        case WB_NUMBER: f = AF_DIGIT; break;
        case WB_EXTEND_NUM_LETTER: f = AF_CONNECTOR; break;
        case WB_MID_LETTER: f = AF_JOINS_LETTERS; break;
        case WB_MID_NUM_LETTER: f = AF_JOINS_LETTERS | AF_JOINS_DIGITS; break;
        case WB_MID_NUM: f = AF_JOINS_DIGITS; break;
        // Neither in a word nor joining one, whatever their neighbours.
        case WB_OTHER: case WB_SPACE: case WB_CR: case WB_LF: case WB_NEWLINE: break;
        // A mark (WB4) or a code point left to ICU would need the state machine.
        default: maskPath = 0; break;
        }
        if (c == '\n') f |= AF_NEWLINE;
        asciiFlags[c] = f;
    }
    asciiClassifier = CLASSIFY_BYTES;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (classifierAgrees(classifyWords)) asciiClassifier = CLASSIFY_WORDS;
#endif
#if defined(__SSE2__)
    if (classifierAgrees(classifySSE2)) asciiClassifier = CLASSIFY_SSE2;
#endif
}

static pthread_once_t asciiFlagsOnce = PTHREAD_ONCE_INIT;

void gk_blocks_prepare(void) {
    gk_word_break_prepare();
    pthread_once(&asciiFlagsOnce, fillAsciiFlags);
}

// What one block passes to the next: the classes of its last byte, whether a word runs on into
// the next block, and where that word started.
typedef struct {
    uint64_t letter, digit, connector, word, letterWord, numberWord;   // 0 or 1
    int32_t wordStart;
} gk_carry;

// Appends the words of the block at `base` that end in it (a word still running at its end is
// left in `carry`). `after` holds the flags of the byte after the block (0 past the text's end):
// only a joiner in the last byte looks at it.
static int wordsOfBlock(gk_segment_list *segments, const gk_block *b, int32_t base, uint8_t after, gk_carry *carry) {
    // At most 33 words end in a block (one byte each with a byte between, and one running in).
    if (!gk_reserve((void **)&segments->items, &segments->capacity, (int64_t)segments->count + 33, sizeof(gk_segment))) return 0;
    uint64_t letter = b->letter, digit = b->digit, connector = b->connector;
    // "Before" masks: bit i says what byte i - 1 is; "after" masks: what byte i + 1 is.
    uint64_t letterBefore = letter << 1 | carry->letter;
    uint64_t digitBefore = digit << 1 | carry->digit;
    uint64_t connectorBefore = connector << 1 | carry->connector;
    uint64_t letterAfter = letter >> 1 | (uint64_t)(after & AF_LETTER) << 63;
    uint64_t digitAfter = digit >> 1 | (uint64_t)(after >> 1 & 1) << 63;
    uint64_t joined = (b->joinsLetters & letterBefore & letterAfter) | (b->joinsDigits & digitBefore & digitAfter);
    uint64_t word = letter | digit | connector | joined;
    uint64_t wordBefore = word << 1 | carry->word;
    uint64_t starts = word & ~wordBefore;   // a word's first byte
    uint64_t ends = ~word & wordBefore;     // the byte after a word's last
    // The kind of a word whose last byte this is, as gk_fast_line gives it: a letter or a digit gives
    // its own; a connector after a connector or a letter makes a letter word, after a digit a
    // number, and after anything else (a lone '_') no word at all. A joiner is never last.
    uint64_t letterWord = letter | (connector & (connectorBefore | letterBefore));
    uint64_t numberWord = digit | (connector & digitBefore);
    uint64_t letterEnd = letterWord << 1 | carry->letterWord;
    uint64_t numberEnd = numberWord << 1 | carry->numberWord;

    gk_segment *out = segments->items + segments->count;
    if (carry->word && ends) {
        // The first end belongs to the word running in from the block before.
        int e = __builtin_ctzll(ends);
        ends &= ends - 1;
        int32_t kind = (int32_t)(letterEnd >> e & 1) * GK_TOKEN_LETTER + (int32_t)(numberEnd >> e & 1) * GK_TOKEN_NUMBER;
        *out = (gk_segment){ carry->wordStart, base + e, kind };
        out += kind != 0;
    }
    while (ends) {
        int st = __builtin_ctzll(starts), e = __builtin_ctzll(ends);
        starts &= starts - 1;
        ends &= ends - 1;
        int32_t kind = (int32_t)(letterEnd >> e & 1) * GK_TOKEN_LETTER + (int32_t)(numberEnd >> e & 1) * GK_TOKEN_NUMBER;
        *out = (gk_segment){ base + st, base + e, kind };
        out += kind != 0;   // a lone '_' is written over by the next word
    }
    if (starts) carry->wordStart = base + __builtin_ctzll(starts);   // the one still running
    segments->count = (int32_t)(out - segments->items);
    carry->letter = letter >> 63;
    carry->digit = digit >> 63;
    carry->connector = connector >> 63;
    carry->word = word >> 63;
    carry->letterWord = letterWord >> 63;
    carry->numberWord = numberWord >> 63;
    return 1;
}

// The flags of the code point of two or three bytes at s[i] (i < length), its length in *size;
// or 0xFF when the mask path cannot take it: a mark (it joins what precedes it, WB4), a joiner
// (its neighbours are not the bytes beside its own), a connector (a word's kind counts the
// connectors it ends with, not their bytes), a code point the fast path leaves to ICU, a
// sequence of four bytes, or malformed UTF-8.
static uint8_t multiByteFlags(const uint8_t *s, int32_t i, int32_t length, int *size) {
    uint8_t lead = s[i];
    uint32_t c;
    if ((lead & 0xE0) == 0xC0 && length - i >= 2 && (s[i + 1] & 0xC0) == 0x80) {
        c = ((lead & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
        *size = 2;
    } else if ((lead & 0xF0) == 0xE0 && length - i >= 3 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
        c = ((lead & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
        *size = 3;
    } else {
        return 0xFF;
    }
    switch (gk_word_break_class(c)) {
    case WB_LETTER: return AF_LETTER;
    case WB_NUMBER: return AF_DIGIT;
    case WB_OTHER: case WB_SPACE: case WB_NEWLINE: return 0;
    default: return 0xFF;
    }
}

// The bytes at the start of a block that end a code point begun in the block before.
typedef struct {
    int count;
    uint8_t flags;
} gk_spill;

// Gives the multi-byte code points of the block at s + base the masks of their class. Returns -1,
// or the offset in the block of the first code point that needs gk_fast_line.
static int patchBlock(const uint8_t *s, int32_t base, int32_t length, gk_block *b, gk_spill *spill) {
    uint64_t high = b->high;
    uint64_t letter = 0, digit = 0;
    if (spill->count) {
        uint64_t bits = ((uint64_t)1 << spill->count) - 1;
        if (spill->flags & AF_LETTER) letter |= bits;
        if (spill->flags & AF_DIGIT) digit |= bits;
        high &= ~bits;
        spill->count = 0;
    }
    int stop = -1;
    while (high) {
        int p = __builtin_ctzll(high), size;
        uint8_t f = multiByteFlags(s, base + p, length, &size);
        if (f == 0xFF) { stop = p; break; }
        uint64_t bits = (((uint64_t)1 << size) - 1) << p;   // the bytes in this block
        if (p + size > 64) *spill = (gk_spill){ p + size - 64, f };
        if (f & AF_LETTER) letter |= bits;
        if (f & AF_DIGIT) digit |= bits;
        high &= ~bits;
    }
    b->letter |= letter;
    b->digit |= digit;
    return stop;
}

// Splits the lines from s[from] (a line start) on: appends their words, and returns where it
// stopped: at the start of the first line that needs gk_fast_line (see patchBlock), or at `length`.
// Returns -1 when memory runs out. Newlines need no pass of their own: they are one more mask,
// which says where the line that needs gk_fast_line starts and counts the lines.
int32_t gk_masked_lines(gk_segment_list *segments, const uint8_t *s, int32_t from, int32_t length, int64_t *lineCount) {
    if (!maskPath) return from;
    int32_t first = segments->count;
    int32_t lineStart = from;   // just after the last '\n' seen
    int64_t lines = 0;
    gk_carry carry = { 0 };
    gk_spill spill = { 0, 0 };
    for (int32_t base = from;; base += 64) {
        int32_t available = length - base;
        gk_block b;
        if (available >= 64) classifyBlock(s + base, &b);
        else {
            uint8_t tail[64] = { 0 };   // a 0 byte neither is in a word nor joins one
            memcpy(tail, s + base, (size_t)available);
            classifyBlock(tail, &b);
        }
        int stop = b.high ? patchBlock(s, base, length, &b, &spill) : -1;
        if (stop >= 0) {
            // The line of that code point goes to gk_fast_line: drop its words appended so far and
            // split this block only up to that line.
            uint64_t newlinesBefore = b.newline & (((uint64_t)1 << stop) - 1);
            if (newlinesBefore) lineStart = base + 64 - __builtin_clzll(newlinesBefore);
            while (segments->count > first && segments->items[segments->count - 1].start >= lineStart) segments->count--;
            int32_t keep = lineStart - base;
            if (keep > 0) {
                // The byte before the line is a '\n', so no word runs into it.
                uint64_t mask = ((uint64_t)1 << keep) - 1;
                gk_block kept = { b.letter & mask, b.digit & mask, b.connector & mask, b.joinsLetters & mask,
                                  b.joinsDigits & mask, b.newline & mask, 0 };
                if (!wordsOfBlock(segments, &kept, base, 0, &carry)) return -1;
                lines += __builtin_popcountll(kept.newline);
            }
            *lineCount += lines;
            return lineStart;
        }
        uint8_t after = 0;
        if (available > 64) {
            after = asciiFlags[s[base + 64]];
            if (after & AF_HIGH) {
                // (One the masks cannot take makes the next block hand this line to gk_fast_line.)
                int size;
                uint8_t f = multiByteFlags(s, base + 64, length, &size);
                after = f == 0xFF ? 0 : f;
            }
        }
        if (!wordsOfBlock(segments, &b, base, after, &carry)) return -1;
        if (b.newline) {
            lineStart = base + 64 - __builtin_clzll(b.newline);
            lines += __builtin_popcountll(b.newline);
        }
        if (available <= 64) break;
    }
    // A word running to the end of the text (a shorter last block has ended it already).
    if (carry.word) {
        int32_t kind = (int32_t)carry.letterWord * GK_TOKEN_LETTER + (int32_t)carry.numberWord * GK_TOKEN_NUMBER;
        if (kind && !gk_segments_append(segments, carry.wordStart, length, kind)) return -1;
    }
    if (lineStart < length) lines++;   // the last line has no '\n'
    *lineCount += lines;
    return length;
}
