import FuzzSupport

/// The i18n JSON reader, which reads the message files of one folder together and pairs their
/// strings by key: the input up to its first NUL byte is `en.json`, the rest (when there is a
/// NUL) `id.json`. A NUL never occurs in JSON text, so splitting there loses no input a file
/// could hold. See `BilingualChecks.run(_:what:)` for what must hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    var files = [(path: String, bytes: [UInt8])]()
    if let split = bytes.firstIndex(of: 0) {
        files = [("locales/en.json", Array(bytes[..<split])), ("locales/id.json", Array(bytes[(split + 1)...]))]
    } else {
        files = [("locales/en.json", bytes)]
    }
    BilingualChecks.run(files, what: "i18n JSON")
    return 0
}

@_cdecl("FuzzI18nJSON_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
