// A deliberately small C interface to the system ICU.
//
// Only <stdint.h> types and opaque handles cross this header. Swift's Foundation ships its own
// ICU (module _FoundationICU); importing the system's <unicode/*.h> into any Swift module makes
// the two definitions of UErrorCode and friends collide, and ICU's versioned symbol renaming
// (u_foo -> u_foo_72) cannot be imported either. So the ICU headers are included only by the .c
// files of this target, and Swift sees these prefixed functions.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Fold options for gk_tokenizer_run and gk_fold.
enum {
    /// Also produce an accent-free key (é -> e, NFD marks removed).
    GK_FOLD_ACCENTS = 1,
    /// Fold ASCII words with ICU too, instead of lower-casing them directly (for the tests that
    /// show both give the same result).
    GK_FOLD_ICU_ONLY = 2,
    /// Split words with ICU's break iterator everywhere, instead of the fast path on lines of
    /// Latin, Greek and Cyrillic text (for the differential tests that show both agree).
    GK_SEGMENT_ICU_ONLY = 4
};

/// Kinds of word segments, from ICU's word-break rule status.
enum {
    GK_TOKEN_NUMBER = 1,
    GK_TOKEN_LETTER = 2,
    GK_TOKEN_KANA = 3,
    GK_TOKEN_IDEO = 4
};

/// One word of the input, located in the input's UTF-8 bytes.
typedef struct {
    /// Byte offset of the first byte of the word in the input.
    int32_t start;
    /// Byte offset just past the word.
    int32_t end;
    /// NFKC_Casefold form (U+2019 mapped to '), UTF-8, in the folded buffer.
    int32_t foldedStart;
    int32_t foldedLength;
    /// The folded form with combining marks removed; equals the folded form when there are none
    /// or when accent folding was not asked for.
    int32_t bareStart;
    int32_t bareLength;
    /// One of GK_TOKEN_*.
    int32_t kind;
} gk_token;

/// A reusable word tokenizer; not thread-safe, use one per thread.
typedef struct gk_tokenizer gk_tokenizer;

/// Creates a tokenizer. On failure returns NULL and stores a nonzero ICU error code in *error.
gk_tokenizer *gk_tokenizer_create(int32_t *error);

void gk_tokenizer_destroy(gk_tokenizer *tokenizer);

/// Splits `length` bytes of well-formed UTF-8 into words and folds each.
///
/// Returns the number of words, or a negative ICU error code. The tokens and the folded text stay
/// valid until the next call on the same tokenizer.
int32_t gk_tokenizer_run(gk_tokenizer *tokenizer, const uint8_t *utf8, int32_t length, int32_t options);

/// The tokens of the last run.
const gk_token *gk_tokenizer_tokens(const gk_tokenizer *tokenizer);

/// The folded UTF-8 text of the last run; token offsets index into it.
const uint8_t *gk_tokenizer_folded(const gk_tokenizer *tokenizer);

/// The length of the folded text of the last run or scan. (The words' folded forms are not
/// necessarily in text order in it.)
int32_t gk_tokenizer_folded_length(const gk_tokenizer *tokenizer);

/// Normalises well-formed UTF-8 to NFC into `out` (capacity `capacity`).
///
/// Returns the length needed (which may exceed capacity: call again with a larger buffer), or a
/// negative ICU error code.
int32_t gk_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity);

/// A set of byte strings, each with a dense id (0, 1, 2, … in insertion order).
typedef struct gk_lexicon gk_lexicon;

gk_lexicon *gk_lexicon_create(void);
void gk_lexicon_destroy(gk_lexicon *lexicon);

/// Adds `bytes` if absent; returns its id, or -1 when memory runs out.
int32_t gk_lexicon_insert(gk_lexicon *lexicon, const uint8_t *bytes, int32_t length);

/// The id of `bytes`, or -1.
int32_t gk_lexicon_find(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length);

