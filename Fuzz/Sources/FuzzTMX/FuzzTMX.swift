import FuzzSupport

/// The TMX reader, on the bytes of one file `fuzz.tmx`, then the check of what it read: see
/// `BilingualChecks.run(_:what:)` for what must hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    BilingualChecks.run([("fuzz.tmx", FuzzDriver.bytes(data, size))], what: "TMX")
    return 0
}

@_cdecl("FuzzTMX_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
