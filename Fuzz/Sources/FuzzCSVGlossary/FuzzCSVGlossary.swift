import Foundation
import FuzzSupport
import GlossaryKit

/// The CSV/TSV glossary reader, in both of its layouts and with the separator detected or
/// given: the first input byte picks how, the rest is the file. Each reading refuses the input
/// with an error inside it, or returns a glossary that survives a YAML round trip, compiles and
/// lints.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzDriver.bytes(data, size)
    guard let mode = input.first else { return 0 }
    let bytes = Array(input.dropFirst())
    // Bit 0: .tsv or .csv; bits 1-2: layout detected, wide or long; bit 3: separator given.
    let path = mode & 1 == 0 ? "fuzz.csv" : "fuzz.tsv"
    var options = CSVGlossaryReader.Options()
    switch (mode >> 1) & 3 {
    case 1: options.layout = .wide
    case 2: options.layout = .long
    default: break
    }
    if mode & 8 != 0 { options.separator = ";" }
    let glossary: Glossary
    do {
        glossary = try CSVGlossaryReader(options: options).read(data: Data(bytes), path: path)
    } catch {
        Expect.inside(error, path: path, positions: TextPositions(bytes), what: "CSV glossary")
        return 0
    }
    GlossaryChecks.afterReading(glossary, what: "CSV glossary")
    return 0
}

@_cdecl("FuzzCSVGlossary_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
