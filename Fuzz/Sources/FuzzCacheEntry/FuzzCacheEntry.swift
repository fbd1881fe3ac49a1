import Foundation
import FuzzSupport
@_spi(Fuzzing) import GlossaryKit

/// The cache decoder, which reads compiled glossaries back from `~/.cache/glossary`, a folder
/// any program of the user can write to. Every input is tried twice: as a whole entry file
/// (which its checksum should refuse), and as an entry's content behind a valid header and
/// checksum, which is what a hostile or buggy writer could produce and what reaches the
/// decoder proper.
///
/// The decoder refuses the bytes or returns a glossary that is fit to use: it encodes to an
/// entry that decodes again and encodes to the same bytes, and checking a text made of its own
/// terms gives consistently positioned findings.
///
/// Seeds: `GLOSSARY_FUZZ_ENCODE=<glossary> GLOSSARY_FUZZ_ENCODE_TO=<file> FuzzCacheEntry`
/// writes the content of the entry the cache would store for a glossary, and exits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    if let compiled = FuzzingEntryPoints.decodeCacheEntry(bytes, key: key) {
        use(compiled, what: "cache entry")
    }
    let wrapped = FuzzingEntryPoints.cacheEntry(wrapping: bytes, key: key)
    if let compiled = FuzzingEntryPoints.decodeCacheEntry(wrapped, key: key) {
        use(compiled, what: "cache entry content")
    }
    return 0
}

/// The key every entry is stored under here.
let key = "0123456789abcdef"

/// Checks that a decoded glossary is fit to use.
func use(_ compiled: CompiledGlossary, what: String) {
    let entry = FuzzingEntryPoints.cacheEntry(of: compiled, key: key)
    guard let again = FuzzingEntryPoints.decodeCacheEntry(entry, key: key) else {
        Invariant.fail("\(what): a decoded glossary encodes to an entry the decoder refuses")
    }
    Invariant.require(
        FuzzingEntryPoints.cacheEntry(of: again, key: key) == entry,
        "\(what): decode → encode → decode → encode changed the bytes")
    // A text of the glossary's own terms, one per line and each twice in a sentence, so that
    // the matcher's tables are walked for real.
    var text = ""
    for concept in compiled.glossary.concepts.prefix(16) {
        for term in concept.terms.prefix(4) {
            text += "\(term.text) and \(term.text.uppercased()), then \(term.text).\n\n"
        }
    }
    let source = SourceText(path: "terms.txt", string: text)
    let checker = GlossaryChecker(compiled: compiled)
    do {
        let findings = try checker.check(source)
        Expect.consistent(findings, path: source.path, positions: TextPositions(source.bytes), what: what)
    } catch {
        Invariant.fail("\(what): checking a valid text failed: \(error)")
    }
}

@_cdecl("FuzzCacheEntry_main")
func fuzzMain(_ argc: CInt, _ argv: FuzzDriver.Arguments) -> CInt {
    let environment = ProcessInfo.processInfo.environment
    if let glossary = environment["GLOSSARY_FUZZ_ENCODE"], let output = environment["GLOSSARY_FUZZ_ENCODE_TO"] {
        do {
            let compiled = try CompiledGlossary(GlossaryLoader.load(paths: [glossary]))
            try Data(FuzzingEntryPoints.cacheEntryContent(of: compiled)).write(to: URL(fileURLWithPath: output))
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(glossary): \(error)\n".utf8))
            return 1
        }
    }
    return FuzzDriver.run(argc, argv, fuzzOne)
}