/// Asks the processor to fetch the slot where `bytes` would be found or inserted, so that a
/// later gk_lexicon_insert or gk_lexicon_find of them waits less for memory. Changes nothing.
void gk_lexicon_prefetch(const gk_lexicon *lexicon, const uint8_t *bytes, int32_t length);

int32_t gk_lexicon_count(const gk_lexicon *lexicon);

/// The bytes of entry `id` (not NUL-terminated); their count goes to *length.
const uint8_t *gk_lexicon_bytes(const gk_lexicon *lexicon, int32_t id, int32_t *length);

/// The number of bytes gk_lexicon_serialize writes for `lexicon`.
int64_t gk_lexicon_serialized_size(const gk_lexicon *lexicon);

/// Writes the lexicon's hash table as it is in memory (keys, offsets, slots, hashes, in the
/// host's byte order) to `out`, which holds gk_lexicon_serialized_size bytes and starts at an
/// 8-byte boundary, so that gk_lexicon_borrow can use it where it lies.
void gk_lexicon_serialize(const gk_lexicon *lexicon, uint8_t *out);

/// A lexicon over a table written by gk_lexicon_serialize at the start of `data`, used in place:
/// nothing is copied, so `data` must stay valid and unchanged until the lexicon is destroyed.
/// The first insert copies the table into memory of the lexicon's own.
///
/// Returns NULL when `data` does not start at an 8-byte boundary, when the bytes are truncated
/// or inconsistent (counts, offsets, slots), when they were written with another hash function,
/// or when memory runs out; otherwise the number of bytes used goes to *consumed. With
/// `checkContents` 0, only the header and the sizes are checked, not the offsets and slots, so
/// that none of the arrays is read: for bytes that passed the full check before and have not
/// changed since.
gk_lexicon *gk_lexicon_borrow(const uint8_t *data, int64_t length, int checkContents, int64_t *consumed);

/// Gap classes reported by gk_tokenizer_scan_words besides lexicon ids.
enum {
    /// A blank line, the start of the text, or masked text: no term spans it.
    GK_GAP_HARD = -2,
    /// A separator no term contains.
    GK_GAP_UNKNOWN = -1
};

/// Token flags.
enum {
    /// The first word after a blank line (or of the text).
    GK_FLAG_PARAGRAPH = 1
};

/// One word of a scanned text: positions and lexicon ids, no text. (GlossaryKit's ScannedWord
/// has the same layout and copies these records whole; change both together.)
typedef struct {
    /// Byte offsets of the word, plus the `base` given to gk_tokenizer_scan_words.
    int32_t start;
    int32_t end;
    /// Lexicon id of the folded word, or -1.
    int32_t folded;
    /// Lexicon id of the accent-free folded word (-1 if absent); equals `folded` when the word
    /// has no accents.
    int32_t bare;
    /// When the folded word is not in `words`: its id in `types` (its folded bytes, then a 0 byte
    /// and its accent-free bytes when they differ), or -1 when no `types` lexicon was given.
    int32_t type;
    /// Lexicon id (in the gap lexicon) of the separator before the word, or GK_GAP_*.
    int32_t gap;
    /// The folded word's bytes in gk_tokenizer_folded().
    int32_t foldedStart;
    int32_t foldedLength;
    uint8_t kind;
    /// GK_FLAG_PARAGRAPH or 0 (the only flag, so that the byte reads as a boolean).
    uint8_t flags;
    /// What `wordFlags` (see gk_tokenizer_scan_words) says of the word, in 16 bits: bit 0 when
    /// the folded or the accent-free word has bit 0; bits 1-15 are bits 16-30 of the folded
    /// word's flags. 0 when no `wordFlags` was given.
    uint16_t lexiconFlags;
} gk_scanned;

/// Splits `length` bytes of well-formed UTF-8 into words: the first half of a scan, which
/// gk_tokenizer_scan_words completes. `options` takes GK_SEGMENT_ICU_ONLY (the reference path).
///
/// Returns the number of words, or a negative ICU error code.
int32_t gk_tokenizer_split(gk_tokenizer *tokenizer, const uint8_t *utf8, int32_t length, int32_t options);

