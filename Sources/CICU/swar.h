// Byte tests on eight bytes at once in a 64-bit word (SIMD within a register), for machines
// without SSE2 and for words of up to sixteen bytes held in two registers. With the high bits
// cleared, adding a constant below 0x80 to each byte cannot carry into the next, so each test
// leaves its answer in the byte's high bit; a multiplication gathers the eight high bits.
#ifndef CICU_SWAR_H
#define CICU_SWAR_H

#include <stdint.h>

#define BYTES(c) (0x0101010101010101ull * (uint8_t)(c))
static inline uint64_t byteIs(uint64_t low, uint8_t c) {
    return ~((low ^ BYTES(c)) + BYTES(0x7F)) & BYTES(0x80);
}
static inline uint64_t byteIn(uint64_t low, uint8_t first, uint8_t last) {
    return (low + BYTES(0x80 - first)) & ~(low + BYTES(0x7F - last)) & BYTES(0x80);
}
static inline uint64_t highBits(uint64_t m) {
    return ((m >> 7) * 0x0102040810204080ull) >> 56;
}

#endif
