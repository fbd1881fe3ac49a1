// The ICU floor: what any ICU-based checker must pay per byte. Reads a file, converts UTF-8 to
// UTF-16, applies NFKC_Casefold to the whole text, and iterates word boundaries, counting words.
// Build: cc -O2 icu_floor.c -licuuc -o icu_floor
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: icu_floor FILE\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *bytes = malloc((size_t)size);
    if (fread(bytes, 1, (size_t)size, file) != (size_t)size) { perror("read"); return 2; }
    fclose(file);

    double start = now();
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *casefold = unorm2_getNFKCCasefoldInstance(&status);
    UBreakIterator *breaker = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    long words = 0;
    // Chunks of about 1 MB cut at a line break, as a streaming checker would read them.
    long offset = 0;
    UChar *text = malloc(sizeof(UChar) * 2 * 1100000);
    UChar *folded = malloc(sizeof(UChar) * 4 * 1100000);
    while (offset < size) {
        long end = offset + 1000000;
        if (end >= size) end = size; else { while (end < size && bytes[end] != '\n') end++; }
        int32_t length16 = 0;
        u_strFromUTF8(text, 2 * 1100000, &length16, bytes + offset, (int32_t)(end - offset), &status);
        int32_t foldedLength = unorm2_normalize(casefold, text, length16, folded, 4 * 1100000, &status);
        ubrk_setText(breaker, folded, foldedLength, &status);
        for (int32_t b = ubrk_next(breaker); b != UBRK_DONE; b = ubrk_next(breaker)) {
            if (ubrk_getRuleStatus(breaker) >= UBRK_WORD_NONE_LIMIT) words++;
        }
        if (U_FAILURE(status)) { fprintf(stderr, "ICU error %s\n", u_errorName(status)); return 1; }
        offset = end;
    }
    double seconds = now() - start;
    printf("{\"bytes\": %ld, \"words\": %ld, \"seconds\": %.4f, \"mbPerSecond\": %.2f}\n",
           size, words, seconds, size / seconds / 1048576.0);
    return 0;
}
