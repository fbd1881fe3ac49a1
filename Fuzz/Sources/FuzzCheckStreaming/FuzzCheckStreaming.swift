import FuzzSupport
import GlossaryKit

/// The check of a mapped file, read chunk by chunk and never whole (what the tool does for a
/// large file), against the check of the same bytes held in memory, with the options the first
/// input byte gives (`CheckInput`): both refuse the same bad byte, or both give the same
/// findings, consistently positioned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let input = CheckInput(FuzzDriver.bytes(data, size)) else { return 0 }
    let path = ScratchFile.write(input.bytes, name: input.path)
    let positions = TextPositions(input.bytes)
    let checker = FuzzGlossary.checker
    let whole: Result<[Finding], TextError>
    do {
        whole = .success(try checker.check(SourceText(path: path, bytes: input.bytes), options: input.options))
    } catch {
        error.expectInside(positions, what: "check in memory")
        whole = .failure(error)
    }
    let file: MappedFile
    do {
        file = try MappedFile(path: path)
    } catch {
        Invariant.fail("streaming: cannot map the scratch file: \(error)")
    }
    let streamed: Result<[Finding], TextError>
    do {
        streamed = .success(try checker.check(file, options: input.options))
    } catch {
        streamed = .failure(error)
    }
    switch (whole, streamed) {
    case let (.success(expected), .success(found)):
        Expect.consistent(found, path: path, positions: positions, what: "streaming")
        Expect.same(found, expected, what: "streamed and in memory")
    case let (.failure(expected), .failure(found)):
        Invariant.require(found == expected, "streaming: refused with \(found), in memory with \(expected)")
    case let (.success, .failure(error)):
        Invariant.fail("streaming: refused a text that is read in memory: \(error)")
    case let (.failure(error), .success):
        Invariant.fail("streaming: read a text that is refused in memory: \(error)")
    }
    return 0
}

@_cdecl("FuzzCheckStreaming_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
