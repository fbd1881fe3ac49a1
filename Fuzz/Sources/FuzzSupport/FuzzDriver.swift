/// libFuzzer's driver, entered from a fuzz target's `main`.
///
/// SwiftPM links an executable target `Name` with `main` defined as `Name_main`, and libFuzzer
/// wants a `LLVMFuzzerTestOneInput`. Each target therefore defines both with `@_cdecl` and
/// passes the second to `run(_:_:_:)` from the first:
///
/// ```swift
/// @_cdecl("LLVMFuzzerTestOneInput")
/// public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
///     check(FuzzDriver.bytes(data, size))
///     return 0
/// }
///
/// @_cdecl("FuzzName_main")
/// func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
///     FuzzDriver.run(argc, argv, fuzzOne)
/// }
/// ```
///
/// `LLVMFuzzerRunDriver` exists only in a program linked with `-sanitize=fuzzer`, which is why
/// the targets live in a package of their own.
public enum FuzzDriver {
    /// `argv` as C hands it over.
    public typealias Arguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    /// A target's test of one input.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the command line (`-max_total_time=60 corpus/`, a crash file to
    /// reproduce, …) and returns its exit status.
    public static func run(_ argc: CInt, _ argv: Arguments, _ testOneInput: TestOneInput) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments, testOneInput)
    }

    /// The input as an array (empty for a null pointer).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzDriver.TestOneInput
) -> CInt
