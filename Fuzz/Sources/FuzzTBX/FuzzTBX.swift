import Foundation
import FuzzSupport
import GlossaryKit

/// The TBX reader, from memory and from a file (the path the tool takes, which streams the
/// file through its own UTF-8 and prolog checks): both refuse the input with an error inside
/// it, or both return the same glossary, which survives a YAML round trip, compiles and lints.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let file = ScratchFile.write(bytes, name: "fuzz.tbx")
    let positions = TextPositions(bytes)
    let fromMemory: Result<TBXReader.Output, InputError>
    do {
        fromMemory = .success(try TBXReader.load(data: Data(bytes), path: file))
    } catch {
        Expect.inside(error, path: file, positions: positions, what: "TBX from memory")
        fromMemory = .failure(error)
    }
    let fromFile: Result<TBXReader.Output, InputError>
    do {
        fromFile = .success(try TBXReader.load(contentsOf: file))
    } catch {
        Expect.inside(error, path: file, positions: positions, what: "TBX from a file")
        fromFile = .failure(error)
    }
    switch (fromMemory, fromFile) {
    case let (.success(memory), .success(streamed)):
        Invariant.require(
            YAMLGlossaryWriter.string(from: memory.glossary) == YAMLGlossaryWriter.string(from: streamed.glossary),
            "TBX: a file and the same bytes in memory read as different glossaries")
        Invariant.require(memory.diagnostics == streamed.diagnostics, "TBX: different diagnostics from a file and from memory")
        for diagnostic in memory.diagnostics {
            Expect.inside(
                InputError.atLocation(diagnostic.location, message: diagnostic.message, sourceLine: nil), path: file,
                positions: positions,
                what: "TBX diagnostic")
        }
        GlossaryChecks.afterReading(memory.glossary, what: "TBX")
    case (.failure, .failure):
        break
    case let (.success, .failure(error)):
        Invariant.fail("TBX: read from memory, refused from a file: \(error)")
    case let (.failure(error), .success):
        Invariant.fail("TBX: read from a file, refused from memory: \(error)")
    }
    return 0
}

@_cdecl("FuzzTBX_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    FuzzDriver.run(argc, argv, fuzzOne)
}
