import FuzzSupport
@_spi(Fuzzing) import GlossaryKit

/// Markdown masking (and the plain-text URL masking), which hides what is not prose before terms
/// are looked for. On any bytes, in both modes: the masked copy has the same length and the same
/// line breaks; the masked regions are sorted, non-empty and inside the text; exactly their
/// bytes change, to spaces with a mark on each opaque region's first byte that is not a line
/// break, or to the ignored byte (0x1E) in a transparent region (emphasis, a link's markup);
/// and a region of a valid UTF-8 text never starts or ends inside a character, so the masked
/// copy is valid UTF-8 too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
    let positions = TextPositions(bytes)
    for markdown in [true, false] {
        let what = markdown ? "Markdown masking" : "plain-text masking"
        let masked = FuzzingEntryPoints.mask(bytes, markdown: markdown)
        let ranges = FuzzingEntryPoints.maskedRanges(bytes, markdown: markdown)
        Invariant.require(masked.count == bytes.count, "\(what): \(bytes.count) bytes became \(masked.count)")
        var inRegion = [Bool](repeating: false, count: bytes.count)
        var previousStart = 0
        for range in ranges {
            Invariant.require(
                !range.isEmpty && range.lowerBound >= 0 && range.upperBound <= bytes.count,
                "\(what): region \(range) of a \(bytes.count)-byte text")
            Invariant.require(range.lowerBound >= previousStart, "\(what): regions out of order at \(range)")
            previousStart = range.lowerBound
            if isUTF8 {
                Invariant.require(
                    positions.isScalarBoundary(range.lowerBound) && positions.isScalarBoundary(range.upperBound),
                    "\(what): region \(range) cuts a character")
            }
            for index in range { inRegion[index] = true }
        }
        for index in bytes.indices {
            let original = bytes[index], now = masked[index]
            if original == 0x0A || original == 0x0D {
                Invariant.require(now == original, "\(what): line break at \(index) changed")
            } else if inRegion[index] {
                Invariant.require(
                    now == 0x20 || now == 0x1F || now == 0x1E, "\(what): byte \(index) in a region became \(now)")
            } else {
                Invariant.require(now == original, "\(what): byte \(index) outside every region changed")
            }
        }
        if isUTF8 {
            Invariant.require(String(validating: masked, as: UTF8.self) != nil, "\(what): masking made invalid UTF-8")
        }
    }
    return 0
}

@_cdecl("FuzzMarkdownMasking_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