/// Folds each word of the last gk_tokenizer_split (called with the same bytes) and looks it up
/// in `words` (a word not there is added to `types`, which collects the distinct unknown words
/// of a text), classifies the separator before each word with `gaps` (signature: white-space
/// runs as one space, ’ as ', other bytes kept; byte 0x1F marks masked text), and writes one
/// record per word to `out`, which has room for as many as the split returned: the caller's
/// own array, so the records are never copied.
///
/// The tokenizer remembers each distinct word with what it found for it in `words` and `types`
/// (so a repeated word costs one probe), and starts afresh when called with other lexicons;
/// call gk_tokenizer_forget before destroying a lexicon it may still remember. `options`
/// takes GK_FOLD_ICU_ONLY (the reference path, without the memo). Offsets in the records are
/// plus `base`; folded forms are in gk_tokenizer_folded() until the next split.
///
/// `wordFlags`, when not NULL, has one value per id of `words` (`wordFlagCount` of them); each
/// record's `lexiconFlags` summarises the values of its word (remembered with the word, so a
/// repeated word costs no look-up in the table).
///
/// Returns 0, or a negative ICU error code.
int32_t gk_tokenizer_scan_words(gk_tokenizer *tokenizer, const uint8_t *utf8, int32_t length, int32_t base,
                                const gk_lexicon *words, const gk_lexicon *gaps, gk_lexicon *types,
                                const uint32_t *wordFlags, int32_t wordFlagCount, int32_t options, gk_scanned *out);

/// How many lines this tokenizer has split with the fast path and with ICU's break iterator.
void gk_tokenizer_line_counts(const gk_tokenizer *tokenizer, int64_t *fast, int64_t *icu);

/// Forgets the words remembered by earlier scans (see gk_tokenizer_scan_words), as when a lexicon
/// they were looked up in is replaced.
void gk_tokenizer_forget(gk_tokenizer *tokenizer);


/// The offset of the first occurrence of `needle` in `haystack`, or -1.
int64_t gk_find_bytes(const uint8_t *haystack, int64_t length, const uint8_t *needle, int64_t needleLength);

/// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
/// forms, surrogates and code points above U+10FFFF are ill-formed), or -1 when all are valid.
int64_t gk_utf8_first_invalid(const uint8_t *bytes, int64_t length);

/// Moves the 1-based position (`*line`, `*column`) of byte `from` to that of byte `to`: a line
/// feed starts a new line at column 1, every byte that is not a UTF-8 continuation byte starts
/// a new column.
void gk_advance_position(const uint8_t *bytes, int64_t from, int64_t to, int64_t *line, int64_t *column);

/// Test support, compiled into debug builds only: from now on, on the calling thread, the
/// tokenizer's allocation after `after` successful ones fails (-1: none), and so does each of more
/// than `limit` bytes (0: no limit). Returns 1, or 0 in release builds, where it does nothing.
int32_t gk_debug_fail_allocations(int32_t after, int64_t limit);

/// What the test hooks saw on the calling thread (debug builds; zeros elsewhere): the number of
/// blocks the tokenizer has allocated and not freed, and the largest allocation refused since
/// the last gk_debug_fail_allocations.
void gk_debug_allocations(int64_t *live, int64_t *largestRefused);

/// Writes the ICU version ("72.1") into `out`, NUL-terminated.
void gk_icu_version(char *out, int32_t capacity);

/// Asks the processor to start loading the memory at `address` into its caches, because the
/// caller will read it soon: the matcher's look-ahead into the glossary's large tables, whose
/// random reads would otherwise each wait for main memory. A hint: it never faults and changes
/// no result. Inline, so that Swift's call is the one instruction.
static inline void gk_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#ifdef __cplusplus
}
#endif

#endif
