import FuzzSupport

/// The XLIFF reader (1.2 and 2.0), on the bytes of one file `fuzz.xlf`, then the check of what it read: see
/// `BilingualChecks.run(_:what:)` for what must hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    BilingualChecks.run([("fuzz.xlf", FuzzDriver.bytes(data, size))], what: "XLIFF")
    return 0
}

@_cdecl("FuzzXLIFF_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
