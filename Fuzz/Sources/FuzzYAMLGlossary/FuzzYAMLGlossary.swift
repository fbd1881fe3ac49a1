import FuzzSupport
@_spi(Fuzzing) import GlossaryKit

/// The YAML glossary reader: bytes → text → glossary, as `glossary check -g terms.yml` reads a
/// file. It either refuses the input with an error inside it, or returns a glossary that
/// survives a YAML round trip, compiles and lints.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let path = "fuzz.yml"
    let glossary: Glossary
    do {
        let text = try FuzzingEntryPoints.text(bytes, path: path)
        glossary = try YAMLGlossaryReader.read(text, path: path)
    } catch {
        Expect.inside(error, path: path, positions: TextPositions(bytes), what: "YAML glossary")
        return 0
    }
    GlossaryChecks.afterReading(glossary, what: "YAML glossary")
    return 0
}

@_cdecl("FuzzYAMLGlossary_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
